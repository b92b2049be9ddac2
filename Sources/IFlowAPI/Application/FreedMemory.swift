import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the process has freed back to the operating system.
///
/// glibc keeps freed blocks in its per-thread arenas for reuse: after a request that needed a lot of memory for a
/// moment, the resident size stays at its peak, and the next large request grows it further from there.
public enum FreedMemory {
    /// Work on this many bytes (an uploaded file, a whole company's report, sheet or file) is worth giving its memory
    /// back after.
    static let largeWorkBytes = 1 << 20

    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    /// glibc's `malloc_trim` (malloc.h), which Swift's Glibc module does not export; looked up once.
    private static let trim: Trim? = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    private typealias Option = @convention(c) (Int32, Int32) -> Int32
    /// glibc's `mallopt` (malloc.h), likewise not exported.
    private static let option: Option? = dlsym(dlopen(nil, RTLD_NOW), "mallopt").map { unsafeBitCast($0, to: Option.self) }
    #endif

    /// At most ``serverArenas`` malloc arenas for the threads created from now on (glibc's `M_ARENA_MAX`), unless the
    /// operator chose a number (`MALLOC_ARENA_MAX`, or `arena_max` in `GLIBC_TUNABLES`).
    ///
    /// glibc gives each thread that meets contention an arena of its own, up to eight per core, and memory freed in
    /// one stays there for that arena's next use: the server's peak grew with every kind of large request, each on
    /// other threads (196 MiB by the end of `bench/run` on SQLite, 93 MiB with two arenas; see docs/benchmarks.md).
    public static func limitArenas(environment: [String: String] = ProcessInfo.processInfo.environment) {
        #if canImport(Glibc)
        guard environment["MALLOC_ARENA_MAX"] == nil, !(environment["GLIBC_TUNABLES"] ?? "").contains("arena_max") else { return }
        _ = option?(-8, Int32(serverArenas))  // M_ARENA_MAX
        #endif
    }

    /// Two: one per core of the machines we measure on, without the eight per core glibc allows.
    static let serverArenas = 2

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
