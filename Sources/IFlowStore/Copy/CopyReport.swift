/// What `Store.copy(from:)` did: the rows of every table in the source and, after the copy, in the target.
public struct CopyReport: Sendable {
    public struct Table: Sendable, Equatable {
        public var name: String
        public var sourceRows: Int
        public var targetRows: Int

        public var matches: Bool { sourceRows == targetRows }
    }

    /// In the order they were copied: a table after every table it references.
    public var tables: [Table]

    /// `true` when every table holds as many rows in the target as in the source.
    public var matches: Bool { tables.allSatisfy(\.matches) }
}
