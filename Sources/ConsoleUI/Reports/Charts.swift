/// Pictures drawn with the terminal's block characters. Each tells its values by the
/// character's height or density, never by colour alone, so monochrome reads the same.
enum Charts {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let shades: [Character] = ["·", "░", "▒", "▓", "█"]

    /// One character per value, its height the value's share of the largest; `·` for 0.
    static func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        return String(values.map { value -> Character in
            guard value > 0, top > 0 else { return "·" }
            return levels[min(levels.count - 1, (value * levels.count - 1) / top)]
        })
    }

    /// `·` for none, then four densities up to `█` for the largest.
    static func shade(_ value: Int, top: Int) -> Character {
        guard value > 0, top > 0 else { return shades[0] }
        return shades[1 + min(3, (value * 4 - 1) / top)]
    }

    /// A bar of `width` cells for `used` against `plan`: the plan's part in `█`, what is left
    /// of the plan in `░`, beyond it in `▓`. Returns the three runs' lengths.
    static func planBar(used: Int, plan: Int, width: Int) -> (within: Int, left: Int, beyond: Int) {
        guard width > 0 else { return (0, 0, 0) }
        let scale = max(used, plan, 1)
        func cells(_ value: Int) -> Int { (value * width + scale / 2) / scale }
        let within = cells(min(used, plan))
        let beyond = used > plan ? max(1, cells(used) - within) : 0
        let left = max(0, width - within - beyond)
        return (within, used >= plan ? 0 : left, beyond)
    }
}
