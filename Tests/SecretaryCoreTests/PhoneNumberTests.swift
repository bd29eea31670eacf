import Testing
@testable import SecretaryCore

@Suite("Phone numbers as people type them")
struct PhoneNumberTests {
    @Test("French formats all normalise to one E.164 number", arguments: [
        "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678",
        "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "0033612345678", "0033 6 12 34 56 78", "+33612345678",
    ])
    func frenchFormats(text: String) throws {
        #expect(try PhoneNumber(text).e164 == "+33612345678")
    }

    @Test("Belgian numbers, international or national for a BE client")
    func belgianFormats() throws {
        #expect(try PhoneNumber("+32 470 12 34 56").e164 == "+32470123456")
        #expect(try PhoneNumber("0470 12 34 56", country: .be).e164 == "+32470123456")
        #expect(try PhoneNumber("02 511 22 33", country: .be).e164 == "+3225112233")
        #expect(try PhoneNumber("0032 470 12 34 56").e164 == "+32470123456")
    }

    @Test("A national number is read in the client's country")
    func nationalDependsOnCountry() throws {
        #expect(try PhoneNumber("0470 12 34 56", country: .be) != (try? PhoneNumber("0470 12 34 56", country: .fr)))
    }

    @Test("Garbage, too short and too long are refused with the reason", arguments: [
        ("06 12 AB 56 78", "unexpected character 'A'"),
        ("hello", "unexpected character 'h'"),
        ("06 12 34", "too short"),
        ("06 12 34 56 78 90", "too long"),
        ("+33 6 12 34 56 7", "too short"),
        ("612345678", "start with 0, +, or 00 followed by the country code"),
        ("", "empty"),
        ("+1234", "too short"),
        ("+1234567890123456", "too long"),
    ])
    func rejections(text: String, reason: String) {
        #expect(throws: ValidationError(field: "phone number", value: text, reason: reason)) {
            try PhoneNumber(text)
        }
    }

    @Test("The error message names the field and the value")
    func errorMessage() {
        do {
            _ = try PhoneNumber("06 12")
            Issue.record("accepted a short number")
        } catch {
            #expect("\(error)" == "invalid phone number '06 12': too short")
        }
    }

    @Test("A stored number reads back as the full reading would have it", arguments: [
        "+33612345678", "+32470123456", "+3224567890", "+447911123456", "+3306123456789", "+33 6 12 34 56 78",
        "+336123456", "+3361234567890", "+1", "+33612a45678", "+",
        "+3242221010", "+32042221010", "+324701234567", "+3247012345", "+32491234567", "+3244123456",
    ])
    func storedFormReadsBackLikeTheFullReading(text: String) {
        let full = try? PhoneNumber(text)
        let stored = try? PhoneNumber(e164: text)
        #expect(stored == full)
        #expect(stored.map { $0.e164 } == full.map { $0.e164 })
    }

    @Test("Numbers are shown in the national style")
    func nationalDisplay() throws {
        #expect(try PhoneNumber("+33612345678").national == "06 12 34 56 78")
        #expect(try PhoneNumber("+32470123456").national == "0470 12 34 56")
        #expect(try PhoneNumber("+3225119009").national == "02 511 90 09")
        #expect(try PhoneNumber("+3242221010").national == "04 222 10 10")
        #expect(try PhoneNumber("+4915112345678").national == "+4915112345678")
    }
}
