import Foundation

/// A client's short id, usable on the command line: `dr-martin`, `kine-dubois`.
public struct ClientID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws {
        // Checked on bytes: every appointment and call row read carries one, and Character
        // properties made this check most of the cost of loading a week.
        let bytes = text.utf8
        var previous: UInt8 = UInt8(ascii: "-")
        var valid = (2...40).contains(bytes.count) && bytes.last != UInt8(ascii: "-")
        for byte in bytes where valid {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-"): valid = previous != UInt8(ascii: "-") // no leading or double hyphen
            default: valid = false
            }
            previous = byte
        }
        guard valid else {
            throw ValidationError(field: "client id", value: text,
                                  reason: "use 2–40 lowercase letters, digits and single hyphens, like dr-martin")
        }
        rawValue = text
    }

    public var description: String { rawValue }
    public static func < (lhs: ClientID, rhs: ClientID) -> Bool { lhs.rawValue < rhs.rawValue }

    // In JSON as the id itself (`"dr-martin"`), as scripts and spreadsheets expect it.
    public init(from decoder: any Decoder) throws { try self.init(decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What a client's subscription includes each month; beyond it is billed *hors forfait*.
public struct Plan: Hashable, Sendable, Codable {
    public let callsPerMonth: Int
    public let smsPerMonth: Int

    public init(callsPerMonth: Int, smsPerMonth: Int) throws {
        guard callsPerMonth >= 0 else {
            throw ValidationError(field: "plan calls", value: "\(callsPerMonth)", reason: "must not be negative")
        }
        guard smsPerMonth >= 0 else {
            throw ValidationError(field: "plan sms", value: "\(smsPerMonth)", reason: "must not be negative")
        }
        self.callsPerMonth = callsPerMonth
        self.smsPerMonth = smsPerMonth
    }
}

/// A professional the service answers for (a doctor, a practice, a lawyer), reached on its
/// own dedicated line.
public struct Client: Hashable, Sendable, Identifiable {
    public let id: ClientID
    public var name: String
    public var profession: String
    /// The dedicated number callers dial; a call arriving on it is this client's.
    public var line: PhoneNumber
    public var country: Country
    /// Checked on creation, and only set there.
    public private(set) var timeZoneIdentifier: String
    public var hours: WeeklyHours
    public var plan: Plan
    /// Medical practices get the no-medical-advice script and emergency triage.
    public var isMedical: Bool
    /// Granularity of the agenda grid, in minutes.
    public var slotMinutes: Int

    public init(id: ClientID, name: String, profession: String, line: PhoneNumber, country: Country,
                timeZoneIdentifier: String? = nil, hours: WeeklyHours = .service, plan: Plan,
                isMedical: Bool, slotMinutes: Int = 15) throws {
        let trimmedName = name.trimmedOfSpaces
        guard !trimmedName.isEmpty else {
            throw ValidationError(field: "client name", value: name, reason: "must not be empty")
        }
        let zone = timeZoneIdentifier ?? country.defaultTimeZoneIdentifier
        try LocalCalendar.checkZone(zone) // a known zone (checked once per zone)
        guard [5, 10, 15, 20, 30, 60].contains(slotMinutes) else {
            throw ValidationError(field: "slot minutes", value: "\(slotMinutes)", reason: "use 5, 10, 15, 20, 30 or 60")
        }
        self.id = id
        self.name = trimmedName
        self.profession = profession
        self.line = line
        self.country = country
        self.timeZoneIdentifier = zone
        self.hours = hours
        self.plan = plan
        self.isMedical = isMedical
        self.slotMinutes = slotMinutes
    }

    /// The zone was checked on creation (a stored row with an unknown one is a damaged row),
    /// so the fallback is never reached.
    public var calendar: LocalCalendar { (try? LocalCalendar(identifier: timeZoneIdentifier)) ?? .serviceHome }

    public var openingHours: OpeningHours { OpeningHours(weekly: hours, country: country, calendar: calendar) }
}

/// One practitioner's agenda within a client (a practice may have several).
public struct Agenda: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var clientID: ClientID
    public var name: String
    /// When this practitioner sees patients, within the client's hours; nil: all the
    /// client's hours. (A part-time associate works two days of the practice's five.)
    public var hours: WeeklyHours?

    public init(id: Int64, clientID: ClientID, name: String, hours: WeeklyHours? = nil) {
        self.id = id
        self.clientID = clientID
        self.name = name
        self.hours = hours
    }
}
