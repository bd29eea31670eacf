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
        // Sunday 23:45 runs past midnight into the week; the others lie before, in, and after it.
        let starts = ["2026-11-20T10:00", "2026-11-22T23:45", "2026-11-23T10:00", "2026-11-25T15:00", "2026-11-30T10:00"]
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
        let monday = try LocalDate(parsing: "2026-11-23")
        let schedule = try store.schedule(agendaID: agenda.id, from: monday, through: monday.adding(days: 5))
        #expect(schedule.entries.map(\.start) == [instant("2026-11-22T23:45"), instant("2026-11-23T10:00"), instant("2026-11-25T15:00")],
                "an appointment under way when the week starts belongs to it")
        let grid = try store.weekGrid(agendaID: agenda.id, week: monday)
        let ten = try #require(grid.position(of: instant("2026-11-23T10:00")))
        #expect(grid.cell(ten).booking?.contactName == "Marie Lefèvre")
        #expect(grid.cell(try #require(grid.position(of: instant("2026-11-25T15:00")))).booking != nil)
    }
}
