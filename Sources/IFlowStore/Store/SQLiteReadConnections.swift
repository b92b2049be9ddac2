import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// Read-only connections to an SQLite file, beside the writer, as SQLKit: what ``Store/readSQL(logger:)`` returns.
///
/// Each statement borrows a connection and runs through ``SQLiteDirectDatabase``. Connections are opened when first
/// needed, up to `limit`, and refuse writes (`PRAGMA query_only`).
final class SQLiteReadConnections: Sendable {
    private let path: String
    private let limit: Int
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var idle: [SQLiteConnection] = []
        var opened = 0
        var waiting: [CheckedContinuation<SQLiteConnection?, any Error>] = []
        var closed = false
    }

    struct Closed: Error {}

    init(path: String, limit: Int, logger: Logger) {
        self.path = path
        self.limit = max(1, limit)
        self.logger = logger
    }

    /// Runs `body` with a connection no other task uses meanwhile.
    func withConnection<T>(_ body: (SQLiteConnection) async throws -> T) async throws -> T {
        let connection = try await borrow()
        do {
            let result = try await body(connection)
            giveBack(connection)
            return result
        } catch {
            giveBack(connection)
            throw error
        }
    }

    private enum Borrowing {
        case idle(SQLiteConnection)
        case open
        case wait
    }

    private func borrow() async throws -> SQLiteConnection {
        let next: Borrowing = try state.withLock { state in
            guard !state.closed else { throw Closed() }
            if let connection = state.idle.popLast() { return .idle(connection) }
            guard state.opened < limit else { return .wait }
            state.opened += 1
            return .open
        }
        switch next {
        case .idle(let connection):
            return connection
        case .open:
            do {
                let connection = try await SQLiteConnection.open(
                    storage: .file(path: path), threadPool: .singleton, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()
                )
                _ = try await connection.query("PRAGMA query_only = ON")
                return connection
            } catch {
                // Someone waiting may open the connection this one could not.
                let waiter = state.withLock { state in
                    state.opened -= 1
                    return state.waiting.isEmpty ? nil : state.waiting.removeFirst()
                }
                waiter?.resume(returning: nil)
                throw error
            }
        case .wait:
            let handed = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<SQLiteConnection?, any Error>) in
                let refused = state.withLock { state in
                    guard !state.closed else { return true }
                    if let connection = state.idle.popLast() {
                        continuation.resume(returning: connection)
                    } else {
                        state.waiting.append(continuation)
                    }
                    return false
                }
                if refused { continuation.resume(throwing: Closed()) }
            }
            guard let handed else { return try await borrow() }
            return handed
        }
    }

    private func giveBack(_ connection: SQLiteConnection) {
        let waiter: CheckedContinuation<SQLiteConnection?, any Error>? = state.withLock { state in
            if !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.idle.append(connection)
            return nil
        }
        waiter?.resume(returning: connection)
    }

    /// Closes the idle connections; later statements fail. Call once no statement runs any more.
    func close() async {
        let (idle, waiting) = state.withLock { state in
            state.closed = true
            defer {
                state.idle = []
                state.waiting = []
            }
            return (state.idle, state.waiting)
        }
        for waiter in waiting { waiter.resume(throwing: Closed()) }
        for connection in idle { try? await connection.close() }
    }

    /// SQLKit over these connections: each statement borrows one.
    func sql(logger: Logger, eventLoop: any EventLoop) -> any SQLDatabase {
        SQLiteDirectDatabase(connections: .borrowed(self), logger: logger, eventLoop: eventLoop)
    }
}
