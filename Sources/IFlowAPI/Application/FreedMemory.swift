#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the process has freed back to the operating system.
///
/// glibc keeps freed blocks in its per-thread arenas for reuse: after a request that needed a lot of memory for a
/// moment, the resident size stays at its peak, and the next large request grows it further from there.
enum FreedMemory {
    /// A reply this long (a whole company's report, sheet or file) is worth giving its memory back after.
    static let largeReplyBytes = 1 << 20

    static func release() {
        #if canImport(Glibc)
        // malloc_trim is glibc's (malloc.h), which Swift's Glibc module does not export.
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
