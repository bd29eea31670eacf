import SecretaryCore

/// How much data `secretary generate` writes: a busy service at full scale is 200 clients,
/// a million contacts, a million appointments over two years and half a million calls over
/// two months.
public struct GenerationSize: Hashable, Sendable, CustomStringConvertible {
    public var clients: Int
    public var contacts: Int
    public var appointments: Int
    public var calls: Int

    public static let fullScale = GenerationSize(clients: 200, contacts: 1_000_000, appointments: 1_000_000, calls: 500_000)

    public init(clients: Int, contacts: Int, appointments: Int, calls: Int) {
        self.clients = clients
        self.contacts = contacts
        self.appointments = appointments
        self.calls = calls
    }

    /// Refuses sizes that cannot make a coherent database, before anything is written.
    public func validate() throws {
        for (field, value, limit) in [("clients", clients, 10_000), ("contacts", contacts, 20_000_000),
                                      ("appointments", appointments, 20_000_000), ("calls", calls, 20_000_000)] {
            guard (0...limit).contains(value) else {
                throw ValidationError(field: field, value: "\(value)", reason: "expected 0 to \(limit)")
            }
        }
        guard clients > 0 || (contacts == 0 && appointments == 0 && calls == 0) else {
            throw ValidationError(field: "clients", value: "0", reason: "contacts, appointments and calls need at least one client")
        }
        guard contacts >= clients || appointments == 0 else {
            throw ValidationError(field: "contacts", value: "\(contacts)",
                                  reason: "appointments need at least one contact per client (\(clients))")
        }
    }

    public var description: String {
        "\(clients) clients, \(contacts) contacts, \(appointments) appointments, \(calls) calls"
    }
}

/// Where the generation is, for a progress bar: `done` of `total` rows of this phase.
public struct GenerationProgress: Sendable {
    public let phase: String
    public let done: Int
    public let total: Int
}

/// What was written.
public struct GenerationSummary: Sendable, CustomStringConvertible {
    public var clients = 0
    public var agendas = 0
    public var operators = 0
    public var contacts = 0
    public var phones = 0
    public var appointments = 0
    public var calls = 0
    public var callsByStatus: [CallStatus: Int] = [:]

    public var description: String {
        let statuses = CallStatus.allCases.compactMap { status in
            callsByStatus[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", ")
        return "\(clients) clients (\(agendas) agendas), \(operators) operators, \(contacts) contacts (\(phones) numbers), "
            + "\(appointments) appointments, \(calls) calls (\(statuses))"
    }
}
