import Synchronization

/// Resumes a continuation with the first answer given; later ones are ignored.
final class FirstAnswer<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T, Never>?>

    init(_ continuation: CheckedContinuation<T, Never>) {
        self.continuation = Mutex(continuation)
    }

    func give(_ value: T) {
        continuation.withLock {
            $0?.resume(returning: value)
            $0 = nil
        }
    }
}
