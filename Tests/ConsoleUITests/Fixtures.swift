import Foundation
@testable import ConsoleUI
import SecretaryCore

/// A small, fixed world for screen tests: Monday 23 November 2026, 10:00 in Paris.
enum Fixture {
    static let calendar = try! LocalCalendar(identifier: "Europe/Paris")
    static func at(_ text: String) -> Date { calendar.instant(try! LocalDateTime(parsing: text)) }
    static let now = at("2026-11-23T10:00")

    static let claire = try! Operator(id: 1, login: "claire", displayName: "Claire Dubois", role: .operator)

    static let martin = try! Client(
        id: ClientID("dr-martin"), name: "Cabinet du Dr Martin", profession: "Médecin généraliste",
        line: PhoneNumber("01 42 68 10 01"), country: .fr,
        hours: WeeklyHours(parsing: "mon-fri 08:00-12:00 14:00-19:00; sat 08:00-12:00"),
        plan: Plan(callsPerMonth: 300, smsPerMonth: 50), isMedical: true)

    static let instructions = try! Instructions(version: 2, effectiveFrom: LocalDate(parsing: "2026-09-01"), sections: [
        .greeting: "Cabinet du Dr Martin, {operator} à l'appareil, bonjour.",
        .presentation: "Cabinet de médecine générale, deux médecins associés.",
        .faq: "Adresse : 12 rue des Lilas, 75011 Paris.\nParking : rue Servan, payant.",
        .never: "Ne jamais donner de conseil médical.",
    ])

    static let agenda = Agenda(id: 1, clientID: martin.id, name: "Dr Claire Martin")
    static let consultation = try! AppointmentType(id: 1, clientID: martin.id, name: "Consultation", minutes: 20, colour: 2)

    static let marie = try! Contact(id: 1, clientID: martin.id, lastName: "Lefèvre", firstName: "Marie",
                                    phones: [PhoneNumber("06 12 34 56 78")], notes: "Préfère être rappelée le matin.")

    static let queue: [QueueEntry] = [
        QueueEntry(callID: 10, clientID: martin.id, clientName: "Cabinet du Dr Martin", from: try! PhoneNumber("06 12 34 56 78"),
                   contactName: "Marie Lefèvre", arrivedAt: at("2026-11-23T09:58"), isUrgent: false),
        QueueEntry(callID: 11, clientID: martin.id, clientName: "Cabinet du Dr Martin", from: try! PhoneNumber("07 11 22 33 44"),
                   contactName: nil, arrivedAt: now.addingTimeInterval(-40), isUrgent: false),
        QueueEntry(callID: 12, clientID: try! ClientID("kine-dubois"), clientName: "Kiné Dubois", from: nil,
                   contactName: nil, arrivedAt: now.addingTimeInterval(-5), isUrgent: false),
    ]

    static var week: AgendaWeek {
        AgendaWeek(agendaID: 1, monday: try! LocalDate(parsing: "2026-11-23"), entries: [
            AgendaEntry(appointmentID: 5, start: at("2026-11-23T10:00"), end: at("2026-11-23T10:20"),
                        contactName: "Marie Lefèvre", typeName: "Consultation", colour: 2),
        ], absences: [])
    }

    /// The console after start: queue loaded, the first entry's client in view.
    static func state(width: Int = 120, height: Int = 40, language: Language = .en) -> AppState {
        var state = AppState(width: width, height: height, language: language, user: claire, now: now)
        _ = update(&state, .queueLoaded(queue))
        _ = update(&state, .contextLoaded(ClientContext(client: martin, instructions: instructions, agendas: [agenda],
                                                        types: [consultation])))
        _ = update(&state, .weekLoaded(week))
        return state
    }

    /// The console once the first call is answered and the caller found.
    static func answered(width: Int = 120, height: Int = 40, language: Language = .en) -> AppState {
        var state = state(width: width, height: height, language: language)
        _ = update(&state, .callClaimed(ActiveCall(callID: 10, clientID: martin.id, from: try! PhoneNumber("06 12 34 56 78"),
                                                    answeredAt: now)))
        _ = update(&state, .queueLoaded(Array(queue.dropFirst())))
        _ = update(&state, .callerMatched(try! PhoneNumber("06 12 34 56 78"), [marie]))
        _ = update(&state, .contactOpened(marie, ContactHistory(
            calls: [.init(at: at("2026-11-12T09:10"), text: "booked")],
            appointments: [.init(at: at("2026-12-01T09:00"), text: "Consultation — Dr Claire Martin")])))
        _ = update(&state, .tick(now.addingTimeInterval(83)))
        return state
    }
}
