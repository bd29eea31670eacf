/// `07`, `42`: numbers zero-padded to two digits without `String(format:)`, which costs
/// microseconds a call; the console draws clocks, timers and grid labels on every frame.
public enum Digits {
    private static let pairs = (0..<100).map { $0 < 10 ? "0\($0)" : "\($0)" }

    public static func two(_ value: Int) -> String { pairs.indices.contains(value) ? pairs[value] : "\(value)" }
}
