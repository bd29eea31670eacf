import CNcursesw
import ConsoleUI
import Foundation

/// What the terminal gives the console loop.
public enum TerminalInput: Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
}

/// The thin curses layer: copies the screen buffer to the terminal (only the cells that
/// changed; curses then sends the minimal update), reads keys with a timeout, waking also on
/// another file (the database's log) so live data shows without a keypress, and always gives
/// the terminal back as it found it.
public final class CursesTerminal {
    private let theme: Theme
    private var colour: Bool
    /// What the terminal shows, when `shownIsKnown`.
    private var shown = ScreenBuffer(width: 0, height: 0)
    private var shownIsKnown = false
    private var pairs: [ColourPairKey: Int16] = [:]
    private var isOpen = false

    /// Starts curses. `colour` false (NO_COLOR, or a terminal without colours) never sends a
    /// colour sequence.
    public init(theme: Theme, colour: Bool) throws {
        self.theme = theme
        self.colour = colour
        CursesTerminal.chooseUTF8Locale()
        try CursesTerminal.requireTerminal()
        SignalGuard.unblock()
        guard initscr() != nil else { throw TerminalError("cannot start the terminal (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "unset"))") }
        isOpen = true
        CursesTerminal.active = self
        SignalGuard.install()
        cbreak()
        noecho()
        nonl()
        keypad(secretary_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(secretary_stdscr(), 250)
        self.colour = colour && has_colors()
        if self.colour {
            start_color()
            use_default_colors()
        }
    }

    deinit { close() }

    /// Refuses to start without a terminal on stdin and stdout.
    public static func requireTerminal() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("the console needs a terminal (stdin and stdout are not a tty)")
        }
    }

    /// True when the terminal has colours and they are in use.
    public var usesColour: Bool { colour }

    public var size: (width: Int, height: Int) {
        (Int(secretary_getmaxx(secretary_stdscr())), Int(secretary_getmaxy(secretary_stdscr())))
    }

    /// Gives the terminal back: echo, line mode, cursor, main screen. Safe to call twice.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
        if CursesTerminal.active === self { CursesTerminal.active = nil }
    }

    /// The terminal's bell (or its visible flash, where the terminal has no bell).
    public func bell() { beep() }

    /// Forgets what is on screen, so the next draw repaints every cell (Ctrl-L, resize).
    public func invalidate() {
        shownIsKnown = false
        clearok(secretary_stdscr(), true)
    }

    /// Copies `buffer` to the terminal: only the cells that changed since the last draw,
    /// looking only at `rows` (all when nil) when the caller knows the others stayed.
    public func draw(_ buffer: ScreenBuffer, rows: Range<Int>? = nil) {
        if shown.width != buffer.width || shown.height != buffer.height {
            shown = ScreenBuffer(width: buffer.width, height: buffer.height)
            shownIsKnown = false
            werase(secretary_stdscr())
        }
        let all = 0..<buffer.height
        let looked = shownIsKnown ? (rows ?? all).clamped(to: all) : all
        for y in looked {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if shownIsKnown, shown[x, y] == cell { continue }
                // Kept in place, never a copy of the caller's buffer: both would then be copied
                // again on their next change.
                shown[x, y] = cell
                if cell.isLead { put(cell, x: x, y: y) }
            }
        }
        shownIsKnown = true
        wrefresh(secretary_stdscr())
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let style = theme.style(cell.role)
        var attributes = secretary_a_normal()
        if style.bold { attributes |= secretary_a_bold() }
        if style.reverse { attributes |= secretary_a_reverse() }
        if style.underline { attributes |= secretary_a_underline() }
        if style.dim { attributes |= secretary_a_dim() }
        let pair = colour ? pairNumber(style) : 0
        var text = cell.character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        _ = secretary_put_cell(Int32(y), Int32(x), text, attributes, pair)
    }

    private struct ColourPairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    private func pairNumber(_ style: Style) -> Int16 {
        func number(_ colour: TerminalColor) -> Int16 {
            switch colour {
            case .default: -1
            case .ansi(let n): Int16(n < Int(secretary_colors()) ? n : n % 8)
            }
        }
        let key = ColourPairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let pair = Int16(pairs.count + 1)
        init_pair(pair, key.foreground, key.background)
        pairs[key] = pair
        return pair
    }

    /// The next key or resize, or nil when nothing came within the timeout, 250 ms (or a stop
    /// was requested by a signal).
    public func read() -> TerminalInput? {
        wtimeout(secretary_stdscr(), 250)
        return readWaiting()
    }

    /// The next key or resize, or nil after `timeout` milliseconds, when `descriptor` became
    /// readable first, or when a signal came (a stop, a resize: the next read gives it).
    public func read(timeout: Int32, alsoWakingOn descriptor: Int32?) -> TerminalInput? {
        // Keys curses already read from the terminal (a paste, an escape sequence's rest)
        // are not on the file descriptor any more: take them first.
        wtimeout(secretary_stdscr(), 0)
        if let input = readWaiting() { return input }
        var watched = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if let descriptor { watched.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        // Whatever ended the wait (a key, the other file, a signal, the time), one look more:
        // a resize shows there; an escape sequence's rest is still waited for (ESCDELAY).
        _ = poll(&watched, nfds_t(watched.count), timeout)
        return readWaiting()
    }

    private func readWaiting() -> TerminalInput? {
        var character: wint_t = 0
        let result = wget_wch(secretary_stdscr(), &character)
        if result == KEY_CODE_YES {
            if Int32(character) == KEY_RESIZE {
                let (width, height) = size
                return .resize(width: width, height: height)
            }
            return CursesTerminal.decode(keyCode: Int32(character)).map(TerminalInput.key)
        }
        guard result == OK else { return nil }
        return CursesTerminal.decode(character: UInt32(character)).map(TerminalInput.key)
    }

    static func decode(keyCode: Int32) -> Key? {
        switch keyCode {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_ENTER: .enter
        default:
            (1...12).first { secretary_key_f(Int32($0)) == keyCode }.map(Key.function)
        }
    }

    static func decode(character: UInt32) -> Key? {
        switch character {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(character + 96)!))
        default:
            return Unicode.Scalar(character).map { .character(Character($0)) }
        }
    }

    /// Wide characters need a UTF-8 locale; this machine may have none but C.UTF-8.
    static func chooseUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }

    /// The terminal in use, for the signal handlers that must restore it.
    nonisolated(unsafe) static var active: CursesTerminal?
}

public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
