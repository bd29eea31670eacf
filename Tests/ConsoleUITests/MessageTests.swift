import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

/// Keys typed one by one, as the terminal delivers them.
func type(_ text: String, into state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    for character in text { effects += update(&state, .key(.character(character))) }
    return effects
}

/// The form on screen, or a recorded issue.
func messageForm(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> MessageForm? {
    guard case .message(let form) = state.overlay else {
        Issue.record("no message form: \(String(describing: state.overlay))", sourceLocation: sourceLocation)
        return nil
    }
    return form
}

func emergencyScript(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> EmergencyScript? {
    guard case .emergency(let script) = state.overlay else {
        Issue.record("no emergency script: \(String(describing: state.overlay))", sourceLocation: sourceLocation)
        return nil
    }
    return script
}

@Suite("Messages and the advice guard")
struct MessageFormTests {
    @Test func mDuringACallOpensTheFormWithTheCallerPrefilled() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("M")))
        let form = try #require(messageForm(state))
        #expect(form.callerName == "Marie Lefèvre")
        #expect(form.callback == "06 12 34 56 78")
        #expect(form.callID == 10 && form.contactID == Fixture.marie.id)
        #expect(form.field == .reason, "the caller is known: the cursor waits on the reason")
        let screen = render(state).text
        for expected in ["Message — Cabinet du Dr Martin", "Caller        Marie Lefèvre", "Call back on  06 12 34 56 78",
                         "● normal   ○ URGENT", "Enter: save"] {
            #expect(screen.contains(expected), "missing \(expected):\n\(screen)")
        }
    }

    @Test func mWithNoClientInViewSaysWhatToDo() {
        var state = AppState(width: 120, height: 40, language: .en, user: Fixture.claire, now: Fixture.now)
        _ = update(&state, .key(.character("M")))
        #expect(state.overlay == nil)
        #expect(state.flash?.text == "Pick a client (c) or answer a call (a).")
    }

    @Test func adviceIsHighlightedAsTypedAndEnterIsRefusedUntilRephrased() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("M")))
        _ = type("Fièvre", into: &state)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = type("Fièvre depuis hier. Prenez deux comprimés de Doliprane.", into: &state)
        var form = try #require(messageForm(state))
        #expect(form.textFindings.map(\.phrase) == ["Prenez deux comprimés"])
        let screen = render(state)
        #expect(screen.role(of: "Prenez deux") == .advice)
        #expect(screen.role(of: "Fièvre depuis hier") == .input, "only the phrase is highlighted")
        #expect(screen.text.contains("Medical advice: « Prenez deux comprimés » (dosage, medication,"), "\(screen.text)")
        #expect(screen.text.contains("prenez-medicament"))

        #expect(update(&state, .key(.enter)).isEmpty, "advice is not saved")
        form = try #require(messageForm(state))
        #expect(form.error?.contains("rule prenez-medicament") == true)

        // The operator rephrases: the caller's own words, quoted, are not advice.
        _ = update(&state, .key(.control("u")))
        _ = type("Fièvre depuis hier, demande « je prends deux comprimés ? »", into: &state)
        #expect(try #require(messageForm(state)).textFindings.isEmpty)
        #expect(render(state).text.contains("Medical advice") == false)
        let effects = update(&state, .key(.enter))
        #expect(effects == [.addMessage(MessageDraft(
            clientID: Fixture.martin.id, callID: 10, contactID: Fixture.marie.id, callerName: "Marie Lefèvre",
            callbackNumber: try PhoneNumber("06 12 34 56 78"), reason: "Fièvre",
            text: "Fièvre depuis hier, demande « je prends deux comprimés ? »", isUrgent: false))])
        _ = update(&state, .messageSaved(try Message(id: 7, clientID: Fixture.martin.id, callerName: "Marie Lefèvre",
                                                     callbackNumber: nil, text: "x", createdAt: Fixture.now)))
        #expect(state.overlay == nil)
        #expect(state.flash?.text == "Message saved")
    }

    /// The console and the store read the text through the same guard (`GuardText`): a
    /// disguised phrase the store would refuse is highlighted as it is typed.
    @Test func disguisedAdviceIsHighlightedAsTheStoreWouldRefuseIt() throws {
        var state = Fixture.answered(language: .fr)
        _ = update(&state, .key(.character("M")))
        _ = type("Fièvre", into: &state)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = type("Fièvre. Pr\u{0435}nez deux compri-més.", into: &state)
        let form = try #require(messageForm(state))
        #expect(form.textFindings.map(\.phrase) == ["Pr\u{0435}nez deux compri-més"])
        #expect(render(state).role(of: "deux compri") == .advice)
        #expect(update(&state, .key(.enter)).isEmpty, "refused, as the store refuses it")
    }

    @Test func adviceInTheReasonIsRefusedToo() throws {
        var state = Fixture.answered(language: .fr)
        _ = update(&state, .key(.character("M")))
        _ = type("C'est sûrement une grippe", into: &state)
        #expect(render(state).role(of: "sûrement une grippe") == .advice)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = type("Rappeler avant midi", into: &state)
        #expect(update(&state, .key(.enter)).isEmpty)
        let form = try #require(messageForm(state))
        #expect(form.field == .reason, "the cursor goes back to the phrase to rephrase")
        #expect(render(state).text.contains("Conseil médical : « C'est sûrement une grippe » (diagnostic, règle "))
    }

    @Test func urgencyTogglesWithSpaceAndTheMessageGoesUrgent() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("M")))
        _ = type("Résultats", into: &state)
        _ = update(&state, .key(.tab))
        #expect(try #require(messageForm(state)).field == .urgency)
        _ = update(&state, .key(.character(" ")))
        #expect(try #require(messageForm(state)).isUrgent)
        #expect(render(state).role(of: "● URGENT") == .urgent)
        _ = update(&state, .key(.character(" ")))
        #expect(try #require(messageForm(state)).isUrgent == false)
        _ = update(&state, .key(.right))
        _ = update(&state, .key(.tab))
        _ = type("Rappeler aujourd'hui", into: &state)
        guard case .addMessage(let draft) = update(&state, .key(.enter)).first else {
            Issue.record("Enter did not save")
            return
        }
        #expect(draft.isUrgent && draft.reason == "Résultats")
        _ = update(&state, .messageSaved(try draft.message(id: 3, createdAt: Fixture.now)))
        #expect(state.flash?.text == "URGENT message saved")
    }

    @Test func aBadNumberOrAStoreRefusalKeepsTheFormOpen() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("M")))
        _ = update(&state, .key(.backTab))
        _ = update(&state, .key(.control("u")))
        _ = type("12", into: &state)
        _ = update(&state, .key(.tab))
        _ = type("Rappel", into: &state)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = type("Merci de rappeler", into: &state)
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(try #require(messageForm(state)).field == .callback)
        _ = update(&state, .key(.control("u")))
        _ = type("06 12 34 56 78", into: &state)
        #expect(update(&state, .key(.enter)).count == 1)
        _ = update(&state, .messageRefused("message text refused: 'x' is medical advice (diagnosis, rule 'client-rule')"))
        #expect(try #require(messageForm(state)).error?.contains("client-rule") == true)
        #expect(render(state).text.contains("'client-rule'"))
    }
}

@Suite("Medical clients")
struct MedicalQuestionTests {
    @Test func theInstructionsOfAMedicalClientShowTheSentenceToSay() {
        let screen = render(Fixture.state(language: .fr)).text
        #expect(screen.contains("Avis médical demandé ? Dites : « Je ne peux pas vous donner d'avis"), "\(screen)")

        var lawyer = Fixture.state()
        var client = Fixture.martin
        client.isMedical = false
        _ = update(&lawyer, .contextLoaded(ClientContext(client: client, instructions: Fixture.instructions, agendas: [], types: [])))
        #expect(!render(lawyer).text.contains("Asked for medical advice"))
        _ = update(&lawyer, .key(.character("Q")))
        #expect(lawyer.overlay == nil && lawyer.flash?.text == "This client is not a medical practice.")
    }

    @Test func aClientsOwnSentenceReplacesTheShippedOne() {
        var state = Fixture.state()
        _ = update(&state, .contextLoaded(ClientContext(client: Fixture.martin, instructions: nil, agendas: [], types: [],
                                                        refusalScript: ["Le Dr Martin ne donne aucun avis par téléphone."])))
        let screen = render(state).text
        #expect(screen.contains("Say: « Le Dr Martin ne donne aucun avis"), "\(screen)")
        #expect(!screen.contains("Je ne peux pas vous donner"))
    }

    @Test func qTurnsTheCallersQuestionIntoAMessageTaggedMedicalQuestion() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("3")))
        #expect(render(state).text.contains("Q Medical question → message"), "hinted in the instructions pane")
        _ = update(&state, .key(.character("Q")))
        let form = try #require(messageForm(state))
        #expect(form.kind == .medicalQuestion && form.field == .text && form.callerName == "Marie Lefèvre")
        #expect(render(state).text.contains("Medical question for the practitioner"))
        #expect(update(&state, .key(.enter)).isEmpty, "an empty question is not sent")
        // The question may sound like advice: it is the caller's, and goes quoted.
        _ = type("Est-ce que je peux arrêter les antibiotiques ?", into: &state)
        guard case .addMessage(let draft) = update(&state, .key(.enter)).first else {
            Issue.record("Enter did not send the question")
            return
        }
        #expect(draft.tags == [MessageTag.medicalQuestion])
        #expect(draft.text.contains("« Est-ce que je peux arrêter les antibiotiques ? »"))
        #expect(draft.callID == 10 && draft.contactID == Fixture.marie.id)
        _ = update(&state, .messageSaved(try draft.message(id: 4, createdAt: Fixture.now)))
        #expect(state.flash?.text == "Question passed on to the practitioner")
    }
}

@Suite("Emergency triage")
struct EmergencyTests {
    static let peeters = try! Client(
        id: ClientID("dr-peeters"), name: "Dr Peeters", profession: "Médecin généraliste",
        line: PhoneNumber("02 511 90 09", country: .be), country: .be,
        hours: WeeklyHours(parsing: "mon-fri 08:00-19:00"), plan: Plan(callsPerMonth: 100, smsPerMonth: 10), isMedical: true)

    @Test func anEmergencyTermInTheCallNoteIsOfferedAndF12ReportsIt() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("e")))
        _ = update(&state, .key(.character("5")))
        _ = type("douleur thoracique", into: &state)
        #expect(state.overlay == .endCall(outcome: .information, note: "douleur thoracique"), "the note keeps the keys")
        #expect(render(state).text.contains("⚠ « douleur thoracique » — F2: emergency script?"))
        _ = update(&state, .key(.function(2)))
        let script = try #require(emergencyScript(state))
        #expect(script.assessment.matches.map(\.match.phrase) == ["douleur thoracique"])
        let screen = render(state)
        for expected in ["EMERGENCY — Cabinet du Dr Martin", "Heard: « douleur thoracique »", "15    SAMU", "112",
                         "raccrocher et d'appeler immédiatement le 15 (SAMU)", "F12: Confirm the emergency"] {
            #expect(screen.text.contains(expected), "missing \(expected):\n\(screen.text)")
        }
        #expect(screen.role(of: "Dites à l'appelant") == .emergency)

        #expect(update(&state, .key(.enter)).isEmpty, "Enter, which typing produces, does not confirm")
        let effects = update(&state, .key(.function(12)))
        guard case .reportEmergency(let callID, let note, let message) = effects.first else {
            Issue.record("Enter did not report the emergency: \(effects)")
            return
        }
        #expect(callID == 10 && note == "douleur thoracique")
        #expect(message.isUrgent && message.tags == [MessageTag.emergency] && message.callerName == "Marie Lefèvre")
        #expect(message.text.contains("« douleur thoracique »") && message.text.contains("15 (SAMU)"))
        _ = update(&state, .emergencyReported)
        #expect(state.call == nil && state.overlay == nil)
        #expect(state.flash?.text == "Emergency: call closed, urgent message sent")
    }

    @Test func escapeSaysItIsNotAnEmergencyAndTheTermIsNoLongerOffered() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("e")))
        _ = update(&state, .key(.character("5")))
        _ = type("pas de douleur thoracique,", into: &state)
        #expect(render(state).text.contains("« douleur thoracique » — F2"), "a term is offered as it is typed")
        _ = update(&state, .key(.function(2)))
        #expect(emergencyScript(state) != nil)
        _ = update(&state, .key(.escape))
        #expect(state.overlay == .endCall(outcome: .information, note: "pas de douleur thoracique,"))
        #expect(!render(state).text.contains("— F2"), "dismissed during this call")
        _ = type(" rappel demain", into: &state)
        #expect(state.overlay == .endCall(outcome: .information, note: "pas de douleur thoracique, rappel demain"))
        #expect(update(&state, .key(.enter)) == [.finishCall(10, .information, "pas de douleur thoracique, rappel demain")])
    }

    @Test func anEmergencyTermInTheMessageTextIsOfferedToo() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("M")))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = type("Son mari a des idées suicidaires.", into: &state)
        #expect(render(state).text.contains("« suicidaires » — F2"))
        _ = update(&state, .key(.function(2)))
        let script = try #require(emergencyScript(state))
        #expect(script.assessment.numbers.map(\.number) == ["3114"])
        #expect(render(state).text.contains("3114"))
        _ = update(&state, .key(.escape))
        #expect(try #require(messageForm(state)).text == "Son mari a des idées suicidaires.", "back to the form as it was")
    }

    @Test func theEmergencyOutcomeGoesThroughTheScriptSoTheClientIsAlerted() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("e")))
        _ = update(&state, .key(.character("7")))
        _ = type("Patiente orientée", into: &state)
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(try #require(emergencyScript(state)).assessment.numbers.first?.number == "15")
        #expect(update(&state, .key(.enter)).isEmpty, "only F12 confirms")
        guard case .reportEmergency(10, "Patiente orientée", let message) = update(&state, .key(.function(12))).first else {
            Issue.record("Enter did not report the emergency")
            return
        }
        #expect(message.isUrgent)
    }

    @Test func anOpenMessageListFollowsOtherTerminals() {
        var state = Fixture.state()
        _ = update(&state, .key(.character("2")))
        _ = update(&state, .key(.character("m")))
        #expect(update(&state, .externalChange).contains(.loadMessages(Fixture.martin.id)))
    }

    @Test func adviceInTheCallNoteIsHighlightedAndEnterRefused() {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("e")))
        _ = update(&state, .key(.character("5")))
        _ = type("Je lui ai dit que ce n'est sûrement rien", into: &state)
        let screen = render(state)
        #expect(screen.role(of: "sûrement rien") == .advice)
        #expect(screen.text.contains("Medical advice: « ce n'est sûrement rien »"), "\(screen.text)")
        #expect(screen.text.contains("ce-n-est-rien"))
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(state.flash?.text.contains("rule ce-n-est-rien") == true)
        #expect(state.overlay == .endCall(outcome: .information, note: "Je lui ai dit que ce n'est sûrement rien"))
    }

    @Test func exclamationShowsTheScriptOfTheClientsCountry() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("!")))
        var text = render(state).text
        #expect(text.contains("15    SAMU") && text.contains("112   numéro d'urgence européen"), "\(text)")

        var belgian = Fixture.state()
        _ = update(&belgian, .contextLoaded(ClientContext(client: Self.peeters, instructions: nil, agendas: [], types: [])))
        _ = update(&belgian, .callClaimed(ActiveCall(callID: 20, clientID: Self.peeters.id,
                                                     from: try PhoneNumber("0470 12 34 56", country: .be), answeredAt: Fixture.now)))
        _ = update(&belgian, .contextLoaded(ClientContext(client: Self.peeters, instructions: nil, agendas: [], types: [])))
        _ = update(&belgian, .key(.character("!")))
        text = render(belgian).text
        #expect(text.contains("112   urgences (ambulance)") && !text.contains("SAMU"), "\(text)")
        #expect(text.contains("le 112."))
        _ = update(&belgian, .key(.escape))
        _ = update(&belgian, .key(.character("e")))
        _ = update(&belgian, .key(.character("5")))
        _ = type("veut mourir", into: &belgian)
        _ = update(&belgian, .key(.function(2)))
        #expect(render(belgian).text.contains("1813"))
        #expect(try #require(emergencyScript(belgian)).assessment.numbers.map(\.number) == ["1813"])
    }
}

@Suite("Messages list and instructions history")
struct MessageListTests {
    @Test func mInTheCallerPaneListsTheClientsMessagesAndTMarksOneTransmitted() throws {
        var state = Fixture.state()
        _ = update(&state, .key(.character("2")))
        #expect(update(&state, .key(.character("m"))) == [.loadMessages(Fixture.martin.id)])
        let urgent = try Message(id: 2, clientID: Fixture.martin.id, callerName: "Marie Lefèvre",
                                 callbackNumber: PhoneNumber("06 12 34 56 78"), reason: "Résultats", text: "Rappeler vite",
                                 isUrgent: true, createdAt: Fixture.at("2026-11-23T09:40"))
        let old = try Message(id: 1, clientID: Fixture.martin.id, callerName: "Jean Dupont", callbackNumber: nil,
                              reason: "", text: "A rappelé", status: .transmitted, createdAt: Fixture.at("2026-11-20T16:05"))
        _ = update(&state, .messagesLoaded(Fixture.martin.id, [urgent, old]))
        let screen = render(state)
        #expect(screen.text.contains("Messages — Cabinet du Dr Martin (2)"))
        #expect(screen.text.contains("23/11 09:40  new          ‼ URGENT  Marie Lefèvre"), "\(screen.text)")
        #expect(screen.text.contains("20/11 16:05  transmitted            Jean Dupont"))
        #expect(screen.text.contains("Résultats — Rappeler vite"), "the selected message in full")
        #expect(update(&state, .key(.character("t"))) == [.markTransmitted(2, Fixture.martin.id)])
        _ = update(&state, .key(.character("j")))
        #expect(render(state).text.contains("A rappelé"))
        _ = update(&state, .key(.escape))
        #expect(state.overlay == nil)
    }

    @Test func vInTheInstructionsShowsTheVersionsAndWhatChanged() throws {
        var state = Fixture.state()
        _ = update(&state, .key(.character("3")))
        #expect(update(&state, .key(.character("v"))) == [.loadInstructionHistory(Fixture.martin.id)])
        var sections = Fixture.instructions.sections
        sections[.faq] = "Adresse : 12 rue des Lilas, 75011 Paris."
        let first = try Instructions(version: 1, effectiveFrom: LocalDate(parsing: "2026-01-01"), sections: sections)
        _ = update(&state, .instructionHistoryLoaded(Fixture.martin.id, [first, Fixture.instructions]))
        var screen = render(state)
        #expect(screen.text.contains("► v2  from 01/09/2026  in force"), "\(screen.text)")
        #expect(screen.text.contains("  v1  from 01/01/2026"))
        #expect(screen.text.contains("FAQ — changed"))
        #expect(screen.role(of: "+ Parking : rue Servan, payant.") == .success)
        _ = update(&state, .key(.character("j")))
        screen = render(state)
        #expect(screen.text.contains("► v1") && screen.text.contains("First version."))
    }
}
