import ArgumentParser
import CalDAVClient
import Foundation
import SecretaryCore
import SecretaryStore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Keep practitioners' own calendars in step with their agendas.",
        subcommands: [CalendarSyncCommand.self])
}

/// `secretary calendar sync`: each agenda of the clients with CalDAV settings pushed to its
/// collection. The loop is thin: ask the store what changed, hand it to the CalDAV adapter,
/// record the server's answer.
struct CalendarSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Push agendas to the CalDAV calendars named in the client files.",
        discussion: """
            A new or changed appointment is PUT (over the version last seen: a change made on the server is \
            reported, never overwritten), a cancelled or erased one DELETEd, an unchanged one not sent. \
            Appointments from 30 days back to 400 days ahead. --watch keeps running and pushes within seconds \
            of a change.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this client (default: every client with CalDAV settings).") var client: String?
    @Option(help: "full, initials or busy: how much of the patient's name the calendar shows.")
    var privacy: ExportPrivacy = .initials
    @Flag(help: "Keep running; push each change within seconds (Ctrl-C stops).") var watch = false

    func run() throws {
        let only = try client.map(ClientID.init)
        let (store, me) = try global.signedIn(Self.auditName)
        try store.require(.administer, by: me.identity, for: "calendar sync")
        let identity = me.identity
        if !watch {
            let conflicts = try syncAll(store, only: only, as: identity)
            if conflicts > 0 { throw ExitCode(2) }
            return
        }
        StopSignal.install()
        var seen = -1
        var lastFull = Date.distantPast
        while !StopSignal.requested {
            let version = (try? store.dataVersion()) ?? seen
            if version != seen || Date().timeIntervalSince(lastFull) > 60 {
                seen = version
                lastFull = Date()
                do { _ = try syncAll(store, only: only, as: identity) } catch {
                    FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                }
                // Our own records moved the version: take it as seen.
                seen = (try? store.dataVersion()) ?? seen
            }
            StopSignal.sleep(0.25)
        }
    }

    /// Syncs every agenda; returns how many conflicts were reported.
    private func syncAll(_ store: Store, only: ClientID?, as identity: Identity) throws -> Int {
        var accounts = try store.calDAVClients()
        if let only {
            guard let settings = try store.calDAV(of: only) else {
                throw SecretaryCore.ValidationError(field: "client", value: only.rawValue,
                                                    reason: "has no CalDAV settings (caldav url, caldav user, caldav password file in its client file)")
            }
            accounts = [(only, settings)]
        }
        var conflicts = 0
        for (clientID, settings) in accounts {
            let password = try Self.password(from: settings.passwordFile)
            let agendas = try store.agendas(of: clientID)
            for agenda in agendas {
                guard let url = URL(string: settings.collection(for: agenda.name)) else { continue }
                let collection = CalDAVCollection(url: url, user: settings.user, password: password)
                let report = try sync(agenda, of: clientID, to: collection, store: store, as: identity)
                conflicts += report.conflicts.count
                print("\(clientID) · \(agenda.name): \(report.sent) sent, \(report.deleted) deleted, \(report.unchanged) unchanged"
                      + (report.conflicts.isEmpty ? "" : ", \(report.conflicts.count) conflicts"))
                for line in report.conflicts { FileHandle.standardError.write(Data("Conflict: \(line)\n".utf8)) }
            }
        }
        return conflicts
    }

    struct Report {
        var sent = 0, deleted = 0, unchanged = 0
        var conflicts: [String] = []
    }

    private func sync(_ agenda: Agenda, of clientID: ClientID, to collection: CalDAVCollection, store: Store,
                      as identity: Identity) throws -> Report {
        try collection.ensureExists()
        let now = store.now
        let window = DateInterval(start: now.addingTimeInterval(-30 * 86_400), end: now.addingTimeInterval(400 * 86_400))
        let (export, pushed) = try store.calendarSyncState(agendaID: agenda.id, window: window, privacy: privacy)
        let actions = CalendarSyncAction.plan(agendaID: agenda.id, appointments: export.appointments, pushed: pushed)
        var report = Report()
        let holding = export.appointments.filter { $0.details.status != .cancelled && $0.details.appointment.agendaID == agenda.id }
        report.unchanged = holding.count - actions.filter { if case .delete = $0 { false } else { true } }.count
        for action in actions {
            switch action {
            case .create(let exported):
                let uid = CalendarExport.uid(appointment: exported.details.id, client: clientID)
                let name = CalendarSyncAction.resourceName(uid: uid)
                let body = export.resource(for: exported)
                var outcome = try collection.put(name, body: body, ifMatch: nil)
                if outcome == .conflict, let found = try collection.get(name), found.body.contains("UID:\(uid)\r\n") {
                    // A run interrupted between its PUT and its record left our own event there.
                    outcome = try collection.put(name, body: body, ifMatch: found.etag)
                }
                guard case .stored(let etag) = outcome else {
                    report.conflicts.append("appointment \(exported.details.id): \(name) exists on the server and is not ours: not overwritten")
                    continue
                }
                try store.recordPushed(PushedEvent(uid: uid, appointmentID: exported.details.id, href: name, etag: etag,
                                                   revision: exported.revision), agendaID: agenda.id, by: identity)
                report.sent += 1
            case .update(let exported, let event):
                guard case .stored(let etag) = try collection.put(event.href, body: export.resource(for: exported), ifMatch: event.etag) else {
                    report.conflicts.append("appointment \(exported.details.id) was changed on the server since the last sync: not overwritten")
                    continue
                }
                try store.recordPushed(PushedEvent(uid: event.uid, appointmentID: event.appointmentID, href: event.href, etag: etag,
                                                   revision: exported.revision), agendaID: agenda.id, by: identity)
                report.sent += 1
            case .delete(let event):
                switch try collection.delete(event.href, ifMatch: event.etag) {
                case .deleted, .notFound:
                    try store.forgetPushed(event, agendaID: agenda.id, by: identity)
                    report.deleted += 1
                default:
                    report.conflicts.append("appointment \(event.appointmentID) was changed on the server since the last sync: not deleted")
                }
            }
        }
        return report
    }

    /// The password file's first line; the file must be its owner's alone (0600).
    static func password(from path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw SecretaryCore.ValidationError(field: "caldav password file", value: path, reason: "cannot be read")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw SecretaryCore.ValidationError(field: "caldav password file", value: path,
                                                reason: "is readable by others: chmod 600 it")
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= 4096,
              let text = String(data: data, encoding: .utf8) else {
            throw SecretaryCore.ValidationError(field: "caldav password file", value: path, reason: "cannot be read as text")
        }
        return String(text.split(whereSeparator: \.isNewline).first ?? "")
    }
}
