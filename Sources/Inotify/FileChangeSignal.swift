import Glibc

/// Wakes a waiting loop when a file is written: the Linux kernel's inotify, through Glibc.
/// The console watches the database's write-ahead log, which every commit of every process
/// writes to, so a call arriving shows without waiting for a poll. `descriptor` is for
/// `poll(2)`; after it is readable, `drain()` empties the queue of events.
public final class FileChangeSignal {
    public let descriptor: Int32
    /// False once the file went away (deleted, moved, or its file system unmounted): the
    /// loop then falls back to polling.
    public private(set) var isWatching = true
    /// Kept between reads: the loop drains on every wake.
    private var buffer = [UInt8](repeating: 0, count: 4096)

    /// Nil when inotify is unavailable or the file cannot be watched.
    public init?(path: String) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        guard inotify_add_watch(descriptor, path, mask) >= 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Reads every pending event; true when at least one said the file was written.
    @discardableResult
    public func drain() -> Bool {
        var written = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return written }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (mask, length) = buffer.withUnsafeBytes { bytes in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.mask, Int(event.len))
                }
                if mask & UInt32(IN_MODIFY) != 0 { written = true }
                if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_IGNORED)) != 0 { isWatching = false }
                offset += MemoryLayout<inotify_event>.size + length
            }
        }
    }
}
