import Foundation
@testable import SecretaryCore

/// A Paris practice open `mon-fri 08:00-12:00 14:00-19:00; sat 08:00-13:00`, with one
/// agenda, and helpers to lay appointments and absences into a schedule.
enum AgendaFixture {
    static let hours = "mon-fri 08:00-12:00 14:00-19:00; sat 08:00-13:00"

    static func client(hours: String = hours, country: Country = .fr, slotMinutes: Int = 15) -> Client {
        try! Client(id: ClientID("dr-test"), name: "Cabinet du Dr Test", profession: "Médecin généraliste",
                    line: PhoneNumber("01 40 00 00 01"), country: country, hours: WeeklyHours(parsing: hours),
                    plan: Plan(callsPerMonth: 100, smsPerMonth: 10), isMedical: true, slotMinutes: slotMinutes)
    }

    static func agenda(hours: String? = nil) -> Agenda {
        Agenda(id: 1, clientID: try! ClientID("dr-test"), name: "Dr Test", hours: hours.map { try! WeeklyHours(parsing: $0) })
    }

    static func contact(_ name: String = "Marie Lefèvre", blacklisted: Bool = false) -> Contact {
        let words = name.split(separator: " ").map(String.init)
        return try! Contact(id: 7, clientID: ClientID("dr-test"), lastName: words.last!,
                            firstName: words.dropLast().joined(separator: " "), phones: [], isBlacklisted: blacklisted)
    }

    /// `("2026-11-23T10:00", 20, "Jean Dupont")`: an appointment, booked unless said otherwise.
    static func entry(_ id: Int64, _ start: String, _ minutes: Int, _ name: String,
                      status: AppointmentStatus = .booked, zone: String = "Europe/Paris") -> AppointmentDetails {
        let begin = instant(start, zone)
        let appointment = try! Appointment(id: id, clientID: ClientID("dr-test"), agendaID: 1, contactID: id, typeID: 1,
                                           start: begin, end: begin.addingTimeInterval(TimeInterval(minutes * 60)),
                                           status: status)
        return AppointmentDetails(appointment: appointment, contactName: name, typeName: "Consultation", colour: 2)
    }

    static func absence(_ start: String, _ end: String, _ reason: String = "Congrès") -> Absence {
        try! Absence(id: 1, agendaID: 1, start: instant(start), end: instant(end), reason: reason)
    }

    /// A schedule over `days` days from `first`.
    static func schedule(from first: String = "2026-11-16", days: Int = 60, client: Client = client(),
                         agenda: Agenda = agenda(), entries: [AppointmentDetails] = [], absences: [Absence] = []) -> AgendaSchedule {
        let start = try! LocalDate(parsing: first)
        return AgendaSchedule(client: client, agenda: agenda,
                              window: AgendaSchedule.window(from: start, through: start.adding(days: days - 1),
                                                            calendar: client.calendar),
                              entries: entries, absences: absences)
    }

    static func date(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }
}
