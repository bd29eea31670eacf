import SecretaryCore

/// The demo's clients: a realistic mix of the professions a *télésecrétariat* answers for,
/// French and Belgian, with narrowed and split hours.
struct DemoClient {
    let id: String
    let name: String
    let profession: String
    let line: String
    let country: Country
    let hours: String
    let medical: Bool
    let calls: Int
    let agendas: [String]
    let types: [(name: String, minutes: Int, colour: Int)]
    let greeting: String
    let presentation: String
    let services: String
    let faq: String
    let urgent: String
    let never: String
    let transfer: String
}

enum DemoCatalogue {
    static let medicalUrgent = """
        Douleur thoracique, difficulté à respirer, malaise, perte de connaissance, hémorragie :
        dire d'appeler immédiatement le 15 (SAMU) ou le 112, puis prévenir le médecin par message urgent.
        Idées suicidaires : 3114. Fièvre élevée chez un nourrisson : message urgent au médecin.
        """
    static let medicalNever = """
        Ne jamais donner de conseil médical, de posologie, ni d'avis sur un traitement.
        Ne jamais rassurer sur un symptôme (« ce n'est sûrement rien »).
        Ne jamais communiquer de résultat d'examen.
        """

    static let clients: [DemoClient] = [
        DemoClient(id: "dr-martin", name: "Cabinet du Dr Martin", profession: "Médecin généraliste",
                   line: "01 42 68 10 01", country: .fr, hours: "mon-fri 08:00-12:00 14:00-19:00; sat 08:00-12:00",
                   medical: true, calls: 400, agendas: ["Dr Claire Martin", "Dr Hugo Martin"],
                   types: [("Consultation", 20, 1), ("Première consultation", 30, 2), ("Renouvellement", 15, 3), ("Visite à domicile", 45, 4)],
                   greeting: "Cabinet du Dr Martin, {operator} à l'appareil, bonjour.",
                   presentation: "Cabinet de médecine générale, deux médecins associés : Dr Claire Martin et Dr Hugo Martin.",
                   services: "Consultations sur rendez-vous, renouvellements d'ordonnance, certificats, visites à domicile pour les patients âgés du secteur.",
                   faq: "Adresse : 12 rue des Lilas, 75011 Paris (métro Voltaire).\nParking : rue Servan, payant.\nTarif : 30 € (secteur 1), carte Vitale acceptée.\nApporter : carte Vitale, ordonnances en cours.",
                   urgent: medicalUrgent, never: medicalNever, transfer: "Urgence médecin (patients suivis) : 06 11 22 33 44, seulement sur demande du Dr Martin."),
        DemoClient(id: "kine-dubois", name: "Cabinet de kinésithérapie Dubois", profession: "Kinésithérapeute",
                   line: "01 43 55 20 02", country: .fr, hours: "mon-fri 08:00-20:00; sat 08:00-13:00",
                   medical: true, calls: 250, agendas: ["Julie Dubois", "Marc-Antoine Lefèvre"],
                   types: [("Séance", 30, 1), ("Bilan", 45, 2), ("Rééducation périnéale", 30, 5)],
                   greeting: "Cabinet de kinésithérapie Dubois, {operator} bonjour.",
                   presentation: "Deux kinésithérapeutes : rééducation, sport, périnée, domicile le jeudi.",
                   services: "Séances sur prescription ; bilan à la première séance.",
                   faq: "Adresse : 8 avenue Parmentier, 75011 Paris.\nApporter l'ordonnance et la carte Vitale.\nTenue souple conseillée.",
                   urgent: medicalUrgent, never: medicalNever, transfer: ""),
        DemoClient(id: "psy-nguyen", name: "Cabinet de psychologie Nguyen", profession: "Psychologue",
                   line: "01 45 22 30 03", country: .fr, hours: "mon-fri 09:00-12:30 13:30-19:00",
                   medical: true, calls: 150, agendas: ["Thi-Lan Nguyen"],
                   types: [("Séance individuelle", 50, 1), ("Séance de couple", 75, 2), ("Premier entretien", 60, 3)],
                   greeting: "Cabinet de Madame Nguyen, psychologue, {operator} à l'appareil, bonjour.",
                   presentation: "Psychologue clinicienne, adultes et couples. Dispositif Mon soutien psy accepté.",
                   services: "Séances individuelles et de couple, au cabinet ou en visio.",
                   faq: "Adresse : 3 rue de Charonne, 75011 Paris, 2e étage sans ascenseur.\nTarif : 60 € la séance, 80 € le couple.",
                   urgent: medicalUrgent, never: medicalNever + "\nNe jamais demander le motif de consultation en détail.", transfer: ""),
        DemoClient(id: "dentiste-rousseau", name: "Cabinet dentaire Rousseau", profession: "Chirurgien-dentiste",
                   line: "01 47 00 40 04", country: .fr, hours: "mon-fri 08:30-12:30 14:00-19:30; sat 08:30-12:30",
                   medical: true, calls: 300, agendas: ["Dr Élodie Rousseau", "Dr Karim Benali"],
                   types: [("Contrôle", 30, 1), ("Détartrage", 30, 3), ("Soin", 45, 2), ("Urgence dentaire", 20, 6)],
                   greeting: "Cabinet dentaire Rousseau, {operator} à l'appareil, bonjour.",
                   presentation: "Deux chirurgiens-dentistes : soins, prothèses, implants, orthodontie adulte.",
                   services: "Contrôles, détartrages, soins, urgences dentaires le jour même si possible.",
                   faq: "Adresse : 40 boulevard Voltaire, 75011 Paris.\nAccès handicapé : oui.",
                   urgent: medicalUrgent + "\nDouleur dentaire forte ou traumatisme : créneau « Urgence dentaire » du jour.", never: medicalNever, transfer: ""),
        DemoClient(id: "pediatre-lambert", name: "Cabinet de pédiatrie Lambert", profession: "Pédiatre",
                   line: "01 48 05 50 05", country: .fr, hours: "mon-fri 08:00-19:00; sat 08:00-12:00",
                   medical: true, calls: 350, agendas: ["Dr Sophie Lambert"],
                   types: [("Consultation", 20, 1), ("Vaccination", 15, 4), ("Suivi nourrisson", 30, 2)],
                   greeting: "Cabinet du Dr Lambert, pédiatre, {operator} bonjour.",
                   presentation: "Pédiatre, suivi de l'enfant de la naissance à l'adolescence.",
                   services: "Consultations, vaccinations, suivis de nourrissons ; créneaux d'urgence réservés chaque matin.",
                   faq: "Adresse : 22 rue Oberkampf, 75011 Paris.\nApporter le carnet de santé.",
                   urgent: medicalUrgent + "\nNourrisson de moins de 3 mois avec fièvre : dire d'appeler le 15.", never: medicalNever, transfer: ""),
        DemoClient(id: "avocat-moreau", name: "Cabinet Moreau Avocats", profession: "Avocat",
                   line: "01 53 40 60 06", country: .fr, hours: "mon-fri 09:00-12:30 14:00-18:30",
                   medical: false, calls: 200, agendas: ["Maître Anne Moreau", "Maître Pierre-Yves Garnier"],
                   types: [("Premier rendez-vous", 60, 1), ("Suivi de dossier", 30, 2)],
                   greeting: "Cabinet Moreau Avocats, {operator} à l'appareil, bonjour.",
                   presentation: "Droit de la famille, droit du travail, droit immobilier.",
                   services: "Consultations au cabinet ou par téléphone ; premier rendez-vous facturé 120 € TTC.",
                   faq: "Adresse : 5 place de la République, 75003 Paris.\nDocuments : pièce d'identité, pièces du dossier.",
                   urgent: "Garde à vue, audience du jour : message urgent à Maître Moreau et SMS.",
                   never: "Ne jamais donner d'avis juridique ni d'estimation de chances de succès.\nNe jamais confirmer qu'une personne est cliente du cabinet.",
                   transfer: "Secrétariat du cabinet : 01 53 40 60 00 (sur demande d'un confrère)."),
        DemoClient(id: "sagefemme-girard", name: "Cabinet de sage-femme Girard", profession: "Sage-femme",
                   line: "04 78 20 70 07", country: .fr, hours: "mon-thu 09:00-18:00; fri 09:00-13:00",
                   medical: true, calls: 120, agendas: ["Hélène Girard"],
                   types: [("Consultation prénatale", 30, 1), ("Préparation à la naissance", 60, 2), ("Rééducation", 30, 5)],
                   greeting: "Cabinet de Madame Girard, sage-femme, {operator} bonjour.",
                   presentation: "Sage-femme libérale à Lyon : suivi de grossesse, préparation, rééducation.",
                   services: "Suivi de grossesse, préparation à la naissance, rééducation périnéale, suivi gynécologique.",
                   faq: "Adresse : 14 rue de Marseille, 69007 Lyon.",
                   urgent: medicalUrgent + "\nContractions régulières, perte des eaux, saignements : maternité ou 15.", never: medicalNever, transfer: ""),
        DemoClient(id: "osteo-fontaine", name: "Ostéopathie Fontaine", profession: "Ostéopathe",
                   line: "05 56 30 80 08", country: .fr, hours: "mon-fri 08:00-20:00; sat 08:00-13:00",
                   medical: true, calls: 180, agendas: ["Thomas Fontaine"],
                   types: [("Séance", 45, 1), ("Séance nourrisson", 30, 2)],
                   greeting: "Cabinet d'ostéopathie Fontaine, {operator} bonjour.",
                   presentation: "Ostéopathe à Bordeaux, adultes, sportifs, nourrissons.",
                   services: "Séances au cabinet.", faq: "Adresse : 9 cours de l'Intendance, 33000 Bordeaux.\nTarif : 65 €.",
                   urgent: medicalUrgent, never: medicalNever, transfer: ""),
        DemoClient(id: "dr-peeters", name: "Cabinet médical Peeters", profession: "Médecin généraliste",
                   line: "+32 2 511 90 09", country: .be, hours: "mon-fri 08:00-12:00 13:30-18:30; sat 09:00-12:00",
                   medical: true, calls: 300, agendas: ["Dr Jan Peeters", "Dr Anne-Sophie Van den Berghe"],
                   types: [("Consultation", 15, 1), ("Longue consultation", 30, 2), ("Visite à domicile", 40, 4)],
                   greeting: "Cabinet médical Peeters, {operator} à l'appareil, bonjour.",
                   presentation: "Maison médicale à Bruxelles (Ixelles), deux médecins.",
                   services: "Consultations, visites à domicile, certificats.",
                   faq: "Adresse : avenue Louise 120, 1050 Ixelles.\nApporter la carte d'identité (eID).",
                   urgent: "Douleur thoracique, détresse respiratoire, perte de connaissance : appeler le 112. Idées suicidaires : 1813.",
                   never: medicalNever, transfer: "Garde médicale Bruxelles : 1733."),
        DemoClient(id: "kine-janssens", name: "Kiné Janssens", profession: "Kinésithérapeute",
                   line: "+32 4 222 10 10", country: .be, hours: "mon-fri 08:00-19:00",
                   medical: true, calls: 150, agendas: ["Lotte Janssens"],
                   types: [("Séance", 30, 1), ("Bilan", 60, 2)],
                   greeting: "Cabinet de kinésithérapie Janssens, {operator} bonjour.",
                   presentation: "Kinésithérapeute à Liège, rééducation et sport.",
                   services: "Séances au cabinet et à domicile.", faq: "Adresse : rue Saint-Gilles 58, 4000 Liège.",
                   urgent: "Urgence vitale : 112. Idées suicidaires : 1813.", never: medicalNever, transfer: ""),
        DemoClient(id: "notaire-dumont", name: "Étude de Maître Dumont", profession: "Notaire",
                   line: "02 40 50 11 11", country: .fr, hours: "mon-fri 09:00-12:00 14:00-18:00",
                   medical: false, calls: 100, agendas: ["Maître Bernard Dumont"],
                   types: [("Rendez-vous", 45, 1), ("Signature", 60, 2)],
                   greeting: "Étude de Maître Dumont, {operator} à l'appareil, bonjour.",
                   presentation: "Office notarial à Nantes : immobilier, successions, famille.",
                   services: "Rendez-vous de conseil, signatures d'actes.",
                   faq: "Adresse : 2 quai de la Fosse, 44000 Nantes.",
                   urgent: "Signature du jour reportée : message urgent au clerc.",
                   never: "Ne jamais indiquer l'état d'avancement d'un dossier à un tiers.", transfer: ""),
        DemoClient(id: "dermato-leroy", name: "Cabinet de dermatologie Leroy", profession: "Dermatologue",
                   line: "03 20 12 34 12", country: .fr, hours: "tue-fri 09:00-13:00 14:00-18:00; sat 09:00-12:00",
                   medical: true, calls: 220, agendas: ["Dr Mathilde Leroy"],
                   types: [("Consultation", 20, 1), ("Dépistage grains de beauté", 30, 2), ("Acte technique", 40, 3)],
                   greeting: "Cabinet du Dr Leroy, dermatologue, {operator} bonjour.",
                   presentation: "Dermatologue à Lille, secteur 2. Fermé le lundi.",
                   services: "Consultations, dépistage, petite chirurgie.",
                   faq: "Adresse : 30 rue Nationale, 59000 Lille.\nDépassements d'honoraires : 20 €.",
                   urgent: medicalUrgent, never: medicalNever, transfer: ""),
    ]

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
