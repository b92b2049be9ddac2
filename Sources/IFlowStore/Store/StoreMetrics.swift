import Metrics

/// The store's metrics, through swift-metrics: no-ops unless the process bootstrapped a backend before it opened the
/// store (`iflow serve --metrics-port`), since each handle is made once, here.
public struct StoreMetrics: Sendable {
    /// Writes per group-commit transaction.
    public static let batchSizeLabel = "iflow_group_commit_batch_size"
    /// From a write's arrival to the start of the transaction it runs in.
    public static let batchWaitLabel = "iflow_group_commit_wait_seconds"
    /// From asking a pool for a connection to holding it, by pool.
    public static let connectionWaitLabel = "iflow_database_connection_wait_seconds"

    /// Group-commit transactions PostgreSQL rolled back to break a deadlock or a serialization failure (their writes
    /// then run again one by one).
    public static let conflictsLabel = "iflow_group_commit_conflicts_total"

    let batchSize = Recorder(label: batchSizeLabel)
    let conflicts = Counter(label: conflictsLabel)
    let batchWait = Timer(label: batchWaitLabel)
    let writerConnectionWait = Timer(label: connectionWaitLabel, dimensions: [("pool", "sqlite_writer")])
    /// A transaction's or a prepared read's wait for a PostgreSQL connection. Made at its first use, which
    /// `iflow serve` reaches only after the bootstrap: the guarded database that records it is a value made anew for
    /// every unit of work.
    static let postgresConnectionWait = Timer(label: connectionWaitLabel, dimensions: [("pool", "postgres")])
}
