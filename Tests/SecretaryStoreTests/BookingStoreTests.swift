import Foundation
import GRDB
import Testing
import TestSupport
@testable import SecretaryCore
@testable import SecretaryStore

/// A store with one Paris practice (`mon-fri 08:00-12:00 14:00-19:00; sat 08:00-13:00`), two
/// agendas, three types and three contacts, on a manual clock at Monday 23/11/2026 08:00.
struct AgendaStoreFixture {
    let store: Store
    let clock: ManualClock
    let client: Client
    let agenda: Agenda
    let other: Agenda
    let consultation: AppointmentType
    let premiere: AppointmentType
    let bilan: AppointmentType
    let marie: Contact
    let jean: Contact
    let paul: Contact

    init(now: String = "2026-11-23T08:00") throws {
        clock = ManualClock(instant(now))
        store = try Store(path: temporaryDatabase(), clock: clock)
        client = try Client(id: ClientID("dr-test"), name: "Cabinet du Dr Test", profession: "Médecin généraliste",
                            line: PhoneNumber("01 40 00 00 01"), country: .fr,
                            hours: WeeklyHours(parsing: "mon-fri 08:00-12:00 14:00-19:00; sat 08:00-13:00"),
                            plan: Plan(callsPerMonth: 100, smsPerMonth: 10), isMedical: true)
        try store.addClient(client, agendas: ["Dr Claire Test", "Dr Hugo Test"],
                            types: [("Consultation", 20, 1), ("Première consultation", 30, 2), ("Bilan", 45, 3)], by: .system)
        let agendas = try store.agendas(of: client.id)
        agenda = agendas[0]
        other = agendas[1]
        let types = try store.appointmentTypes(of: client.id)
        consultation = types[0]
        premiere = types[1]
        bilan = types[2]
        marie = try store.addContact(Contact(clientID: client.id, lastName: "Lefèvre", firstName: "Marie",
                                             phones: [PhoneNumber("06 12 34 56 78")]), by: .system)
        jean = try store.addContact(Contact(clientID: client.id, lastName: "Dupont", firstName: "Jean",
                                            phones: [PhoneNumber("06 00 00 00 01")]), by: .system)
        paul = try store.addContact(Contact(clientID: client.id, lastName: "Roux", firstName: "Paul",
                                            phones: [PhoneNumber("06 00 00 00 02")], isBlacklisted: true), by: .system)
    }

    @discardableResult
    func book(_ contact: Contact, at start: String, type: AppointmentType? = nil, agenda: Agenda? = nil,
              by login: String = "claire") throws -> AppointmentDetails {
        try store.book(BookingRequest(agendaID: (agenda ?? self.agenda).id, contact: .existing(contact.id),
                                      typeID: (type ?? consultation).id, start: instant(start)), by: Identity(login))
    }

    func count(_ sql: String) throws -> Int { try store.read { try Int.fetchOne($0, sql: sql) ?? 0 } }

    func local(_ date: Date) -> String { client.calendar.localDateTime(of: date).description }
}

/// Runs `body` and returns the RuleViolation it throws (recording an issue if it throws
/// anything else or nothing).
func violation(_ body: () throws -> Void) -> RuleViolation? {
    do {
        try body()
        Issue.record("expected a refusal")
    } catch let violation as RuleViolation {
        return violation
    } catch {
        Issue.record("expected a RuleViolation, got \(error)")
    }
    return nil
}

@Suite("Booking in the store")
struct BookingStoreTests {
    @Test func aBookingAppearsInTheWeekWithNamesAndIsAudited() throws {
        let f = try AgendaStoreFixture()
        let booked = try f.book(f.marie, at: "2026-11-24T10:00")
        #expect(booked.contactName == "Marie Lefèvre" && booked.typeName == "Consultation" && booked.bookedBy == "claire")
        #expect(f.local(booked.end) == "2026-11-24T10:20")
        let grid = try f.store.weekGrid(agendaID: f.agenda.id, week: try LocalDate(parsing: "2026-11-23"))
        let cell = try #require(grid.position(of: instant("2026-11-24T10:00")))
        #expect(grid.cell(cell).booking?.contactName == "Marie Lefèvre")
        #expect(grid.cell(cell).booking?.isFirstRow == true)
        // The other agenda of the practice is untouched.
        #expect(try f.store.weekGrid(agendaID: f.other.id, week: try LocalDate(parsing: "2026-11-23")).cell(cell) == .free)
        let audit = try f.store.auditEntries(objectType: "appointment", objectID: "\(booked.id)")
        #expect(audit.map(\.action) == ["book"] && audit.first?.actor == "claire")
        #expect(audit.first?.details.contains("Marie Lefèvre") == true)
    }

    @Test func aRefusedBookingWritesNothing() throws {
        let f = try AgendaStoreFixture()
        try f.book(f.marie, at: "2026-11-24T10:00")
        let before = (try f.count("SELECT count(*) FROM appointment"), try f.count("SELECT count(*) FROM audit"))
        #expect(violation { try f.book(f.jean, at: "2026-11-24T10:10", by: "julien") }?.rule == .overlapsAppointment)
        #expect(violation { try f.book(f.paul, at: "2026-11-24T11:00") }?.rule == .blacklistedContact)
        #expect(violation { try f.book(f.jean, at: "2026-11-28T12:30", type: f.bilan) }?.rule == .outsideOpeningHours)
        #expect(violation { try f.book(f.jean, at: "2026-11-24T07:45") }?.rule == .outsideOpeningHours)
        f.clock.set(instant("2026-11-24T10:30"))
        #expect(violation { try f.book(f.jean, at: "2026-11-24T10:15") }?.rule == .inThePast)
        #expect(violation { try f.book(f.jean, at: "2026-12-25T10:00") }?.rule == .onPublicHoliday)
        #expect((try f.count("SELECT count(*) FROM appointment"), try f.count("SELECT count(*) FROM audit")) == before)
    }

    @Test func aSlotBookedMomentsAgoIsSaidToBeJustTaken() throws {
        let f = try AgendaStoreFixture()
        try f.book(f.marie, at: "2026-11-24T10:00", by: "julien")
        f.clock.advance(by: 20)
        let refusal = violation { try f.book(f.jean, at: "2026-11-24T10:00") }
        #expect(refusal?.reason == "the slot was just taken by julien: Marie Lefèvre, 10:00-10:20 on Tuesday 24/11/2026; pick another slot")
        // Long after, it is simply taken.
        f.clock.advance(by: 3600)
        #expect(violation { try f.book(f.jean, at: "2026-11-24T10:00") }?.reason.hasPrefix("the slot is taken") == true)
    }

    @Test func anUnknownNumberCreatesTheContactOnlyWithANameAndOnlyIfTheBookingSucceeds() throws {
        let f = try AgendaStoreFixture()
        let number = try PhoneNumber("07 11 22 33 44")
        let contacts = try f.count("SELECT count(*) FROM contact")
        func request(_ name: String?, at start: String) -> BookingRequest {
            BookingRequest(agendaID: f.agenda.id, contact: .phone(number, newContactName: name), typeID: f.consultation.id,
                           start: instant(start))
        }
        #expect(violation { try f.store.book(request(nil, at: "2026-11-24T10:00"), by: Identity("claire")) }?.reason
                == "no contact of dr-test has the number 07 11 22 33 44; give a name to create one")
        #expect(violation { try f.store.book(request("Anaïs Da Costa", at: "2026-11-29T10:00"), by: Identity("claire")) }?.rule
                == .outsideOpeningHours)
        #expect(try f.count("SELECT count(*) FROM contact") == contacts, "a refused booking creates no contact")

        let booked = try f.store.book(request("Anaïs Da Costa", at: "2026-11-24T10:00"), by: Identity("claire"))
        #expect(booked.contactName == "Anaïs Da Costa")
        let created = try #require(try f.store.contacts(phone: number, client: f.client.id).first)
        #expect(created.lastName == "Costa" && created.firstName == "Anaïs Da")
        // The same number again finds that contact; the name given is then ignored.
        let again = try f.store.book(request("Someone Else", at: "2026-11-24T11:00"), by: Identity("claire"))
        #expect(again.appointment.contactID == created.id)
        // A known number books its contact.
        let known = try f.store.book(BookingRequest(agendaID: f.agenda.id, contact: .phone(try PhoneNumber("+33612345678"), newContactName: nil),
                                                    typeID: f.consultation.id, start: instant("2026-11-24T14:00")), by: Identity("claire"))
        #expect(known.appointment.contactID == f.marie.id)
    }

    @Test func anotherClientsContactOrTypeIsRefused() throws {
        let f = try AgendaStoreFixture()
        try f.store.addClient(sampleClient("dr-other", line: "01 40 00 00 09"), agendas: ["Dr Other"],
                              types: [("Visite", 30, 1)], by: .system)
        let stranger = try f.store.addContact(Contact(clientID: ClientID("dr-other"), lastName: "Autre", firstName: "",
                                                      phones: []), by: .system)
        #expect(violation { try f.book(stranger, at: "2026-11-24T10:00") }?.reason == "Cabinet du Dr Test has no contact \(stranger.id)")
        let visite = try f.store.appointmentType(of: ClientID("dr-other"), named: "visite")
        #expect(throws: StoreError.self) { try f.book(f.marie, at: "2026-11-24T10:00", type: visite) }
    }

    @Test func agendasAndTypesAreFoundByNameAccentBlind() throws {
        let f = try AgendaStoreFixture()
        #expect(try f.store.agenda(of: f.client.id).id == f.agenda.id)
        #expect(try f.store.agenda(of: f.client.id, named: "hugo").id == f.other.id)
        #expect(try f.store.agenda(of: f.client.id, named: "DR HUGO TEST").id == f.other.id)
        #expect(try f.store.agenda(of: f.client.id, named: "\(f.other.id)").id == f.other.id)
        #expect(throws: StoreError("'test' names several agendas of 'dr-test': Dr Claire Test (\(f.agenda.id)), Dr Hugo Test (\(f.other.id))")) {
            try f.store.agenda(of: f.client.id, named: "test")
        }
        #expect(try f.store.appointmentType(of: f.client.id, named: "PREMIERE consultation").id == f.premiere.id)
        #expect(try f.store.appointmentType(of: f.client.id, named: "prem").id == f.premiere.id)
        #expect(throws: StoreError("client 'dr-test' has no appointment type 'visite': its types are Consultation, Première consultation, Bilan")) {
            try f.store.appointmentType(of: f.client.id, named: "visite")
        }
    }

    @Test func nineOClockStaysNineOClockAcrossTheSpringChange() throws {
        // Booked on 20 March (UTC+1) for Monday 30 March (UTC+2).
        let f = try AgendaStoreFixture(now: "2026-03-20T10:00")
        let booked = try f.book(f.marie, at: "2026-03-30T09:00")
        let stored = try f.store.read { try Int64.fetchOne($0, sql: "SELECT start_at FROM appointment WHERE id = ?", arguments: [booked.id]) }
        #expect(stored == 1_774_854_000, "07:00 UTC")
        let reread = try f.store.appointment(id: booked.id)
        #expect(f.local(reread.start) == "2026-03-30T09:00")
        let grid = try f.store.weekGrid(agendaID: f.agenda.id, week: try LocalDate(parsing: "2026-03-30"))
        let nine = grid.rows.firstIndex(of: try TimeOfDay(parsing: "09:00"))!
        #expect(grid.cell(day: 0, row: nine).booking?.id == booked.id)
    }
}

@Suite("Moving, cancelling, no-shows")
struct AppointmentChangesTests {
    @Test func aMoveChangesTheTimeOnlyWhenTheNewSlotIsFree() throws {
        let f = try AgendaStoreFixture()
        let booked = try f.book(f.marie, at: "2026-11-24T10:00", type: f.premiere)
        try f.book(f.jean, at: "2026-11-24T11:00")
        let moved = try f.store.move(booked.id, to: instant("2026-11-24T10:15"), by: Identity("julien"))
        #expect(f.local(moved.start) == "2026-11-24T10:15" && f.local(moved.end) == "2026-11-24T10:45", "it keeps its length")
        #expect(violation { try f.store.move(booked.id, to: instant("2026-11-24T10:45"), by: Identity("julien")) }?.rule
                == .overlapsAppointment)
        #expect(violation { try f.store.move(booked.id, to: instant("2026-11-24T11:45"), by: Identity("julien")) }?.rule
                == .outsideOpeningHours)
        #expect(f.local(try f.store.appointment(id: booked.id).start) == "2026-11-24T10:15", "a refused move leaves it in place")
        let toOther = try f.store.move(booked.id, to: instant("2026-11-24T11:00"), agendaID: f.other.id, by: Identity("julien"))
        #expect(toOther.appointment.agendaID == f.other.id)
        let audit = try f.store.auditEntries(objectType: "appointment", objectID: "\(booked.id)")
        #expect(audit.map(\.action) == ["move", "move", "book"])
        #expect(audit[1].details == "from Tuesday 24/11/2026 at 10:00 to Tuesday 24/11/2026 at 10:15")
        #expect(try f.count("SELECT count(*) FROM appointment") == 2)
    }

    @Test func aMoveIsAtomicForAnotherConnectionWatching() async throws {
        let f = try AgendaStoreFixture()
        let booked = try f.book(f.marie, at: "2026-11-24T10:00")
        let spots = Set([instant("2026-11-24T10:00"), instant("2026-11-25T16:00")].map(\.stored))
        // A second connection, as another terminal, reads while this one moves the
        // appointment back and forth: it always sees exactly one booked appointment, at
        // one of the two places.
        let watcher = try Store(path: f.store.path)
        let moves = 150
        async let seen: [(Int, Int64)] = Task.detached {
            var seen: [(Int, Int64)] = []
            for _ in 0..<(moves * 2) {
                let row = try watcher.read { db in
                    try Row.fetchOne(db, sql: "SELECT count(*) AS n, min(start_at) AS at FROM appointment WHERE status = 'booked'")!
                }
                seen.append((row["n"], row["at"]))
            }
            return seen
        }.value
        for index in 0..<moves {
            let to = index % 2 == 0 ? "2026-11-25T16:00" : "2026-11-24T10:00"
            try f.store.move(booked.id, to: instant(to), by: Identity("claire"))
        }
        for (count, at) in try await seen {
            #expect(count == 1)
            #expect(spots.contains(at))
        }
    }

    @Test func aMoveOfACancelledOrPastAppointmentIsRefused() throws {
        let f = try AgendaStoreFixture()
        let booked = try f.book(f.marie, at: "2026-11-23T10:00")
        f.clock.set(instant("2026-11-23T10:30"))
        #expect(violation { try f.store.move(booked.id, to: instant("2026-11-24T10:00"), by: .system) }?.reason
                == "appointment \(booked.id) was on Monday 23/11/2026 at 10:00, in the past: it cannot be moved")
        #expect(violation { try f.store.move(999, to: instant("2026-11-24T10:00"), by: .system) }?.reason == "there is no appointment 999")
    }

    @Test func cancellingFreesTheSlotAndProposesTheWaitingList() throws {
        let f = try AgendaStoreFixture()
        try f.book(f.jean, at: "2026-11-26T09:40")
        let booked = try f.book(f.marie, at: "2026-11-26T10:00")
        try f.book(f.jean, at: "2026-11-26T11:00")
        // Waiting: Jean for a 30-min first visit on Thursdays; Paul-like wishes that do not fit.
        let fits = try f.store.addToWaitlist(agendaID: f.agenda.id, contactID: f.jean.id, typeID: f.premiere.id,
                                             preferences: WaitlistPreferences(parsing: "thu 08:00-12:00"), note: "Préfère le matin",
                                             by: Identity("claire"))
        try f.store.addToWaitlist(agendaID: f.agenda.id, contactID: f.marie.id, typeID: f.premiere.id,
                                  preferences: WaitlistPreferences(parsing: "mon"), by: Identity("claire"))
        try f.store.addToWaitlist(agendaID: f.other.id, contactID: f.marie.id, by: Identity("claire"))
        #expect(try f.store.waitlist(agendaID: f.agenda.id).map(\.contactName) == ["Jean Dupont", "Marie Lefèvre"])

        #expect(throws: ValidationError.self) { try f.store.cancel(booked.id, reason: "  ", by: Identity("claire")) }
        let cancellation = try f.store.cancel(booked.id, reason: "Empêchement", by: Identity("claire"))
        #expect(cancellation.appointment.status == .cancelled && cancellation.appointment.appointment.cancelReason == "Empêchement")
        #expect(f.client.calendar.spokenSpan(cancellation.freed) == "10:00-11:00", "widened to the free time around it")
        #expect(cancellation.waitlistMatches.map(\.entry.id) == [fits.id])
        #expect(f.client.calendar.spokenSpan(cancellation.waitlistMatches[0].slot) == "10:00-10:30")
        #expect(try f.store.waitlistMatches(agendaID: f.agenda.id, freed: booked.interval).map(\.entry.id) == [fits.id])

        // The slot is free again, and booking the match closes the waiting-list entry.
        #expect(try f.store.freeSlots(agendaID: f.agenda.id, typeID: f.consultation.id, from: instant("2026-11-26T10:00"), count: 1)
                .map { f.local($0.start) } == ["2026-11-26T10:00"])
        try f.store.book(BookingRequest(agendaID: f.agenda.id, contact: .existing(f.jean.id), typeID: f.premiere.id,
                                        start: cancellation.waitlistMatches[0].slot.start, waitlistEntryID: fits.id), by: Identity("claire"))
        #expect(try f.store.waitlist(agendaID: f.agenda.id).map(\.contactName) == ["Marie Lefèvre"])
        #expect(violation { try f.store.cancel(booked.id, reason: "again", by: .system) }?.reason == "appointment \(booked.id) is already cancelled")
        #expect(try f.store.auditEntries(objectType: "waitlist", objectID: "\(fits.id)").map(\.action) == ["close", "create"])
    }

    @Test func aNoShowIsMarkedOnlyOnceTheAppointmentHasStarted() throws {
        let f = try AgendaStoreFixture()
        let booked = try f.book(f.marie, at: "2026-11-23T10:00")
        #expect(violation { try f.store.markNoShow(booked.id, by: .system) }?.reason
                == "appointment \(booked.id) is on Monday 23/11/2026 at 10:00: a no-show is marked once it has started")
        f.clock.set(instant("2026-11-23T10:25"))
        #expect(violation { try f.store.cancel(booked.id, reason: "trop tard", by: .system) }?.rule == .inThePast)
        #expect(try f.store.markNoShow(booked.id, by: Identity("claire")).status == .noShow)
        #expect(try f.store.auditEntries(objectType: "appointment", objectID: "\(booked.id)").first?.action == "no-show")
    }
}

@Suite("Absences and agenda hours")
struct AbsenceStoreTests {
    @Test func anAbsenceBlocksBookingAndNamesTheAppointmentsAlreadyInIt() throws {
        let f = try AgendaStoreFixture()
        let inside = try f.book(f.marie, at: "2026-11-25T10:00")
        try f.book(f.jean, at: "2026-11-27T10:00")
        let added = try f.store.addAbsence(agendaID: f.agenda.id, from: instant("2026-11-25T00:00"), to: instant("2026-11-27T00:00"),
                                           reason: "Congrès", by: Identity("admin"))
        #expect(added.affected.map(\.id) == [inside.id])
        #expect(violation { try f.book(f.jean, at: "2026-11-26T10:00") }?.rule == .inAbsence)
        try f.book(f.jean, at: "2026-11-26T10:00", agenda: f.other)
        #expect(try f.store.absences(agendaID: f.agenda.id).map(\.reason) == ["Congrès"])
        #expect(try f.store.absences(agendaID: f.agenda.id, endingAfter: instant("2026-11-28T00:00")).isEmpty)
        #expect(try f.store.auditEntries(objectType: "absence", objectID: "\(added.absence.id)").first?.actor == "admin")
        #expect(throws: ValidationError.self) {
            try f.store.addAbsence(agendaID: f.agenda.id, from: instant("2026-11-30T00:00"), to: instant("2026-11-29T00:00"),
                                   reason: "Backwards", by: .system)
        }
        let week = try f.store.weekGrid(agendaID: f.agenda.id, week: try LocalDate(parsing: "2026-11-23"))
        #expect(week.cell(day: 3, row: 0) == .absence("Congrès"))
        try f.store.removeAbsence(added.absence.id, by: .system)
        try f.book(f.jean, at: "2026-11-26T10:00")
    }

    @Test func agendaHoursStayWithinTheClientsAndNarrowBooking() throws {
        let f = try AgendaStoreFixture()
        #expect(throws: ValidationError.self) {
            try f.store.setHours(WeeklyHours(parsing: "mon 13:00-15:00"), ofAgenda: f.other.id, by: .system)
        }
        try f.store.setHours(WeeklyHours(parsing: "tue 14:00-19:00"), ofAgenda: f.other.id, by: .system)
        #expect(violation { try f.book(f.jean, at: "2026-11-24T10:00", agenda: f.other) }?.rule == .outsideOpeningHours)
        try f.book(f.jean, at: "2026-11-24T15:00", agenda: f.other)
        let slots = try f.store.freeSlots(agendaID: f.other.id, typeID: f.consultation.id, count: 2)
        #expect(slots.map { f.local($0.start) } == ["2026-11-24T14:00", "2026-11-24T14:15"])
        try f.store.setHours(nil, ofAgenda: f.other.id, by: .system)
        #expect(try f.store.agenda(of: f.client.id, named: "hugo").hours == nil)
    }

    @Test func theWeekIsReadFromTheAgendaIndexAlone() throws {
        let f = try AgendaStoreFixture()
        let window = DateInterval(start: instant("2026-11-23T00:00"), end: instant("2026-11-29T00:00"))
        let plan = try f.store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.weekEntries, arguments: Store.weekEntriesArguments(f.agenda.id, window))
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("SEARCH appointment USING COVERING INDEX appointment_agenda (agenda_id=? AND start_at>? AND start_at<?)"),
                "no appointment row is visited: \(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "the index gives the order: \(plan)")
        #expect(!plan.contains("contact"), "the names are on the appointments: \(plan)")
    }

    @Test func aDatabaseFromBeforeNamesWereKeptOnAppointmentsGetsThem() throws {
        let path = emptyDatabase()
        let monday = try LocalDate(parsing: "2026-11-23")
        let client = try sampleClient()
        let start = client.calendar.instant(monday, try TimeOfDay(parsing: "10:00"))
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v3-lookups-at-scale")
            try queue.write { db in
                try Store.insert(client, agendas: ["Dr Test"], types: [("Consultation", 20, 1)], at: start, in: db)
                let contact = try Store.insert(Contact(clientID: client.id, lastName: "Lefèvre", firstName: "Anaïs",
                                                       phones: [PhoneNumber("06 11 22 33 44")]), at: start, in: db)
                try db.execute(sql: """
                    INSERT INTO appointment (client_id, agenda_id, contact_id, type_id, start_at, end_at, status, created_at, created_by)
                    SELECT ?, agenda.id, ?, appointment_type.id, ?, ?, 'booked', ?, 'julien' FROM agenda, appointment_type
                    """, arguments: [client.id.rawValue, contact.id, start.stored, start.stored + 1200, start.stored])
            }
        }
        let store = try Store(path: path)
        let agenda = try store.agenda(of: client.id, named: "Dr Test")
        #expect(try store.weekGrid(agendaID: agenda.id, week: monday).cell(day: 0, row: 8).booking?.contactName == "Anaïs Lefèvre")
    }

    @Test func theAgendaFollowsAContactsNewName() throws {
        let f = try AgendaStoreFixture()
        try f.book(f.jean, at: "2026-11-26T10:00")
        let monday = try LocalDate(parsing: "2026-11-23")
        func name() throws -> String? {
            try f.store.weekGrid(agendaID: f.agenda.id, week: monday).cell(day: 3, row: 8).booking?.contactName
        }
        #expect(try name() == f.jean.displayName)
        // No command renames a contact yet: the trigger is there for the one that will.
        try f.store.write(by: .system) { db, trail in
            try db.execute(sql: "UPDATE contact SET first_name = 'Jean-Marc', last_name = 'Dupond' WHERE id = ?", arguments: [f.jean.id])
            trail.record("rename", "contact", "\(f.jean.id)", "test")
        }
        #expect(try name() == "Jean-Marc Dupond")
        try f.store.write(by: .system) { db, trail in
            trail.record("copy", "appointment", "", "test")
            try db.execute(sql: "INSERT INTO appointment (client_id, agenda_id, contact_id, type_id, start_at, end_at, status, created_at, created_by) SELECT client_id, agenda_id, contact_id, type_id, start_at + 3600, end_at + 3600, status, created_at, created_by FROM appointment")
        }
        #expect(try f.store.weekGrid(agendaID: f.agenda.id, week: monday).cell(day: 3, row: 12).booking?.contactName == "Jean-Marc Dupond",
                "an appointment written without the name gets it from its contact")
    }
}

@Suite("Two terminals booking the same slot")
struct BookingRaceTests {
    /// Two processes, each with its own connection, ask for the same slot at the same
    /// instant, forty times: each time exactly one books it and the other is told it was
    /// just taken.
    @Test func exactlyOneOfTwoProcessesWinsEachSlot() throws {
        let path = temporaryDatabase()
        let store = try Store(path: path)
        let client = try Client(id: ClientID("dr-race"), name: "Cabinet Race", profession: "Médecin généraliste",
                                line: PhoneNumber("01 40 00 00 07"), country: .fr, hours: WeeklyHours(parsing: "mon-fri 08:00-20:00"),
                                plan: Plan(callsPerMonth: 100, smsPerMonth: 10), isMedical: true)
        try store.addClient(client, agendas: ["Dr Race"], types: [("Consultation", 15, 1)], by: .system)
        let agenda = try store.agenda(of: client.id)
        let type = try store.appointmentType(of: client.id, named: "consultation")
        let contacts = try (0..<2).map { index in
            try store.addContact(Contact(clientID: client.id, lastName: "Racer\(index)", firstName: "", phones: []), by: .system)
        }
        // A working day a month ahead, open 08:00-20:00: forty quarter-hours from 08:00.
        let calendar = client.calendar
        var day = calendar.localDate(of: Date()).adding(days: 30)
        while client.openingHours.ranges(on: day).isEmpty { day = day.adding(days: 1) }
        let first = calendar.instant(day, try TimeOfDay(parsing: "08:00"))
        let rounds = 40
        let go = (Date().timeIntervalSince1970 + 3) * 1000
        let racers = try contacts.enumerated().map { index, contact in
            try Binaries.start(Binaries.stress, [path, "book-race", "\(agenda.id)", "\(type.id)", "\(contact.id)",
                                                 "\(first.timeIntervalSince1970)", "900", "\(rounds)", "\(go)", "racer\(index)"])
        }
        let results = racers.map { $0.wait() }
        var lines: [Int: [String]] = [:]
        for result in results {
            #expect(result.status == 0, "stderr: \(result.stderr)")
            for line in result.stdout.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1)
                lines[Int(parts[0])!, default: []].append(String(parts[1]))
            }
        }
        #expect(lines.count == rounds)
        for round in 0..<rounds {
            let outcomes = lines[round] ?? []
            #expect(outcomes.count == 2)
            #expect(outcomes.filter { $0.hasPrefix("booked ") }.count == 1, "round \(round): \(outcomes)")
            let loser = outcomes.first { $0.hasPrefix("refused ") }
            #expect(loser?.contains("the slot was just taken by racer") == true, "round \(round): \(outcomes)")
        }
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM appointment") } == rounds)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(DISTINCT start_at) FROM appointment") } == rounds)
    }
}
