/// An error in a line-oriented file (a client file, a rules file): the line number and the
/// field let whoever edits the file go straight to the mistake.
/// `line 12: hours: 'sat 08:00-14:00' outside the service's hours (sat 08:00-13:00)`.
public struct LineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's name, when known; printed before the line number.
    public var file: String?
    public let line: Int
    public let field: String
    public let message: String

    public init(file: String? = nil, line: Int, field: String, _ message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// A value refused by a domain type, placed at its line: the field and value come from
    /// the file, the reason from the type.
    public init(file: String? = nil, line: Int, field: String, value: String, _ error: ValidationError) {
        self.init(file: file, line: line, field: field, "'\(error.value.isEmpty ? value : error.value)' \(error.reason)")
    }

    public var description: String {
        (file.map { "\($0): " } ?? "") + "line \(line): \(field): \(message)"
    }

    /// The same error, naming `name` as its file unless it already names one.
    public func inFile(_ name: String?) -> LineError {
        var copy = self
        if copy.file == nil { copy.file = name }
        return copy
    }
}
