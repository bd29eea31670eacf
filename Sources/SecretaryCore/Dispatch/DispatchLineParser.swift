import Foundation

/// Reads the dispatch lines of a client file:
///
/// ```
/// recipient: Dr Claire Martin, claire.martin@example.fr, 06 12 34 56 78   (name, then an e-mail address and/or a mobile)
/// route: normal to Secrétariat by email, digest at 12:30, 19:00 on open days
/// route: urgent to on call by sms and email                               (at once by default)
/// on call: mon-fri 08:00-20:00: Dr Claire Martin, then Dr Hugo Martin
/// on call: 2026-12-24 to 2026-12-26: Dr Hugo Martin                       (a dated override)
/// escalate after: 10 min
/// ```
enum DispatchLineParser {
    typealias Field = (key: String, value: String, line: Int)

    static func settings(_ fields: [Field], country: Country) throws -> DispatchSettings {
        var settings = DispatchSettings()
        var recipientLines: [String: Int] = [:]
        for field in fields where field.key == "recipient" {
            let recipient = try recipient(field, country: country)
            if let earlier = recipientLines[recipient.name.lowercased()] {
                throw LineError(line: field.line, field: "recipient", "'\(recipient.name)' given twice (first on line \(earlier))")
            }
            recipientLines[recipient.name.lowercased()] = field.line
            settings.recipients.append(recipient)
        }
        for field in fields where field.key == "route" {
            let route = try route(field)
            for channel in route.channels {
                if case .recipient(let name) = route.target {
                    guard let recipient = settings.recipient(named: name) else {
                        throw LineError(line: field.line, field: "route", "'\(name)' is not a recipient; give a 'recipient: \(name), ...' line")
                    }
                    if recipient.address(for: channel) == nil {
                        throw LineError(line: field.line, field: "route",
                                        "'\(name)' has no \(channel == .email ? "e-mail address" : "mobile number") for \(channel.rawValue)")
                    }
                }
            }
            if case .onCall = route.target, !route.kind.escalates {
                throw LineError(line: field.line, field: "route", "only urgent and emergency messages go to the person on call")
            }
            settings.routes.append(route)
        }
        for field in fields where field.key == "on call" {
            let people: [String]
            if field.value.first?.isNumber == true {
                let override = try override(field)
                settings.rota.overrides.append(override)
                people = override.people
            } else {
                let shift = try shift(field)
                settings.rota.shifts.append(shift)
                people = shift.people
            }
            for name in people where settings.recipient(named: name) == nil {
                throw LineError(line: field.line, field: "on call", "'\(name)' is not a recipient; give a 'recipient: \(name), ...' line")
            }
        }
        if let field = fields.last(where: { $0.key == "escalate after" }) {
            let words = field.value.split(separator: " ")
            guard let minutes = words.first.flatMap({ Int($0) }), (1...240).contains(minutes),
                  words.count == 1 || (words.count == 2 && words[1].hasPrefix("min")) else {
                throw LineError(line: field.line, field: "escalate after", "'\(field.value)' is not a delay like '10 min' (1 to 240)")
            }
            settings.rota.escalateAfterMinutes = minutes
        }
        let routesOnCall = settings.routes.contains { $0.target == .onCall }
        if routesOnCall, settings.rota.isEmpty, let field = fields.first(where: { $0.key == "route" }) {
            throw LineError(line: field.line, field: "route", "routes to 'on call' but no 'on call:' line says who is")
        }
        return settings
    }

    static func recipient(_ field: Field, country: Country) throws -> Recipient {
        let parts = field.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let name = parts.first, !name.isEmpty, name.count <= 80, !name.contains("@") else {
            throw LineError(line: field.line, field: "recipient", "expected 'NAME, E-MAIL, MOBILE' (either of the last two may be left out)")
        }
        var email: String?
        var mobile: PhoneNumber?
        for part in parts.dropFirst() {
            if part.contains("@") {
                guard isMailAddress(part) else {
                    throw LineError(line: field.line, field: "recipient", "'\(part)' is not an e-mail address")
                }
                email = part
            } else {
                do {
                    mobile = try PhoneNumber(part, country: country)
                } catch let error as ValidationError {
                    throw LineError(line: field.line, field: "recipient", value: part, error)
                }
            }
        }
        guard email != nil || mobile != nil else {
            throw LineError(line: field.line, field: "recipient", "'\(name)' needs an e-mail address or a mobile number")
        }
        return Recipient(name: name, email: email, mobile: mobile)
    }

    /// A plain `local@domain.tld`: nothing a mail header could be split on.
    static func isMailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-@")
        return text.allSatisfy { allowed.contains($0) }
    }

    static func route(_ field: Field) throws -> Route {
        let bad = LineError(line: field.line, field: "route",
                            "expected 'KIND to WHO by email|sms[ and ...][, digest at HH:MM, HH:MM [every day|on open days]]', "
                            + "KIND one of " + MessageKind.allCases.map(\.rawValue).joined(separator: ", "))
        let value = field.value
        guard let kind = MessageKind.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
            .first(where: { value.lowercased().hasPrefix($0.rawValue + " to ") }) else { throw bad }
        let afterKind = value.dropFirst(kind.rawValue.count + 4)
        guard let by = afterKind.range(of: " by ") else { throw bad }
        let who = afterKind[..<by.lowerBound].trimmingCharacters(in: .whitespaces)
        guard !who.isEmpty else { throw bad }
        let rest = afterKind[by.upperBound...]
        let channelText = rest.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        var channels: [DeliveryChannel] = []
        for word in channelText.lowercased().replacingOccurrences(of: "+", with: " and ").components(separatedBy: " and ") {
            let name = word.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "e-mail", with: "email")
            guard let channel = DeliveryChannel(rawValue: name) else {
                throw LineError(line: field.line, field: "route", "'\(name)' is not a channel (email, sms)")
            }
            if !channels.contains(channel) { channels.append(channel) }
        }
        let timingText = rest.dropFirst(channelText.count).drop { $0 == "," || $0 == " " }.lowercased()
        var timing = RouteTiming.atOnce
        if timingText.hasPrefix("digest") {
            var times = String(timingText.dropFirst("digest".count)).trimmingCharacters(in: .whitespaces)
            if times.hasPrefix("at ") { times.removeFirst(3) }
            var everyDay = false
            for (suffix, value) in [("every day", true), ("on open days", false)] where times.hasSuffix(suffix) {
                everyDay = value
                times = String(times.dropLast(suffix.count))
            }
            let parsed = try times.split(separator: ",").map { part in
                do { return try TimeOfDay(parsing: String(part)) } catch let error as ValidationError {
                    throw LineError(line: field.line, field: "route", value: String(part), error)
                }
            }
            guard !parsed.isEmpty else { throw bad }
            guard channels == [.email] else {
                throw LineError(line: field.line, field: "route", "a digest is sent by email only")
            }
            timing = .digest(times: parsed.sorted(), everyDay: everyDay)
        } else if !timingText.isEmpty, timingText != "at once" {
            throw bad
        }
        let target: Route.Target = who.lowercased() == "on call" ? .onCall : .recipient(who)
        return Route(kind: kind, target: target, channels: channels, timing: timing)
    }

    static func text(of route: Route) -> String {
        let who: String = switch route.target {
        case .onCall: "on call"
        case .recipient(let name): name
        }
        var text = "\(route.kind.rawValue) to \(who) by " + route.channels.map(\.rawValue).joined(separator: " and ")
        if case .digest(let times, let everyDay) = route.timing {
            text += ", digest at " + times.map(\.description).joined(separator: ", ") + (everyDay ? " every day" : " on open days")
        }
        return text
    }

    /// `mon-fri 08:00-20:00: A, then B`.
    static func shift(_ field: Field) throws -> OnCallRota.Shift {
        let bad = LineError(line: field.line, field: "on call",
                            "expected 'mon-fri 08:00-20:00: NAME, then NAME' or '2026-12-24 to 2026-12-26: NAME'")
        guard let separator = field.value.range(of: ": ") else { throw bad }
        let when = field.value[..<separator.lowerBound].split(separator: " ").map(String.init)
        guard when.count == 2 else { throw bad }
        let dayParts = when[0].split(separator: "-").map(String.init)
        guard let first = dayParts.first.flatMap(Weekday.init(key:)), dayParts.count <= 2,
              let last = dayParts.count == 2 ? Weekday(key: dayParts[1]) : first, first <= last else { throw bad }
        let hours: TimeRange
        do { hours = try TimeRange(parsing: when[1]) } catch let error as ValidationError {
            throw LineError(line: field.line, field: "on call", value: when[1], error)
        }
        return OnCallRota.Shift(firstDay: first, lastDay: last, hours: hours,
                                people: try people(String(field.value[separator.upperBound...]), field: field))
    }

    /// `2026-12-24 to 2026-12-26: A` or `2026-12-25: A`.
    static func override(_ field: Field) throws -> OnCallRota.Override {
        let bad = LineError(line: field.line, field: "on call", "expected '2026-12-24 to 2026-12-26: NAME, then NAME'")
        guard let separator = field.value.range(of: ": ") else { throw bad }
        let dates = field.value[..<separator.lowerBound].components(separatedBy: " to ")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(dates.count) else { throw bad }
        let from: LocalDate, to: LocalDate
        do {
            from = try LocalDate(parsing: dates[0])
            to = try dates.count == 2 ? LocalDate(parsing: dates[1]) : from
        } catch let error as ValidationError {
            throw LineError(line: field.line, field: "on call", value: dates.joined(separator: " to "), error)
        }
        guard from <= to else {
            throw LineError(line: field.line, field: "on call", "'\(from) to \(to)' ends before it starts")
        }
        return OnCallRota.Override(from: from, to: to, people: try people(String(field.value[separator.upperBound...]), field: field))
    }

    static func people(_ text: String, field: Field) throws -> [String] {
        let names = text.components(separatedBy: ", then ").flatMap { $0.components(separatedBy: ", ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }) else {
            throw LineError(line: field.line, field: "on call", "give who is on call, in order: 'NAME, then NAME'")
        }
        return names
    }
}
