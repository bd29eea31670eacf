import Testing
@testable import SecretaryCore

/// The rule that refuses `text`, if any: `category/name`.
private func refusal(_ text: String) -> String? {
    AdviceGuard.check(text).first.map { "\($0.rule.category.rawValue)/\($0.rule.name)" }
}

@Suite("The no-medical-advice guard")
struct AdviceGuardTests {
    @Test("Advice is refused, in French and in English, in each category", arguments: [
        // dosage
        ("Prenez deux comprimés de Doliprane.", "dosage"),
        ("prenez 2 comprimes", "dosage"),
        ("Donnez-lui du paracétamol en attendant.", "dosage"),
        ("Vous pouvez prendre un Spasfon.", "dosage"),
        ("Un comprimé toutes les six heures.", "dosage"),
        ("Take two tablets with water.", "dosage"),
        ("You can take some ibuprofen.", "dosage"),
        ("One pill twice a day.", "dosage"),
        // treatment
        ("Arrêtez le traitement dès ce soir.", "treatment"),
        ("ARRÊTEZ VOTRE TRAITEMENT", "treatment"),
        ("Ne prenez plus vos antibiotiques.", "treatment"),
        ("Vous pouvez diminuer la dose.", "treatment"),
        ("Stop taking the antibiotics.", "treatment"),
        ("You should double the dose.", "treatment"),
        // diagnosis
        ("C'est une grippe.", "diagnosis"),
        ("c’est sûrement une angine", "diagnosis"),
        ("Ça ressemble à une gastro.", "diagnosis"),
        ("Vous avez probablement une sinusite.", "diagnosis"),
        ("It's the flu.", "diagnosis"),
        ("Sounds like a migraine to me.", "diagnosis"),
        ("You've got a cold.", "diagnosis"),
        // reassurance
        ("Ce n'est sûrement rien.", "reassurance"),
        ("ce n est pas grave", "reassurance"),
        ("Ne vous inquiétez pas, ça va passer.", "reassurance"),
        ("Pas besoin d'aller aux urgences.", "waiting"),
        ("It's probably nothing.", "reassurance"),
        ("Don't worry about it.", "reassurance"),
        ("No need to see a doctor.", "waiting"),
    ])
    func adviceIsRefused(text: String, category: String) throws {
        let findings = AdviceGuard.check(text)
        #expect(findings.first?.rule.category.rawValue == category, "\(text) → \(findings.map(\.rule.name))")
    }

    @Test("Reports of what the caller asks, and ordinary messages, pass", arguments: [
        "Mme Lefèvre demande si elle peut arrêter son traitement.",
        "Souhaite un renouvellement d'ordonnance pour ses comprimés.",
        "Prenez rendez-vous et apportez vos médicaments.",
        "Rappeler M. Durand : résultats d'analyses.",
        "Le patient pense avoir une grippe, souhaite une consultation aujourd'hui.",
        "C'est pour une angine, elle souhaite un rendez-vous.",
        "Ce n'est pas urgent, rappeler demain matin.",
        "Séance tous les 15 jours, prendre rendez-vous en ligne.",
        "The patient asks about stopping the treatment; please call back.",
        // English reports use the infinitive, like advice: the caller's question goes in quotes.
        "The patient asks \"should I stop the treatment?\"; please call back.",
        "Wants an appointment for a flu vaccine.",
        "You can take the 10:30 slot on Tuesday.",
    ])
    func reportsPass(text: String) {
        #expect(AdviceGuard.check(text).isEmpty, "\(text) → \(AdviceGuard.check(text).map(\.rule.name))")
    }

    @Test("The caller's own words in quotation marks are not checked", arguments: [
        "La patiente dit « ce n'est sûrement rien » mais souhaite être vue.",
        "Le patient demande : “dois-je arrêter le traitement ?”",
        "Says \"it's probably nothing\" but wants a call back.",
        "Son pharmacien lui a dit « prenez deux comprimés » : le médecin peut-il confirmer ?",
    ])
    func quotedWordsPass(text: String) {
        #expect(AdviceGuard.check(text).isEmpty, "\(text) → \(AdviceGuard.check(text).map(\.rule.name))")
    }

    /// Issue 13, point 8: what the command line saved before the rules were broadened.
    @Test("Reported advice, a dose with no verb, care and advice to wait are refused", arguments: [
        ("il peut prendre un doliprane", "dosage"),
        ("je lui ai conseillé de prendre du paracétamol", "dosage"),
        ("qu'il prenne un doliprane", "dosage"),
        ("Doliprane 1000 toutes les 6h", "dosage"),
        ("mettez de la glace", "care"),
        ("appliquez une crème", "care"),
        ("vous pouvez attendre demain", "waiting"),
        ("prenez votre traitement habituel", "dosage"),
    ])
    func theIssuesExamplesAreRefused(text: String, category: String) {
        let findings = AdviceGuard.check(text)
        #expect(!findings.isEmpty, "\(text) passed")
        #expect(findings.contains { $0.rule.category.rawValue == category }, "\(text) → \(findings.map(\.rule.name))")
    }

    @Test("Advice in disguise is refused: invisible characters, look-alike letters, a hyphen inside a word", arguments: [
        "pre\u{200B}nez deux comprimés",
        "pre\u{00AD}nez deux comprimés",
        "Pr\u{0435}nez deux comprimés",       // Cyrillic е
        "pre-nez deux comprimés",
        "\u{FF30}\u{FF52}\u{FF45}\u{FF4E}\u{FF45}\u{FF5A} deux comprimés",  // full-width letters
        "Prenez deux com-pri-més",
        "Ta\u{200D}ke two t\u{0430}blets",     // zero-width joiner, Cyrillic а
        "ne vous inqui\u{2060}étez pas",
        "\u{0391}ppliquez une crème",         // Greek Alpha
    ])
    func disguisedAdviceIsRefused(text: String) {
        #expect(!AdviceGuard.check(text).isEmpty, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func aDisguisedPhraseIsHighlightedWhereItIsWritten() throws {
        let text = "Fièvre. pre\u{200B}nez deux comprimés."
        let finding = try #require(AdviceGuard.check(text).first)
        #expect(finding.phrase == "pre\u{200B}nez deux comprimés")
        #expect(finding.characterRange == 8..<(8 + finding.phrase.count))
    }

    @Test("The caller's quoted words pass, disguised or not", arguments: [
        "Il demande « pre\u{200B}nez deux comprimés ? »",
        "Says \"t\u{0430}ke two tablets\" is on the box.",
        "La mère dit “mettez de la glace”, le docteur confirme ?",
    ])
    func quotedDisguisedWordsPass(text: String) {
        #expect(AdviceGuard.check(text).isEmpty, "\(text) → \(AdviceGuard.check(text).map(\.rule.name))")
    }

    @Test func theShippedRulesNamesAreUniqueAcrossFiles() throws {
        // `adding` keeps the first rule of a name: a repeated name would silently drop a rule.
        let words = try AdviceRules(parsing: ShippedRules.text(of: "advice-words"), sets: PhrasePattern.Cache())
        let french = try AdviceRules(parsing: ShippedRules.text(of: "advice-fr"), sets: words.sets)
        let english = try AdviceRules(parsing: ShippedRules.text(of: "advice-en"), sets: words.sets)
        let names = (french.rules + english.rules).map(\.name)
        #expect(Set(names).count == names.count, "\(Dictionary(grouping: names) { $0 }.filter { $0.value.count > 1 }.keys)")
        #expect(ShippedRules.advice.rules.count == names.count)
    }

    @Test func aRuleMayNameASetAndAnExceptionForReports() throws {
        let rules = try AdviceRules(parsing: """
            set pills comprim*|cachet*
            dosage pills-a-day @pills ... par jour unless prend|pris
            """)
        #expect(AdviceGuard.check("Deux comprimés par jour.", rules: rules).first?.rule.name == "pills-a-day")
        #expect(AdviceGuard.check("Prend deux comprimés par jour depuis lundi.", rules: rules).isEmpty)
        #expect(rules.rules.first?.line == "dosage pills-a-day @pills ... par jour unless prend|pris")
        #expect(throws: LineError.self) { try AdviceRules(parsing: "dosage x @nope ... jour\n") }
    }

    @Test func aStrayQuotationMarkProtectsNothing() {
        #expect(refusal("« prenez deux comprimés") == "dosage/prenez-medicament")
        // Advice outside the quotes is still found.
        #expect(refusal("Il dit « j'ai mal » ; prenez deux comprimés.") == "dosage/prenez-medicament")
    }

    @Test func theFindingGivesThePhraseAndWhereItIs() throws {
        let text = "Rappel : Mme Lefèvre. Arrêtez le traitement, c'est une grippe."
        let findings = AdviceGuard.check(text)
        #expect(findings.map(\.phrase) == ["Arrêtez le traitement", "c'est une grippe"])
        let first = try #require(findings.first)
        #expect(String(text[first.range]) == "Arrêtez le traitement")
        #expect(first.characterRange == 22..<43)
        #expect(first.rule.name == "arretez-traitement")
        #expect(first.explanation.contains("'Arrêtez le traitement' is medical advice (change of treatment, rule 'arretez-traitement')"))
    }

    @Test func enforceThrowsARuleViolationNamingThePhraseAndTheRule() {
        #expect(throws: RuleViolation.self) { try AdviceGuard.enforce("Prenez deux comprimés.", field: "message text") }
        do {
            try AdviceGuard.enforce("Prenez deux comprimés.", field: "message text")
        } catch let violation as RuleViolation {
            #expect(violation.rule == .medicalAdvice)
            #expect(violation.reason.hasPrefix("message text refused: 'Prenez deux comprimés'"))
            #expect(violation.reason.contains("prenez-medicament"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: Never.self) { try AdviceGuard.enforce("Souhaite un rendez-vous.", field: "message text") }
    }

    /// The sentence is read to French and Belgian clients' callers alike: 15 is French only,
    /// 112 answers in both countries and must come first.
    @Test func theRefusalSentenceGivesAnEmergencyNumberValidInBelgiumToo() {
        let sentence = ShippedRules.advice.refusalScript.joined(separator: " ")
        let first112 = sentence.range(of: "112")
        #expect(first112 != nil)
        if let first112, let first15 = sentence.range(of: "le 15") {
            #expect(first112.lowerBound < first15.lowerBound)
            #expect(sentence.contains("15 en France"))
        }
    }

    @Test func matchesNeverJoinTwoSentences() {
        #expect(AdviceGuard.check("Prenez rendez-vous. Deux comprimés restent au cabinet.").isEmpty)
    }

    @Test func theShippedRulesHaveARefusalScriptAndAllCategories() {
        #expect(ShippedRules.advice.refusalScript.first?.contains("avis médical") == true)
        let categories = Set(ShippedRules.advice.rules.map(\.category))
        #expect(categories == Set(AdviceCategory.allCases))
    }

    @Test func aClientsOwnRulesAreAdded() throws {
        let extra = try AdviceRules(parsing: "care etirements faites|fais ... etirement*\n")
        let rules = ShippedRules.advice.adding(extra)
        #expect(AdviceGuard.check("Faites des étirements le matin.", rules: ShippedRules.advice).isEmpty)
        #expect(AdviceGuard.check("Faites des étirements le matin.", rules: rules).first?.rule.name == "etirements")
    }
}

@Suite("Rules files")
struct RulesFileTests {
    @Test("Errors give the line and the field", arguments: [
        ("# rules\ndosage ok prenez ... comprim*\ndosge typo prenez\n", "line 3: category: 'dosge' is not one of dosage, treatment, diagnosis, reassurance, care, waiting"),
        ("dosage Bad-Name prenez\n", "line 1: name: 'Bad-Name' must be lowercase letters, digits and hyphens"),
        ("dosage a prenez\n\ndosage a prends\n", "line 3: name: 'a' is already the name of the rule on line 1"),
        ("diagnosis x c* une grippe\n", "line 1: pattern: 'c* une grippe' 'c*': a word ending in * needs at least 3 letters before the star"),
        ("diagnosis x ... grippe\n", "line 1: pattern: '... grippe' must not start with ..."),
        ("diagnosis x * *?\n", "line 1: pattern: '* *?' needs at least one word that is not optional nor a wildcard"),
        ("reassurance onlyname\n", "line 1: rule: expected CATEGORY NAME PATTERN, got 'reassurance onlyname'"),
    ])
    func errorsGiveTheLine(text: String, message: String) {
        #expect(throws: LineError.self) { try AdviceRules(parsing: text) }
        do {
            _ = try AdviceRules(parsing: text)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func patternWildcards() throws {
        let pattern = try PhrasePattern("ce|c'est n'est? surement|sans-doute? rien")
        for text in ["Ce n'est sûrement rien", "c'est sans doute rien", "C’est rien"] {
            #expect(pattern.matches(in: text, skippingQuotes: true).count == 1, "\(text)")
        }
        #expect(pattern.matches(in: "ce n'est surement pas rien", skippingQuotes: true).isEmpty)
        let gap = try PhrasePattern("prenez ... comprim*")
        #expect(gap.matches(in: "prenez donc vos deux comprimés", skippingQuotes: true).map(\.phrase) == ["prenez donc vos deux comprimés"])
        #expect(gap.matches(in: "prenez donc vos deux petits comprimés", skippingQuotes: true).isEmpty)
    }
}
