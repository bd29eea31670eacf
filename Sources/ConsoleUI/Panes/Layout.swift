/// Where each pane goes for a terminal size. At 100x30 and larger all four panes show;
/// smaller, the focused pane fills the screen (Tab cycles); below 40x12 nothing but a message.
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 40
    public static let minimumHeight = 12
    public static let fullWidth = 100
    public static let fullHeight = 30

    public let panes: [PaneID: Rect]
    public let isTooSmall: Bool

    public init(width: Int, height: Int, focus: PaneID) {
        guard width >= Layout.minimumWidth, height >= Layout.minimumHeight else {
            panes = [:]
            isTooSmall = true
            return
        }
        isTooSmall = false
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        guard width >= Layout.fullWidth, height >= Layout.fullHeight else {
            panes = [focus: body]
            return
        }
        let leftWidth = max(40, width * 5 / 12)
        let queueHeight = max(8, body.height * 2 / 5)
        let instructionsHeight = max(8, body.height * 2 / 5)
        panes = [
            .queue: Rect(x: 0, y: body.y, width: leftWidth, height: queueHeight),
            .lookup: Rect(x: 0, y: body.y + queueHeight, width: leftWidth, height: body.height - queueHeight),
            .instructions: Rect(x: leftWidth, y: body.y, width: width - leftWidth, height: instructionsHeight),
            .agenda: Rect(x: leftWidth, y: body.y + instructionsHeight, width: width - leftWidth,
                          height: body.height - instructionsHeight),
        ]
    }

    public var showsAllPanes: Bool { panes.count == 4 }
}
