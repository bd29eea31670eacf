import SecretaryCore

/// A message's deliveries as the screens word them, in the interface's language (the command
/// line keeps the stored words, which scripts read).
enum DeliveryWords {
    static func channel(_ channel: DeliveryChannel, _ language: Language) -> String {
        switch channel {
        case .email: Text.deliveryEmail(language)
        case .sms: Text.deliverySMS(language)
        }
    }

    static func status(_ status: DeliveryStatus, _ language: Language) -> String {
        switch status {
        case .queued: Text.deliveryQueued(language)
        case .sending: Text.deliverySending(language)
        case .sent: Text.deliverySent(language)
        case .failed: Text.deliveryFailed(language)
        case .cancelled: Text.deliveryCancelled(language)
        }
    }

    /// `email sent`, `e-mail envoyé`.
    static func summary(_ delivery: Delivery, _ language: Language) -> String {
        channel(delivery.channel, language) + " " + status(delivery.status, language)
    }

    /// A message's deliveries on one line, each different summary once; `-` when none.
    static func overview(_ deliveries: [Delivery], _ language: Language) -> String {
        var seen: [String] = []
        for summary in deliveries.map({ summary($0, language) }) where !seen.contains(summary) { seen.append(summary) }
        return seen.isEmpty ? "-" : seen.joined(separator: ", ")
    }
}
