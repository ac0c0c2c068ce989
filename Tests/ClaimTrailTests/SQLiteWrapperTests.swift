import CSQLite
import Foundation
import Testing

@testable import ClaimTrail

@Suite("SQLite wrapper")
struct SQLiteWrapperTests {
    @Test("text is bound and read back byte for byte, NULs, emoji and RTL marks included")
    func textRoundTrip() throws {
        let temporary = try TemporaryStore()
        let database = temporary.store.database
        try database.executeScript("CREATE TABLE t (value TEXT)")
        let values = [
            "", "a\u{0}b", "Robert'); DROP TABLE t;--",
            "👩🏽‍💻 \u{200F}مرحبا\u{200E}", "“curly” – dash", "Сергей Лавров",
        ]
        for value in values { try database.execute("INSERT INTO t (value) VALUES (?)", [value]) }
        let stored = try database.prepare("SELECT value FROM t ORDER BY rowid").map { $0.text(0) }
        #expect(stored == values)
        let lengths = try database.prepare("SELECT length(CAST(value AS BLOB)) FROM t ORDER BY rowid").map { $0.int(0) }
        #expect(lengths == values.map(\.utf8.count))
    }

    @Test("an error carries the result code, the message and the SQL")
    func errorCarriesCodeMessageAndSQL() throws {
        let temporary = try TemporaryStore()
        let sql = "INSERT INTO claim (text, normalized) VALUES (?, ?)"
        try temporary.store.database.execute(sql, ["a", "a"])
        let error = #expect(throws: SQLiteError.self) { try temporary.store.database.execute(sql, ["a", "a"]) }
        #expect(error?.code == SQLITE_CONSTRAINT)
        // SQLITE_CONSTRAINT_UNIQUE, a macro Swift cannot import
        #expect(error?.extendedCode == SQLITE_CONSTRAINT | (8 << 8))
        #expect(error?.message.contains("UNIQUE constraint failed: claim.normalized") == true)
        #expect(error?.sql == sql)
        #expect(error?.description.contains("\n") == false)
    }

    @Test("a syntax error is reported with its SQL")
    func prepareFailure() throws {
        let temporary = try TemporaryStore()
        let error = #expect(throws: SQLiteError.self) { _ = try temporary.store.database.prepare("SELEKT 1") }
        #expect(error?.code == SQLITE_ERROR)
        #expect(error?.sql == "SELEKT 1")
    }

    @Test("a failed transaction leaves nothing behind; a committed one is visible to a new connection")
    func transactions() throws {
        let temporary = try TemporaryStore()
        let database = temporary.store.database
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try database.transaction {
                try database.execute("INSERT INTO claim (text, normalized) VALUES (?, ?)", ["x", "x"])
                throw Abort()
            }
        }
        #expect(!database.isInTransaction)
        #expect(try temporary.count("claim") == 0)
        try database.transaction {
            try database.execute("INSERT INTO claim (text, normalized) VALUES (?, ?)", ["y", "y"])
        }
        let other = try Database(path: temporary.path, mode: .readOnly)
        #expect(try other.prepare("SELECT text FROM claim").map { $0.string(0) } == ["y"])
    }

    @Test("binding the wrong number of arguments is an error, not a silent NULL")
    func argumentCount() throws {
        let temporary = try TemporaryStore()
        let error = #expect(throws: SQLiteError.self) {
            try temporary.store.database.execute("SELECT ?, ?", [1])
        }
        #expect(error?.code == SQLITE_RANGE)
    }
}
