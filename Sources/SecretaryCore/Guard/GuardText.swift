import Foundation

/// How the guards (advice and emergency) read a word, whether it comes from a text or from a
/// rule: the one place where disguises are undone, so that what the console highlights and
/// what the store refuses never disagree.
///
/// A word is compared after Unicode compatibility normalisation (NFKC: full-width and
/// mathematical letters, ligatures), without invisible characters (zero-width spaces and
/// joiners, soft hyphens, word joiners, byte-order marks, direction marks), with Cyrillic and
/// Greek letters that look Latin folded to the Latin letter, then accent- and case-blind.
public enum GuardText {
    /// The word as the rules compare it.
    public static func fold(_ word: some StringProtocol) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return String(word).lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in String(word).precomposedStringWithCompatibilityMapping.unicodeScalars where !isInvisible(scalar) {
            scalars.append(lookAlikes[scalar] ?? scalar)
        }
        return SearchText.fold(String(scalars))
    }

    /// Characters that draw nothing: inside a word they join its two halves (`pre\u{200B}nez`).
    public static func isInvisible(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy(isInvisible)
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180E, 0x200B...0x200F,
             0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0x1D173...0x1D17A,
             0xE0000...0xE007F:
            true
        default:
            false
        }
    }

    /// Hyphens that may cut a word in two (`pre-nez`): the pattern may match the halves joined.
    public static func isHyphen(_ character: Character) -> Bool {
        switch character {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2043}", "\u{2212}", "\u{FE63}", "\u{FF0D}", "·", "\u{2027}":
            true
        default:
            false
        }
    }

    /// Whether a character belongs to a word: a letter or a digit, once normalised (`ⓟ`, `𝐩`).
    public static func isWordCharacter(_ character: Character) -> Bool {
        if character.isLetter || character.isNumber { return true }
        if character.isASCII { return false }
        return String(character).precomposedStringWithCompatibilityMapping.unicodeScalars.contains {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }
    }

    /// Cyrillic and Greek letters drawn like a Latin letter, in both cases (folded to lowercase after).
    static let lookAlikes: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Cyrillic
            ("аеорсухіјѕԁԛԝһӏѐёїɡ", "aeopcyxijsdqwhleeig"),
            ("АВЕКМНОРСТХІЈЅУԚԜЁЇ", "ABEKMHOPCTXIJSYQWEI"),
            // Greek
            ("αβεικνορτυχγωϲϳ", "abeikvoptuxywcj"),
            ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹ", "ABEZHIKMNOPTYXC"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            for (source, target) in zip(from.unicodeScalars, to.unicodeScalars) { table[source] = target }
        }
        return table
    }()
}
