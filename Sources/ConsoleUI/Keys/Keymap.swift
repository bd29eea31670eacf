/// Everything the operator can do from the keyboard. The dispatcher, the key-hint line and
/// the help overlay all read `Keymap.bindings`: no key is handled anywhere else.
public enum Action: String, CaseIterable, Sendable {
    case quit, help, redraw, answer, focusNext, focusPrevious
    case focusQueue, focusLookup, focusInstructions, focusAgenda
    case pickClient, search, searchNext, searchPrevious
    case up, down, left, right, pageUp, pageDown, top, bottom
    case select, cancel
    case newContact
    case endCall, togglePause
    case previousWeek, nextWeek, today
    case nextFreeSlot, moveAppointment, cancelAppointment, noShow, waitlist, goToDate, nextAgenda, chooseType
    case newMessage, medicalQuestion, emergencyScript, clientMessages, instructionsHistory
    /// The caller pane during a call: the contact shown is the caller; show the caller again.
    case identifyCaller, backToCaller
    /// The emergency script: confirm (a key no typing produces).
    case confirmEmergency
    /// Text fields, as readline edits a line.
    case caretLeft, caretRight, caretStart, caretEnd, deleteBackward, deleteForward, deleteWord, clearField
    case board, resend
    case toggleReports, previousPeriod, nextPeriod, spanDay, spanWeek, spanMonth, nextClient, previousClient
    case callbacks, takeCallback, callbackReached, callbackNoAnswer, callbackVoicemail, releaseCallback
    case markTransmitted, acknowledgeMessage, undoTransmitted
    case absences, addAbsence, showWaitingList
}

/// Where a binding applies.
public enum Scope: Hashable, Sendable {
    case global
    case pane(PaneID)
    /// The supervisor's wallboard, which only watches.
    case wallboard
    /// Any text being typed (a search, a form's field): keys not bound here are typed.
    case textField
    /// The emergency script.
    case emergency
    /// The help window.
    case help
    /// The wallboard's reports screen (the wallboard's keys apply there too).
    case reports
    /// The supervisors' board overlay on the wallboard.
    case board
    /// A list over the panes, which takes the keys until closed.
    case list(ListOverlay)
}

/// The windows listing things, whose keys are in the keymap like the panes'.
public enum ListOverlay: Hashable, Sendable {
    case callbacks, messages, absences, waitingList, board
}

public struct Binding: Sendable {
    public let action: Action
    public let keys: [Key]
    public let scope: Scope
    /// Shown in the key-hint line (the short list at the bottom) when true.
    public let hinted: Bool
    public let label: Text
}

public enum Keymap {
    public static let bindings: [Binding] = [
        Binding(action: .answer, keys: [.character("a")], scope: .global, hinted: true, label: .actionAnswer),
        Binding(action: .endCall, keys: [.character("e")], scope: .global, hinted: true, label: .actionEndCall),
        Binding(action: .pickClient, keys: [.character("c")], scope: .global, hinted: true, label: .actionPickClient),
        Binding(action: .togglePause, keys: [.character("p")], scope: .global, hinted: false, label: .actionPause),
        Binding(action: .focusNext, keys: [.tab], scope: .global, hinted: true, label: .actionNextPane),
        Binding(action: .focusPrevious, keys: [.backTab], scope: .global, hinted: false, label: .actionPreviousPane),
        Binding(action: .focusQueue, keys: [.character("1")], scope: .global, hinted: false, label: .paneQueue),
        Binding(action: .focusLookup, keys: [.character("2")], scope: .global, hinted: false, label: .paneLookup),
        Binding(action: .focusInstructions, keys: [.character("3")], scope: .global, hinted: false, label: .paneInstructions),
        Binding(action: .focusAgenda, keys: [.character("4")], scope: .global, hinted: false, label: .paneAgenda),
        Binding(action: .help, keys: [.character("?"), .function(1)], scope: .global, hinted: true, label: .actionHelp),
        Binding(action: .redraw, keys: [.control("l")], scope: .global, hinted: false, label: .actionRedraw),
        Binding(action: .quit, keys: [.character("q")], scope: .global, hinted: true, label: .actionQuit),
        Binding(action: .cancel, keys: [.escape], scope: .global, hinted: false, label: .actionCancel),

        Binding(action: .up, keys: [.up, .character("k")], scope: .pane(.queue), hinted: false, label: .actionUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .pane(.queue), hinted: false, label: .actionDown),
        Binding(action: .select, keys: [.enter], scope: .pane(.queue), hinted: true, label: .actionFollowClient),

        Binding(action: .search, keys: [.character("/")], scope: .pane(.lookup), hinted: true, label: .actionSearchName),
        Binding(action: .newContact, keys: [.character("n")], scope: .pane(.lookup), hinted: true, label: .actionNewContact),
        Binding(action: .up, keys: [.up, .character("k")], scope: .pane(.lookup), hinted: false, label: .actionUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .pane(.lookup), hinted: false, label: .actionDown),
        Binding(action: .select, keys: [.enter], scope: .pane(.lookup), hinted: false, label: .actionOpenContact),

        Binding(action: .search, keys: [.character("/")], scope: .pane(.instructions), hinted: true, label: .actionFindText),
        Binding(action: .searchNext, keys: [.character("n")], scope: .pane(.instructions), hinted: true, label: .actionFindNext),
        Binding(action: .searchPrevious, keys: [.character("N")], scope: .pane(.instructions), hinted: false, label: .actionFindPrevious),
        Binding(action: .up, keys: [.up, .character("k")], scope: .pane(.instructions), hinted: false, label: .actionScrollUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .pane(.instructions), hinted: false, label: .actionScrollDown),
        Binding(action: .pageUp, keys: [.pageUp], scope: .pane(.instructions), hinted: false, label: .actionPageUp),
        Binding(action: .pageDown, keys: [.pageDown, .character(" ")], scope: .pane(.instructions), hinted: false, label: .actionPageDown),
        Binding(action: .top, keys: [.home, .character("g")], scope: .pane(.instructions), hinted: false, label: .actionTop),

        Binding(action: .up, keys: [.up, .character("k")], scope: .pane(.agenda), hinted: false, label: .actionSlotUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .pane(.agenda), hinted: false, label: .actionSlotDown),
        Binding(action: .left, keys: [.left, .character("h")], scope: .pane(.agenda), hinted: false, label: .actionDayLeft),
        Binding(action: .right, keys: [.right, .character("l")], scope: .pane(.agenda), hinted: false, label: .actionDayRight),
        Binding(action: .select, keys: [.enter], scope: .pane(.agenda), hinted: true, label: .actionBookOrShow),
        Binding(action: .nextFreeSlot, keys: [.character("f")], scope: .pane(.agenda), hinted: true, label: .actionNextFreeSlot),
        Binding(action: .moveAppointment, keys: [.character("m")], scope: .pane(.agenda), hinted: true, label: .actionMoveAppointment),
        Binding(action: .cancelAppointment, keys: [.character("x")], scope: .pane(.agenda), hinted: true, label: .actionCancelAppointment),
        Binding(action: .noShow, keys: [.character("n")], scope: .pane(.agenda), hinted: false, label: .actionNoShow),
        Binding(action: .waitlist, keys: [.character("w")], scope: .pane(.agenda), hinted: false, label: .actionWaitlist),
        Binding(action: .chooseType, keys: [.character("T")], scope: .pane(.agenda), hinted: false, label: .actionChooseType),
        Binding(action: .previousWeek, keys: [.character("["), .pageUp], scope: .pane(.agenda), hinted: false, label: .actionPreviousWeek),
        Binding(action: .nextWeek, keys: [.character("]"), .pageDown], scope: .pane(.agenda), hinted: false, label: .actionNextWeek),
        Binding(action: .today, keys: [.character("t")], scope: .pane(.agenda), hinted: false, label: .actionToday),
        Binding(action: .goToDate, keys: [.character("g")], scope: .pane(.agenda), hinted: true, label: .actionGoToDate),
        // Tab keeps its meaning (next pane) when the client has one agenda; with several it
        // goes through them, and Shift-Tab or 1-3 leave the pane.
        Binding(action: .nextAgenda, keys: [.tab], scope: .pane(.agenda), hinted: false, label: .actionNextAgenda),

        Binding(action: .newMessage, keys: [.character("M")], scope: .global, hinted: true, label: .actionNewMessage),
        Binding(action: .medicalQuestion, keys: [.character("Q")], scope: .global, hinted: false, label: .actionMedicalQuestion),
        Binding(action: .medicalQuestion, keys: [.character("Q")], scope: .pane(.instructions), hinted: true,
                label: .actionMedicalQuestion),
        Binding(action: .emergencyScript, keys: [.character("!"), .function(2)], scope: .global, hinted: true, label: .actionEmergency),
        Binding(action: .identifyCaller, keys: [.character("C")], scope: .pane(.lookup), hinted: true, label: .actionIdentifyCaller),
        Binding(action: .backToCaller, keys: [.escape], scope: .pane(.lookup), hinted: true, label: .actionBackToCaller),

        // Typing never confirms an emergency: F2 opens the script from a field, F12 confirms.
        Binding(action: .emergencyScript, keys: [.function(2)], scope: .textField, hinted: false, label: .actionEmergency),
        Binding(action: .caretLeft, keys: [.left, .control("b")], scope: .textField, hinted: false, label: .actionCaretLeft),
        Binding(action: .caretRight, keys: [.right, .control("f")], scope: .textField, hinted: false, label: .actionCaretRight),
        Binding(action: .caretStart, keys: [.home, .control("a")], scope: .textField, hinted: false, label: .actionCaretStart),
        Binding(action: .caretEnd, keys: [.end, .control("e")], scope: .textField, hinted: false, label: .actionCaretEnd),
        Binding(action: .deleteBackward, keys: [.backspace], scope: .textField, hinted: false, label: .actionDeleteBackward),
        Binding(action: .deleteForward, keys: [.delete, .control("d")], scope: .textField, hinted: false, label: .actionDeleteForward),
        Binding(action: .deleteWord, keys: [.control("w")], scope: .textField, hinted: false, label: .actionDeleteWord),
        Binding(action: .clearField, keys: [.control("u")], scope: .textField, hinted: false, label: .actionClearField),

        Binding(action: .confirmEmergency, keys: [.function(12)], scope: .emergency, hinted: true, label: .actionConfirmEmergency),
        Binding(action: .cancel, keys: [.escape], scope: .emergency, hinted: true, label: .actionNotAnEmergency),

        Binding(action: .up, keys: [.up, .character("k")], scope: .help, hinted: false, label: .actionScrollUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .help, hinted: true, label: .actionScrollDown),
        Binding(action: .pageUp, keys: [.pageUp], scope: .help, hinted: false, label: .actionPageUp),
        Binding(action: .pageDown, keys: [.pageDown, .character(" ")], scope: .help, hinted: true, label: .actionPageDown),
        Binding(action: .top, keys: [.home], scope: .help, hinted: false, label: .actionTop),
        Binding(action: .bottom, keys: [.end], scope: .help, hinted: false, label: .actionBottom),
        Binding(action: .cancel, keys: [.escape, .character("?"), .character("q"), .enter], scope: .help, hinted: true,
                label: .actionCancel),
        Binding(action: .clientMessages, keys: [.character("m")], scope: .pane(.lookup), hinted: true, label: .actionClientMessages),
        Binding(action: .clientMessages, keys: [.character("m")], scope: .pane(.instructions), hinted: false, label: .actionClientMessages),
        Binding(action: .instructionsHistory, keys: [.character("v")], scope: .pane(.instructions), hinted: true,
                label: .actionInstructionsHistory),
        Binding(action: .toggleReports, keys: [.character("r")], scope: .wallboard, hinted: true, label: .actionReports),
        Binding(action: .callbacks, keys: [.character("r")], scope: .global, hinted: true, label: .actionCallbacks),
        Binding(action: .absences, keys: [.character("A")], scope: .pane(.agenda), hinted: false, label: .actionAbsences),
        Binding(action: .showWaitingList, keys: [.character("W")], scope: .pane(.agenda), hinted: false,
                label: .actionShowWaitingList),

        Binding(action: .up, keys: [.up, .character("k")], scope: .list(.callbacks), hinted: false, label: .actionUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .list(.callbacks), hinted: false, label: .actionDown),
        Binding(action: .bottom, keys: [.end, .character("G")], scope: .list(.callbacks), hinted: false, label: .actionBottom),
        Binding(action: .takeCallback, keys: [.enter], scope: .list(.callbacks), hinted: true, label: .actionTakeCallback),
        Binding(action: .callbackReached, keys: [.character("1")], scope: .list(.callbacks), hinted: true,
                label: .callbackOutcomeReached),
        Binding(action: .callbackNoAnswer, keys: [.character("2")], scope: .list(.callbacks), hinted: true,
                label: .callbackOutcomeNoAnswer),
        Binding(action: .callbackVoicemail, keys: [.character("3")], scope: .list(.callbacks), hinted: true,
                label: .callbackOutcomeVoicemail),
        Binding(action: .releaseCallback, keys: [.character("u")], scope: .list(.callbacks), hinted: true,
                label: .actionReleaseCallback),
        Binding(action: .cancel, keys: [.escape, .character("r"), .character("q")], scope: .list(.callbacks), hinted: true,
                label: .actionClose),

        Binding(action: .up, keys: [.up, .character("k")], scope: .list(.messages), hinted: false, label: .actionUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .list(.messages), hinted: false, label: .actionDown),
        Binding(action: .markTransmitted, keys: [.character("t")], scope: .list(.messages), hinted: true,
                label: .actionMarkTransmitted),
        Binding(action: .acknowledgeMessage, keys: [.character("a")], scope: .list(.messages), hinted: true,
                label: .actionAcknowledge),
        Binding(action: .undoTransmitted, keys: [.character("u")], scope: .list(.messages), hinted: true,
                label: .actionUndoTransmitted),
        Binding(action: .cancel, keys: [.escape, .character("m"), .character("q")], scope: .list(.messages), hinted: true,
                label: .actionClose),

        Binding(action: .up, keys: [.up, .character("k")], scope: .list(.absences), hinted: false, label: .actionUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .list(.absences), hinted: false, label: .actionDown),
        Binding(action: .addAbsence, keys: [.character("n")], scope: .list(.absences), hinted: true, label: .actionAddAbsence),
        Binding(action: .cancel, keys: [.escape, .character("A"), .character("q")], scope: .list(.absences), hinted: true,
                label: .actionClose),

        Binding(action: .board, keys: [.character("B")], scope: .global, hinted: false, label: .actionBoard),
        Binding(action: .up, keys: [.up, .character("k")], scope: .list(.board), hinted: false, label: .actionUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .list(.board), hinted: false, label: .actionDown),
        Binding(action: .resend, keys: [.character("r")], scope: .list(.board), hinted: true, label: .actionResend),
        Binding(action: .cancel, keys: [.escape, .character("B"), .character("q")], scope: .list(.board), hinted: true,
                label: .actionClose),

        Binding(action: .up, keys: [.up, .character("k")], scope: .list(.waitingList), hinted: false, label: .actionUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .list(.waitingList), hinted: false, label: .actionDown),
        Binding(action: .cancel, keys: [.escape, .character("W"), .character("q")], scope: .list(.waitingList), hinted: true,
                label: .actionClose),

        Binding(action: .help, keys: [.character("?"), .function(1)], scope: .wallboard, hinted: true, label: .actionHelp),
        Binding(action: .redraw, keys: [.control("l")], scope: .wallboard, hinted: true, label: .actionRedraw),
        Binding(action: .quit, keys: [.character("q")], scope: .wallboard, hinted: true, label: .actionQuit),
        Binding(action: .cancel, keys: [.escape], scope: .wallboard, hinted: false, label: .actionCancel),
        Binding(action: .board, keys: [.character("b")], scope: .wallboard, hinted: false, label: .actionBoard),
        // The board overlay's own keys: `r` there resends, elsewhere it opens the reports.
        Binding(action: .resend, keys: [.character("r")], scope: .board, hinted: false, label: .actionResend),
        Binding(action: .up, keys: [.up, .character("k")], scope: .board, hinted: false, label: .actionUp),
        Binding(action: .down, keys: [.down, .character("j")], scope: .board, hinted: false, label: .actionDown),
        Binding(action: .previousPeriod, keys: [.character("["), .left, .character("h")], scope: .reports, hinted: true,
                label: .actionPreviousPeriod),
        Binding(action: .nextPeriod, keys: [.character("]"), .right, .character("l")], scope: .reports, hinted: true,
                label: .actionNextPeriod),
        Binding(action: .spanDay, keys: [.character("d")], scope: .reports, hinted: true, label: .actionSpanDay),
        Binding(action: .spanWeek, keys: [.character("w")], scope: .reports, hinted: true, label: .actionSpanWeek),
        Binding(action: .spanMonth, keys: [.character("m")], scope: .reports, hinted: true, label: .actionSpanMonth),
        Binding(action: .nextClient, keys: [.character("c")], scope: .reports, hinted: true, label: .actionNextClient),
        Binding(action: .previousClient, keys: [.character("C")], scope: .reports, hinted: false, label: .actionPreviousClient),
        Binding(action: .today, keys: [.character("t")], scope: .reports, hinted: false, label: .actionToday),
    ]

    /// The action of `key` in `pane`: the pane's own bindings first, then the global ones.
    public static func action(for key: Key, in pane: PaneID) -> Action? {
        bindings.first { $0.scope == .pane(pane) && $0.keys.contains(key) }?.action
            ?? bindings.first { $0.scope == .global && $0.keys.contains(key) }?.action
    }

    /// The action of `key` in a window or a field (`.textField`, `.emergency`, `.help`).
    public static func action(for key: Key, scope: Scope) -> Action? {
        bindings.first { $0.scope == scope && $0.keys.contains(key) }?.action
    }

    public static func bindings(for scope: Scope) -> [Binding] { bindings.filter { $0.scope == scope } }

    /// The action of `key` in a list window (its own bindings only: the panes' keys are covered).
    public static func action(for key: Key, in list: ListOverlay) -> Action? { action(for: key, scope: .list(list)) }
}
