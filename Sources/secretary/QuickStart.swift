/// The commands scripts and the PBX run most, started without swift-argument-parser.
///
/// The parser describes every command by reflection at each start, about a third of a
/// one-shot command's time (issue 20). Here a command's arguments are only scanned, and
/// only in the plain spelling scripts use (`--db PATH`, `--json`, a positional): anything
/// else, `--help` and every mistake included, returns false and goes to the full parser,
/// which stays the one place for usage and error messages. `QuickStartTests` runs each
/// command both ways and compares what they print. An option added to one of these
/// commands is added here too (unknown here, it only sends the command to the parser; a new
/// required one must also be required here).
enum QuickStart {
    /// Runs the command when it is one of these, spelled plainly; false otherwise.
    static func run(_ arguments: [String]) throws -> Bool {
        guard let name = arguments.first else { return false }
        switch name {
        case "clients":
            guard let scan = Scan(arguments.dropFirst(), values: [], flags: ["--json"], positionals: 0) else { return false }
            try ClientsCommand.run(scan.global, json: scan.flag("--json"))
        case "contacts":
            guard arguments.dropFirst().first == "find",
                  let scan = Scan(arguments.dropFirst(2), values: ["--client"], flags: ["--json"], positionals: 1),
                  let client = scan.value("--client") else { return false }
            try ContactsCommand.Find.run(scan.global, text: scan.positionals[0], client: client, json: scan.flag("--json"))
        case "call-in":
            guard let scan = Scan(arguments.dropFirst(), values: ["--line", "--from", "--at"],
                                  flags: ["--urgent", "--json"], positionals: 0),
                  let line = scan.value("--line"), let from = scan.value("--from") else { return false }
            try CallInCommand.run(scan.global, line: line, from: from, at: scan.value("--at"),
                                  urgent: scan.flag("--urgent"), json: scan.flag("--json"))
        case "call-end":
            guard let scan = Scan(arguments.dropFirst(), values: [], flags: [], positionals: 1) else { return false }
            try CallEndCommand.run(scan.global, id: scan.positionals[0])
        default:
            return false
        }
        return true
    }

    /// A command's arguments, when each is a known option with its value, a known flag, or
    /// a positional, none repeated, no value or positional that starts with a dash, nothing
    /// empty, and exactly the positionals expected.
    struct Scan {
        private(set) var values: [String: String] = [:]
        private(set) var flags: [String] = []
        private(set) var positionals: [String] = []

        init?(_ arguments: ArraySlice<String>, values valueNames: [String], flags flagNames: [String],
              positionals expected: Int) {
            let valueNames = valueNames + GlobalOptions.names
            var rest = arguments[...]
            while let argument = rest.popFirst() {
                if argument.isEmpty { return nil }
                if argument.first != "-" {
                    positionals.append(argument)
                } else if flagNames.contains(argument) {
                    guard !flags.contains(argument) else { return nil }
                    flags.append(argument)
                } else if valueNames.contains(argument) {
                    guard let value = rest.popFirst(), !value.isEmpty, value.first != "-",
                          values.updateValue(value, forKey: argument) == nil else { return nil }
                } else {
                    return nil
                }
            }
            guard positionals.count == expected else { return nil }
        }

        func value(_ name: String) -> String? { values[name] }
        func flag(_ name: String) -> Bool { flags.contains(name) }

        var global: ScannedGlobalOptions {
            ScannedGlobalOptions(db: values["--db"], clockStart: values["--clock-start"], operator: values["--operator"])
        }
    }
}
