import FluentKit
import Metrics
import NIOCore
import SQLKit
import SQLiteKit
import Synchronization

/// Group commit behind ``Store/write(_:)``: writes that arrive while a transaction is being committed wait, then run
/// together in the next transaction, so one commit (and its fsync) makes a whole batch durable instead of one write
/// each.
///
/// A durable SQLite commit (WAL, `synchronous=FULL`) costs an fsync of a few milliseconds, which alone capped
/// `user/update` at about 350 requests a second. On PostgreSQL each transaction of its own cost a pool checkout, `BEGIN`,
/// `COMMIT` and its WAL flush, and each statement a round trip; a batch shares them, and its new employees and single
/// scans go in one multi-row statement each, as on SQLite. A write that throws is rolled back alone and its caller gets
/// the error (see `commit(_:isolated:)`); the others are answered only after the shared COMMIT succeeded, so a reply
/// still means the write is on disk. A failed COMMIT fails every write of the batch. A PostgreSQL deadlock or
/// serialization failure rolls the whole transaction back: the batch's unanswered writes run again, one transaction
/// each.
final class GroupCommit: Sendable {
    /// Where a batch's transaction runs.
    enum Backend: Sendable {
        /// The one SQLite writer connection.
        case sqlite(@Sendable () throws -> any Database)
        /// A PostgreSQL pool: each running batch holds one of its connections until it commits.
        case postgres(@Sendable () throws -> any Database)
    }

    private let backend: Backend
    private let lanes: Int
    private let maxBatch: Int
    private let state = Mutex<State>(State())
    private let metrics = StoreMetrics()
    /// Batches rolled back for a transient conflict since the store opened, as ``StoreMetrics/conflictsLabel`` counts.
    private let conflictCount = Atomic<Int>(0)
    /// Attempts at a batch that PostgreSQL keeps rolling back for a deadlock or serialization failure.
    private static let conflictAttempts = 10

    private struct State {
        var pending: [any GroupedWrite] = []
        /// Batches running now, at most `lanes`.
        var draining = 0
    }

    /// - Parameters:
    ///   - lanes: Batches that may run at once, each on a connection of its own; 1 for SQLite's single writer.
    ///   - maxBatch: Writes per transaction at most, so one transaction never holds the connection for long.
    ///   - backend: The database the transactions run on.
    init(lanes: Int = 1, maxBatch: Int = 128, backend: Backend) {
        self.lanes = max(1, lanes)
        self.maxBatch = maxBatch
        self.backend = backend
    }

    /// Runs `body` in the next batch's transaction and returns its result once that transaction has committed.
    ///
    /// `body` must do all its work through its context: the connection is busy with the batch until the commit.
    func run<T: Sendable>(_ body: @escaping @Sendable (WriteContext) async throws -> T) async throws -> T {
        try await enqueue { Write(body: body, continuation: $0) }
    }

    /// Inserts a new employee in the next batch's transaction and returns their id once it has committed, or `nil`
    /// when a unique index already held one of the row's values (nothing was inserted).
    ///
    /// The batch's new employees are inserted together, in one statement (`Store.insertUsers`), after its other
    /// writes (see ``Store/write(newUser:)``).
    func insert(_ row: NewUserRow) async throws -> Int? {
        try await enqueue { continuation in
            // Alone: when the batch runs again write by write (see `commit(_:isolated:)`).
            Write(
                merged: .newUser(row), result: { if case .userID(let id) = $0 { id } else { nil } },
                body: { context in try await Store.insertUser(row, in: context) }, continuation: continuation)
        }
    }

    /// Records one scan in the next batch's transaction and answers what became of it once that has committed.
    ///
    /// The batch's scans of one company, with the same limits and sender, are recorded together by one
    /// `Store.recordScans` call (four statements for the lot instead of four each), which judges them exactly as one
    /// after the other: a second scan of a badge within the duplicate window is a duplicate of the first.
    func recordScan(_ scan: PendingScan) async throws -> RecordedScans {
        try await enqueue { continuation in
            Write(
                merged: .scan(scan), result: { if case .scan(let recorded) = $0 { recorded } else { nil } },
                body: { context in
                    try await Store.recordScans(
                        [scan.row], companyID: scan.companyID, limits: scan.limits, actors: [scan.actor], recordedAt: scan.recordedAt,
                        dayScansFrom: scan.dayScansFrom, in: context)
                }, continuation: continuation)
        }
    }

    /// Records one live scan in the next batch's transaction (``Store/recordLiveScan(_:)``) and answers what became
    /// of it once that has committed.
    ///
    /// The batch's live scans are read, admitted, locked and stamped together by one `Store.recordLiveScans` call.
    func recordLiveScan(_ scan: PendingLiveScan) async throws -> LiveScanOutcome {
        try await enqueue { continuation in
            Write(
                merged: .liveScan(scan), result: { if case .liveScan(let outcome) = $0 { outcome } else { nil } },
                body: { context in
                    guard let outcome = try await Store.recordLiveScans([scan], in: context).first else {
                        throw StoreError.corruptRow(table: "scans")
                    }
                    return outcome
                }, continuation: continuation)
        }
    }

    private func enqueue<T: Sendable>(_ makeWrite: (CheckedContinuation<T, any Error>) -> Write<T>) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let write = makeWrite(continuation)
            let startsDraining = state.withLock { state in
                state.pending.append(write)
                guard state.draining < lanes else { return false }
                state.draining += 1
                return true
            }
            if startsDraining {
                Task { await self.drain() }
            }
        }
    }

    private func nextBatch() -> [any GroupedWrite]? {
        state.withLock { state in
            guard !state.pending.isEmpty else {
                state.draining -= 1
                return nil
            }
            let count = min(maxBatch, state.pending.count)
            defer { state.pending.removeFirst(count) }
            return Array(state.pending.prefix(count))
        }
    }

    private func drain() async {
        while let batch = nextBatch() {
            let start = ContinuousClock.now
            metrics.batchSize.record(batch.count)
            for write in batch { metrics.batchWait.record(duration: start - write.arrived) }
            await commit(batch)
        }
    }

    /// Commits `batch` and answers each of its writes.
    ///
    /// When PostgreSQL rolls the transaction back to break a deadlock with another transaction (another batch,
    /// another server process), nothing of it was written: the writes not answered yet (a write refused in its
    /// savepoint was) run again, each in a transaction of its own. Alone, a write takes its locks as it would without
    /// the group commit, so the batch cannot deadlock again.
    private func commit(_ batch: [any GroupedWrite]) async {
        do {
            try await attempt(batch)
        } catch {
            let cause = Self.cause(of: error)
            guard cause.isTransientConflict else {
                for write in batch { write.fail(cause) }
                return
            }
            recordConflict()
            for write in batch where !write.isAnswered { await commitAlone(write) }
        }
    }

    /// Batches PostgreSQL rolled back for a deadlock or a serialization failure so far, for tests.
    var conflicts: Int { conflictCount.load(ordering: .relaxed) }

    /// Counts a transaction PostgreSQL rolled back for a deadlock or a serialization failure, in the metric and here.
    private func recordConflict() {
        metrics.conflicts.increment()
        conflictCount.add(1, ordering: .relaxed)
    }

    /// Commits `write` in a transaction of its own, again while PostgreSQL rolls it back for a deadlock or a
    /// serialization failure, at most `conflictAttempts` times.
    private func commitAlone(_ write: any GroupedWrite) async {
        for attempt in 1...Self.conflictAttempts {
            do {
                try await self.attempt([write])
                return
            } catch {
                let cause = Self.cause(of: error)
                if cause.isTransientConflict { recordConflict() }
                guard cause.isTransientConflict && attempt < Self.conflictAttempts else {
                    write.fail(cause)
                    return
                }
            }
        }
    }

    /// One try at `batch`: its writes in one transaction, answered once it has committed. If a write throws, the batch
    /// runs again with each write in a savepoint, and that write alone is answered with its error. Throws what failed
    /// the transaction as a whole (a failed `COMMIT`, a deadlock), with no write answered.
    private func attempt(_ batch: [any GroupedWrite]) async throws {
        do {
            try await commit(batch, isolated: false)
        } catch let failure as WriteFailed where !failure.error.isTransientConflict {
            if batch.count == 1 {
                batch[0].fail(failure.error)
                return
            }
            // Everything was rolled back; run the batch again with each write in its own savepoint.
            try await commit(batch, isolated: true)
        }
        for write in batch { write.succeed() }
    }

    /// The error a write threw, out of the `WriteFailed` that carried it through the batch.
    private static func cause(of error: any Error) -> any Error {
        (error as? WriteFailed)?.error ?? error
    }

    /// Runs the writes of `batch` in one transaction and commits it.
    ///
    /// Not isolated, the writes run one after the other and the first that throws rolls the whole transaction back
    /// (`WriteFailed`); that costs two statements less per write, and writes rarely fail. Isolated, each write runs in
    /// a savepoint and one that throws is rolled back alone and answered at once.
    private func commit(_ batch: [any GroupedWrite], isolated: Bool) async throws {
        switch backend {
        case .sqlite(let database):
            try await commitOnSQLite(batch, isolated: isolated, database: database())
        case .postgres(let database):
            // The guarded database's transaction: BEGIN, COMMIT and every statement checked against a closed connection.
            try await database().transaction { database in
                try await Self.run(batch, isolated: isolated, in: WriteTransaction(), on: database.sqlDatabase())
            }
        }
    }

    private func commitOnSQLite(_ batch: [any GroupedWrite], isolated: Bool, database: any Database) async throws {
        guard let database = database as? any SQLiteDatabase else { throw StoreError.notSQLite }
        let asked = ContinuousClock.now
        try await Self.withLeasedConnection(database) { connection in
            metrics.writerConnectionWait.record(duration: .now - asked)
            // The batch's statements skip FluentKit's futures (see SQLiteDirectDatabase): each is a round trip through
            // SQLite's thread on the path every write of the batch waits on.
            let sql = SQLiteDirectDatabase(connections: .held(connection), logger: database.logger, eventLoop: connection.eventLoop)
            try await sql.raw("BEGIN TRANSACTION").run()
            do {
                // A fresh transaction state for each attempt: what one transaction learned goes with it when it rolls back.
                try await Self.run(batch, isolated: isolated, in: WriteTransaction(), on: sql)
                try await sql.raw("COMMIT TRANSACTION").run()
            } catch {
                try? await sql.raw("ROLLBACK TRANSACTION").run()
                throw error
            }
        }
    }

    /// Borrows the connection of `database` for `body`, which runs in the current task (FluentKit's async
    /// `withConnection` and `transaction` start a new task for their closures).
    private static func withLeasedConnection<T>(_ database: any SQLiteDatabase, _ body: (SQLiteConnection) async throws -> T) async throws -> T {
        let lent = database.eventLoop.makePromise(of: SQLiteConnection.self)
        let done = database.eventLoop.makePromise(of: Void.self)
        database.withConnection { connection in
            lent.succeed(connection)
            return done.futureResult
        }.whenFailure { lent.fail($0) }
        let connection = try await lent.futureResult.get()
        defer { done.succeed(()) }
        return try await body(connection)
    }

    private static func run(_ batch: [any GroupedWrite], isolated: Bool, in transaction: WriteTransaction, on sql: any SQLDatabase) async throws {
        let context = WriteContext(sql: sql, transaction: transaction)
        var newUsers: [(row: NewUserRow, write: any GroupedWrite)] = []
        var scans: [(key: PendingScan.Group, writes: [(scan: PendingScan, write: any GroupedWrite)])] = []
        var liveScans: [(scan: PendingLiveScan, write: any GroupedWrite)] = []
        for write in batch {
            switch isolated ? nil : write.merged {
            case .newUser(let row):
                newUsers.append((row, write))
                continue
            case .liveScan(let scan):
                liveScans.append((scan, write))
                continue
            case .scan(let scan):
                if let group = scans.firstIndex(where: { $0.key == scan.group }) {
                    scans[group].writes.append((scan, write))
                } else {
                    scans.append((scan.group, [(scan, write)]))
                }
                continue
            case nil: break
            }
            guard isolated else {
                do {
                    try await write.perform(in: context)
                } catch {
                    throw WriteFailed(error: error)
                }
                continue
            }
            let mark = transaction.mark
            try await sql.raw("SAVEPOINT grouped_write").run()
            do {
                try await write.perform(in: context)
                try await sql.raw("RELEASE grouped_write").run()
            } catch {
                // A deadlock's victim is the whole transaction: it is run again (see `commit(_:)`).
                if error.isTransientConflict { throw error }
                try await sql.raw("ROLLBACK TO grouped_write").run()
                try await sql.raw("RELEASE grouped_write").run()
                transaction.rollBack(to: mark)
                write.fail(error)
            }
        }
        if !newUsers.isEmpty {
            let ids: [Int?]
            do {
                ids = try await Store.insertUsers(newUsers.map(\.row), on: sql)
            } catch {
                throw WriteFailed(error: error)
            }
            for ((row, write), id) in zip(newUsers, ids) {
                write.complete(merged: .userID(id))
                if let id { context.record(row.auditRow(id: id)) }
            }
        }
        if !liveScans.isEmpty {
            let outcomes: [LiveScanOutcome]
            do {
                outcomes = try await Store.recordLiveScans(liveScans.map(\.scan), in: context)
            } catch {
                throw WriteFailed(error: error)
            }
            for ((_, write), outcome) in zip(liveScans, outcomes) { write.complete(merged: .liveScan(outcome)) }
        }
        for (key, writes) in scans {
            let recorded: RecordedScans
            do {
                recorded = try await Store.recordScans(
                    writes.map(\.scan.row), companyID: key.companyID, limits: key.limits,
                    actors: Array(repeating: key.actor, count: writes.count), recordedAt: writes[0].scan.recordedAt,
                    dayScansFrom: key.dayScansFrom, in: context)
            } catch {
                throw WriteFailed(error: error)
            }
            for (index, entry) in writes.enumerated() {
                entry.write.complete(merged: .scan(recorded.alone(index)))
            }
        }
        // One statement for the batch's audit events instead of one per write: each statement is a round trip
        // through SQLite's thread, on the path every write of the batch waits on.
        try await transaction.insertAudit(on: sql)
    }

    private struct WriteFailed: Error {
        var error: any Error
    }
}

/// A write the batch does together with the others of its kind.
private enum MergedWrite: Sendable {
    case newUser(NewUserRow)
    case scan(PendingScan)
    case liveScan(PendingLiveScan)
}

/// What a ``MergedWrite`` did.
private enum MergedResult: Sendable {
    /// The new employee's id, `nil` when a unique index already held one of its values.
    case userID(Int?)
    case scan(RecordedScans)
    case liveScan(LiveScanOutcome)
}

/// A write waiting for its batch, with its caller's continuation.
private protocol GroupedWrite: Sendable {
    /// What this write does, when it is all it does and can be done with the batch's others of its kind.
    var merged: MergedWrite? { get }
    /// When the write was queued, for the group-commit wait metric.
    var arrived: ContinuousClock.Instant { get }
    /// Sets the result of a `merged` write done with the others.
    func complete(merged: MergedResult)
    func perform(in context: WriteContext) async throws
    /// Answers the caller with the result of `perform`, unless it was already answered.
    func succeed()
    /// Answers the caller with `error`, unless it was already answered.
    func fail(_ error: any Error)
    /// Whether the caller has been answered.
    var isAnswered: Bool { get }
}

private final class Write<Value: Sendable>: GroupedWrite {
    private let body: @Sendable (WriteContext) async throws -> Value
    private let state: Mutex<(continuation: CheckedContinuation<Value, any Error>?, value: Value?)>

    /// `succeed()` came before `perform` finished: a bug in the batching, never a database state.
    struct NotPerformed: Error {}

    let merged: MergedWrite?
    let arrived = ContinuousClock.now
    /// The write's result from what its merged form did.
    private let mergedResult: (@Sendable (MergedResult) -> Value?)?

    init(
        merged: MergedWrite? = nil, result mergedResult: (@Sendable (MergedResult) -> Value?)? = nil,
        body: @escaping @Sendable (WriteContext) async throws -> Value, continuation: CheckedContinuation<Value, any Error>
    ) {
        self.merged = merged
        self.mergedResult = mergedResult
        self.body = body
        state = Mutex((continuation, nil))
    }

    func perform(in context: WriteContext) async throws {
        let value = try await body(context)
        state.withLock { $0.value = value }
    }

    func complete(merged: MergedResult) {
        guard let value = mergedResult?(merged) else { return }
        state.withLock { $0.value = value }
    }

    func succeed() {
        let (continuation, value) = state.withLock { state in
            defer { state.continuation = nil }
            return (state.continuation, state.value)
        }
        guard let continuation else { return }
        if let value {
            continuation.resume(returning: value)
        } else {
            continuation.resume(throwing: NotPerformed())
        }
    }

    var isAnswered: Bool { state.withLock { $0.continuation == nil } }

    func fail(_ error: any Error) {
        let continuation = state.withLock { state in
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(throwing: error)
    }
}
