/// A rectangle of the screen, in cells.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle less `margin` cells on every side (the inside of a border).
    public func inset(by margin: Int) -> Rect {
        Rect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }

    public var maxY: Int { y + height }
    public var maxX: Int { x + width }
}

/// One cell: a character and its style role. A wide character fills its cell and marks the
/// next one as its continuation, so the grid stays aligned with the terminal's columns.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var role: StyleRole
    /// False for the right half of a wide character (nothing is drawn there).
    public var isLead: Bool

    public init(_ character: Character = " ", role: StyleRole = .normal, isLead: Bool = true) {
        self.character = character
        self.role = role
        self.isLead = isLead
    }

    public static let blank = Cell()
}

/// The whole screen in memory. Panes draw here; the curses backend copies it to the
/// terminal; tests read it back as lines of text.
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// Blanks every cell, keeping the storage when the size stays (a frame a second would
    /// otherwise allocate a new grid each time).
    public mutating func clear(width: Int, height: Int) {
        let (width, height) = (max(0, width), max(0, height))
        if width == self.width, height == self.height {
            for index in cells.indices { cells[index] = .blank }
        } else {
            self = ScreenBuffer(width: width, height: height)
        }
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (x, y), clipped to `limit` columns (and the screen), cutting by
    /// display width. Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let maxX = min(width, x + (limit ?? width))
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > maxX { break }
            if column >= 0 {
                self[column, y] = Cell(character, role: role)
                if w == 2 { self[column + 1, y] = Cell(" ", role: role, isLead: false) }
            }
            column += w
        }
        return column - x
    }

    /// Paints `rect` with `role`, erasing what was there.
    public mutating func fill(_ rect: Rect, role: StyleRole = .normal, character: Character = " ") {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                self[x, y] = Cell(character, role: role)
            }
        }
    }

    /// Changes the role of the cells of `rect` and keeps their characters (a highlight).
    public mutating func restyle(_ rect: Rect, role: StyleRole) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                self[x, y].role = role
            }
        }
    }

    /// A box with a title in the top border.
    public mutating func box(_ rect: Rect, title: String, focused: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let role: StyleRole = focused ? .borderFocused : .border
        let (h, v, tl, tr, bl, br): (Character, Character, Character, Character, Character, Character) =
            focused ? ("━", "┃", "┏", "┓", "┗", "┛") : ("─", "│", "┌", "┐", "└", "┘")
        for x in rect.x..<rect.maxX {
            write(String(h), x: x, y: rect.y, role: role)
            write(String(h), x: x, y: rect.maxY - 1, role: role)
        }
        for y in rect.y..<rect.maxY {
            write(String(v), x: rect.x, y: y, role: role)
            write(String(v), x: rect.maxX - 1, y: y, role: role)
        }
        write(String(tl), x: rect.x, y: rect.y, role: role)
        write(String(tr), x: rect.maxX - 1, y: rect.y, role: role)
        write(String(bl), x: rect.x, y: rect.maxY - 1, role: role)
        write(String(br), x: rect.maxX - 1, y: rect.maxY - 1, role: role)
        write(" \(title) ", x: rect.x + 2, y: rect.y, role: focused ? .titleFocused : .title, limit: rect.width - 4)
    }

    /// The screen as text, one string per row, trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where self[x, y].isLead { line.append(self[x, y].character) }
            return line
        }
    }

    /// The rows with trailing spaces removed: what screen tests compare.
    public var text: String {
        lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// The role at the first cell where `needle` appears, for tests of colours.
    public func role(of needle: String) -> StyleRole? {
        for (y, line) in lines.enumerated() {
            guard let range = line.range(of: needle) else { continue }
            // Cells are columns, so the needle's column is the display width before it.
            let x = DisplayWidth.of(String(line[..<range.lowerBound]))
            return self[x, y].role
        }
        return nil
    }
}
