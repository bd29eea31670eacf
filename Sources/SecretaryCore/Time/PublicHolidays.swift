/// Public holidays (*jours fériés*) on which the service is closed, for each country.
public enum PublicHolidays {
    /// Holidays of `year` in `country`, with their French names.
    public static func holidays(in year: Int, country: Country) -> [LocalDate: String] {
        known.value(for: YearOf(year: year, country: country)) { computeHolidays(in: $0.year, country: $0.country) }
    }

    private struct YearOf: Hashable {
        let year: Int
        let country: Country
    }

    private static let known = Memo<YearOf, [LocalDate: String]>()

    private static func computeHolidays(in year: Int, country: Country) -> [LocalDate: String] {
        let easter = easterSunday(year)
        func day(_ month: Int, _ day: Int) -> LocalDate { LocalDate(normalizingYear: year, month: month, day: day) }
        var list: [LocalDate: String] = [
            day(1, 1): "Jour de l'an",
            easter.adding(days: 1): "Lundi de Pâques",
            day(5, 1): "Fête du travail",
            easter.adding(days: 39): "Ascension",
            easter.adding(days: 50): "Lundi de Pentecôte",
            day(8, 15): "Assomption",
            day(11, 1): "Toussaint",
            day(11, 11): "Armistice",
            day(12, 25): "Noël",
        ]
        switch country {
        case .fr:
            list[day(5, 8)] = "Victoire 1945"
            list[day(7, 14)] = "Fête nationale"
        case .be:
            list[day(7, 21)] = "Fête nationale"
        }
        return list
    }

    public static func name(of date: LocalDate, country: Country) -> String? {
        holidays(in: date.year, country: country)[date]
    }

    /// Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(normalizingYear: year, month: month, day: day)
    }
}
