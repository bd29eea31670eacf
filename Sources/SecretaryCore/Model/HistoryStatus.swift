/// What became of one item of a caller's history (a call, a message, an appointment), kept as
/// a value so that each screen words it in its own language.
public enum HistoryStatus: Hashable, Sendable {
    /// A call's status, and its outcome once the operator closed it.
    case call(CallStatus, CallOutcome?)
    case message(MessageStatus)
    case appointment(AppointmentStatus)
}
