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

    static let renewal = try! AppointmentType(id: 2, clientID: martin.id, name: "Renouvellement", minutes: 15, colour: 3)
    static let firstVisit = try! AppointmentType(id: 3, clientID: martin.id, name: "Première consultation", minutes: 45, colour: 4)

    static func appointment(_ id: Int64, _ start: String, _ type: AppointmentType, _ name: String, contactID: Int64 = 1,
                            status: AppointmentStatus = .booked, note: String = "") -> AppointmentDetails {
        let begin = at(start)
        let appointment = try! Appointment(id: id, clientID: martin.id, agendaID: agenda.id, contactID: contactID, typeID: type.id,
                                           start: begin, end: begin.addingTimeInterval(TimeInterval(type.minutes * 60)),
                                           status: status, note: note)
        return AppointmentDetails(appointment: appointment, contactName: name, typeName: type.name, colour: type.colour,
                                  bookedAt: at("2026-11-16T09:12"), bookedBy: "julien")
    }

    /// Week 48: Marie Lefèvre on Monday 10:00 (20 min), Jean Dupont on Tuesday 09:00 (15 min),
    /// Paul Roux on Wednesday 11:15 (45 min), the doctor away Thursday 14:00-16:00.
    static let entries = [
        appointment(5, "2026-11-23T10:00", consultation, "Marie Lefèvre"),
        appointment(6, "2026-11-24T09:00", renewal, "Jean Dupont", contactID: 2),
        appointment(7, "2026-11-25T11:15", firstVisit, "Paul Roux", contactID: 3),
    ]
    static let absences = [try! Absence(id: 1, agendaID: agenda.id, start: at("2026-11-26T14:00"), end: at("2026-11-26T16:00"),
                                        reason: "Formation")]

    /// The week of `monday` as the store lays it out.
    static func grid(_ monday: String = "2026-11-23", entries: [AppointmentDetails] = entries,
                     absences: [Absence] = absences) -> WeekGrid {
        let first = try! LocalDate(parsing: monday)
        return WeekGrid(schedule: AgendaSchedule(client: martin, agenda: agenda,
                                                 window: AgendaSchedule.window(from: first, through: first.adding(days: 5),
                                                                               calendar: martin.calendar),
                                                 entries: entries, absences: absences), week: first)
    }

    /// The console after start: queue loaded, the first entry's client in view.
    static func state(width: Int = 120, height: Int = 40, language: Language = .en) -> AppState {
        var state = AppState(width: width, height: height, language: language, user: claire, now: now)
        _ = update(&state, .queueLoaded(queue))
        _ = update(&state, .contextLoaded(ClientContext(client: martin, instructions: instructions, agendas: [agenda],
                                                        types: [consultation, renewal, firstVisit])))
        _ = update(&state, .weekLoaded(agendaID: agenda.id, grid()))
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
            calls: [.init(at: at("2026-11-12T09:10"), text: "", status: .call(.done, .booked))],
            appointments: [.init(at: at("2026-12-01T09:00"), text: "Consultation — Dr Claire Martin")])))
        _ = update(&state, .tick(now.addingTimeInterval(83)))
        return state
    }
}
