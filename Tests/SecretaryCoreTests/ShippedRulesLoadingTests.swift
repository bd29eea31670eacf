import Testing
@testable import SecretaryCore

/// The console's first frame reads the refusal sentence and the word sets without parsing the
/// shipped rules; what it reads must be what the parse gives.
@Suite("Shipped rules read without their parse")
struct ShippedRulesLoadingTests {
    @Test func theRefusalSentenceAndTheWordSetsAreThoseOfTheParsedRules() {
        #expect(ShippedRules.refusalScript == ShippedRules.advice.refusalScript)
        #expect(!ShippedRules.refusalScript.isEmpty)
        #expect(ShippedRules.sets == ShippedRules.advice.sets)
    }

    @Test func aClientsRulesAreJoinedToTheShippedOnesWhenAsked() throws {
        let own = try AdviceRules(parsing: "say Le cabinet rappelle.\ncare glace-locale collez ... @soin\n", sets: ShippedRules.sets)
        let joined = ClientAdviceRules(own: own).all
        #expect(joined.rules.map(\.name) == ShippedRules.advice.rules.map(\.name) + ["glace-locale"])
        #expect(joined.refusalScript == ShippedRules.advice.refusalScript + ["Le cabinet rappelle."])
        #expect(ClientAdviceRules().all == ShippedRules.advice)
    }
}
