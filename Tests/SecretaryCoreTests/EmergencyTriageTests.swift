import Testing
@testable import SecretaryCore

@Suite("Emergency triage")
struct EmergencyTriageTests {
    @Test("Emergency terms in French and English send the caller to the right number", arguments: [
        ("Douleur thoracique depuis une heure", Country.fr, "15", EmergencyKind.life),
        ("Mon mari ne respire plus !", .fr, "15", .life),
        ("elle est INCONSCIENTE", .fr, "15", .life),
        ("Il a perdu connaissance dans la cuisine", .fr, "15", .life),
        ("hémorragie après l'opération", .fr, "15", .life),
        ("suspicion d'AVC, bouche de travers", .fr, "15", .life),
        ("paralysie du bras gauche", .fr, "15", .life),
        ("overdose de médicaments", .fr, "15", .life),
        ("idées suicidaires depuis hier", .fr, "3114", .suicide),
        ("Il dit qu'il veut mourir", .fr, "3114", .suicide),
        ("My father has chest pain", .fr, "15", .life),
        ("She can't breathe", .fr, "15", .life),
        ("he is unconscious", .fr, "15", .life),
        ("douleur thoracique", .be, "112", .life),
        ("idées suicidaires", .be, "1813", .suicide),
        ("He wants to kill himself", .be, "1813", .suicide),
        ("can't breathe", .be, "112", .life),
    ])
    func termsGiveTheRightNumber(text: String, country: Country, number: String, kind: EmergencyKind) throws {
        let assessment = try #require(EmergencyTriage.assess(text, country: country), "\(text)")
        #expect(assessment.number.number == number)
        #expect(assessment.kinds.first == kind)
        #expect(assessment.script.first?.contains(number) == true)
    }

    @Test("Ordinary requests open no script", arguments: [
        "Souhaite un rendez-vous pour un renouvellement d'ordonnance.",
        "Mal au dos depuis trois jours, voudrait une séance.",
        "Wants to move Tuesday's appointment.",
        "Demande le montant du dépassement d'honoraires.",
    ])
    func ordinaryTextIsNoEmergency(text: String) {
        #expect(EmergencyTriage.assess(text, country: .fr) == nil)
    }

    @Test func theScriptSaysToHangUpAndDial15Or112() throws {
        let france = try #require(EmergencyTriage.assess("douleur dans la poitrine", country: .fr))
        #expect(france.script.first == "Dites à l'appelant de raccrocher et d'appeler immédiatement le 15 (SAMU) ou le 112.")
        #expect(france.numbers.map(\.number) == ["15", "112"])
        #expect(france.matches.map(\.match.phrase) == ["douleur dans la poitrine"])
        let belgium = try #require(EmergencyTriage.assess("douleur dans la poitrine", country: .be))
        #expect(belgium.numbers.map(\.number) == ["112"])
        #expect(!belgium.script.joined().contains("15 "))
    }

    @Test func aLifeInDangerComesBeforeSuicidalThoughts() throws {
        let both = try #require(EmergencyTriage.assess("idées suicidaires, a avalé toute une boîte de comprimés", country: .fr))
        #expect(both.kinds == [.life, .suicide])
        #expect(both.numbers.map(\.number) == ["15", "112", "3114"])
        // The closing lines shared by both scripts are read once.
        #expect(Set(both.script).count == both.script.count)
    }

    @Test func quotedCallerWordsAreChecked() {
        #expect(EmergencyTriage.assess("Le patient dit « je ne respire plus »", country: .fr)?.number.number == "15")
    }

    @Test func theOperatorCanAskForTheScript() {
        #expect(EmergencyTriage.script(country: .fr).number.number == "15")
        #expect(EmergencyTriage.script(country: .be).number.number == "112")
        #expect(EmergencyTriage.script(country: .be, kinds: [.suicide]).number.number == "1813")
    }

    @Test func theShippedFilesAreValid() throws {
        // Parsed here so a mistake fails this test instead of stopping the program.
        let rules = try EmergencyRules(parsing: ShippedRules.text(of: "emergency"), file: "emergency.rules")
        #expect(rules.numbers[.fr]?.map(\.number) == ["15", "112", "3114"])
        #expect(rules.numbers[.be]?.map(\.number) == ["112", "1813"])
        let words = try AdviceRules(parsing: ShippedRules.text(of: "advice-words"), file: "advice-words.rules")
        _ = try AdviceRules(parsing: ShippedRules.text(of: "advice-fr"), file: "advice-fr.rules", sets: words.sets)
        _ = try AdviceRules(parsing: ShippedRules.text(of: "advice-en"), file: "advice-en.rules", sets: words.sets)
    }

    @Test("Rules file errors give the line", arguments: [
        ("[FR]\nnumber life 15 SAMU\nsay life Appelez le 112.\n", "line 3: say: the life script for FR must give the number 15"),
        ("number life 15 SAMU\n", "line 1: number: belongs under a country heading, [FR] or [BE]"),
        ("[DE]\n", "line 1: country: '[DE]' is not [FR] or [BE]"),
        ("term danger douleur\n", "line 1: kind: 'danger' is not one of life, suicide"),
        ("term life douleur\n[FR]\nnumber life 15 SAMU\nsay life le 15\n", "line 5: BE: a life term needs a 'number life' and a 'say life' line for [BE]"),
    ])
    func rulesErrors(text: String, message: String) {
        do {
            _ = try EmergencyRules(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
