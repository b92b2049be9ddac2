#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the process has freed back to the operating system.
///
/// glibc keeps freed blocks in its per-thread arenas for reuse: after a request that needed a lot of memory for a
/// moment, the resident size stays at its peak, and the next large request grows it further from there.
enum FreedMemory {
    /// Work on this many bytes (an uploaded file, a whole company's report, sheet or file) is worth giving its memory
    /// back after.
    static let largeWorkBytes = 1 << 20

    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    /// glibc's `malloc_trim` (malloc.h), which Swift's Glibc module does not export; looked up once.
    private static let trim: Trim? = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    #endif

    static func release() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }

    /// ``release()`` after work on `bytes` of at least ``largeWorkBytes``; nothing after smaller work, which leaves
    /// little behind and runs often.
    static func release(after bytes: Int) {
        if bytes >= largeWorkBytes { release() }
    }
}
