import Foundation
import GRDB
import Testing
@testable import SecretaryCore
@testable import SecretaryStore

@Suite("The week of an agenda")
struct AgendaWeekQueryTests {
    @Test func theWeekHoldsWhatOverlapsItAndNothingElse() throws {
        let store = try Store(path: temporaryDatabase())
        let client = try sampleClient()
        try store.addClient(client, agendas: ["Dr Test"], types: [("Consultation", 30, 1)], by: .system)
        let agenda = try store.agendas(of: client.id)[0]
        let type = try store.appointmentTypes(of: client.id)[0]
        let contact = try store.addContact(Contact(clientID: client.id, lastName: "Lefèvre", firstName: "Marie",
                                                   phones: [PhoneNumber("06 12 34 56 78")]), by: .system)
        let starts = ["2026-11-20T10:00", "2026-11-23T10:00", "2026-11-25T15:00", "2026-11-30T10:00"]
        try store.write(by: .system) { db, trail in
            for start in starts {
                try db.execute(sql: """
                    INSERT INTO appointment (client_id, agenda_id, contact_id, type_id, start_at, end_at, status, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, 'booked', 0, 'test')
                    """, arguments: [client.id.rawValue, agenda.id, contact.id, type.id, instant(start).stored,
                                     instant(start).addingTimeInterval(1800).stored])
            }
            trail.record("create", "appointment", "test")
        }
        let week = try store.agendaWeek(agendaID: agenda.id, from: instant("2026-11-23T00:00"), to: instant("2026-11-30T00:00"))
        #expect(week.appointments.map(\.start) == [instant("2026-11-23T10:00"), instant("2026-11-25T15:00")])
        // An appointment under way when the range starts belongs to it.
        let fromMidMorning = try store.agendaWeek(agendaID: agenda.id, from: instant("2026-11-23T10:15"), to: instant("2026-11-24T00:00"))
        #expect(fromMidMorning.appointments.map(\.start) == [instant("2026-11-23T10:00")])
    }
}
