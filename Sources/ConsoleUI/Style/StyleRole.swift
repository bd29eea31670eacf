/// What a piece of the screen is, not how it looks: a theme maps each role to colours and
/// attributes, so a colour is decided in one place.
public enum StyleRole: String, CaseIterable, Sendable {
    case normal
    case border, borderFocused = "border.focused"
    case title, titleFocused = "title.focused"
    case selection, selectionUnfocused = "selection.unfocused"
    case statusLine = "status"
    case keyHint = "hint", keyHintKey = "hint.key"
    case dim, heading, emphasis
    case waitOK = "wait.ok", waitWarn = "wait.warn", waitLate = "wait.late"
    case ownCall = "own-call"
    case urgent
    case warning
    case emergency
    /// A phrase of medical advice the guard refused, highlighted where the operator wrote it.
    case advice
    case success
    case input
    case searchMatch = "search.match"
    case greeting
    case agendaFree = "agenda.free", agendaClosed = "agenda.closed", agendaAbsence = "agenda.absence"
    case agendaToday = "agenda.today", agendaNow = "agenda.now", agendaCursor = "agenda.cursor"
    case appointment1 = "appointment.1", appointment2 = "appointment.2", appointment3 = "appointment.3"
    case appointment4 = "appointment.4", appointment5 = "appointment.5", appointment6 = "appointment.6"
    case appointment7 = "appointment.7", appointment8 = "appointment.8"

    /// The role of an appointment type's colour (1–8).
    public static func appointment(_ colour: Int) -> StyleRole {
        [.appointment1, .appointment2, .appointment3, .appointment4, .appointment5, .appointment6,
         .appointment7, .appointment8][max(0, min(7, colour - 1))]
    }
}
