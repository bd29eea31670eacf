import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

extension ExportPrivacy: ExpressibleByArgument {}

/// `secretary agenda export`: one agenda as an iCalendar file for the practitioner's own
/// calendar program.
struct AgendaExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write one agenda as an iCalendar (RFC 5545) file.",
        discussion: """
            One event per appointment (cancelled ones marked so) and per absence, at the client's local time \
            with its time zone. The same appointment keeps its UID across exports and moves. Notes never leave \
            the service; --privacy decides how much of the patient's name does.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var choice: AgendaChoice
    @Option(help: ArgumentHelp("The first day, local time; default the Monday of this week.", valueName: "YYYY-MM-DD"))
    var from: String?
    @Option(help: ArgumentHelp("The last day (included); default a year after the first.", valueName: "YYYY-MM-DD"))
    var to: String?
    @Option(help: "full (name and type), initials (M. L. and type) or busy (the time only).")
    var privacy: ExportPrivacy = .initials
    @Option(help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "path"))
    var toFile: String?

    func run() throws {
        _ = try choice.clientID()
        let first = try from.map { try day($0, "from") }, last = try to.map { try day($0, "to") }
        let (store, me) = try global.signedIn(Self.auditName)
        let (client, agenda) = try choice.resolve(in: store)
        let start = first ?? client.calendar.localDate(of: store.now).mondayOfWeek
        let end = last ?? start.adding(days: 365)
        guard end >= start else {
            throw SecretaryCore.ValidationError(field: "to", value: to ?? "", reason: "comes before --from")
        }
        let window = AgendaSchedule.window(from: start, through: end, calendar: client.calendar)
        let text = try store.calendarExport(agendaID: agenda.id, window: window, privacy: privacy, by: me.identity).text
        try store.recordRead(by: me.identity, objectType: "agenda", objectIDs: ["\(agenda.id)"],
                             details: "iCalendar export \(start) to \(end), privacy \(privacy.rawValue)")
        guard let path = toFile else { return FileHandle.standardOutput.write(Data(text.utf8)) }
        try writePrivateFile(Data(text.utf8), to: path)
    }

    private func day(_ text: String, _ field: String) throws -> LocalDate {
        guard let date = try? LocalDate(parsing: text), text.contains("-") else {
            throw SecretaryCore.ValidationError(field: field, value: text, reason: "expected a date, YYYY-MM-DD")
        }
        return date
    }
}

/// Writes `data` to `path` readable by its owner only (patients' data), replacing it whole:
/// a reader never sees half a file.
func writePrivateFile(_ data: Data, to path: String) throws {
    let temporary = path + ".part-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
        throw SecretaryCore.ValidationError(field: "file", value: path, reason: "cannot be written")
    }
    guard rename(temporary, path) == 0 else {
        unlink(temporary)
        throw SecretaryCore.ValidationError(field: "file", value: path, reason: "cannot be written (\(String(cString: strerror(errno))))")
    }
}
