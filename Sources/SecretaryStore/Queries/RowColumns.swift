import Foundation
import GRDB
import GRDBSQLite
import SecretaryCore

/// The columns of the row a GRDB cursor stands on, read straight from SQLite: for the
/// report's 270 k calls a month, where decoding each through `Row` (a String per status)
/// was measurably slower (README, Benchmarks). GRDB still prepares, binds and steps the
/// statement and reports its errors; this only reads the current row, between two `next()`.
struct RowColumns {
    let statement: OpaquePointer

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
    }

    /// An INTEGER column (SQLite's own conversion for any other type, 0 for NULL).
    func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(statement, index)
    }

    /// NULL as nil. SQLite reads NULL as 0, so only a 0 needs its type asked (one call
    /// instead of two for every other value).
    func optionalInt64(_ index: Int32) -> Int64? {
        let value = sqlite3_column_int64(statement, index)
        return value != 0 || sqlite3_column_type(statement, index) != SQLITE_NULL ? value : nil
    }

    /// A call's status, compared as stored bytes (no String made); nil when the column is
    /// not one of `CallStatus`'s spellings (NULL reads as no text, a number as its digits).
    func callStatus(_ index: Int32) -> CallStatus? {
        guard let text = sqlite3_column_text(statement, index) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, index))
        guard count <= 16 else { return CallStatus(rawValue: String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)) }
        var packed = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &packed) { $0.copyMemory(from: UnsafeRawBufferPointer(start: text, count: count)) }
        for spelling in statusSpellings where spelling.count == count && spelling.packed == packed {
            return spelling.status
        }
        return nil
    }

    /// Each status's spelling as up to 16 bytes in two words, compared without a String or
    /// an array per row (a longer one would be read as a String above).
    private let statusSpellings: [(count: Int, packed: (UInt64, UInt64), status: CallStatus)] =
        CallStatus.allCases.compactMap { status in
            let bytes = Array(status.rawValue.utf8)
            guard bytes.count <= 16 else { return nil }
            var packed = (UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &packed) { $0.copyBytes(from: bytes) }
            return (bytes.count, packed, status)
        }
}
