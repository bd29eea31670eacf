import Foundation
import Testing
import TestSupport

/// The commands scripts and the PBX run most skip swift-argument-parser when spelled plainly
/// (`--client ID`); spelled `--client=ID` they go through it. Both must do and print the same.
@Suite("Quick start: the plain spelling and the parser's agree")
struct QuickStartTests {
    /// Two identical demo databases, one for each spelling: the same commands in the same
    /// order leave them alike, so commands that write (call-in) can be compared too.
    func twins() throws -> (quick: String, parsed: String) {
        let first = try SignInTests.freshDemo()
        let second = Binaries.temporaryFolder().appendingPathComponent("twin.sqlite").path
        #expect(try SignInTests.sql(first, "VACUUM INTO '\(second)'").isEmpty)
        chmod(second, 0o600)
        return (first, second)
    }

    /// `--name=value` is the parser's alone: the quick scan declines it.
    func parserSpelling(_ arguments: [String]) -> [String] {
        var spelled: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument.hasPrefix("--"), let next = rest.first, !next.hasPrefix("--"),
               !["--json", "--urgent"].contains(argument) {
                spelled.append(argument + "=" + next)
                rest.removeFirst()
            } else {
                spelled.append(argument)
            }
        }
        return spelled
    }

    @discardableResult
    func expectSame(_ arguments: [String], in twins: (quick: String, parsed: String),
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let (quickDB, parsedDB) = twins
        let quick = try Binaries.run(Binaries.secretary, arguments + ["--db", quickDB])
        let parsed = try Binaries.run(Binaries.secretary, parserSpelling(arguments + ["--db", parsedDB]))
        #expect(quick.status == parsed.status, "\(arguments)", sourceLocation: sourceLocation)
        #expect(quick.stdout == parsed.stdout, "\(arguments)", sourceLocation: sourceLocation)
        #expect(quick.stderr.replacingOccurrences(of: quickDB, with: parsedDB) == parsed.stderr,
                "\(arguments)", sourceLocation: sourceLocation)
        #expect(!quick.stdout.isEmpty || !quick.stderr.isEmpty, "\(arguments) printed something")
        return quick.stdout
    }

    @Test func clientsAndContactsFind() throws {
        let twins = try twins()
        try expectSame(["clients"], in: twins)
        try expectSame(["clients", "--json"], in: twins)
        try expectSame(["contacts", "find", "01 00 83 37 04", "--client", "dr-martin"], in: twins)
        try expectSame(["contacts", "find", "mar", "--client", "dr-martin", "--json"], in: twins)
        try expectSame(["contacts", "find", "--client", "dr-martin", "lefe"], in: twins)
        try expectSame(["contacts", "find", "lefe", "--client", "nobody-here"], in: twins)
        try expectSame(["contacts", "find", "lefe", "--client", "dr-martin", "--operator", "claire"], in: twins)
    }

    @Test func callInAndCallEnd() throws {
        let twins = try twins()
        let waiting = try expectSame(["call-in", "--line", "01 42 68 10 01", "--from", "06 11 22 33 44",
                                      "--at", "2026-11-23T10:05:00"], in: twins)
        #expect(waiting.hasSuffix(" waiting\n"))
        try expectSame(["call-in", "--line", "+33142681001", "--from", "withheld", "--urgent", "--json",
                        "--at", "2026-11-23T21:05:00"], in: twins)
        try expectSame(["call-in", "--line", "01 00 00 00 00", "--from", "06 11 22 33 44"], in: twins)
        try expectSame(["call-in", "--line", "01 42 68 10 01", "--from", "06 11 22 33 44", "--at", "2026-11-31T10:00:00"], in: twins)
        try expectSame(["call-end", String(waiting.prefix { $0 != " " })], in: twins)
        try expectSame(["call-end", "1"], in: twins)
        try expectSame(["call-end", "999999"], in: twins)
    }

    @Test func anythingElseStillGoesToTheParser() throws {
        let db = try SignInTests.freshDemo()
        let help = try secretary(["clients", "--help"], db: db)
        #expect(help.status == 0 && help.stdout.contains("USAGE: secretary clients"))
        let extra = try secretary(["clients", "everyone"], db: db)
        #expect(extra.status != 0 && extra.stderr.contains("Unexpected argument 'everyone'"))
        let missing = try secretary(["contacts", "find", "lefe"], db: db)
        #expect(missing.status != 0 && missing.stderr.contains("Missing expected argument '--client <client>'"))
        let unknown = try secretary(["call-in", "--line", "01 42 68 10 01", "--from", "0611223344", "--loud"], db: db)
        #expect(unknown.status != 0 && unknown.stderr.contains("Unknown option '--loud'"))
    }
}
