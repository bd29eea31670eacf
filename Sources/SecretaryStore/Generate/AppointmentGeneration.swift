import Foundation
import GRDB
import SecretaryCore

/// Two years of appointments (a year back, a year ahead) in every agenda, inside the
/// client's open hours, never overlapping within an agenda, with the client's own types.
extension ScaleGenerator {
    private static let notes = ["", "Rappeler la veille", "Première venue", "Apporter les examens", "Patient en fauteuil"]

    /// An appointment planned in memory: all are planned first, then written in order of
    /// booking, so that ids follow creation as in a real file (a week's rows are scattered).
    struct PlannedAppointment {
        var clientIndex: Int32
        var agendaID: Int64
        var contactID: Int64
        var typeID: Int64
        var start: Int64
        var end: Int64
        var created: Int64
        var status: AppointmentStatus
        var note: Int8
        var createdBy: Int32
    }

    mutating func writeAppointments() throws {
        guard size.appointments > 0 else { return }
        // Each agenda's share follows its open time.
        let capacity = agendas.map { agenda in
            Double(openDays.days(of: clients[agenda.client]).reduce(0) { $0 + $1.openMinutes })
        }
        let quotas = apportion(size.appointments, weights: capacity)
        var planned: [PlannedAppointment] = []
        planned.reserveCapacity(size.appointments)
        var carry = 0
        for (index, quota) in quotas.enumerated() {
            let wanted = quota + carry
            carry = wanted - plan(agendaIndex: index, count: wanted, into: &planned)
        }
        // The capacity check leaves room for a third more: nothing is left over in practice.
        guard carry == 0 else {
            throw StoreError("internal error: \(carry) appointments did not fit in the open hours")
        }
        planned.sort { ($0.created, $0.start) < ($1.created, $1.start) }
        // Rows go in by booking date, so the agenda's wide index would take them in random
        // order (20 s at full scale): it is built once, after them, in a second or two.
        try store.write(by: ScaleGenerator.actor) { db, trail in
            try db.execute(sql: "DROP INDEX appointment_agenda")
            trail.record("generate", "index", "appointment_agenda", "dropped for the bulk load")
        }
        try batched("appointments", object: "appointment", count: planned.count) { generator, db, index in
            try generator.write(planned[index], in: db)
        }
        try store.write(by: ScaleGenerator.actor) { db, trail in
            try db.execute(sql: Schema.appointmentAgendaIndex)
            trail.record("generate", "index", "appointment_agenda", "built again")
        }
        summary.appointments = size.appointments
    }

    /// Spreads `count` appointments over the agenda's open days, in proportion to each day's
    /// open time; what does not fit one day is carried to the next. Returns how many fit.
    private mutating func plan(agendaIndex: Int, count: Int, into planned: inout [PlannedAppointment]) -> Int {
        let agenda = agendas[agendaIndex]
        let clientIndex = agenda.client
        let days = openDays.days(of: clients[clientIndex])
        let kinds = types[clientIndex]
        let meanMinutes = Double(kinds.map(\.minutes).reduce(0, +)) / Double(kinds.count)
        let perDay = apportion(count, weights: days.map { Double($0.openMinutes) })
        var carry = 0
        var placedInAll = 0
        for (day, quota) in zip(days, perDay) where quota + carry > 0 {
            let wanted = quota + carry
            var placed = 0
            var minutesLeft = day.openMinutes
            for range in day.ranges where placed < wanted {
                var cursor = 0
                minutesLeft -= range.minutes
                while placed < wanted {
                    let kind = kinds[Int.random(in: 0..<kinds.count, using: &random)]
                    // Leave gaps in proportion to the free time the rest of the day can spare.
                    let free = Double(range.minutes - cursor + minutesLeft) - Double(wanted - placed) * meanMinutes
                    let gapSlots = free > 0 ? Int.random(in: 0...Int(2 * free / Double(wanted - placed + 1) / 5), using: &random) : 0
                    var start = cursor + gapSlots * 5
                    if start + kind.minutes > range.minutes { start = cursor }
                    guard start + kind.minutes <= range.minutes else { break }
                    planned.append(appointment(clientIndex: clientIndex, agendaID: agenda.id, typeID: kind.id,
                                               start: range.start + Int64(start * 60), minutes: kind.minutes))
                    cursor = start + kind.minutes
                    placed += 1
                }
            }
            carry = wanted - placed
            placedInAll += placed
        }
        return placedInAll
    }

    private mutating func appointment(clientIndex: Int, agendaID: Int64, typeID: Int64, start: Int64,
                                      minutes: Int) -> PlannedAppointment {
        let end = start + Int64(minutes * 60)
        let cancelled = random.chance(0.04)
        let noShow = !cancelled && end < now && random.chance(0.03)
        return PlannedAppointment(
            clientIndex: Int32(clientIndex), agendaID: agendaID, contactID: randomContact(of: clientIndex),
            typeID: typeID, start: start, end: end,
            created: min(now, start - Int64.random(in: 3600...(60 * 86400), using: &random)),
            status: cancelled ? .cancelled : noShow ? .noShow : .booked,
            note: random.chance(0.1) ? Int8.random(in: 1..<Int8(ScaleGenerator.notes.count), using: &random) : 0,
            createdBy: Int32.random(in: 0..<Int32(operatorLogins.count), using: &random))
    }

    private func write(_ planned: PlannedAppointment, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO appointment (client_id, agenda_id, contact_id, type_id, start_at, end_at, status, note,
                                     cancel_reason, created_at, created_by, contact_name)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, \(Schema.contactDisplayName("contact"))
            FROM contact WHERE contact.id = ?3
            """)
        try statement.execute(arguments: [
            clients[Int(planned.clientIndex)].client.id.rawValue, planned.agendaID, planned.contactID, planned.typeID,
            planned.start, planned.end, planned.status.rawValue, ScaleGenerator.notes[Int(planned.note)],
            planned.status == .cancelled ? "Empêchement du patient" : nil, planned.created,
            operatorLogins[Int(planned.createdBy)],
        ])
        // The name comes from the contact row: none, none inserted.
        guard db.changesCount == 1 else { throw StoreError("generate: contact \(planned.contactID) is missing") }
    }
}
