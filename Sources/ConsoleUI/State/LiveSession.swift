/// What the terminal loop drives, the console and the wallboard alike: a session that takes
/// keys and resizes, polls the clock and the other terminals' changes, and draws a state.
/// The loop redraws only when `screen` changed (or a full repaint was asked for).
public protocol LiveSession: AnyObject {
    associatedtype Screen: Equatable
    /// What is on screen: equal values draw equal screens.
    var screen: Screen { get }
    var isRunning: Bool { get }
    /// Set when the user asked for a full repaint (Ctrl-L); the loop clears it.
    var needsFullRedraw: Bool { get set }
    func start()
    func handle(key: Key)
    func resize(width: Int, height: Int)
    func poll()
    func draw(_ screen: Screen) -> ScreenBuffer
    /// True during a call: the idle lock never hides a call in progress.
    var isBusy: Bool { get }
}

extension ConsoleSession: LiveSession {
    public var screen: AppState { state }
    public var isRunning: Bool { state.isRunning }
    public func handle(key: Key) { handle(.key(key)) }
    public func resize(width: Int, height: Int) { handle(.resize(width: width, height: height)) }
    public func draw(_ screen: AppState) -> ScreenBuffer { render(screen) }
    public var isBusy: Bool { state.call != nil }
}

extension WallboardSession: LiveSession {
    public var screen: WallboardState { state }
    public var isRunning: Bool { state.isRunning }
    public func handle(key: Key) { handle(.key(key)) }
    public func resize(width: Int, height: Int) { handle(.resize(width: width, height: height)) }
    public func draw(_ screen: WallboardState) -> ScreenBuffer { renderWallboard(screen) }
    public var isBusy: Bool { false }
}
