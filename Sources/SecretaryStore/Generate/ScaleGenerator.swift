import Foundation
import GRDB
import SecretaryCore

extension Store {
    /// Fills an empty database with realistic, reproducible data at the scale of a busy
    /// service (see `GenerationSize.fullScale`): the same seed and the same clock give the same
    /// rows. Writes in batched transactions through the audited write path, one audit entry
    /// per batch saying what it added; `progress` is called as rows are written.
    @discardableResult
    public func generate(_ size: GenerationSize, seed: UInt64,
                         progress: @escaping (GenerationProgress) -> Void = { _ in }) throws -> GenerationSummary {
        try size.validate()
        var generator = try ScaleGenerator(store: self, size: size, seed: seed, now: clock.now(), progress: progress)
        return try generator.run()
    }
}

/// Writes a generated database in phases (clients and operators, contacts, appointments,
/// calls), each in transactions of about `batchRows` rows with prepared statements.
struct ScaleGenerator {
    static let actor = Identity.systemActor("generate", may: Set(Permission.allCases))
    /// Rows per transaction. Each commit past 4 MB of WAL checkpoints, copying every page
    /// the transaction touched, and the random-order indexes (numbers, name words,
    /// appointments by contact) are touched all over by any batch: fewer, larger
    /// transactions write less. 200,000 rows keeps the WAL under a few hundred MB.
    /// Progress is reported every `progressRows` within a transaction.
    static let batchRows = 200_000
    static let progressRows = 10_000
    /// Appointments span a year back and a year ahead; calls the last two months.
    static let appointmentDaysBack = 365
    static let appointmentDays = 730
    static let callDays = 60

    let store: Store
    let size: GenerationSize
    let seed: UInt64
    let now: Int64
    let today: LocalDate
    let progress: (GenerationProgress) -> Void
    var random: SeededRandom
    var clients: [GeneratedClient]
    var openDays: OpenDays
    var summary = GenerationSummary()

    // Filled as the phases go, for the later phases.
    var operatorIDs: [Int64] = []
    var operatorLogins: [String] = []
    var agendas: [(id: Int64, client: Int)] = []
    var types: [[(id: Int64, minutes: Int)]] = []
    /// Per client: its contacts' ids.
    var contactIDs: [[Int64]] = []
    /// Per contact (id - 1): its mobile number, and whether it is blacklisted.
    var mobiles: [String] = []
    var blacklisted: [Bool] = []
    /// Contact rows and numbers waiting to be written several hundred at a time.
    var pendingContacts: [DatabaseValueConvertible?] = []
    var pendingPhones: [(id: Int64, client: String, e164: String)] = []

    init(store: Store, size: GenerationSize, seed: UInt64, now: Date,
         progress: @escaping (GenerationProgress) -> Void) throws {
        self.store = store
        self.size = size
        self.seed = seed
        self.now = now.stored
        self.progress = progress
        random = SeededRandom(seed: seed)
        // Every generated client lives in Europe/Paris or Europe/Brussels: one local "today".
        today = (try LocalCalendar(identifier: "Europe/Paris")).localDate(of: now)
        clients = try ClientFactory.make(count: size.clients, effectiveFrom: today.adding(days: -400), random: &random)
        openDays = OpenDays(first: today.adding(days: -ScaleGenerator.appointmentDaysBack),
                            count: ScaleGenerator.appointmentDays)
        try checkCapacity()
    }

    /// Refuses, before writing, more appointments than the clients' hours can hold without
    /// overlaps (at most two thirds of the open time booked).
    mutating func checkCapacity() throws {
        guard size.appointments > 0 else { return }
        var capacity = 0.0
        for generated in clients {
            let open = openDays.days(of: generated).reduce(0) { $0 + $1.openMinutes }
            let types = generated.file.appointmentTypes
            let mean = Double(types.map(\.minutes).reduce(0, +)) / Double(types.count)
            capacity += Double(open * generated.agendaNames.count) / mean * 2 / 3
        }
        guard Double(size.appointments) <= capacity else {
            throw ValidationError(field: "appointments", value: "\(size.appointments)",
                                  reason: "\(size.clients) clients' hours over two years hold at most \(Int(capacity)); add clients")
        }
    }

    mutating func run() throws -> GenerationSummary {
        try withBulkSettings {
            try writeClientsAndOperators()
            try writeContacts()
            try writeAppointments()
            try writeCalls()
        }
        try store.checkpoint()
        return summary
    }

    /// A generated file is written by one process that owns it, and thrown away if the
    /// machine stops midway: so checkpoints need not wait for the disk (synchronous=OFF), and
    /// a large page cache keeps the indexes in memory. Restored before the final checkpoint,
    /// which then syncs everything to disk.
    func withBulkSettings(_ body: () throws -> Void) throws {
        try store.mapped {
            try store.pool.writeWithoutTransaction {
                try $0.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
            }
        }
        defer {
            _ = try? store.pool.writeWithoutTransaction {
                try $0.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000")
            }
        }
        try body()
    }

    func report(_ phase: String, _ done: Int, _ total: Int) {
        progress(GenerationProgress(phase: phase, done: done, total: total))
    }

    /// Calls `write` for each row index in `0..<count`, in transactions of `batchRows` rows,
    /// with one audit entry per transaction saying which rows it added.
    mutating func batched(_ phase: String, object: String, count: Int,
                          write: (inout ScaleGenerator, Database, Int) throws -> Void,
                          finish: (inout ScaleGenerator, Database) throws -> Void = { _, _ in }) throws {
        report(phase, 0, count)
        var next = 0
        var batch = 0
        while next < count {
            try store.write(by: ScaleGenerator.actor) { db, trail in
                let first = next
                let end = min(count, next + ScaleGenerator.batchRows)
                while next < end {
                    try write(&self, db, next)
                    next += 1
                    if next % ScaleGenerator.progressRows == 0 { report(phase, next, count) }
                }
                try finish(&self, db)
                batch += 1
                trail.record("generate", object, "batch \(batch)",
                             "seed \(seed): \(phase) \(first + 1)–\(end) of \(count)")
            }
            report(phase, next, count)
        }
    }

    /// The clients with their agendas, appointment types and instructions, and the team of
    /// operators with their presence, in one transaction that first checks the file is empty.
    mutating func writeClientsAndOperators() throws {
        let nowDate = Date(stored: now)
        try store.write(by: ScaleGenerator.actor) { db, trail in
            for table in ["client", "contact", "operator", "call", "appointment"] {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                if count > 0 {
                    throw StoreError("the database already has data (\(count) rows in \(table)): generate needs an empty database")
                }
            }
            try Store.saveSetting(.databaseKind, DatabaseKind.generated.rawValue, in: db)
            // Through the client file import, as an administrator would add them.
            for generated in clients {
                _ = try Store.importClientFile(generated.file, at: nowDate, by: ScaleGenerator.actor, trail: &trail, in: db)
            }
            let clientIndex = Dictionary(uniqueKeysWithValues: clients.enumerated().map { ($1.client.id.rawValue, $0) })
            agendas = try Row.fetchAll(db, sql: "SELECT id, client_id FROM agenda ORDER BY id").map {
                (id: $0["id"], client: clientIndex[$0["client_id"] as String]!)
            }
            types = Array(repeating: [], count: clients.count)
            for row in try Row.fetchAll(db, sql: "SELECT id, client_id, minutes FROM appointment_type ORDER BY id") {
                types[clientIndex[row["client_id"] as String]!].append((id: row["id"], minutes: row["minutes"]))
            }
            summary.clients = clients.count
            summary.agendas = agendas.count
            try writeOperators(db)
            trail.record("generate", "database", store.path,
                         "seed \(seed): \(size); \(summary.clients) clients, \(summary.operators) operators written")
        }
        report("clients", clients.count, clients.count)
    }

    /// One operator per five clients (at least three), a supervisor per ten operators and an
    /// administrator, named like the callers.
    mutating func writeOperators(_ db: Database) throws {
        let count = max(3, clients.count / 5)
        var logins = Set<String>()
        for index in 0..<count {
            let first = DemoCatalogue.firstNames.randomElement(using: &random)!
            let last = DemoCatalogue.lastNames.randomElement(using: &random)!
            var login = String("\(NameText.slug(first)).\(NameText.slug(last))".prefix(28))
            if logins.contains(login) { login += "\(index)" }
            // The administrator is `admin`, as in the demo, with the same published password.
            if index == 0 { login = "admin" }
            logins.insert(login)
            let role: Role = index == 0 ? .admin : index % 10 == 1 ? .supervisor : .operator
            let added = try Store.insert(Operator(login: login, displayName: "\(first) \(last)", role: role),
                                         passwordHash: DemoAccounts.passwordHash, at: Date(stored: now), in: db)
            operatorIDs.append(added.id)
            operatorLogins.append(login)
        }
        summary.operators = count
    }
}
