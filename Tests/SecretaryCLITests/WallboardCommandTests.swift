import Foundation
import Testing
import TestSupport

/// `secretary supervisor` without `--once` opens the live wallboard; what it refuses, it
/// refuses in one line before touching the terminal (here there is none: had the terminal
/// been opened first, the error would be about the missing terminal instead).
@Suite("The wallboard's refusals", .serialized)
struct WallboardCommandTests {
    static let demo: String = {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        _ = try? secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: path)
        return path
    }()

    @Test(arguments: [
        (["--operator", "claire", "--once"], "Error: the wallboard needs the role supervisor or above; claire does not have it"),
        // Signing in never says whether a login exists.
        (["--operator", "nobody", "--once"], "Error: sign-in refused: wrong login or password, or the account is locked or disabled"),
        (["--operator", "sophie", "--day", "2026-11-20"], "the live wallboard shows today; add --once or --json"),
        (["--operator", "sophie", "--threshold", "0"], "invalid threshold '0'"),
        (["--operator", "sophie", "--lang", "de"], "invalid language 'de'"),
        (["--operator", "sophie", "--theme", "nope"], "theme 'nope' not found"),
    ])
    func refusedInOneLine(arguments: [String], message: String) throws {
        let result = try secretary(["supervisor"] + arguments, db: Self.demo)
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty, "nothing drawn: \(result.stdout)")
    }

    @Test func aSupervisorWithoutATerminalIsToldSo() throws {
        let result = try secretary(["supervisor", "--operator", "sophie"], db: Self.demo)
        #expect(result.status != 0)
        #expect(result.stderr.contains("needs a terminal"), "stderr: \(result.stderr)")
    }
}
