/// What a database says about its data keys, read without migrating it, so that keys are checked before anything
/// is written.
struct DataKeyRecord: Sendable, Equatable {
    /// The fingerprint the database records; `nil` before its first start with this version, or on a new database.
    var current: DataKeyFingerprint?
    /// The keys an unfinished `iflow rotate-data-key` is moving the rows to.
    var next: DataKeyFingerprint?
    /// Whether any personal number is sealed: such a database needs its own keys, never new ones. Read only while
    /// `current` is `nil` (`false` otherwise): recorded keys are checked by their fingerprint.
    var hasSealedData: Bool
}
