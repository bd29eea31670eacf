import Foundation

/// How much of a patient's identity leaves the service in an exported calendar. Notes,
/// cancellation reasons and phone numbers never do, whatever the choice.
public enum ExportPrivacy: String, CaseIterable, Sendable {
    /// The contact's name and the appointment's type.
    case full
    /// Initials (`M. L.`) and the type.
    case initials
    /// Only that the time is taken.
    case busy
}

/// An appointment as an export sees it: its details, and how often and when it last
/// changed (SEQUENCE and LAST-MODIFIED).
public struct ExportedAppointment: Sendable, Equatable {
    public var details: AppointmentDetails
    public var revision: Int
    public var modifiedAt: Date

    public init(details: AppointmentDetails, revision: Int, modifiedAt: Date) {
        self.details = details
        self.revision = revision
        self.modifiedAt = modifiedAt
    }
}

/// One agenda as an RFC 5545 calendar: a VEVENT per appointment (cancelled ones with
/// STATUS:CANCELLED) and per absence (busy), times with the client's TZID and its VTIMEZONE.
public struct CalendarExport: Sendable {
    public let client: Client
    public let agenda: Agenda
    public let appointments: [ExportedAppointment]
    public let absences: [Absence]
    public let privacy: ExportPrivacy

    public init(client: Client, agenda: Agenda, appointments: [ExportedAppointment], absences: [Absence], privacy: ExportPrivacy) {
        self.client = client
        self.agenda = agenda
        self.appointments = appointments
        self.absences = absences
        self.privacy = privacy
    }

    /// The same appointment always has the same UID: across exports, after a move, and in
    /// a CalDAV collection (where it also names the resource).
    public static func uid(appointment id: Int64, client: ClientID) -> String { "appointment-\(id).\(client.rawValue)@secretary" }
    public static func uid(absence id: Int64, client: ClientID) -> String { "absence-\(id).\(client.rawValue)@secretary" }

    /// The whole calendar, CRLF line ends, folded.
    public var text: String {
        var lines = header
        lines += timeZoneLines
        for appointment in appointments { lines += event(appointment) }
        for absence in absences { lines += event(absence) }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarLines.folded).joined()
    }

    /// A calendar holding one appointment alone (a CalDAV resource).
    public func resource(for appointment: ExportedAppointment) -> String {
        (header + timeZoneLines + event(appointment) + ["END:VCALENDAR"]).map(ICalendarLines.folded).joined()
    }

    var header: [String] { Self.header(client: client, name: agenda.name) }

    var timeZoneLines: [String] {
        Self.timeZoneLines(client: client, starts: appointments.map(\.details.start) + absences.map(\.start),
                           ends: appointments.map(\.details.end) + absences.map(\.end))
    }

    /// Several agendas of one client in one calendar named `name` (a client's data export):
    /// one VTIMEZONE covering them all, then every agenda's events.
    public static func combined(_ exports: [CalendarExport], client: Client, name: String) -> String {
        var lines = header(client: client, name: name)
        lines += timeZoneLines(client: client,
                               starts: exports.flatMap { $0.appointments.map(\.details.start) + $0.absences.map(\.start) },
                               ends: exports.flatMap { $0.appointments.map(\.details.end) + $0.absences.map(\.end) })
        for export in exports {
            for appointment in export.appointments { lines += export.event(appointment) }
            for absence in export.absences { lines += export.event(absence) }
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarLines.folded).joined()
    }

    static func header(client: Client, name: String) -> [String] {
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//secretary//agenda export//FR", "CALSCALE:GREGORIAN",
         "X-WR-CALNAME:\(ICalendarLines.escaped(name))", "X-WR-TIMEZONE:\(client.timeZoneIdentifier)"]
    }

    static func timeZoneLines(client: Client, starts: [Date], ends: [Date]) -> [String] {
        let span = DateInterval(start: starts.min() ?? Date(timeIntervalSince1970: 0),
                                end: max(ends.max() ?? Date(timeIntervalSince1970: 0), starts.min() ?? Date(timeIntervalSince1970: 0)))
        return TimeZoneDefinition.lines(for: client.calendar, covering: span)
    }

    func event(_ exported: ExportedAppointment) -> [String] {
        let details = exported.details
        let summary: String
        switch privacy {
        case .full: summary = "\(details.typeName) – \(details.contactName)"
        case .initials: summary = "\(details.typeName) – \(Self.initials(details.contactName))"
        case .busy: summary = Self.busyWord
        }
        var lines = ["BEGIN:VEVENT",
                     "UID:\(Self.uid(appointment: details.id, client: details.appointment.clientID))",
                     "DTSTAMP:\(ICalendarLines.utc(exported.modifiedAt))"]
        if let booked = details.bookedAt { lines.append("CREATED:\(ICalendarLines.utc(booked))") }
        lines += ["LAST-MODIFIED:\(ICalendarLines.utc(exported.modifiedAt))",
                  "SEQUENCE:\(exported.revision)"]
        lines += times(details.start, details.end)
        lines += ["SUMMARY:\(ICalendarLines.escaped(summary))",
                  "STATUS:\(details.status == .cancelled ? "CANCELLED" : "CONFIRMED")",
                  "TRANSP:\(details.status == .cancelled ? "TRANSPARENT" : "OPAQUE")"]
        if privacy != .full { lines.append("CLASS:PRIVATE") }
        return lines + ["END:VEVENT"]
    }

    func event(_ absence: Absence) -> [String] {
        let summary = privacy == .full && !absence.reason.isEmpty ? "\(Self.awayWord) (\(absence.reason))" : Self.awayWord
        return ["BEGIN:VEVENT",
                "UID:\(Self.uid(absence: absence.id, client: client.id))",
                "DTSTAMP:\(ICalendarLines.utc(absence.start))"]
            + times(absence.start, absence.end)
            + ["SUMMARY:\(ICalendarLines.escaped(summary))", "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
    }

    func times(_ start: Date, _ end: Date) -> [String] {
        let zone = client.timeZoneIdentifier, calendar = client.calendar
        return ["DTSTART;TZID=\(zone):\(ICalendarLines.local(start, in: calendar))",
                "DTEND;TZID=\(zone):\(ICalendarLines.local(end, in: calendar))"]
    }

    static let busyWord = "Occupé"
    static let awayWord = "Absent"

    /// `Marie Lefèvre` → `M. L.`; `Jean-Pierre Durand` → `J.-P. D.`
    public static func initials(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).map { word in
            word.split(separator: "-").compactMap { $0.first.map { "\($0.uppercased())." } }.joined(separator: "-")
        }.joined(separator: " ")
    }
}
