import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book", abstract: "Book an appointment; prints its id.",
        discussion: """
            Refused (exit 1, the reason on stderr, nothing written) when the time is outside the \
            agenda's hours or in a lunch break, overlaps another appointment, falls in an absence or \
            on a public holiday, is in the past, or the contact is blacklisted. `--at` is the \
            client's local time.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var choice: AgendaChoice
    @Option(help: ArgumentHelp("The contact's id (see `secretary contacts find`).", valueName: "id")) var contact: String?
    @Option(help: ArgumentHelp("The caller's number, in any format: books its contact.", valueName: "number")) var phone: String?
    @Option(help: ArgumentHelp("With --phone, when no contact has that number: create one (first names, then the last name).",
                               valueName: "name"))
    var name: String?
    @Option(help: ArgumentHelp("The appointment type, by name (accent- and case-blind) or id.", valueName: "type")) var type: String
    @Option(help: ArgumentHelp("The start, in the client's local time.", valueName: "YYYY-MM-DDTHH:MM")) var at: String
    @Option(help: "A note for the practitioner.") var note: String = ""

    func run() throws {
        _ = try choice.clientID()
        let start = try LocalDateTime(parsing: at)
        guard (contact == nil) != (phone == nil) else {
            throw SecretaryCore.ValidationError(field: "contact", value: contact ?? phone ?? "",
                                                reason: "give either --contact ID or --phone NUMBER")
        }
        if name != nil && phone == nil {
            throw SecretaryCore.ValidationError(field: "name", value: name!, reason: "--name goes with --phone")
        }
        let contactID = try contact.map { try parseID($0, "contact id") }
        if let phone { _ = try PhoneNumber(phone) }

        let (store, me) = try global.signedIn(Self.auditName)
        let (client, agenda) = try choice.resolve(in: store)
        let appointmentType = try store.appointmentType(of: client.id, named: type)
        let who: BookingContact = try contactID.map { .existing($0) }
            ?? .phone(PhoneNumber(phone!, country: client.country), newContactName: name)
        let booked = try store.book(BookingRequest(agendaID: agenda.id, contact: who, typeID: appointmentType.id,
                                                   start: client.calendar.instant(start), note: note),
                                    by: me.identity)
        print(booked.id)
    }
}
