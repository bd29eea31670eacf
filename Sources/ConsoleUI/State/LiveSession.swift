/// What the terminal loop drives, the console and the wallboard alike: a session that takes
/// keys and resizes, polls the clock and the other terminals' changes, and draws a state.
/// The loop redraws only when `screen` changed (or a full repaint was asked for).
import Foundation

public protocol LiveSession: AnyObject {
    associatedtype Screen: Equatable
    /// What is on screen: equal values draw equal screens.
    var screen: Screen { get }
    var isRunning: Bool { get }
    /// Set when the user asked for a full repaint (Ctrl-L); the loop clears it.
    var needsFullRedraw: Bool { get set }
    /// Set when the terminal's bell should ring (a new call, `--bell`); the loop clears it.
    var needsBell: Bool { get set }
    func start()
    func handle(key: Key)
    func resize(width: Int, height: Int)
    /// Advances the clock and reloads what another terminal changed; true when it did.
    @discardableResult func poll() -> Bool
    /// The time the screen shows (its clock ticks on whole seconds).
    var clock: Date { get }
    func draw(_ screen: Screen) -> ScreenBuffer
    /// Draws `screen` into `buffer`, which holds the drawing of `drawn`; returns the rows
    /// that may have changed (the others are as they were).
    func draw(_ screen: Screen, over drawn: Screen, into buffer: inout ScreenBuffer) -> Range<Int>
    /// True during a call: the idle lock never hides a call in progress.
    var isBusy: Bool { get }
}

extension ConsoleSession: LiveSession {
    public var screen: AppState { state }
    public var isRunning: Bool { state.isRunning }
    public func handle(key: Key) { handle(.key(key)) }
    public func resize(width: Int, height: Int) { handle(.resize(width: width, height: height)) }
    public func draw(_ screen: AppState) -> ScreenBuffer { render(screen) }
    public func draw(_ screen: AppState, over drawn: AppState, into buffer: inout ScreenBuffer) -> Range<Int> {
        render(screen, over: drawn, into: &buffer)
    }
    public var isBusy: Bool { state.call != nil }
    public var clock: Date { data.now() }
}

extension WallboardSession: LiveSession {
    /// The wallboard only watches: it never rings.
    public var needsBell: Bool {
        get { false }
        set {}
    }

    public var screen: WallboardState { state }
    public var isRunning: Bool { state.isRunning }
    public func handle(key: Key) { handle(.key(key)) }
    public func resize(width: Int, height: Int) { handle(.resize(width: width, height: height)) }
    public func draw(_ screen: WallboardState) -> ScreenBuffer { renderWallboard(screen) }
    /// The wallboard's waits and operator times tick everywhere: drawn whole each time.
    public func draw(_ screen: WallboardState, over drawn: WallboardState, into buffer: inout ScreenBuffer) -> Range<Int> {
        buffer = renderWallboard(screen)
        return 0..<buffer.height
    }
    public var isBusy: Bool { false }
    public var clock: Date { data.now() }
}
