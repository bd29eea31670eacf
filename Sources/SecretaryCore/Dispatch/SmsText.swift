import Foundation

/// The GSM 03.38 alphabet SMS are billed in: 160 characters in one segment, 153 in each
/// segment of a longer text; the extension characters count twice. Anything else would
/// switch the whole text to UCS-2 (70 a segment), so texts are folded into the alphabet.
public enum Gsm7 {
    static let basic: Set<Character> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
    static let extended: Set<Character> = Set("^{}\\[~]|€\u{0C}")

    public static func isEncodable(_ text: String) -> Bool {
        text.allSatisfy { basic.contains($0) || extended.contains($0) }
    }

    /// The text in the GSM alphabet: accents it lacks dropped (ê → e, ç → c), typographic
    /// quotes and dashes made plain, anything else a `?`.
    public static func folded(_ text: String) -> String {
        let replacements: [Character: String] = ["’": "'", "‘": "'", "“": "\"", "”": "\"", "«": "\"", "»": "\"",
                                                 "–": "-", "—": "-", "…": "...", "\u{00A0}": " ", "\u{202F}": " ",
                                                 "\t": " ", "œ": "oe", "Œ": "OE", "ç": "c"]
        var out = ""
        for character in text {
            if basic.contains(character) || extended.contains(character) {
                out.append(character)
            } else if let replacement = replacements[character] {
                out += replacement
            } else {
                let bare = String(character).folding(options: .diacriticInsensitive, locale: nil)
                out += bare.allSatisfy({ basic.contains($0) }) && !bare.isEmpty ? bare : "?"
            }
        }
        return out
    }

    /// Septets the text takes (an extension character takes two).
    public static func septets(_ text: String) -> Int {
        text.reduce(0) { $0 + (extended.contains($1) ? 2 : 1) }
    }

    /// How many segments (billed SMS) the text takes; 0 for an empty text.
    public static func segments(_ text: String) -> Int {
        let count = septets(text)
        if count == 0 { return 0 }
        return count <= 160 ? 1 : (count + 152) / 153
    }
}

/// What an SMS says: who called, the number to call back, the urgency and the message's
/// reference; never the message's content (no health detail leaves by SMS).
public enum SmsText {
    public static func text(message: Message, clientName: String, country: Country) -> String {
        let number = message.callbackNumber.map { $0.e164.hasPrefix("+" + country.callingCode) ? $0.national : $0.e164 }
        var text = (message.isUrgent ? "URGENT " : "") + "\(short(clientName, 40)) : message de \(short(message.callerName, 40))"
        text += number.map { ", rappeler le \($0)" } ?? ""
        text += ". Ref. M\(message.id), details par e-mail."
        return Gsm7.folded(text)
    }

    static func short(_ text: String, _ limit: Int) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "."
    }
}
