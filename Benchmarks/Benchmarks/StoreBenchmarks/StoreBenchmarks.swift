import Benchmark
import Foundation
import ConsoleStore
import ConsoleUI
import GRDB
import SecretaryCore
import SecretaryStore

// The console's hot paths, each measured call by call on the generated database (see
// BenchmarkDatabase): p50 and p99 are what an operator feels. Targets (p99, 2 cores):
// phone lookup < 50 µs, name search < 1 ms, week load < 0.3 ms, console render < 1 ms,
// booking < 5 ms, claim < 2 ms, supervisor figures < 20 ms.

/// The benchmarks' own writer: a system actor allowed to operate.
let benchActor = Identity.systemActor("bench", may: [.operate])

let benchmarks: @Sendable () -> Void = {
    Pinning.applyIfAsked()
    let store: Store
    let samples: Samples
    do {
        store = try BenchmarkDatabase.open()
        samples = try Samples(store: store)
    } catch {
        fatalError("cannot prepare the benchmark database: \(error)")
    }

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 200,
        maxDuration: .seconds(3),
        maxIterations: 20_000
    )
    guardBenchmarks()

    // MARK: Looking up the caller

    let phones = Cycle(samples.phones)
    Benchmark("Phone lookup: contacts(phone:client:)") { benchmark in
        let sample = phones.next()
        blackHole(try store.contacts(phone: sample.phone, client: sample.client))
    }

    // As many names as the console asks for (a pane's worth).
    for query in ["lefe", "mar dup", "ma"] {
        let clients = Cycle(samples.clients)
        Benchmark("Name search: searchContacts '\(query)'") { benchmark in
            blackHole(try store.searchContacts(name: query, client: clients.next(), limit: LookupState.searchLimit))
        }
    }

    // Floors: the same index work as the two lookups above, in raw SQL through the store's
    // read path, rows stepped but not decoded into Contact values: the gap to the figures
    // above is what building domain values costs.
    let floorPhones = Cycle(samples.phones)
    Benchmark("Floor, raw SQL: phone lookup") { benchmark in
        let sample = floorPhones.next()
        blackHole(try store.read { db in
            try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT contact.id, contact.last_name, contact.first_name FROM contact_phone
                CROSS JOIN contact ON contact.id = contact_phone.contact_id
                WHERE contact_phone.client_id = ? AND contact_phone.e164 = ?
                """), arguments: [sample.client.rawValue, sample.phone.e164]).reduce(0) { count, _ in count + 1 }
        })
    }
    for query in ["lefe", "mar dup"] {
        let clients = Cycle(samples.clients)
        Benchmark("Floor, raw SQL: name search '\(query)'") { benchmark in
            let client = clients.next()
            let match = query.split(separator: " ").map { "\"\(client.rawValue)_\($0)\"*" }.joined(separator: " ")
            blackHole(try store.read { db in
                try Row.fetchCursor(db.cachedStatement(sql: """
                    SELECT found.id FROM contact_search
                    CROSS JOIN contact AS found INDEXED BY contact_client_name
                        ON found.client_id = ? AND found.id = contact_search.rowid
                    WHERE contact_search MATCH ?
                    ORDER BY found.last_name, found.first_name, found.id LIMIT 50
                    """), arguments: [client.rawValue, match]).reduce(0) { count, _ in count + 1 }
            })
        }
    }

    // MARK: The agenda

    // The week the console shows: the store's `weekGrid`, read and laid out (what the agenda
    // pane asks for on every week change and every change made by another terminal).
    let paris = try! LocalCalendar(identifier: "Europe/Paris")
    let apiWeeks = Cycle(samples.weeks.map { (agenda: $0.agenda, monday: paris.localDate(of: Date(timeIntervalSince1970: TimeInterval($0.from)))) })
    Benchmark("Week load: weekGrid(agendaID:week:)") { benchmark in
        let week = apiWeeks.next()
        blackHole(try store.weekGrid(agendaID: week.agenda, week: week.monday))
    }

    // The same week as a raw query over the appointment(agenda_id, start_at) index, decoded
    // into Appointment values: what the index alone allows.
    let weeks = Cycle(samples.weeks)
    Benchmark("Week load (raw query): one agenda's week of appointments") { benchmark in
        let week = weeks.next()
        blackHole(try store.read { db in
            try Appointment.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM appointment WHERE agenda_id = ? AND start_at >= ? AND start_at < ? ORDER BY start_at
                """), arguments: [week.agenda, week.from, week.to])
        })
    }

    let floorWeeks = Cycle(samples.weeks)
    Benchmark("Floor, raw SQL: week load, rows not decoded") { benchmark in
        let week = floorWeeks.next()
        blackHole(try store.read { db in
            try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT * FROM appointment WHERE agenda_id = ? AND start_at >= ? AND start_at < ? ORDER BY start_at
                """), arguments: [week.agenda, week.from, week.to]).reduce(0) { count, _ in count + 1 }
        })
    }

    // MARK: Writes, on a scratch copy of the database

    let scratch: Store
    let writeSamples: WriteSamples
    do {
        scratch = try BenchmarkDatabase.openScratch()
        writeSamples = try WriteSamples(store: scratch)
    } catch {
        fatalError("cannot prepare the scratch database: \(error)")
    }
    let writes = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds,
                                         warmupIterations: 20, maxDuration: .seconds(3), maxIterations: 2_000)

    // The whole booking transaction with its checks (hours, overlaps, absences, blacklist),
    // in the next free slot of a rotating agenda; cancelled afterwards, out of the measure.
    let bookings = Cycle(writeSamples.bookings)
    Benchmark("Booking: book(_:by:) with its checks", configuration: writes) { benchmark in
        let sample = bookings.next()
        guard let slot = try scratch.freeSlots(agendaID: sample.agendaID, typeID: sample.typeID,
                                               from: BenchmarkDatabase.now.addingTimeInterval(86_400), count: 1).first else {
            fatalError("no free slot in agenda \(sample.agendaID)")
        }
        benchmark.startMeasurement()
        let booked = try scratch.book(BookingRequest(agendaID: sample.agendaID, contact: .existing(sample.contactID),
                                                     typeID: sample.typeID, start: slot.start), by: benchActor)
        benchmark.stopMeasurement()
        try scratch.cancel(booked.appointment.id, reason: "benchmark", by: benchActor)
    }

    // An operator answers the longest-waiting call; a new call rings before each claim and
    // the operator finishes the call after it, out of the measure.
    let lines = Cycle(writeSamples.lines)
    Benchmark("Claim: claimNextCall(operator:)", configuration: writes) { benchmark in
        _ = try scratch.callIn(line: lines.next(), from: "+33612345678")
        benchmark.startMeasurement()
        let claimed = try scratch.claimNextCall(operator: writeSamples.operatorLogin)
        benchmark.stopMeasurement()
        try scratch.endTalk(callID: claimed.call.id, operator: writeSamples.operatorLogin)
        try scratch.finish(callID: claimed.call.id, outcome: .information, operator: writeSamples.operatorLogin)
    }

    // MARK: Signing in and the audit chain

    // What one audit entry adds to a write: the same write recording one entry, then two;
    // the difference is one entry's SHA-256 chain link and insert (target < 50 µs).
    Benchmark("Audit: a write recording 1 entry", configuration: writes) { benchmark in
        try scratch.recordRead(by: benchActor, objectType: "bench", objectIDs: ["1"], details: "")
    }
    Benchmark("Audit: a write recording 2 entries", configuration: writes) { benchmark in
        try scratch.recordRead(by: benchActor, objectType: "bench", objectIDs: ["1", "2"], details: "")
    }

    // A whole sign-in: Argon2id (64 MiB, 3 passes) and its audited record; meant to cost
    // 0.1–1 s of CPU.
    Benchmark("Sign-in: signIn(login:password:) with Argon2id",
              configuration: .init(metrics: [.wallClock, .cpuTotal], timeUnits: .milliseconds, warmupIterations: 1,
                                   maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
        blackHole(try scratch.signIn(login: "admin", password: DemoAccounts.password,
                                     at: SignInPlace(kind: .command, command: "bench")))
    }

    // One contact's audit entries among a million (`secretary audit --contact ID`).
    let audited: Store
    do {
        audited = try BenchmarkDatabase.openAuditScratch(entries: 1_000_000)
    } catch {
        fatalError("cannot prepare the audit database: \(error)")
    }
    let contactIDs = Cycle((1...1000).map { Int64($0 * 997 % 100_000) })
    Benchmark("Audit: one contact's entries among 1M: auditLog(contact:)",
              configuration: .init(metrics: [.wallClock], timeUnits: .microseconds, warmupIterations: 20,
                                   maxDuration: .seconds(5), maxIterations: 2_000)) { benchmark in
        blackHole(try audited.auditLog(AuditFilter(contactID: contactIDs.next()), by: Identity("admin")))
    }

    // MARK: The supervisor

    Benchmark("Supervisor figures for a day: supervisorFigures()",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds,
                                   warmupIterations: 5, maxDuration: .seconds(5), maxIterations: 500)) { benchmark in
        blackHole(try store.supervisorFigures())
    }

    reportBenchmarks(store: store)

    // MARK: The console

    // The whole console drawn into its in-memory screen buffer at 200x60, as after answering
    // a call: the queue, the caller's card and history, the client's instructions and the
    // agenda's week, loaded from the database through the console's own data source. Only
    // `render` is timed; the clock moves a second between frames, as it does on screen.
    let console: ConsoleSession
    do {
        let data = StoreConsoleData(store: scratch, identity: Identity("admin"))
        // Another operator than the claim benchmark's, whose claims must find them free.
        guard let login = try scratch.read({ db in
            try String.fetchOne(db, sql: """
                SELECT login FROM operator JOIN operator_presence ON operator_presence.operator_id = operator.id
                WHERE role = 'operator' AND state IN ('available', 'offline') AND login != ? ORDER BY operator.id LIMIT 1
                """, arguments: [writeSamples.operatorLogin])
        }) else { fatalError("no second operator free in the benchmark database") }
        let user = try scratch.operator(login: login)
        try data.setPresence(.available, for: user)
        // A known caller of that client, so the caller pane shows a card and its history.
        let line = writeSamples.lines[0]
        guard let caller = try scratch.read({ db in
            try String.fetchOne(db, sql: """
                SELECT e164 FROM contact_phone WHERE client_id = (SELECT id FROM client WHERE line = ?) LIMIT 1
                """, arguments: [line.e164])
        }) else { fatalError("no contact for the line \(line)") }
        _ = try scratch.callIn(line: line, from: caller, isUrgent: true) // urgent: answered first
        console = ConsoleSession(state: AppState(width: 200, height: 60, language: .fr, user: user, now: data.now()),
                                 data: data)
        console.start()
        console.handle(.key(.character("a")))
        console.handle(.key(.character("4")))
        guard console.state.call != nil else { fatalError("the console answered no call") }
    } catch {
        fatalError("cannot load the console: \(error)")
    }
    var screen = ScreenBuffer(width: 200, height: 60)
    var second = 0
    Benchmark("Console render 200x60: render(state, into:)") { benchmark in
        second += 1
        var state = console.state
        state.now = BenchmarkDatabase.now.addingTimeInterval(TimeInterval(second))
        benchmark.startMeasurement()
        render(state, into: &screen)
        benchmark.stopMeasurement()
        blackHole(screen)
    }
}
