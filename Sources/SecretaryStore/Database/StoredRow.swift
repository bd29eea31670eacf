import Foundation
import GRDB
import SecretaryCore

/// A stored row that cannot be read back: a value of the wrong type, a missing column, a
/// value the domain refuses. Named by table, row id and column, never by its content
/// (stored rows hold patients' names and messages).
public struct DamagedRow: Error, CustomStringConvertible, Equatable {
    public let table: String
    public let id: String
    public let column: String
    /// The column is missing from the table: every row is unreadable, so a list stops
    /// rather than skipping them one by one.
    public let columnMissing: Bool

    public var description: String {
        columnMissing ? "damaged database: table \(table) has no column \(column)"
            : "damaged row: \(table) \(id), column \(column); the row was left out"
    }
}

/// Where a list's damaged rows are told (the command line prints each on stderr); the
/// list itself goes on with the others.
public enum DamagedRows {
    nonisolated(unsafe) public static var skipped: (DamagedRow) -> Void = { _ in }

    /// Decodes each row, leaving out (and reporting) a damaged one.
    static func decodeEach<T>(_ rows: [Row], _ decode: (Row) throws -> T) throws -> [T] {
        var decoded: [T] = []
        decoded.reserveCapacity(rows.count)
        for row in rows { try decodeOne(row, decode, into: &decoded) }
        return decoded
    }

    /// The same, straight from the statement: a copied row finds a column by lowercasing
    /// every name at each look-up, a statement's row through a dictionary (a list of all
    /// clients read 200 rows of 12 columns at every `secretary clients`, issue 20).
    static func decodeEach<T>(_ rows: RowCursor, _ decode: (Row) throws -> T) throws -> [T] {
        var decoded: [T] = []
        while let row = try rows.next() { try decodeOne(row, decode, into: &decoded) }
        return decoded
    }

    private static func decodeOne<T>(_ row: Row, _ decode: (Row) throws -> T, into decoded: inout [T]) throws {
        do {
            decoded.append(try decode(row))
        } catch let damaged as DamagedRow where !damaged.columnMissing {
            skipped(damaged)
        }
    }
}

/// A row of `table` read column by column with errors that name the place, not the value.
struct StoredRow {
    let row: Row
    let table: String

    init(_ row: Row, _ table: String) {
        self.row = row
        self.table = table
    }

    subscript<T: DatabaseValueConvertible>(_ column: String) -> T {
        get throws {
            guard row.hasColumn(column) else { throw damaged(column, missing: true) }
            do {
                return try row.decode(T.self, forColumn: column)
            } catch {
                throw damaged(column)
            }
        }
    }

    func date(_ column: String) throws -> Date { Date(stored: try self[column] as Int64) }
    func optionalDate(_ column: String) throws -> Date? { (try self[column] as Int64?).map(Date.init(stored:)) }

    func damaged(_ column: String, missing: Bool = false) -> DamagedRow {
        let id = (try? row.decode(Int64?.self, forColumn: "id")).flatMap { $0 }.map(String.init)
            ?? (try? row.decode(String?.self, forColumn: "id")).flatMap { $0 } ?? "?"
        return DamagedRow(table: table, id: id, column: column, columnMissing: missing)
    }

    /// Runs `make`, turning a value the domain refuses into a damaged row: the domain's
    /// error would quote the value.
    func decoding<T>(_ make: (StoredRow) throws -> T) throws -> T {
        do {
            return try make(self)
        } catch let error as DamagedRow {
            throw error
        } catch let error as ValidationError {
            throw damaged(error.field)
        } catch {
            throw damaged("?")
        }
    }
}

extension FetchableRecord {
    /// The rows of a list, a damaged one left out and reported (`DamagedRows.skipped`).
    static func fetchListing(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        try DamagedRows.decodeEach(Row.fetchCursor(db, sql: sql, arguments: arguments), Self.init(row:))
    }
}
