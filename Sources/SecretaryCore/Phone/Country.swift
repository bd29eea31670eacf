/// The countries the service works in. A client's country decides how a national number
/// a caller gives is read, which public holidays apply, and the default time zone.
public enum Country: String, CaseIterable, Codable, Sendable {
    case fr = "FR"
    case be = "BE"

    public init(code: String) throws {
        guard let country = Country(rawValue: code.uppercased()) else {
            throw ValidationError(field: "country", value: code, reason: "expected FR or BE")
        }
        self = country
    }

    public var callingCode: String {
        switch self {
        case .fr: "33"
        case .be: "32"
        }
    }

    public var defaultTimeZoneIdentifier: String {
        switch self {
        case .fr: "Europe/Paris"
        case .be: "Europe/Brussels"
        }
    }
}
