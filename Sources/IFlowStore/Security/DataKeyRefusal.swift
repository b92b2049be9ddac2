/// Why a command refuses to use a database with the keys it was given. Nothing has been written when it is thrown.
public enum DataKeyRefusal: Error, Equatable {
    /// No key file and no `IFLOW_DATA_KEY`, for a database whose personal data was sealed with keys of its own.
    case keysMissing(recorded: DataKeyFingerprint?)
    /// The database records other keys than these.
    case mismatch(recorded: DataKeyFingerprint, offered: DataKeyFingerprint)
    /// A database from before fingerprints holds sealed values these keys do not open (or lookups they do not match).
    case cannotOpenSealedData(offered: DataKeyFingerprint)
    /// A rotation of the database's keys is unfinished: only `iflow rotate-data-key`, with its key file, may continue it.
    case rotationUnfinished(from: DataKeyFingerprint, to: DataKeyFingerprint)

    /// What is wrong and what to do; `keySource` names where the keys came from: the key file's path, or `IFLOW_DATA_KEY`.
    public func message(keySource: String) -> String {
        switch self {
        case .keysMissing(let recorded):
            let known = recorded.map { " (its keys' fingerprint: \($0))" } ?? ""
            return """
                data keys: this database already has data keys of its own\(known), but there is no key file at \(keySource) and \
                IFLOW_DATA_KEY is not set. \
                Restore the key file that belongs to this database (from where you keep its backups), or point --data-key-file \
                or IFLOW_DATA_KEY at it. New keys are made only for a database without sealed data. Nothing was changed.
                """
        case .mismatch(let recorded, let offered):
            return """
                data keys: the keys in \(keySource) do not belong to this database: the database's keys are \(recorded), \
                these are \(offered). With these keys its CNPs, id cards and IBANs could not be read and every employee would be created \
                again. Restore the key file that belongs to this database and start again. Nothing was changed.
                """
        case .cannotOpenSealedData(let offered):
            return """
                data keys: the keys in \(keySource) (\(offered)) do not open the personal data already sealed in this database. \
                Restore the key file that belongs to this database and start again. Nothing was changed.
                """
        case .rotationUnfinished(let from, let to):
            return """
                data keys: a rotation of this database's keys from \(from) to \(to) is unfinished. Run `iflow rotate-data-key` \
                again with the key file it was started with, which holds both (this time the keys came from \(keySource)), then \
                start the servers. Nothing was changed.
                """
        }
    }
}
