import Foundation
import Testing
import TestSupport

@Suite("secretary generate")
struct GenerateCommandTests {
    @Test func fillsANewFileAndShowsProgressAsPlainLinesInALog() throws {
        let path = Binaries.temporaryFolder().appendingPathComponent("generated.sqlite").path
        let result = try secretary(["generate", "--clients", "3", "--contacts", "600", "--appointments", "900",
                                    "--calls", "300", "--seed", "5", "--clock-start", "2026-11-23T10:00"], db: path)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        // Not a terminal: no carriage returns, one line per step of progress.
        #expect(!result.stdout.contains("\r"))
        #expect(lines.contains("contacts: 600/600"))
        #expect(lines.contains("appointments: 900/900"))
        #expect(lines.last?.hasPrefix("Generated \(path) in") == true)
        #expect(lines.last?.contains("3 clients") == true && lines.last?.contains("600 contacts") == true)
        let clients = try secretary(["clients"], db: path)
        #expect(clients.stdout.split(separator: "\n").count == 4)
    }

    @Test func aFileMustBeNamed() throws {
        let result = try secretary(["generate", "--clients", "1", "--contacts", "1"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--db"))
    }
}
