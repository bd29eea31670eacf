// A test helper, not shipped: hammers one database from its own process so tests can run
// several writers at once, as several operators' terminals do.
//
//   secretary-stress DB write COUNT TAG     COUNT audited writes, each its own transaction
//   secretary-stress DB book-race ...       race another process for the same slots (BookRace.swift)
//   secretary-stress DB claim COUNT LOGIN   LOGIN answers and finishes COUNT queued calls
//   secretary-stress DB messages COUNT CLIENT  takes COUNT messages for CLIENT (each with its deliveries)
//   secretary-stress DB call-back COUNT LOGIN   LOGIN takes and closes COUNT call-backs
//   secretary-stress DB write-latency SECONDS  times small writes in a loop (WriteLatency.swift)
import Foundation
import SecretaryCore
import SecretaryStore

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: secretary-stress DB write COUNT TAG\n".utf8))
    exit(2)
}
do {
    let store = try Store(path: arguments[1])
    switch arguments[2] {
    case "write":
        let count = Int(arguments[3]) ?? 100
        let tag = arguments.count > 4 ? arguments[4] : "stress"
        for index in 0..<count {
            try store.recordView(by: .systemActor(tag, may: [.operate]), objectType: "stress", objectID: "\(index)")
        }
        print("ok \(count)")
    case "book-race":
        try bookRace(store: store, Array(arguments.dropFirst(3)))
    case "messages":
        let count = Int(arguments[3]) ?? 100
        let client = try ClientID(arguments.count > 4 ? arguments[4] : "dr-martin")
        for index in 0..<count {
            try store.addMessage(MessageDraft(clientID: client, callerName: "Appelant \(index)",
                                              callbackNumber: try PhoneNumber("06 11 22 33 44"), text: "Message \(index)"),
                                 by: Identity("claire"))
        }
        print("ok \(count)")
    case "call-back":
        try takeCallbacks(store: store, count: Int(arguments[3]) ?? 100, login: arguments.count > 4 ? arguments[4] : "claire")
    case "write-latency":
        try writeLatency(store: store, Array(arguments.dropFirst(3)))
    case "claim":
        try claimCalls(store: store, count: Int(arguments[3]) ?? 100, login: arguments.count > 4 ? arguments[4] : "claire")
    default:
        FileHandle.standardError.write(Data("unknown action \(arguments[2])\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("secretary-stress: \(error)\n".utf8))
    exit(1)
}
