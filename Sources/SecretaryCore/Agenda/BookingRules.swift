import Foundation

/// Decides whether an appointment may be booked (or moved) at a time. Each refusal is a
/// `RuleViolation` whose reason an operator can read aloud or act on; the first rule
/// broken is reported, in the order a caller would find most useful: who, when, then where.
///
/// The store runs these rules inside the write transaction that books, on a schedule it
/// has just re-read there, so two terminals can never both win the same slot.
public struct BookingRules: Sendable {
    public let schedule: AgendaSchedule
    public let now: Date

    public init(schedule: AgendaSchedule, now: Date) {
        self.schedule = schedule
        self.now = now
    }

    /// Throws the first rule that booking `contact` for `minutes` at `start` breaks.
    /// `moving` is the appointment being moved: it does not collide with itself.
    public func check(start: Date, minutes: Int, contact: Contact, moving: Int64? = nil) throws {
        if contact.isBlacklisted {
            throw RuleViolation(.blacklistedContact,
                                "\(contact.displayName) is on \(schedule.client.name)'s blacklist: no appointment may be booked for this contact")
        }
        if let violation = violation(start: start, minutes: minutes, moving: moving) { throw violation }
    }

    /// A time typed by hand between two slots (14:47 on a 15-minute grid) would leave gaps
    /// no booking can fill and block both neighbouring slots; the console only offers slots.
    public static func offGrid(_ start: LocalDateTime, client: Client) -> RuleViolation? {
        let slot = client.slotMinutes
        guard start.seconds != 0 || start.time.minutes % slot != 0 else { return nil }
        return RuleViolation(.offSlotGrid, "\(client.calendar.spoken(client.calendar.instant(start))) is between two slots: "
                             + "\(client.name)'s appointments start every \(slot) minutes (\(slot)-minute grid)")
    }

    /// The first rule the time itself breaks, whoever the contact; nil when the slot is
    /// free. The free-slot search asks this of every candidate.
    public func violation(start: Date, minutes: Int, moving: Int64? = nil) -> RuleViolation? {
        let calendar = schedule.calendar
        let wanted = DateInterval(start: start, duration: TimeInterval(minutes * 60))
        let date = calendar.localDate(of: start)
        // Worded only when refusing: the free-slot search asks this of hundreds of candidates.
        var when: String { calendar.spoken(start) }

        if start < now {
            return RuleViolation(.inThePast, "\(when) is in the past: it is now \(calendar.spoken(now))")
        }
        if let holiday = schedule.holiday(on: date) {
            return RuleViolation(.onPublicHoliday, "\(date.spoken) is a public holiday (\(holiday)): nothing is booked that day")
        }
        if let reason = outsideHours(wanted, minutes: minutes, on: date) {
            return RuleViolation(.outsideOpeningHours, reason)
        }
        if let absence = schedule.absences(overlapping: wanted).first {
            let why = absence.reason.isEmpty ? "" : " (\(absence.reason))"
            return RuleViolation(.inAbsence, "\(schedule.agenda.name) is away from \(calendar.spoken(absence.start)) "
                                 + "to \(calendar.spoken(absence.end))\(why): \(when) cannot be booked")
        }
        if let taken = schedule.entries(overlapping: wanted, except: moving).first {
            return RuleViolation(.overlapsAppointment,
                                 "the slot is taken: \(when) for \(minutes) min overlaps \(taken.contactName)'s appointment "
                                 + "\(calendar.spokenSpan(taken.interval)); pick another slot")
        }
        return nil
    }

    /// Why `wanted` does not fit in one open range of its day, or nil when it does.
    private func outsideHours(_ wanted: DateInterval, minutes: Int, on date: LocalDate) -> String? {
        let calendar = schedule.calendar
        let intervals = schedule.openIntervals(on: date)
        if intervals.contains(where: { $0.encloses(wanted) }) { return nil }
        let hours = TimeRange.spoken(schedule.ranges(on: date))
        let whose = schedule.agenda.name
        if intervals.isEmpty {
            return "\(whose) has no hours on \(date.spoken): nothing is booked that day"
        }
        let when = calendar.spoken(wanted.start)
        guard let started = intervals.first(where: { $0.start <= wanted.start && wanted.start < $0.end }) else {
            return "\(when) is outside \(whose)'s hours (\(date.weekday.name): \(hours))"
        }
        return "a \(minutes)-minute appointment at \(when) would end at \(calendar.timeOfDay(of: wanted.end)), "
            + "after \(calendar.timeOfDay(of: started.end)) (\(whose)'s hours on \(date.weekday.name): \(hours))"
    }
}
