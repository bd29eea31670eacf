import Foundation
import GRDB
import SecretaryCore

// Provisional: the agenda queries the console needs until the agenda work lands (it
// replaces these with its own). The calls' are in CallQueries, CallClaimQueries and
// PresenceQueries.

public struct WeekAppointment: Sendable {
    public let id: Int64
    public let start: Date
    public let end: Date
    public let contactName: String
    public let typeName: String
    public let colour: Int
}

public struct AgendaWeekData: Sendable {
    public let appointments: [WeekAppointment]
    public let absences: [DateInterval]
}

extension Store {
    public func agendaWeek(agendaID: Int64, from: Date, to: Date) throws -> AgendaWeekData {
        // Now served by the agenda queries (AgendaQueries.swift), which walk the
        // appointment(agenda_id, start_at) index; `weekGrid(agendaID:week:)` gives the laid-out week.
        try read { db in
            let window = DateInterval(start: from, end: to)
            let appointments = try Store.entries(agendaID: agendaID, overlapping: window, in: db).map {
                WeekAppointment(id: $0.id, start: $0.start, end: $0.end, contactName: $0.contactName,
                                typeName: $0.typeName, colour: $0.colour)
            }
            let absences = try Store.absences(agendaID: agendaID, overlapping: window, in: db).map(\.interval)
            return AgendaWeekData(appointments: appointments, absences: absences)
        }
    }
}
