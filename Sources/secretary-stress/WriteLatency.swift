import Foundation
import SecretaryStore

/// `secretary-stress DB write-latency SECONDS [PAUSE_MS [STOP_FILE]]`: one audited write (a
/// console's smallest: a view recorded) every PAUSE_MS (10) for SECONDS or until STOP_FILE
/// exists, each timed from asking for the write lock to its commit, as a console booking
/// while a purge or an erasure runs would wait. Prints the count, the median, the 99th
/// percentile and the longest, in ms.
func writeLatency(store: Store, _ arguments: [String]) throws {
    let seconds = arguments.first.flatMap(Double.init) ?? 10
    let pause = (arguments.count > 1 ? Double(arguments[1]) : nil) ?? 10
    let stopFile = arguments.count > 2 ? arguments[2] : nil
    let identity = Identity.systemActor("latency-probe", may: [.operate])
    var waits: [Double] = []
    var slow: [String] = []
    let began = Date()
    let end = Date().addingTimeInterval(seconds)
    while Date() < end, !(stopFile.map { FileManager.default.fileExists(atPath: $0) } ?? false) {
        let started = DispatchTime.now().uptimeNanoseconds
        try store.recordView(by: identity, objectType: "probe", objectID: "\(waits.count)")
        waits.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        if let last = waits.last, last > 100 {
            slow.append(String(format: "write %d at +%.1f s: %.0f ms", waits.count, Date().timeIntervalSince(began), last))
        }
        Thread.sleep(forTimeInterval: pause / 1000)
    }
    waits.sort()
    func percentile(_ p: Double) -> Double { waits.isEmpty ? 0 : waits[min(waits.count - 1, Int(Double(waits.count) * p))] }
    print(String(format: "writes %d  p50 %.1f ms  p99 %.1f ms  longest %.1f ms  over 100 ms: %d",
                 waits.count, percentile(0.5), percentile(0.99), waits.last ?? 0, waits.filter { $0 > 100 }.count))
    // When the slow ones came, to set beside what the other process was doing then.
    for line in slow { print("  " + line) }
}
