import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

// Issue 13, "the console through a real working day": the defects a new operator met in a
// morning of calls, each reproduced on the screen buffer.

/// Jean Dupont, another of Dr Martin's patients, found by a name search.
let dupont = try! Contact(id: 2, clientID: Fixture.martin.id, lastName: "Dupont", firstName: "Jean",
                          phones: [PhoneNumber("06 98 76 54 32")])

@Suite("A false emergency from one Enter (issue 13, point 1)")
struct EmergencyOfferTests {
    static let sentence = "A eu une douleur thoracique il y a 2 ans, rappeler pour bilan"

    /// The message form, the cursor on its text.
    static func typingMessage() -> AppState {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("M")))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        return state
    }

    @Test func anEmergencyTermIsOfferedButTheKeysStayInTheText() throws {
        var state = Self.typingMessage()
        _ = type(Self.sentence, into: &state)
        let form = try #require(messageForm(state), "the form keeps the keys")
        #expect(form.text == Self.sentence, "every key typed is in the text")
        let screen = render(state)
        #expect(screen.text.contains("« douleur thoracique »") && screen.text.contains("F2"),
                "the offer names the term and the key:\n\(screen.text)")
        #expect(screen.role(of: "« douleur thoracique »") == .emergency)

        // Enter saves the message as typed: no emergency, the call stays open.
        let effects = update(&state, .key(.enter))
        guard case .addMessage(let draft) = effects.first, effects.count == 1 else {
            Issue.record("Enter did not save the message: \(effects)")
            return
        }
        #expect(draft.text == Self.sentence && !draft.isUrgent)
        #expect(state.call != nil)
    }

    @Test func theScriptOpensOnlyDeliberatelyAndOnlyAFunctionKeyConfirmsIt() throws {
        var state = Self.typingMessage()
        _ = type("douleur thoracique depuis ce matin", into: &state)
        _ = update(&state, .key(.function(2)))
        #expect(emergencyScript(state) != nil, "F2 opens the script")
        #expect(render(state).text.contains("F12"), "the script names the key that confirms")
        // Nothing typed can confirm: Enter, letters, digits, Space.
        for key: Key in [.enter, .character("o"), .character("y"), .character("1"), .character(" "), .backspace] {
            #expect(update(&state, .key(key)).isEmpty, "\(key) must not confirm")
            #expect(emergencyScript(state) != nil)
        }
        _ = update(&state, .key(.escape))
        #expect(try #require(messageForm(state)).text == "douleur thoracique depuis ce matin", "the text is kept")

        _ = update(&state, .key(.function(2)))
        let effects = update(&state, .key(.function(12)))
        guard case .reportEmergency(10, _, let message) = effects.first else {
            Issue.record("F12 did not report the emergency: \(effects)")
            return
        }
        #expect(message.isUrgent)
        #expect(message.text.contains("douleur thoracique depuis ce matin"), "what was typed goes with the alert: \(message.text)")
    }

    @Test func theEndOfCallNoteOffersTheScriptToo() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("e")))
        _ = update(&state, .key(.character("5")))
        _ = type("douleur thoracique ancienne, rappeler", into: &state)
        #expect(state.overlay == .endCall(outcome: .information, note: "douleur thoracique ancienne, rappeler"))
        #expect(render(state).text.contains("F2"))
        #expect(update(&state, .key(.enter)) == [.finishCall(10, .information, "douleur thoracique ancienne, rappeler")])
    }
}

@Suite("Looking someone up never changes the caller (issue 13, point 2)")
struct LookedUpIsNotTheCallerTests {
    /// During Marie Lefèvre's call, `2` `/` `dupont` Enter.
    static func lookedUpDupont() -> AppState {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("2")))
        _ = update(&state, .key(.character("/")))
        _ = type("dupont", into: &state)
        _ = update(&state, .searchResults(query: "dupont", [dupont]))
        _ = update(&state, .key(.enter))
        _ = update(&state, .contactOpened(dupont, ContactHistory()))
        return state
    }

    @Test func theCallKeepsItsCallerAndTheCardSaysWhoItShows() throws {
        var state = Self.lookedUpDupont()
        let screen = render(state).text
        #expect(screen.contains("► ON CALL 01:23  Marie Lefèvre"), "the queue still shows the caller:\n\(screen)")
        #expect(screen.contains("Looked up, not the caller"), "\(screen)")
        _ = update(&state, .key(.character("M")))
        let form = try #require(messageForm(state))
        #expect(form.callerName == "Marie Lefèvre" && form.callback == "06 12 34 56 78" && form.contactID == Fixture.marie.id)
    }

    @Test func oneKeyReturnsToTheCaller() {
        var state = Self.lookedUpDupont()
        let effects = update(&state, .key(.escape))
        #expect(state.lookup.opened == Fixture.marie, "Esc shows the caller again: \(effects)")
        #expect(render(state).text.contains("Caller — on the line"))
    }
}

@Suite("Drafts kept with their call (issue 13, point 5)")
struct DraftTests {
    @Test func escapeKeepsTheMessageDraftUntilItIsReopened() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("M")))
        _ = type("Résultats", into: &state)
        _ = update(&state, .key(.escape))
        #expect(state.overlay == nil)
        _ = update(&state, .key(.character("M")))
        #expect(try #require(messageForm(state)).reason == "Résultats")
    }

    @Test func escapeKeepsTheMedicalQuestion() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("Q")))
        _ = type("Peut-il arrêter ?", into: &state)
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.character("Q")))
        #expect(try #require(messageForm(state)).text == "Peut-il arrêter ?")
    }

    @Test func escapeKeepsTheEndOfCallNote() {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("e")))
        _ = update(&state, .key(.character("5")))
        _ = type("Rappeler demain", into: &state)
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.escape))
        #expect(state.overlay == nil)
        _ = update(&state, .key(.character("e")))
        #expect(state.overlay == .endCall(outcome: .information, note: "Rappeler demain"))
    }

    @Test func draftsEndWithTheirCall() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("M")))
        _ = type("Résultats", into: &state)
        _ = update(&state, .key(.escape))
        _ = update(&state, .callFinished)
        _ = update(&state, .callClaimed(ActiveCall(callID: 11, clientID: Fixture.martin.id, from: try PhoneNumber("07 11 22 33 44"),
                                                    answeredAt: Fixture.now)))
        _ = update(&state, .key(.character("M")))
        #expect(try #require(messageForm(state)).reason == "")
    }
}
