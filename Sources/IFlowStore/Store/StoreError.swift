/// Failures of the storage itself.
public enum StoreError: Error {
    /// The store was used after `shutdown()`.
    case shutDown
    /// An SQLite-only path was given another database: a bug, never a database state.
    case notSQLite
    /// A PostgreSQL-only path was given another database: a bug, never a database state.
    case notPostgres
    /// A database handle is not an SQLKit database: a bug, never a database state.
    case notSQL
    /// A prepared statement's column was missing or read as a type its driver cannot decode, or a value was bound
    /// that it cannot send: a bug, never a database state.
    case unpreparable(column: String)
    /// A stored row no longer parses: written by something other than this server.
    case corruptRow(table: String)
    /// A write named a record that is not the company's: a bug in the caller, which resolves records per company.
    case notInCompany(table: String)
}
