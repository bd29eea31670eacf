import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// `--client ID [--agenda A]`, shared by the agenda commands.
struct AgendaChoice: ParsableArguments {
    @Option(help: "The client id (see `secretary clients`).") var client: String
    @Option(help: ArgumentHelp("The agenda: its name (or a unique part of it, accent-blind) or its id; default the client's first.",
                               valueName: "name-or-id"))
    var agenda: String?

    func clientID() throws -> ClientID { try ClientID(client) }

    /// The client and the agenda meant, read from the store (nothing written).
    func resolve(in store: Store) throws -> (Client, Agenda) {
        let id = try clientID()
        let found = try store.client(id)
        return (found, try store.agenda(of: id, named: agenda))
    }
}

/// What a user typed for an appointment (or entry) id.
func parseID(_ text: String, _ field: String) throws -> Int64 {
    guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id > 0 else {
        throw SecretaryCore.ValidationError(field: field, value: text, reason: "expected a number, like 1234")
    }
    return id
}

/// A local time typed as `2026-11-23T10:00`, or a bare date (`2026-11-23`) meaning the start
/// of that day, or with `endOfDay` its end (an absence `--to 2026-12-31` includes the 31st).
enum TypedTime {
    case moment(LocalDateTime)
    case day(LocalDate)

    init(_ text: String, field: String = "date and time") throws {
        if text.contains("T") {
            self = .moment(try LocalDateTime(parsing: text))
        } else if let date = try? LocalDate(parsing: text), text.contains("-") {
            self = .day(date)
        } else {
            throw SecretaryCore.ValidationError(field: field, value: text, reason: "expected YYYY-MM-DDTHH:MM or YYYY-MM-DD")
        }
    }

    /// The instant in `calendar` (the client's zone).
    func instant(in calendar: LocalCalendar, endOfDay: Bool = false) -> Date {
        switch self {
        case .moment(let local): return calendar.instant(local)
        case .day(let date): return calendar.instant(endOfDay ? date.adding(days: 1) : date, try! TimeOfDay(minutes: 0))
        }
    }
}

extension LocalCalendar {
    /// `2026-11-23T10:00`, for JSON.
    func stamp(_ instant: Date) -> String { localDateTime(of: instant).description }
}
