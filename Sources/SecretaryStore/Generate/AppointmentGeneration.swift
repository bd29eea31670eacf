import Foundation
import GRDB
import SecretaryCore

/// Two years of appointments (a year back, a year ahead) in every agenda, inside the
/// client's open hours, never overlapping within an agenda, with the client's own types.
extension ScaleGenerator {
    private static let notes = ["Rappeler la veille", "Première venue", "Apporter les examens", "Patient en fauteuil"]

    mutating func writeAppointments() throws {
        guard size.appointments > 0 else { return }
        // Each agenda's share follows its open time.
        let capacity = agendas.map { agenda in
            Double(openDays.days(of: clients[agenda.client]).reduce(0) { $0 + $1.openMinutes })
        }
        let quotas = apportion(size.appointments, weights: capacity)
        var carry = 0
        try batched("appointments", object: "appointment", units: agendas.count, total: size.appointments) { generator, db, index in
            let wanted = quotas[index] + carry
            let written = try generator.writeAppointments(agendaIndex: index, count: wanted, in: db)
            carry = wanted - written
            return written
        }
        // The capacity check leaves room for a third more: nothing is left over in practice.
        guard carry == 0 else {
            throw StoreError("internal error: \(carry) appointments did not fit in the open hours")
        }
        summary.appointments = size.appointments
    }

    /// Spreads `count` appointments over the agenda's open days, in proportion to each day's
    /// open time; what does not fit one day is carried to the next. Returns how many fit.
    private mutating func writeAppointments(agendaIndex: Int, count: Int, in db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO appointment (client_id, agenda_id, contact_id, type_id, start_at, end_at, status, note,
                                     cancel_reason, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let agenda = agendas[agendaIndex]
        let clientIndex = agenda.client
        let clientID = clients[clientIndex].client.id.rawValue
        let days = openDays.days(of: clients[clientIndex])
        let kinds = types[clientIndex]
        let meanMinutes = Double(kinds.map(\.minutes).reduce(0, +)) / Double(kinds.count)
        let perDay = apportion(count, weights: days.map { Double($0.openMinutes) })
        var carry = 0
        var written = 0
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
                    try writeAppointment(statement, clientIndex: clientIndex, clientID: clientID, agendaID: agenda.id,
                                         typeID: kind.id, start: range.start + Int64(start * 60),
                                         minutes: kind.minutes)
                    cursor = start + kind.minutes
                    placed += 1
                }
            }
            carry = wanted - placed
            written += placed
        }
        return written
    }

    private mutating func writeAppointment(_ statement: Statement, clientIndex: Int, clientID: String, agendaID: Int64,
                                           typeID: Int64, start: Int64, minutes: Int) throws {
        let end = start + Int64(minutes * 60)
        let cancelled = random.chance(0.04)
        let noShow = !cancelled && end < now && random.chance(0.03)
        let status: AppointmentStatus = cancelled ? .cancelled : noShow ? .noShow : .booked
        let created = min(now, start - Int64.random(in: 3600...(60 * 86400), using: &random))
        let note = random.chance(0.1) ? ScaleGenerator.notes.randomElement(using: &random)! : ""
        try statement.execute(arguments: [
            clientID, agendaID, randomContact(of: clientIndex), typeID, start, end, status.rawValue, note,
            cancelled ? "Empêchement du patient" : nil, created,
            operatorLogins[Int.random(in: 0..<operatorLogins.count, using: &random)],
        ])
    }
}
