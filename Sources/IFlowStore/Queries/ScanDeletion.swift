/// What deleting a scan did.
public enum ScanDeletion: Sendable, Equatable {
    /// The scan of this employee is now deleted: it stays recorded and pairing skips it.
    case deleted(userID: Int)
    /// No scan of the company has that id.
    case notFound
    /// The scan was already deleted; nothing changed.
    case alreadyDeleted
}
