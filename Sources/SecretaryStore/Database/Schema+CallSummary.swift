import GRDB

extension Schema {
    /// Usage's counts, kept up to date by triggers as each call row is written, so a month of
    /// 200 clients sums a few rows per client and hour instead of every call (Benchmarks/).
    ///
    /// The grain is the client and the hour of UTC (`arrived_at / 3600`): every zone served has
    /// whole-hour offsets, so a local day or month, of 23, 24 or 25 hours, is a run of whole
    /// UTC hours in any of them, the client's or the service's (a range that is not falls back
    /// to the calls). Within it, the status and, for abandoned calls, usage's capped wait.
    ///
    /// Triggers rather than code in the write path: every writer of `call` (call-in, answer,
    /// end, wrap-up, abandon, purge, erasure, demo and generated data, a repair in sqlite3)
    /// keeps the table exact in the same statement's transaction, and none can forget it.
    static func v10CallSummary(_ db: Database) throws {
        let hour = { (row: String) in "CAST(\(row).arrived_at AS INTEGER) / 3600" }
        let wait = { (row: String) in
            """
            CASE WHEN \(row).status = 'abandoned' THEN max(0, min(coalesce(\(row).ended_at, \(row).arrived_at) - \(row).arrived_at, \
            \(callSummaryLongestWait))) ELSE -1 END
            """
        }
        let talk = { (row: String) in
            "CASE WHEN \(row).answered_at IS NOT NULL AND \(row).ended_at IS NOT NULL THEN \(row).ended_at - \(row).answered_at ELSE 0 END"
        }
        let add = """
            INSERT INTO call_summary (client_id, hour, status, abandon_wait, calls, talk_seconds)
            VALUES (NEW.client_id, \(hour("NEW")), NEW.status, \(wait("NEW")), 1, \(talk("NEW")))
            ON CONFLICT (client_id, hour, status, abandon_wait)
            DO UPDATE SET calls = calls + 1, talk_seconds = talk_seconds + excluded.talk_seconds;
            """
        let key = "client_id = OLD.client_id AND hour = \(hour("OLD")) AND status = OLD.status AND abandon_wait = \(wait("OLD"))"
        let remove = """
            UPDATE call_summary SET calls = calls - 1, talk_seconds = talk_seconds - \(talk("OLD")) WHERE \(key);
            DELETE FROM call_summary WHERE \(key) AND calls <= 0;
            """
        try db.execute(sql: """
            CREATE TABLE call_summary (
                client_id TEXT NOT NULL,
                hour INTEGER NOT NULL,
                status TEXT NOT NULL,
                abandon_wait INTEGER NOT NULL,
                calls INTEGER NOT NULL,
                talk_seconds INTEGER NOT NULL,
                PRIMARY KEY (client_id, hour, status, abandon_wait)
            ) WITHOUT ROWID;
            INSERT INTO call_summary (client_id, hour, status, abandon_wait, calls, talk_seconds)
            SELECT client_id, \(hour("call")), status, \(wait("call")), count(*), sum(\(talk("call")))
            FROM call GROUP BY 1, 2, 3, 4;
            CREATE TRIGGER call_summary_insert AFTER INSERT ON call BEGIN
                \(add)
            END;
            CREATE TRIGGER call_summary_delete AFTER DELETE ON call BEGIN
                \(remove)
            END;
            CREATE TRIGGER call_summary_update
            AFTER UPDATE OF client_id, status, arrived_at, answered_at, ended_at ON call BEGIN
                \(remove)
                \(add)
            END;
            """)
    }

    /// Usage's cap on an abandoned call's wait, frozen here as the migration wrote it: the
    /// rules never ask beyond it (`UsageCallGroup.longestWaitKept`, checked by a test).
    static let callSummaryLongestWait = 60
}
