import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

/// The board check on the wallboard: a count in the status line, `b` lists what did not
/// reach its client with what was tried, `r` resends the selected one.
@Suite("The wallboard's board check")
struct WallboardBoardTests {
    static func entry(_ id: Int64, urgent: Bool, deliveries: [Delivery]) throws -> BoardEntry {
        let message = try Message(id: id, clientID: WallboardFixture.martin.id, callerName: "Anne Roy",
                                  callbackNumber: PhoneNumber("06 11 22 33 44"), text: "Rappeler", isUrgent: urgent,
                                  createdAt: WallboardFixture.at("2026-11-23T09:40"))
        return BoardEntry(message: message, clientName: "Cabinet du Dr Martin", since: WallboardFixture.at("2026-11-23T09:50"),
                          deliveries: deliveries)
    }

    static func failedEmail(_ id: Int64) -> Delivery {
        Delivery(id: 7, messageID: id, clientID: WallboardFixture.martin.id, channel: .email, recipient: "Secrétariat",
                 address: "secretariat@refused.example", isDigest: false, step: nil, status: .failed,
                 dueAt: WallboardFixture.at("2026-11-23T09:40"), attempts: 1, sentAt: nil,
                 answer: "exit 65: 550 no such user", segments: nil)
    }

    func lines(_ state: WallboardState) -> [String] { renderWallboard(state).text.components(separatedBy: "\n") }

    @Test func theCountShowsAndBListsWhatWasTriedAndRResends() throws {
        var state = WallboardFixture.state()
        _ = updateWallboard(&state, .boardLoaded([try Self.entry(41, urgent: false, deliveries: [Self.failedEmail(41)]),
                                                  try Self.entry(42, urgent: true, deliveries: [])]))
        #expect(lines(state)[0] == " Sophie Garnier · Supervision · Mon 23/11 10:00:00 · Not delivered: 2")
        #expect(updateWallboard(&state, .key(.character("b"))).isEmpty)
        let shown = lines(state).joined(separator: "\n")
        #expect(shown.contains("Messages not delivered — phone the client (2)"))
        #expect(shown.contains("41 · Cabinet du Dr Martin · Anne Roy 06 11 22 33 44 · 2026-11-23 09:40"))
        #expect(shown.contains("email Secrétariat: failed (exit 65: 550 no such user)"))
        #expect(shown.contains("42 URGENT · Cabinet du Dr Martin"))
        #expect(shown.contains("nobody on call acknowledged it"))
        #expect(updateWallboard(&state, .key(.character("j"))).isEmpty)
        #expect(updateWallboard(&state, .key(.character("r"))) == [.resend(42)])
        #expect(updateWallboard(&state, .resent(42)) == [.loadFigures])
        #expect(lines(state)[0].contains("Sent again: message 42"))
        _ = updateWallboard(&state, .key(.escape))
        #expect(state.boardSelection == nil)
        #expect(!lines(state).joined().contains("phone the client"))
    }

    /// The board in French says what was tried in French: no stored English word.
    @Test func aFrenchBoardSaysWhatWasTriedInFrench() throws {
        var state = WallboardFixture.state(language: .fr)
        _ = updateWallboard(&state, .boardLoaded([try Self.entry(41, urgent: false, deliveries: [Self.failedEmail(41)])]))
        _ = updateWallboard(&state, .key(.character("b")))
        let shown = lines(state).joined(separator: "\n")
        #expect(shown.contains("e-mail Secrétariat: échec (exit 65: 550 no such user)"), "\(shown)")
        #expect(!shown.contains("failed") && !shown.contains("email "), "\(shown)")
    }

    @Test func anEmptyBoardSaysSoAndNoCountShows() {
        var state = WallboardFixture.state()
        _ = updateWallboard(&state, .boardLoaded([]))
        #expect(lines(state)[0] == " Sophie Garnier · Supervision · Mon 23/11 10:00:00")
        _ = updateWallboard(&state, .key(.character("b")))
        #expect(lines(state).joined().contains("Nothing pending: everything went out or was read."))
        #expect(updateWallboard(&state, .key(.character("r"))).isEmpty)
    }
}
