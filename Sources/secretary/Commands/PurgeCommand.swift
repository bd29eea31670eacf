import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "Remove what is past its retention period (administrators).",
        discussion: """
            Calls and their notes after 2 months, messages 2 months after acknowledgment, audit entries \
            after 12 months, contacts without activity for 3 years; past appointments keep their slot but \
            lose the contact's data after the contacts' period. A client file may shorten the periods \
            (`retention: calls 1 month`). Runs in short batches while consoles work; a run that was \
            interrupted is finished by the next one. One audit entry per run, with the counts.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Count what would be removed, remove nothing.") var dryRun = false
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let (store, me) = try global.signedIn(Self.auditName)
        // The reads waiting in the access journal join the audit log before it is purged.
        if !dryRun { try store.moveAccessJournal() }
        let report = try store.purge(dryRun: dryRun, by: me.identity)
        if json { return try printJSON(report) }
        let counts = report.counts
        let verb = dryRun ? "Would remove" : "Removed"
        print("\(verb): \(counts.calls) calls, \(counts.callbacks) call-backs, \(counts.messages) messages, "
              + "\(counts.audit) audit entries, \(counts.contacts) inactive contacts; \(counts.appointments) past appointments "
              + (dryRun ? "would lose" : "lost") + " their contact's data"
              + (report.resumed ? " (finished an interrupted run)" : "") + ".")
    }
}
