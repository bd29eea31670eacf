import Foundation
import SecretaryCore

/// What happens to the console: a key, the clock, the terminal, or the answer to an effect.
public enum Event: Sendable {
    case key(Key)
    case tick(Date)
    case resize(width: Int, height: Int)
    /// Another terminal changed the database.
    case externalChange
    case queueLoaded([QueueEntry])
    case callClaimed(ActiveCall?)
    case contextLoaded(ClientContext)
    case callerMatched(PhoneNumber, [Contact])
    case searchResults(query: String, [Contact])
    case contactOpened(Contact, ContactHistory)
    case weekLoaded(agendaID: Int64, WeekGrid)
    case clientsLoaded([Client])
    case contactAdded(Contact)
    case callFinished
    case presenceChanged(Presence)
    case failed(String)
    case agenda(AgendaEvent)
    case messageSaved(Message)
    /// The store refused the message (the advice guard, a rule): the form stays open.
    case messageRefused(String)
    /// The emergency message was sent and the call closed as an emergency.
    case emergencyReported
    case messagesLoaded(ClientID, [Message])
    /// The listed messages' deliveries (e-mail, SMS), for their lines.
    case deliveriesLoaded([Int64: [Delivery]])
    case instructionHistoryLoaded(ClientID, [Instructions])
    /// The operator's own call as the store has it now (another process may have ended it).
    case ownCallLoaded(ActiveCall?)
    /// The store now has this contact as the call's caller.
    case callerIdentified(Contact)
    /// The caller the store has for the call just answered, with their history.
    case callerLoaded(Contact, ContactHistory)
    /// A contact and its history read again after a write (no view recorded: it is on screen already).
    case contactRefreshed(Contact, ContactHistory)
    case callbacks(CallbackEvent)
    case board(BoardEvent)
}

/// Work the update asks for; performed outside it (by `ConsoleSession`), whose answers come
/// back as events.
public enum Effect: Equatable, Sendable {
    case loadQueue
    case claimNextCall
    case loadContext(ClientID)
    case lookupCaller(PhoneNumber, ClientID)
    case searchContacts(String, ClientID)
    case openContact(Contact)
    case loadWeek(Agenda, LocalDate)
    case loadClients
    case addContact(Contact)
    case finishCall(Int64, CallOutcome, String)
    case setPresence(Presence)
    case redraw
    case agenda(AgendaEffect)
    case addMessage(MessageDraft)
    /// Sends the urgent message, then closes the call with the emergency outcome and the note.
    case reportEmergency(callID: Int64, note: String, message: MessageDraft)
    case loadMessages(ClientID)
    case markTransmitted(Int64, ClientID)
    case loadInstructionHistory(ClientID)
    /// Reads the operator's own call again (after another terminal or the PBX wrote).
    case loadOwnCall
    /// Opens the card of the contact the store has as the call's caller.
    case loadCaller(Int64)
    /// Records in the store (audited) that `Contact` is who is calling on this call.
    case identifyCaller(callID: Int64, Contact)
    /// Reads a contact on screen again, with its history, after a write here or elsewhere.
    case refreshContact(Int64)
    /// The terminal's bell (`--bell`).
    case ringBell
    case callbacks(CallbackEffect)
    case board(BoardEffect)
    /// The client confirmed on the phone that they have the message.
    case acknowledgeMessage(Int64, ClientID)
    /// A message marked transmitted by mistake goes back to new.
    case undoTransmitted(Int64, ClientID)
}
