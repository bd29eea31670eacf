import Foundation
import SecretaryCore

/// The demo's clients: a realistic mix of the professions a *télésecrétariat* answers for,
/// French and Belgian, with narrowed and split hours. Each is a client file in `Clients/`
/// (the format `secretary client import` reads); a client's amendments (*avenants*) are
/// further files with the same id and a later `effective from`.
enum DemoCatalogue {
    /// The order the clients are seeded in; the demo's random data depends on it.
    static let order = [
        "dr-martin", "kine-dubois", "psy-nguyen", "dentiste-rousseau", "pediatre-lambert", "avocat-moreau",
        "sagefemme-girard", "osteo-fontaine", "dr-peeters", "kine-janssens", "notaire-dumont", "dermato-leroy",
    ]

    /// Each client's files, oldest version first, in seeding order.
    static func clients() throws -> [[ClientFile]] {
        guard let folder = Bundle.module.url(forResource: "Clients", withExtension: nil) else {
            throw StoreError("the demo client files are missing from the package")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".client") }
        var byClient: [String: [ClientFile]] = [:]
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let file = try ClientFile(parsing: text, file: name)
            byClient[file.client.id.rawValue, default: []].append(file)
        }
        guard Set(byClient.keys) == Set(order) else {
            throw StoreError("the demo client files (\(byClient.keys.sorted().joined(separator: ", "))) do not match the seeding order")
        }
        return order.map { byClient[$0]!.sorted { $0.effectiveFrom < $1.effectiveFrom } }
    }

    static let lastNames = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèvre", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
        "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
        "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Müller", "Henry", "Roussel", "Nicolas",
        "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
        "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
        "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
        "Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez",
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
        "Van den Berghe", "Van Damme", "Dupuis", "Lejeune", "Renard", "Leclercq", "Desmet", "Hermans", "Dujardin", "Lemaître",
        "Saint-Martin", "Le Gall", "Le Goff", "Benali", "Haddad", "Diallo", "Da Silva", "Ferreira", "Cohen", "Lévy",
        "Bénard", "Hébert", "Côté", "Pâris", "Gaillard", "Carré", "Vidal", "Aubert", "Léger", "Étienne",
    ]

    static let firstNames = [
        "Marie", "Jean", "Pierre", "Michel", "Anne", "Sophie", "Julie", "Camille", "Léa", "Chloé",
        "Emma", "Louise", "Inès", "Manon", "Zoé", "Lucas", "Hugo", "Louis", "Gabriel", "Arthur",
        "Jules", "Raphaël", "Théo", "Noah", "Adam", "Mathéo", "Clément", "Nathalie", "Isabelle", "Sylvie",
        "Catherine", "Françoise", "Hélène", "Cécile", "Agnès", "Béatrice", "Élise", "Océane", "Maëlle", "Noémie",
        "Jean-Pierre", "Jean-Luc", "Marie-Claire", "Anne-Sophie", "Pierre-Yves", "Marc-Antoine", "François", "Jérôme", "Stéphane", "Frédéric",
        "Benoît", "Grégoire", "Loïc", "Gaëtan", "Joël", "Anaïs", "Solène", "Bérénice", "Thérèse", "Geneviève",
        "Lotte", "Jan", "Pieter", "Sander", "Femke", "Wout", "Amélie", "Yasmine", "Karim", "Mehdi",
    ]
}
