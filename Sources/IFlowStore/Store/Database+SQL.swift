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
