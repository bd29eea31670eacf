import Foundation
import Testing
@testable import SecretaryCore
@testable import SecretaryStore

/// The advice guard below every interface: a call note, an appointment note or a
/// cancellation reason that gives medical advice is refused by the store itself, and the
/// refusal leaves the database as it was.
@Suite("The advice guard on notes")
struct NoteGuardStoreTests {
    @Test func aCallNoteGivingAdviceIsRefusedAndTheCallStaysOpen() throws {
        let desk = try CallDesk()
        let call = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        _ = try desk.store.claimNextCall(operator: "claire")
        let before = try allRows(desk.store)
        let refusal = violation {
            try desk.store.finish(callID: call.id, outcome: .information, note: "Je lui ai dit : prenez deux comprimés",
                                  operator: "claire")
        }
        #expect(refusal?.rule == .medicalAdvice)
        #expect(refusal?.reason.contains("call note refused") == true)
        #expect(refusal?.reason.contains("'prenez deux comprimés'") == true, "\(refusal?.reason ?? "")")
        #expect(refusal?.reason.contains("rule 'prenez-medicament'") == true, "\(refusal?.reason ?? "")")
        #expect(try allRows(desk.store) == before)
        #expect(try desk.store.call(call.id).status != .done)

        // The caller's own words, quoted, are not the operator's advice.
        let done = try desk.store.finish(callID: call.id, outcome: .information,
                                         note: "Demande « dois-je prendre deux comprimés ? » : question transmise",
                                         operator: "claire")
        #expect(done.status == .done)
        #expect(done.note.contains("dois-je prendre deux comprimés"))
    }

    @Test func anAppointmentNoteGivingAdviceIsRefusedAndNothingIsBooked() throws {
        let f = try AgendaStoreFixture()
        let before = try allRows(f.store)
        let request = BookingRequest(agendaID: f.agenda.id, contact: .phone(try PhoneNumber("07 70 70 70 70"), newContactName: "Paul Neuf"),
                                     typeID: f.consultation.id, start: instant("2026-11-24T10:00"),
                                     note: "Fièvre : c'est une grippe, arrêtez les antibiotiques")
        let refusal = violation { try f.store.book(request, by: Identity("claire")) }
        #expect(refusal?.rule == .medicalAdvice)
        #expect(refusal?.reason.contains("appointment note refused") == true)
        #expect(refusal?.reason.contains("'c'est une grippe'") == true, "\(refusal?.reason ?? "")")
        #expect(try allRows(f.store) == before, "neither the appointment nor the new contact was written")

        var rephrased = request
        rephrased.note = "Fièvre depuis hier, souhaite voir le médecin"
        #expect(try f.store.book(rephrased, by: Identity("claire")).appointment.note == rephrased.note)
    }

    @Test func aCancellationReasonGivingAdviceIsRefused() throws {
        let f = try AgendaStoreFixture()
        let booked = try f.book(f.marie, at: "2026-11-24T10:00")
        let before = try allRows(f.store)
        #expect(violation { try f.store.cancel(booked.id, reason: "It's probably nothing, no need to come", by: Identity("claire")) }?
            .rule == .medicalAdvice)
        #expect(try allRows(f.store) == before)
        #expect(try f.store.appointment(id: booked.id).status == .booked)
    }
}
