import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move an appointment to another time (same length).",
        discussion: "`--to` is the client's local time. Refused for the same reasons as `book`; a refused move leaves the appointment where it was.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The appointment id.", valueName: "appointment")) var appointment: String
    @Option(help: ArgumentHelp("The new start, in the client's local time.", valueName: "YYYY-MM-DDTHH:MM")) var to: String
    @Option(help: ArgumentHelp("Move it to another agenda of the same client (name or id).", valueName: "name-or-id"))
    var agenda: String?

    func run() throws {
        let id = try parseID(appointment, "appointment id")
        let start = try LocalDateTime(parsing: to)
        let (store, me) = try global.signedIn(Self.auditName)
        let current = try store.appointment(id: id)
        let client = try store.client(current.appointment.clientID)
        let target = try agenda.map { try store.agenda(of: client.id, named: $0).id }
        let moved = try store.move(id, to: client.calendar.instant(start), agendaID: target, by: me.identity)
        print("Moved appointment \(id) (\(moved.contactName)) to \(client.calendar.spoken(moved.start)).")
    }
}

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel an appointment, with the reason; lists who on the waiting list could take the slot.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The appointment id.", valueName: "appointment")) var appointment: String
    @Option(help: "Why it is cancelled (kept with the appointment).") var reason: String

    func run() throws {
        let id = try parseID(appointment, "appointment id")
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SecretaryCore.ValidationError(field: "reason", value: reason, reason: "say why the appointment is cancelled")
        }
        let (store, me) = try global.signedIn(Self.auditName)
        let cancellation = try store.cancel(id, reason: reason, by: me.identity)
        let client = try store.client(cancellation.appointment.appointment.clientID)
        let calendar = client.calendar
        print("Cancelled appointment \(id) (\(cancellation.appointment.contactName), \(calendar.spoken(cancellation.appointment.start))).")
        for match in cancellation.waitlistMatches {
            print("Waiting list: \(match.entry.contactName) (entry \(match.entry.id)) could take "
                  + "\(calendar.spoken(match.slot.start))-\(calendar.timeOfDay(of: match.slot.end))"
                  + (match.entry.typeName.map { ", \($0)" } ?? ""))
        }
    }
}

struct NoShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "no-show", abstract: "Record that the contact did not come to an appointment that has started.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The appointment id.", valueName: "appointment")) var appointment: String

    func run() throws {
        let id = try parseID(appointment, "appointment id")
        let (store, me) = try global.signedIn(Self.auditName)
        let marked = try store.markNoShow(id, by: me.identity)
        print("Appointment \(id) (\(marked.contactName)) marked as a no-show.")
    }
}
