import FluentKit
import SQLKit

extension Store {
    /// Runs `body` in a transaction and returns its result once that transaction has committed: the one way the store
    /// writes. Only the migrations and ``copy(from:batchSize:progress:)`` (which fills another database table by table,
    /// in bulk) run transactions of their own.
    ///
    /// Bodies that arrive while a transaction commits wait and then run one after the other in the next transaction
    /// (``GroupCommit``): several requests share one `COMMIT` and its fsync. If a body throws, the batch is rolled back
    /// and run again with each body in a savepoint, so the failing one is rolled back alone and its caller gets the
    /// error at once. The others are answered only after the `COMMIT` succeeded, so a reply means the write is on disk.
    /// On PostgreSQL a few batches run at once, each in a transaction on its own connection; one that PostgreSQL rolls
    /// back to break a deadlock runs again.
    ///
    /// So a body:
    /// - works only through `context.sql`, and calls no other store method that reads or writes (those use other
    ///   connections, and the batch's connection is held: on SQLite a write from inside a body never runs);
    /// - records its changes with `context.audit(...)`: the events are inserted in one statement before the commit,
    ///   with the whole batch's;
    /// - does no slow work (hashing a password, network calls) and stays short: every write of the batch waits for it;
    /// - can run again from the start, since the batch may be retried body by body.
    public func write<T: Sendable>(_ body: @escaping @Sendable (WriteContext) async throws -> T) async throws -> T {
        try await groupCommit.run(body)
    }

    /// Inserts a new employee and records it, as ``write(_:)`` would with a body that calls `insertUser(_:in:)`, and
    /// returns their id, or `nil` when a unique index already held one of the row's values (nothing was inserted).
    ///
    /// A specialisation of `write` rather than a body: the batch's new employees are inserted together, in one
    /// statement after its other bodies (`Store.insertUsers`), one round trip instead of one each on the path every
    /// write of the batch waits on; a body, which needs its own id back, cannot be merged.
    func write(newUser row: NewUserRow) async throws -> Int? {
        try await groupCommit.insert(row)
    }
}
