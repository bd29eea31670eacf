import Foundation
import Testing
import TestSupport

/// A script's commands share one password check for a few minutes (a ticket beside the
/// database), and nothing a sign-in refuses gets through with it.
@Suite("Command tickets: one password check for a script's commands", .serialized)
struct CommandTicketTests {
    func ticketFolder(_ db: String) -> String { db + "-tickets" }

    func rewrite(_ file: String, with password: String) throws {
        try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
    }

    @Test func aTicketIsKeptOnlyWhereTheDatabasesOwnerCanReadIt() throws {
        let db = try SignInTests.freshDemo()
        #expect(try secretary(["clients"], db: db, environment: Binaries.signedInAs("claire")).status == 0)
        var folder = stat(), file = stat()
        #expect(stat(ticketFolder(db), &folder) == 0)
        #expect(folder.st_mode & 0o777 == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: ticketFolder(db))
        #expect(names.count == 1)
        #expect(stat(ticketFolder(db) + "/" + (names.first ?? ""), &file) == 0)
        #expect(file.st_mode & 0o777 == 0o600)
        let text = String(decoding: FileManager.default.contents(atPath: ticketFolder(db) + "/" + (names.first ?? "")) ?? Data(),
                          as: UTF8.self)
        #expect(!text.contains("claire") && !text.contains(Binaries.demoPassword), "nothing readable in the ticket")
    }

    @Test func aPasswordFileRewrittenWithAWrongPasswordIsRefusedDespiteTheTicket() throws {
        let db = try SignInTests.freshDemo()
        let file = Binaries.passwordFile(Binaries.demoPassword)
        let environment = ["SECRETARY_OPERATOR": "claire", "SECRETARY_PASSWORD_FILE": file]
        #expect(try secretary(["clients"], db: db, environment: environment).status == 0)
        #expect(try secretary(["clients"], db: db, environment: environment).status == 0)
        try rewrite(file, with: "not-her-password")
        let refused = try secretary(["clients"], db: db, environment: environment)
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(try SignInTests.sql(db, "SELECT count(*) FROM audit WHERE action = 'sign-in-failed' AND actor = 'claire'") == "1")
    }

    @Test func aChangedPasswordADisabledAccountAndALockEndTheTicket() throws {
        let db = try SignInTests.freshDemo()
        let claire = Binaries.signedInAs("claire")
        #expect(try secretary(["clients"], db: db, environment: claire).status == 0)
        #expect(try secretary(["operators", "disable", "claire"], db: db).status == 0)
        #expect(try secretary(["clients"], db: db, environment: claire).status != 0, "disabled, ticket or not")
        #expect(try secretary(["operators", "enable", "claire"], db: db).status == 0)
        #expect(try secretary(["clients"], db: db, environment: claire).status == 0)
        // An administrator resets her password; julien's ticket, copied over hers, does not
        // let the old password file in either.
        let reset = try Binaries.run(Binaries.secretary, ["operators", "passwd", "claire", "--password-stdin", "--db", db],
                                     environment: Binaries.signedInAs("admin"), input: "a-brand-new-secret-77\n")
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(try secretary(["clients"], db: db, environment: Binaries.signedInAs("julien")).status == 0)
        let folder = ticketFolder(db)
        // Tickets are named by the SHA-256 of the login (its first 24 digits).
        func ticket(of login: String) throws -> String {
            let digest = try Binaries.run("/bin/sh", ["-c", "printf %s \"$1\" | sha256sum", "sh", login]).stdout
            return folder + "/" + String(digest.prefix(24))
        }
        #expect(FileManager.default.fileExists(atPath: try ticket(of: "julien")))
        try? FileManager.default.removeItem(atPath: try ticket(of: "claire"))
        try FileManager.default.copyItem(atPath: try ticket(of: "julien"), toPath: try ticket(of: "claire"))
        let wrong = claire
        #expect(try secretary(["clients"], db: db, environment: wrong).status != 0, "julien's ticket let claire in")
    }
}
