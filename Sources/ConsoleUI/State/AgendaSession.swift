import Foundation
import SecretaryCore

extension ConsoleSession {
    /// Performs an agenda effect. A refusal by the booking rules (taken, closed, past,
    /// blacklisted...) comes back as `.refused` with its reason, so the agenda can say it and
    /// read the week again; other errors too, worded by whoever threw them.
    func performAgenda(_ effect: AgendaEffect) -> Event {
        let user = state.user
        do {
            switch effect {
            case .showAppointment(let id):
                return .agenda(.appointmentShown(try data.appointment(id: id)))
            case .book(let booking):
                return .agenda(.booked(try data.book(booking, by: user)))
            case .move(let id, let start, let agendaID):
                return .agenda(.moved(try data.move(appointment: id, to: start, agendaID: agendaID, by: user)))
            case .cancel(let id, let reason):
                return .agenda(.cancelled(try data.cancel(appointment: id, reason: reason, by: user)))
            case .markNoShow(let id):
                return .agenda(.noShowMarked(try data.markNoShow(appointment: id, by: user)))
            case .findFreeSlot(let agendaID, let typeID, let from):
                return .agenda(.freeSlotFound(try data.nextFreeSlot(agendaID: agendaID, typeID: typeID, from: from), typeID: typeID))
            case .addToWaitlist(let request):
                return .agenda(.waitlisted(try data.addToWaitlist(request, by: user)))
            case .loadAbsences(let agendaID):
                return .agenda(.absencesLoaded(agendaID, try data.absences(agendaID: agendaID, endingAfter: state.now)))
            case .addAbsence(let agendaID, let from, let to, let reason):
                let added = try data.addAbsence(agendaID: agendaID, from: from, to: to, reason: reason, by: user)
                return .agenda(.absenceAdded(added.absence, affected: added.affected))
            case .loadWaitlist(let agendaID):
                return .agenda(.waitlistLoaded(agendaID, try data.waitlist(agendaID: agendaID)))
            }
        } catch let violation as RuleViolation {
            return .agenda(.refused(violation.reason))
        } catch {
            return .agenda(.refused("\(error)"))
        }
    }
}
