import Foundation
import SecretaryCore

/// One generated client: a copy of a demo client file (profession, hours, appointment
/// types, instructions, advice rules) under a new practice name and line, with a weight
/// that sets its share of contacts and calls (some practices are three times busier).
struct GeneratedClient {
    let file: ClientFile
    let weight: Double
    /// Index of the template, which fixes the hours: clients of one template share open days.
    let templateIndex: Int

    var client: Client { file.client }
    var agendaNames: [String] { file.agendas }
}

/// Builds the clients of a generated database, deterministically from the random source.
enum ClientFactory {
    static func make(count: Int, effectiveFrom: LocalDate, random: inout SeededRandom) throws -> [GeneratedClient] {
        let templates = try DemoCatalogue.clients().map { $0.last! }
        return try (0..<count).map { index in
            let templateIndex = index % templates.count
            let template = templates[templateIndex]
            let model = template.client
            let idParts = model.id.rawValue.split(separator: "-")
            let templateSurname = idParts.last.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
            let surname = DemoCatalogue.lastNames.randomElement(using: &random)!
            let slug = String(NameText.slug(surname).prefix(20)).trimmingCharacters(in: ["-"])
            let id = try ClientID("\(idParts.dropLast().joined(separator: "-"))-\(slug)-\(index + 1)")
            let line: PhoneNumber = try model.country == .fr
                ? PhoneNumber(e164: "+33186" + NameText.digits(index, count: 6))
                : PhoneNumber(e164: "+3223" + NameText.digits(index, count: 6))
            func renamed(_ text: String) -> String { text.replacingOccurrences(of: templateSurname, with: surname) }
            let client = try Client(
                id: id, name: renamed(model.name), profession: model.profession, line: line, country: model.country,
                timeZoneIdentifier: model.timeZoneIdentifier, hours: model.hours, plan: model.plan,
                isMedical: model.isMedical, slotMinutes: model.slotMinutes)
            let title = ["Dr ", "Maître "].first { template.agendas[0].hasPrefix($0) } ?? ""
            let agendaNames = template.agendas.indices.map { position in
                let first = DemoCatalogue.firstNames.randomElement(using: &random)!
                let last = position == 0 ? surname : DemoCatalogue.lastNames.randomElement(using: &random)!
                return "\(title)\(first) \(last)"
            }
            let file = ClientFile(client: client, agendas: agendaNames, appointmentTypes: template.appointmentTypes,
                                  effectiveFrom: min(template.effectiveFrom, effectiveFrom),
                                  sections: template.sections.mapValues(renamed), adviceRules: template.adviceRules)
            return GeneratedClient(file: file, weight: 0.4 + 1.2 * Double.random(in: 0..<1, using: &random),
                                   templateIndex: templateIndex)
        }
    }
}

/// Small text helpers for generated data, kept off the hot paths' Foundation calls.
enum NameText {
    /// `Van den Berghe` → `van-den-berghe`: lowercase ASCII letters and single hyphens.
    static func slug(_ name: String) -> String {
        let folded = SearchText.fold(name)
        var slug = ""
        for character in folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        return slug.hasSuffix("-") ? String(slug.dropLast()) : slug
    }

    /// `value` in decimal, left-padded with zeros to `count` digits (without String(format:),
    /// which costs a microsecond a call at a million rows).
    static func digits(_ value: Int, count: Int) -> String {
        let text = String(value)
        return text.count >= count ? text : String(repeating: "0", count: count - text.count) + text
    }
}

/// Splits `total` into parts proportional to `weights`, summing exactly to `total`.
func apportion(_ total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard sum > 0 else { return weights.map { _ in 0 } }
    var parts: [Int] = []
    var cumulative = 0.0
    var given = 0
    for weight in weights {
        cumulative += weight
        let upTo = Int((Double(total) * cumulative / sum).rounded())
        parts.append(upTo - given)
        given = upTo
    }
    parts[parts.count - 1] += total - given
    return parts
}
