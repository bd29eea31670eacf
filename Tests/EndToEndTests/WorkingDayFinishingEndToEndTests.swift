import Foundation
import Testing
import TestSupport

/// Issue 13's finishing points on the real binary: the agenda's time and flow after
/// answering (14), the message list's keys (16), the agenda's absences and waiting list
/// (18), and one language per screen (10).
@Suite("A working day in tmux: agenda, messages, languages", .serialized)
struct WorkingDayFinishingEndToEndTests {
    /// The lines of the agenda pane at 120x40 (its right half, below the middle).
    func agendaLines(_ screen: String) -> [String] {
        screen.components(separatedBy: "\n").dropFirst(20).map { String($0.dropFirst(60)) }
    }

    // MARK: - 14. The agenda

    @Test func dayHeadersKeepTheirDatesAt100x30() throws {
        let tmux = try Tmux.demo(width: 100, height: 30)
        let screen = try tmux.waitFor("4 Agenda", timeout: 30)
        // The status line has today's date; the other days' dates are the agenda's header.
        for date in ["24/11", "25/11", "26/11", "27/11", "28/11"] {
            #expect(screen.contains(date), "\(date) missing from the agenda's header:\n\(screen)")
        }
    }

    @Test func pastTimeIsShownAsPastNeverOfferedAsFree() throws {
        let tmux = try Tmux.demo()
        try tmux.waitFor("4 Agenda", timeout: 30)
        // Today (Monday 10:00) the cursor is on Jan Masson (09:45-10:35); above him, 09:30
        // is free but gone.
        try tmux.send("4")
        try tmux.send("t")
        try tmux.send("k")
        let screen = try tmux.waitFor(timeout: 3) { $0.contains("Mon 23/11 09:30 · ") }
        #expect(screen.contains("Mon 23/11 09:30 · past"), "\(screen)")
        #expect(!screen.contains("09:30 · free"), "\(screen)")
    }

    @Test func afterAnsweringFThenEnterBooksTheUsualTypeWithoutAskingIt() throws {
        let tmux = try Tmux.demo()
        try tmux.waitFor("1 Call queue (", timeout: 30)
        try tmux.send("a")
        try tmux.waitFor("Phone: 06 12 34 56 78")
        // No pane key: answering leaves the agenda ready.
        try tmux.send("f")
        try tmux.waitFor("Free slot: Mon 23/11")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("Enter: book")
        #expect(screen.contains("→ Marie Lefèvre · Consultation"), "the client's usual type is already chosen:\n\(screen)")
        try tmux.send("Enter")
        #expect(try tmux.waitFor("Booked: Marie Lefèvre · Consultation").contains("Booked: Marie Lefèvre"))
    }

    // MARK: - 16. Messages

    func row(_ screen: String, _ needle: String) -> String {
        screen.components(separatedBy: "\n").first { $0.contains(needle) } ?? ""
    }

    @Test func theMessageListShowsWhoTookEachAndAcknowledgesOrUndoesTransmitted() throws {
        let tmux = try Tmux.demo()
        try tmux.waitFor("1 Call queue (", timeout: 30)
        // Claire answers Marie Lefèvre and takes an urgent message.
        try tmux.send("a")
        try tmux.waitFor("Marie Lefèvre")
        try tmux.send("M")
        try tmux.waitFor("Message — Cabinet du Dr Martin")
        try tmux.type("Rendez-vous test")
        try tmux.send("Tab")
        try tmux.send("Space")
        try tmux.send("Tab")
        try tmux.type("Souhaite un rendez-vous cette semaine")
        try tmux.send("Enter")
        try tmux.waitFor("URGENT message saved")
        try tmux.send("3")
        try tmux.send("m")
        // The caller's card lists the message too: wait for the list itself.
        var screen = try tmux.waitFor("Messages — Cabinet du Dr Martin (")
        #expect(row(screen, "Rendez-vous test").contains("claire"), "who took it:\n\(screen)")
        #expect(row(screen, "Rendez-vous test").contains("‼ URGENT"), "\(screen)")
        try tmux.send("t")
        screen = try tmux.waitFor(timeout: 3) { self.row($0, "Rendez-vous test").contains("transmitted") }
        #expect(row(screen, "Rendez-vous test").contains("transmitted"), "\(screen)")
        try tmux.send("u")
        screen = try tmux.waitFor(timeout: 3) { self.row($0, "Rendez-vous test").contains(" new ") }
        #expect(row(screen, "Rendez-vous test").contains(" new "), "undone:\n\(screen)")
        try tmux.send("a")
        screen = try tmux.waitFor(timeout: 3) { self.row($0, "Rendez-vous test").contains("acknowledged") }
        #expect(row(screen, "Rendez-vous test").contains("acknowledged"), "the client has it:\n\(screen)")
    }

    // MARK: - 18. Absences and the waiting list

    @Test func theAgendaListsAbsencesAddsOneAndShowsTheWaitingList() throws {
        let tmux = try Tmux.demo()
        try tmux.waitFor("4 Agenda", timeout: 30)
        try tmux.send("4")
        try tmux.send("A")
        var screen = try tmux.waitFor("Absences — Dr Claire Martin")
        // From the cursor's day and time to the end of the day.
        try tmux.send("n")
        try tmux.waitFor("New absence")
        try tmux.type("Formation")
        try tmux.send("Enter")
        screen = try tmux.waitFor("Absence recorded: Mon 23/11")
        #expect(row(screen, "Formation").contains("Mon 23/11"), "the list shows it:\n\(screen)")
        try tmux.send("Escape")
        // Marie Lefèvre on the waiting list, then the list.
        try tmux.send("a")
        try tmux.waitFor("Phone: 06 12 34 56 78")
        try tmux.send("w")
        try tmux.waitFor("Put on the waiting list")
        try tmux.send("0")
        try tmux.type("lundi-mercredi 08:00-12:00")
        try tmux.send("Enter")
        try tmux.waitFor("On the waiting list: Marie Lefèvre")
        try tmux.send("W")
        screen = try tmux.waitFor("Waiting list — Dr Claire Martin")
        #expect(row(screen, "Marie Lefèvre          any type").contains("Mon Tue Wed 08:00-12:00"), "\(screen)")
    }

    // MARK: - 10. One language per screen

    @Test func frenchShowsNoEnglishWordsAndTakesFrenchDayNames() throws {
        let tmux = try Tmux.demo(extra: "--lang fr")
        try tmux.waitFor("1 Appels en attente (", timeout: 30)
        try tmux.send("a")
        var screen = try tmux.waitFor("Tél. : 06 12 34 56 78")
        for english in ["answered", "information", "(cancelled)", "(new)", "booked", "Enter", "Esc "] {
            #expect(!screen.contains(english), "« \(english) » on the French screen:\n\(screen)")
        }
        try tmux.send("2")
        try tmux.send("/")
        screen = try tmux.waitFor("Nom : ")
        #expect(screen.contains("Entrée valider") && !screen.contains("Enter"), "\(screen)")
        try tmux.send("Escape")
        try tmux.send("4")
        try tmux.send("w")
        try tmux.waitFor("Mettre sur la liste d'attente")
        try tmux.send("0")
        try tmux.type("lundi-mercredi 08:00-12:00")
        try tmux.send("Enter")
        screen = try tmux.waitFor("Sur la liste d'attente")
        #expect(!screen.contains("expected days"), "\(screen)")
    }

    @Test func englishHasEnglishSpacing() throws {
        let tmux = try Tmux.demo()
        try tmux.waitFor("1 Call queue (", timeout: 30)
        try tmux.send("a")
        let screen = try tmux.waitFor("06 12 34 56 78")
        // The client's own text is French (« Adresse : … »); the interface's labels are not.
        #expect(screen.contains("Phone: 06 12 34 56 78") && !screen.contains("Phone :"), "\(screen)")
    }
}
