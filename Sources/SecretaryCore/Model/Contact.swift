import Foundation

/// A caller known to a client, usually a patient. Belongs to one client: the same person
/// calling two doctors is two contacts, as each doctor owns their patients' data.
public struct Contact: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var clientID: ClientID
    public var lastName: String
    public var firstName: String
    public var phones: [PhoneNumber]
    public var email: String?
    public var notes: String
    /// On the client's *liste noire*: no appointment may be booked for this contact.
    public var isBlacklisted: Bool

    public init(id: Int64 = 0, clientID: ClientID, lastName: String, firstName: String, phones: [PhoneNumber],
                email: String? = nil, notes: String = "", isBlacklisted: Bool = false) throws {
        let last = lastName.trimmedOfSpaces
        guard !last.isEmpty else {
            throw ValidationError(field: "last name", value: lastName, reason: "must not be empty")
        }
        if let email, !email.isEmpty {
            let parts = email.split(separator: "@")
            guard parts.count == 2, parts[1].contains("."), !email.contains(" ") else {
                throw ValidationError(field: "email", value: email, reason: "not an email address")
            }
        }
        self.id = id
        self.clientID = clientID
        self.lastName = last
        self.firstName = firstName.trimmedOfSpaces
        self.phones = phones
        self.email = (email?.isEmpty ?? true) ? nil : email
        self.notes = notes
        self.isBlacklisted = isBlacklisted
    }

    /// `Marie Lefèvre`
    public var displayName: String { firstName.isEmpty ? lastName : "\(firstName) \(lastName)" }

    /// The accent-blind, case-blind words searched by name.
    public var searchText: String { SearchText.fold("\(lastName) \(firstName)") }
}
