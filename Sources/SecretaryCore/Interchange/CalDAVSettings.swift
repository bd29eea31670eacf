import Foundation

/// Where a client's agendas are pushed (`secretary calendar sync`), from the client file:
///
/// ```
/// caldav url: https://dav.example.fr/dr-martin/
/// caldav user: dr-martin
/// caldav password file: /etc/secretary/dr-martin.caldav   (mode 0600, the password alone)
/// ```
///
/// Each agenda is a calendar collection under the URL, named after the agenda
/// (`.../dr-martin/dr-claire-martin/`), created on the first sync.
public struct CalDAVSettings: Hashable, Sendable {
    public let url: String
    public let user: String
    public let passwordFile: String

    public static let fields = ["caldav url", "caldav user", "caldav password file"]

    /// The three fields' values (nil when absent): all three or none.
    public init?(url: String?, user: String?, passwordFile: String?) throws {
        guard url != nil || user != nil || passwordFile != nil else { return nil }
        guard let url, !url.isEmpty else {
            throw ValidationError(field: "caldav url", value: "", reason: "missing: a CalDAV sync needs the collection's URL")
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !url.contains(" "),
              url.utf8.count <= 500, URL(string: url)?.host != nil else {
            throw ValidationError(field: "caldav url", value: url, reason: "expected an http:// or https:// address")
        }
        guard let user, !user.isEmpty, user.utf8.count <= 200, !user.contains(":"),
              !user.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw ValidationError(field: "caldav user", value: user ?? "", reason: "give the user name (no ':')")
        }
        guard let passwordFile, passwordFile.hasPrefix("/") else {
            throw ValidationError(field: "caldav password file", value: passwordFile ?? "",
                                  reason: "give the absolute path of a file (mode 0600) holding the password")
        }
        self.url = url.hasSuffix("/") ? url : url + "/"
        self.user = user
        self.passwordFile = passwordFile
    }

    /// The agenda's collection: its name lower-cased, accents and punctuation turned to `-`.
    public func collection(for agendaName: String) -> String {
        let slug = SearchText.fold(agendaName).unicodeScalars.map { scalar -> String in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII ? String(scalar) : "-"
        }.joined().split(separator: "-").joined(separator: "-")
        return url + (slug.isEmpty ? "agenda" : slug) + "/"
    }

    public var lines: [String] { ["caldav url: \(url)", "caldav user: \(user)", "caldav password file: \(passwordFile)"] }
}
