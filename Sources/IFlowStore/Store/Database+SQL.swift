import FluentKit
import Foundation
import SQLKit

extension Database {
    /// This database as SQLKit: both of the store's drivers give one, so a failure is a bug, never a database state.
    func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw StoreError.notSQL }
        return sql
    }
}

extension SQLDatabase {
    /// The rows of `query`, a read the server makes at every request of a kind: prepared once per connection on
    /// PostgreSQL (``GuardedPostgresDatabase/preparedRows(_:)``), run as it is on SQLite, which compiles a statement in
    /// a few microseconds.
    func frequentRows(_ query: SQLQueryString) async throws -> [any SQLRow] {
        if let postgres = self as? GuardedPostgresDatabase { return try await postgres.preparedRows(query).get() }
        return try await raw(query).all()
    }

    /// The rows of `query`, to be read by column (`decode(column:as:)`): on PostgreSQL decoded by postgres-nio's own
    /// decoders as ``frequentRows(_:)``'s are, which is cheaper than PostgresKit's row, but run unnamed, so a read with
    /// varying texts made rarely takes no prepared statement's place.
    func columnRows(_ query: SQLQueryString) async throws -> [any SQLRow] {
        if let postgres = self as? GuardedPostgresDatabase { return try await postgres.preparedRows(query, prepare: false).get() }
        return try await raw(query).all()
    }
}
