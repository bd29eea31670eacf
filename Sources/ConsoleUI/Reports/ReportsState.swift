import Foundation
import SecretaryCore

/// How long a stretch the reports screen shows, and how it cuts it for its charts: a day by
/// hour, a week or a month by day.
public enum ReportSpan: String, Sendable, CaseIterable {
    case day, week, month

    public var granularity: ReportGranularity { self == .day ? .hour : .day }
}

/// What the reports screen asks the data source for.
public struct ReportsRequest: Hashable, Sendable {
    public var span: ReportSpan
    /// A day inside the stretch shown.
    public var anchor: LocalDate
    /// One client, or all of them.
    public var client: ClientID?

    public init(span: ReportSpan, anchor: LocalDate, client: ClientID? = nil) {
        self.span = span
        self.anchor = anchor
        self.client = client
    }

    /// The first and last days shown: the anchor's day, ISO week or month.
    public var days: (from: LocalDate, to: LocalDate) {
        switch span {
        case .day: return (anchor, anchor)
        case .week: return (anchor.mondayOfWeek, anchor.mondayOfWeek.adding(days: 6))
        case .month:
            let month = LocalMonth(of: anchor)
            return (month.firstDay, month.firstDay.adding(days: month.days - 1))
        }
    }

    /// The month whose usage is shown beside the report.
    public var month: LocalMonth { LocalMonth(of: anchor) }

    /// The same span one step earlier (`-1`) or later (`1`).
    func moved(by step: Int) -> ReportsRequest {
        var next = self
        switch span {
        case .day: next.anchor = anchor.adding(days: step)
        case .week: next.anchor = anchor.adding(days: 7 * step)
        case .month:
            let month = step < 0 ? LocalMonth(of: anchor).previous : LocalMonth(of: anchor).next
            next.anchor = month.firstDay
        }
        return next
    }
}

/// What the data source answers: the report of the request's days, each client's usage
/// for the month, and the clients to step through.
public struct ReportsData: Hashable, Sendable {
    public let request: ReportsRequest
    public let report: CallReport
    public let usage: [ClientUsage]
    public let clients: [ClientChoice]

    public struct ClientChoice: Hashable, Sendable {
        public let id: ClientID
        public let name: String
        public init(id: ClientID, name: String) {
            self.id = id
            self.name = name
        }
    }

    public init(request: ReportsRequest, report: CallReport, usage: [ClientUsage], clients: [ClientChoice]) {
        self.request = request
        self.report = report
        self.usage = usage
        self.clients = clients
    }
}

/// The wallboard's second screen: what is asked and what was last loaded.
public struct ReportsState: Equatable, Sendable {
    public var request: ReportsRequest
    public var data: ReportsData?

    public init(request: ReportsRequest) {
        self.request = request
    }
}

/// The wallboard shows the live day, or reports over past periods.
public enum WallboardMode: Sendable, Equatable {
    case live, reports
}
