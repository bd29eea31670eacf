import ConsoleUI
import Foundation
import SecretaryCore
import SecretaryStore

// The agenda's data for the console: the store's week grid and booking operations, each
// under the operator's name in the audit log.

extension StoreConsoleData {
    public func weekGrid(agenda: Agenda, monday: LocalDate) throws -> WeekGrid {
        try store.weekGrid(agendaID: agenda.id, week: monday)
    }

    public func appointment(id: Int64) throws -> AppointmentDetails {
        try store.appointment(id: id)
    }

    public func book(_ booking: BookingRequest, by user: Operator) throws -> AppointmentDetails {
        try store.book(booking, by: identity)
    }

    public func move(appointment id: Int64, to start: Date, agendaID: Int64, by user: Operator) throws -> AppointmentDetails {
        try store.move(id, to: start, agendaID: agendaID, by: identity)
    }

    public func cancel(appointment id: Int64, reason: String, by user: Operator) throws -> AgendaCancellation {
        let cancellation = try store.cancel(id, reason: reason, by: identity)
        return AgendaCancellation(appointment: cancellation.appointment, freed: cancellation.freed,
                                  matches: cancellation.waitlistMatches)
    }

    public func markNoShow(appointment id: Int64, by user: Operator) throws -> AppointmentDetails {
        try store.markNoShow(id, by: identity)
    }

    public func nextFreeSlot(agendaID: Int64, typeID: Int64, from: Date) throws -> DateInterval? {
        try store.freeSlots(agendaID: agendaID, typeID: typeID, from: from, count: 1).first
    }

    public func absences(agendaID: Int64, endingAfter from: Date) throws -> [Absence] {
        try store.absences(agendaID: agendaID, endingAfter: from)
    }

    public func addAbsence(agendaID: Int64, from: Date, to: Date, reason: String, by user: Operator) throws
        -> (absence: Absence, affected: [AppointmentDetails]) {
        let added = try store.addAbsence(agendaID: agendaID, from: from, to: to, reason: reason, by: Identity(user.login))
        return (added.absence, added.affected)
    }

    public func waitlist(agendaID: Int64) throws -> [WaitlistEntry] { try store.waitlist(agendaID: agendaID) }

    public func addToWaitlist(_ request: WaitlistRequest, by user: Operator) throws -> WaitlistEntry {
        try store.addToWaitlist(agendaID: request.agendaID, contactID: request.contactID, typeID: request.typeID,
                                preferences: request.preferences, note: request.note, by: identity)
    }
}
