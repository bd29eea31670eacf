import Foundation
import Testing
import TestSupport

/// Two consoles on one database, in two terminals: what one books, moves or cancels in the
/// agenda shows in the other within a second.
@Suite("The agenda across two consoles", .serialized)
struct AgendaEndToEndTests {
    /// The agenda row starting at `time` (`11:00`) in the second console (the agenda alone,
    /// 80x60, so the whole day shows): the part right of the time.
    func row(_ screen: String, _ time: String) -> String {
        let line = screen.split(separator: "\n").first { $0.hasPrefix("┃\(time)") } ?? ""
        return String(line.dropFirst(1 + time.count))
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// `Mon 23/11 11:00` → `11:00`, in a message such as `Free slot: Mon 23/11 11:00 · ...`.
    func time(after prefix: String, in screen: String) -> String? {
        guard let start = screen.range(of: prefix) else { return nil }
        let rest = screen[start.upperBound...]
        guard let match = rest.range(of: #"\d\d:\d\d"#, options: .regularExpression) else { return nil }
        return String(rest[match])
    }

    @Test func bookMoveAndCancelFromTheNextFreeSlotShowInASecondConsole() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let claire = try Tmux.secretary("demo", db: db)
        try claire.waitFor("4 Agenda — Dr Claire Martin")
        let julien = try Tmux.secretary("console --operator julien", db: db, width: 80, height: 60)
        try julien.waitFor("1/4 Call queue")
        try julien.send("4")
        try julien.waitFor { $0.contains("4/4 Agenda — Dr Claire Martin") && $0.contains("┃18:45") }

        // Claire answers Marie Lefèvre's call and books the earliest free slot with her usual
        // type: 3 keys (answering a known caller gives the agenda the keys).
        try claire.send("a")
        try claire.waitFor("Phone: 06 12 34 56 78")
        try claire.send("f")
        let found = try claire.waitFor("Free slot: Mon 23/11")
        let bookedAt = try #require(time(after: "Free slot: Mon 23/11", in: found), "\(found)")
        let before = count("Marie Le", in: row(try julien.screen(), bookedAt))
        try claire.send("Enter")
        try claire.waitFor("Book an appointment")
        try claire.waitFor("Enter: book")
        try claire.send("Enter")
        let booked = try claire.waitFor("Booked: Marie Lefèvre · Consultation · Mon 23/11 \(bookedAt)")
        #expect(booked.contains("Booked: Marie Lefèvre"), "\(booked)")
        var seen = try julien.waitFor(timeout: 1) { count("Marie Le", in: row($0, bookedAt)) == before + 1 }
        #expect(count("Marie Le", in: row(seen, bookedAt)) == before + 1, "the booking shows in the second console: \(seen)")

        // She moves it to the next free slot after it (m, f, Enter).
        try claire.send("m")
        try claire.waitFor("Moving Marie Lefèvre (20 min)")
        try claire.send("f")
        let next = try claire.waitFor("Free slot: ")
        let movedTo = try #require(time(after: "Free slot: ", in: next), "\(next)")
        // The demo's week has room: the move stays in sight of the second console.
        try #require(["Mon 23/11", "Tue 24/11", "Wed 25/11", "Thu 26/11", "Fri 27/11", "Sat 28/11"]
            .contains { next.contains("Free slot: \($0) \(movedTo)") }, "\(next)")
        let beforeMove = count("Marie Le", in: row(try julien.screen(), movedTo))
        try claire.send("Enter")
        try claire.waitFor("Moved: Marie Lefèvre")
        seen = try julien.waitFor(timeout: 1) {
            count("Marie Le", in: row($0, bookedAt)) == before && count("Marie Le", in: row($0, movedTo)) == beforeMove + 1
        }
        #expect(count("Marie Le", in: row(seen, bookedAt)) == before, "the old slot is free in the second console: \(seen)")
        #expect(count("Marie Le", in: row(seen, movedTo)) == beforeMove + 1, "the new slot shows in the second console: \(seen)")

        // And cancels it (x, a reason, Enter, y).
        try claire.send("x")
        try claire.waitFor("Cancel an appointment")
        try claire.type("empêchement")
        try claire.send("Enter")
        try claire.waitFor("Cancel this appointment? (y/n)")
        try claire.send("y")
        try claire.waitFor("Cancelled: Marie Lefèvre")
        seen = try julien.waitFor(timeout: 1) { count("Marie Le", in: row($0, movedTo)) == beforeMove }
        #expect(count("Marie Le", in: row(seen, movedTo)) == beforeMove, "the cancelled slot is free again: \(seen)")
    }

    /// Over a slow link every byte of a redraw shows: moving the agenda's cursor between
    /// free slots sends the two cells and the footer's new time, not the grid.
    @Test func aCursorMoveBetweenFreeSlotsSendsUnder64Bytes() throws {
        let claire = try Tmux.demo()
        try claire.waitFor("4 Agenda — Dr Claire Martin")
        try claire.send("4", "g")
        try claire.waitFor("Go to:")
        try claire.type("1/3/2027")  // a week the demo has not booked
        try claire.send("Enter")
        // The cursor keeps its time of day: the next slot to begin when the console started
        // (10:00, or 10:15 once the first second has gone by).
        let start = try claire.waitFor { $0.contains("┃Mon 01/03 10:00 · free") || $0.contains("┃Mon 01/03 10:15 · free") }
        let first = start.contains("┃Mon 01/03 10:00 · free") ? 0 : 15
        func at(_ minutes: Int) -> String { "10:" + String(format: "%02d", first + minutes) }
        let log = Binaries.temporaryFolder().appendingPathComponent("terminal.log").path
        try claire.record(to: log)
        Thread.sleep(forTimeInterval: 0.3)
        func written() -> Int { ((try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? Int) ?? 0 }
        var sizes: [Int] = []
        for (key, footer) in [("Right", "Tue 02/03 \(at(0))"), ("Right", "Wed 03/03 \(at(0))"), ("Down", "Wed 03/03 \(at(15))"),
                              ("Down", "Wed 03/03 \(at(30))"), ("Left", "Tue 02/03 \(at(30))"), ("Up", "Tue 02/03 \(at(15))"),
                              ("Left", "Mon 01/03 \(at(15))")] {
            let before = written()
            try claire.send(key)
            let screen = try claire.waitFor("┃\(footer) · free")
            #expect(screen.contains("┃\(footer) · free"), "\(screen)")
            Thread.sleep(forTimeInterval: 0.1)
            sizes.append(written() - before)
        }
        // The median: the queue's wait timers tick once a second, and may land in a move's count.
        let median = sizes.sorted()[sizes.count / 2]
        #expect(median < 64, "bytes per move: \(sizes)")
    }
}
