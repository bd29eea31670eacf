import Foundation

/// An e-mail as the bytes `sendmail -t` reads: headers (UTF-8 ones as RFC 2047 encoded
/// words), a quoted-printable UTF-8 body, CRLF line ends.
public struct MailText: Sendable {
    public let from: String
    public let toName: String
    public let toAddress: String
    public let subject: String
    public let date: Date
    /// Without the angle brackets: `delivery-12.message-7@example.fr`.
    public let messageID: String
    public let body: String

    public init(from: String, toName: String, toAddress: String, subject: String, date: Date, messageID: String, body: String) {
        self.from = from
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.body = body
    }

    public var text: String {
        let headers = [
            "From: " + MailText.mailbox(from),
            "To: " + MailText.encodedWords(toName) + " <" + toAddress + ">",
            "Subject: " + MailText.encodedWords(subject),
            "Date: " + MailText.rfc5322(date),
            "Message-ID: <" + messageID + ">",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + MailText.quotedPrintable(body)
    }

    /// `Name <address>` with the name encoded when it is not plain ASCII; a bare address as is.
    static func mailbox(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<") else { return text }
        let name = text[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return (name.isEmpty ? "" : encodedWords(name) + " ") + String(text[open...])
    }

    /// A header value as is when plain ASCII, otherwise as `=?UTF-8?B?...?=` words of at most
    /// 36 bytes each (a word never splits a character), folded one word a line, so each line
    /// stays within 76 characters.
    static func encodedWords(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        if flat.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && flat.count < 70 { return flat }
        var words: [String] = []
        var chunk = ""
        for character in flat {
            if chunk.utf8.count + String(character).utf8.count > 36 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// Quoted-printable (RFC 2045): lines of at most 76 characters, soft breaks with `=`.
    static func quotedPrintable(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line -> String in
            let bytes = Array(line.utf8)
            var out = ""
            var width = 0
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let plain = (byte >= 33 && byte <= 126 && byte != 61) || (byte == 32 && !last)
                let piece = plain ? String(UnicodeScalar(byte)) : "=" + hex(byte)
                if width + piece.count > 75 {
                    out += "=\r\n"
                    width = 0
                }
                out += piece
                width += piece.count
            }
            return out
        }.joined(separator: "\r\n") + "\r\n"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// `Mon, 23 Nov 2026 10:05:00 +0100`, in Paris time.
    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}

/// The words of a message's e-mail, in French (the clients are French and Belgian).
public enum MessageMail {
    /// One message: the client, the caller's details, the message, its urgency, who took it and when.
    public static func subject(message: Message, clientName: String) -> String {
        (message.isUrgent ? "[URGENT] " : "") + "Message de \(flat(message.callerName)) pour \(flat(clientName))"
    }

    public static func body(message: Message, clientName: String, takenBy: String, calendar: LocalCalendar) -> String {
        var lines = ["Client : \(flat(clientName))",
                     "Message n° \(message.id)" + (message.isUrgent ? " (URGENT)" : ""),
                     "Appelant : \(flat(message.callerName))"]
        if let number = message.callbackNumber { lines.append("À rappeler : \(number.national) (\(number.e164))") }
        if !message.reason.isEmpty { lines.append("Motif : \(flat(message.reason))") }
        if !message.tags.isEmpty { lines.append("Étiquettes : " + message.tags.joined(separator: ", ")) }
        lines += ["", message.text, "", "Pris par \(takenBy) le \(calendar.localDateTime(of: message.createdAt).description.replacingOccurrences(of: "T", with: " à "))."]
        return lines.joined(separator: "\n")
    }

    /// A digest: the period's messages in the order they were taken.
    public static func digestSubject(count: Int, clientName: String) -> String {
        "\(count) message\(count == 1 ? "" : "s") pour \(flat(clientName))"
    }

    public static func digestBody(messages: [(message: Message, takenBy: String)], clientName: String,
                                  calendar: LocalCalendar) -> String {
        var parts = ["\(messages.count) message\(messages.count == 1 ? "" : "s") pour \(flat(clientName)), dans l'ordre où ils ont été pris.", ""]
        for (index, entry) in messages.enumerated() {
            parts.append("--- \(index + 1) / \(messages.count) ---")
            parts.append(body(message: entry.message, clientName: clientName, takenBy: entry.takenBy, calendar: calendar))
            parts.append("")
        }
        return parts.joined(separator: "\n")
    }

    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }
}
