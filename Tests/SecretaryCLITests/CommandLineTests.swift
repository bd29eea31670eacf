import Foundation
import Testing
import TestSupport

/// Runs `secretary` with `arguments` on the database at `db`.
func secretary(_ arguments: [String], db: String? = nil, environment: [String: String] = [:]) throws -> Binaries.Result {
    try Binaries.run(Binaries.secretary, arguments + (db.map { ["--db", $0] } ?? []), environment: environment)
}

/// Every row of the database (schema, data, audit log) as SQL text, to prove a refused
/// command wrote nothing but the audit's record of who tried (every command names its person
/// in the audit log: a sign-in, a failed one, or a refusal for want of a role). (Bytes are not compared: opening a WAL
/// database makes SQLite and GRDB touch the header even when no row changes.)
func contents(_ path: String) throws -> String {
    try fullContents(path).split(separator: "\n", omittingEmptySubsequences: false)
        .filter { line in
            !(line.hasPrefix("INSERT INTO audit VALUES")
              && [",'sign-in','", ",'sign-in-failed','", ",'refused','"].contains { line.contains($0) })
        }
        .joined(separator: "\n")
}

func fullContents(_ path: String) throws -> String {
    // A busy timeout: another test's process closing the database checkpoints it for an
    // instant, and a dump that meets that lock would otherwise come out partial.
    let result = try Binaries.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 10000", path, ".dump"])
    #expect(!result.stdout.contains("ERROR:"), "sqlite3 .dump met an error: \(result.stdout.suffix(300))")
    #expect(result.status == 0, "sqlite3 .dump failed: \(result.stderr)")
    return result.stdout
}

@Suite("The command line", .serialized)
struct CommandLineTests {
    static let demo: String = {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        _ = try? secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: path)
        return path
    }()

    @Test func helpListsTheSubcommands() throws {
        let result = try secretary(["--help"])
        #expect(result.status == 0)
        for command in ["init", "demo", "console", "clients", "client", "contacts", "messages", "operators"] {
            #expect(result.stdout.contains(command))
        }
        let help = try secretary(["help", "contacts", "find"])
        #expect(help.stdout.contains("--client"))
    }

    @Test func initDemoThenListClients() throws {
        let result = try secretary(["clients"], db: Self.demo)
        #expect(result.status == 0)
        #expect(result.stdout.contains("dr-martin"))
        #expect(result.stdout.contains("Cabinet du Dr Martin"))
        let json = try secretary(["clients", "--json"], db: Self.demo)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect((parsed?.count ?? 0) >= 12)
    }

    @Test func globalOptionsMayComeBeforeTheSubcommand() throws {
        let result = try secretary(["--db", Self.demo, "clients"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("dr-martin"))
    }

    @Test func findContactsByNumberInAnyFormatAndByName() throws {
        for number in ["06 12 34 56 78", "+33612345678", "0033 6 12 34 56 78"] {
            let result = try secretary(["contacts", "find", number, "--client", "dr-martin"], db: Self.demo)
            #expect(result.status == 0)
            #expect(result.stdout.contains("Lefèvre"))
        }
        let byName = try secretary(["contacts", "find", "lefe", "--client", "dr-martin", "--json"], db: Self.demo)
        let parsed = try JSONSerialization.jsonObject(with: Data(byName.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.contains { ($0["lastName"] as? String) == "Lefèvre" } == true)
    }

    @Test func operatorsAddAndList() throws {
        let path = Binaries.temporaryFolder().appendingPathComponent("ops.sqlite").path
        #expect(try Binaries.run(Binaries.secretary, ["init", "--admin", "admin", "--password-stdin", "--db", path],
                                 input: Binaries.demoPassword + "\n").status == 0)
        #expect(try Binaries.run(Binaries.secretary, ["operators", "add", "nadia", "--name", "Nadia Benali", "--role", "supervisor",
                                                      "--password-stdin", "--db", path], input: "benali-2026-sup\n").status == 0)
        let list = try secretary(["operators", "--json"], db: path)
        #expect(list.stdout.contains("\"login\" : \"nadia\""))
        #expect(list.stdout.contains("supervisor"))
    }

    @Test("Bad input exits non-zero with a one-line reason and leaves the database unchanged", arguments: [
        (["contacts", "find", "lefe", "--client", "dr-nobody"], "unknown client 'dr-nobody'"),
        (["contacts", "find", "06 12 AB", "--client", "dr-martin"], "invalid phone number '06 12 AB'"),
        (["contacts", "find", "06 12", "--client", "dr-martin"], "too short"),
        (["contacts", "find", "lefe", "--client", "Dr Martin"], "invalid client id 'Dr Martin'"),
        (["operators", "add", "claire", "--name", "Claire Bis", "--role", "operator"], "operator 'claire' already exists"),
        (["operators", "add", "nadia", "--name", "Nadia", "--role", "boss"], "invalid role 'boss'"),
        (["operators", "add", "Nadia B", "--name", "Nadia", "--role", "operator"], "invalid login 'Nadia B'"),
        (["clients", "--clock-start", "2026-13-45T10:00"], "invalid date and time '2026-13-45T10:00'"),
        (["init", "--demo"], "already has clients"),
        (["generate", "--clients", "2", "--contacts", "20", "--appointments", "0", "--calls", "0"],
         "generate needs an empty database"),
        (["generate", "--clients=-1"], "invalid clients '-1'"),
        (["generate", "--clients", "1", "--contacts", "10", "--appointments", "5000000"], "add clients"),
    ])
    func badInputChangesNothing(arguments: [String], reason: String) throws {
        let before = try contents(Self.demo)
        #expect(before.contains("INSERT INTO client"))
        let result = try secretary(arguments, db: Self.demo)
        #expect(result.status != 0)
        #expect(result.stderr.contains(reason), "stderr: \(result.stderr)")
        #expect(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(try contents(Self.demo) == before)
    }

    @Test func unreadableOrForeignDatabaseIsRefused() throws {
        let folder = Binaries.temporaryFolder()
        let text = folder.appendingPathComponent("notes.txt").path
        try "not a database, just notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        let before = FileManager.default.contents(atPath: text)
        let result = try secretary(["clients"], db: text)
        #expect(result.status != 0)
        #expect(result.stderr.contains("not an SQLite database"))
        #expect(FileManager.default.contents(atPath: text) == before)
        #expect(!FileManager.default.fileExists(atPath: text + "-wal"))

        let dir = try secretary(["clients"], db: folder.path)
        #expect(dir.status != 0)
        #expect(dir.stderr.contains("it is a folder"))
    }
}
