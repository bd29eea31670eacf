import ChildProcess
import Foundation

/// What a CalDAV server answered, in the terms a sync needs.
public enum CalDAVOutcome: Equatable, Sendable {
    /// Stored; the server's new ETag (nil if it gave none).
    case stored(etag: String?)
    case deleted
    /// The resource was not as expected (changed or created by someone else): nothing done.
    case conflict
    /// The resource does not exist.
    case notFound
}

public struct CalDAVError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A calendar collection on a CalDAV server (RFC 4791), spoken to over HTTP through the
/// system's curl (as mail leaves through sendmail): one request at a time, each bounded by
/// `timeout`, Basic auth. Not libcurl in-process: its thirty libraries would load with every command.
public final class CalDAVCollection: @unchecked Sendable {
    public let url: URL
    private let credentials: String
    private let timeout: TimeInterval

    public init(url: URL, user: String, password: String, timeout: TimeInterval = 15) {
        self.url = url
        credentials = "\(user):\(password)"
        self.timeout = timeout
    }

    /// Makes the collection if the server does not have it (MKCALENDAR).
    public func ensureExists() throws {
        let (status, _, _) = try send("PROPFIND", url, headers: ["Depth": "0", "Content-Type": "application/xml; charset=utf-8"],
                                      body: Data(#"<?xml version="1.0"?><propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>"#.utf8))
        if (200..<300).contains(status) { return }
        guard status == 404 else { throw CalDAVError("\(url.absoluteString): PROPFIND answered \(status)") }
        let (made, _, _) = try send("MKCALENDAR", url, headers: [:], body: nil)
        guard made == 201 || made == 200 else { throw CalDAVError("\(url.absoluteString): MKCALENDAR answered \(made)") }
    }

    /// PUT `body` as `name`: with `ifMatch`, only over that version; without, only if the
    /// resource does not exist yet.
    public func put(_ name: String, body: String, ifMatch etag: String?) throws -> CalDAVOutcome {
        var headers = ["Content-Type": "text/calendar; charset=utf-8"]
        if let etag { headers["If-Match"] = etag } else { headers["If-None-Match"] = "*" }
        let (status, answer, _) = try send("PUT", resource(name), headers: headers, body: Data(body.utf8))
        switch status {
        case 200..<300: return .stored(etag: answer["etag"])
        case 412: return .conflict
        default: throw CalDAVError("\(resource(name).absoluteString): PUT answered \(status)")
        }
    }

    /// DELETE `name` if it is still the version `etag`.
    public func delete(_ name: String, ifMatch etag: String?) throws -> CalDAVOutcome {
        let (status, _, _) = try send("DELETE", resource(name), headers: etag.map { ["If-Match": $0] } ?? [:], body: nil)
        switch status {
        case 200..<300: return .deleted
        case 404, 410: return .notFound
        case 412: return .conflict
        default: throw CalDAVError("\(resource(name).absoluteString): DELETE answered \(status)")
        }
    }

    /// The resource's current ETag and body, or nil when it does not exist.
    public func get(_ name: String) throws -> (etag: String?, body: String)? {
        let (status, headers, body) = try send("GET", resource(name), headers: [:], body: nil)
        if status == 404 { return nil }
        guard (200..<300).contains(status) else { throw CalDAVError("\(resource(name).absoluteString): GET answered \(status)") }
        return (headers["etag"], String(decoding: body, as: UTF8.self))
    }

    /// The calendar data of every event with an occurrence between `start` and `end`
    /// (a calendar-query REPORT, RFC 4791 7.8): one iCalendar text per resource, recurring
    /// events whole (their occurrences are expanded by the reader).
    public func calendarData(from start: Date, to end: Date) throws -> [String] {
        let stamp = { (date: Date) -> String in
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
            return formatter.string(from: date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        }
        let query = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/><C:calendar-data/></D:prop>
              <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
                <C:time-range start="\(stamp(start))" end="\(stamp(end))"/>
              </C:comp-filter></C:comp-filter></C:filter>
            </C:calendar-query>
            """
        let (status, _, body) = try send("REPORT", url, headers: ["Depth": "1", "Content-Type": "application/xml; charset=utf-8"],
                                         body: Data(query.utf8))
        guard status == 207 else { throw CalDAVError("\(url.absoluteString): REPORT answered \(status)") }
        return CalDAVCollection.calendarData(inMultistatus: String(decoding: body, as: UTF8.self))
    }

    /// The text of each `calendar-data` element, whatever its namespace prefix, unescaped.
    /// A scan rather than FoundationXML, which would tie the static build to libxml2: the
    /// element holds text only (RFC 4791 9.6), so its end tag is the next one of its name.
    static func calendarData(inMultistatus xml: String) -> [String] {
        var found: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "calendar-data", options: .caseInsensitive) {
            // The start tag's "<" and prefix are before the name; ">" ends it.
            guard let tagStart = rest[..<open.lowerBound].lastIndex(of: "<"), rest[rest.index(after: tagStart)] != "/",
                  let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else {
                rest = rest[open.upperBound...]
                continue
            }
            let prefix = rest[rest.index(after: tagStart)..<open.lowerBound]
            let selfClosing = rest[rest.index(before: tagEnd)] == "/"
            let afterTag = rest.index(after: tagEnd)
            guard !selfClosing, let close = rest[afterTag...].range(of: "</\(prefix)calendar-data", options: .caseInsensitive) else {
                rest = rest[afterTag...]
                continue
            }
            var text = String(rest[afterTag..<close.lowerBound])
            if text.hasPrefix("<![CDATA["), text.hasSuffix("]]>") {
                text = String(text.dropFirst(9).dropLast(3))
            } else {
                for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"),
                                            ("&#13;", "\r"), ("&#xD;", "\r"), ("&#10;", "\n"), ("&amp;", "&")] {
                    text = text.replacingOccurrences(of: entity, with: character)
                }
            }
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.append(text) }
            rest = rest[close.upperBound...]
        }
        return found
    }

    func resource(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// One request through the system's curl, waited for at most `timeout` (and a margin): a
    /// server that never answers cannot hold the sync for ever. The credentials and the body go
    /// in files only this process's user can read, never on the command line (`ps` shows it).
    private func send(_ method: String, _ target: URL, headers: [String: String], body: Data?)
        throws -> (Int, [String: String], Data) {
        let folder = try RequestFolder()
        defer { folder.remove() }
        try folder.write("config", Data("user = \"\(CurlConfig.quoted(credentials))\"\n".utf8))
        var arguments = ["--config", folder.path("config"), "--silent", "--show-error", "--proto", "=http,https",
                         "--request", method, "--max-time", String(Int(timeout.rounded(.up))),
                         "--dump-header", folder.path("headers"), "--output", folder.path("answer"),
                         "--write-out", "%{http_code}", "--header", "Expect:"]
        for (key, value) in headers.sorted(by: { $0.key < $1.key }) { arguments += ["--header", "\(key): \(value)"] }
        if let body {
            try folder.write("body", body)
            arguments += ["--data-binary", "@" + folder.path("body")]
        }
        arguments += ["--url", target.absoluteString]
        let result = try ChildProcess.run(Self.curl, arguments: arguments, input: Data(), timeout: timeout + 5,
                                          mergingErrors: false)
        if result.timedOut || result.status == 28 {
            throw CalDAVError("\(target.absoluteString): no answer within \(Int(timeout)) s")
        }
        guard result.status == 0, let status = Int(String(decoding: result.output, as: UTF8.self)), status > 0 else {
            let reason = ChildProcess.summary(String(decoding: result.errors, as: UTF8.self))
            throw CalDAVError("\(target.absoluteString): curl exit \(result.status)" + (reason.isEmpty ? "" : ": \(reason)"))
        }
        let fields = CalDAVCollection.headerFields(String(decoding: folder.read("headers"), as: UTF8.self))
        return (status, fields, folder.read("answer"))
    }

    /// The last response's header fields (after any `100 Continue`), names in lower case.
    static func headerFields(_ dump: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in dump.components(separatedBy: "\r\n") {
            if line.hasPrefix("HTTP/") { fields = [:]; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The curl found on PATH, else Debian's.
    static let curl: String = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/curl"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/curl"
    }()
}

/// curl's configuration syntax: a quoted value with its backslashes and quotes escaped.
enum CurlConfig {
    static func quoted(_ value: String) -> String {
        var text = ""
        for character in value {
            switch character {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default: text.append(character)
            }
        }
        return text
    }
}

/// A private folder (0700) for one request's files, removed after it.
private struct RequestFolder {
    let url: URL

    init() throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("secretary-caldav.XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw CalDAVError("cannot make a temporary folder in \(FileManager.default.temporaryDirectory.path)") }
        url = URL(fileURLWithPath: String(cString: made))
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ data: Data) throws {
        let descriptor = open(path(name), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CalDAVError("cannot write \(path(name))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: data)
    }

    func read(_ name: String) -> Data { FileManager.default.contents(atPath: path(name)) ?? Data() }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
