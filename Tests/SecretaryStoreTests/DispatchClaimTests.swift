import Foundation
import Testing
@testable import SecretaryCore
@testable import SecretaryStore

/// A dead worker's claims are put back once: never a claim another worker has made since.
@Suite("Dispatch claims")
struct DispatchClaimTests {
    @Test func releasingADeadWorkersClaimNeverReleasesTheLiveClaimMadeSince() throws {
        let clock = ManualClock(instant("2026-11-23T10:00"))
        let path = emptyDatabase()
        let store = try Store(path: path, clock: clock)
        try store.seedDemo()
        let other = try Store(path: path, clock: clock)
        let message = try store.addMessage(MessageDraft(clientID: ClientID("dr-martin"), callerName: "Yves Blanc",
                                                        callbackNumber: PhoneNumber("06 11 22 33 44"), text: "Rappeler"),
                                           by: Identity("claire"))
        // Only this message's e-mail is due: the demo's other deliveries are sent first.
        while let job = try store.claimDelivery(worker: "host:dead", channels: [.email]), job.first.messageID != message.id {
            try store.recordDelivery(job, outcome: .sent("250 OK"), worker: "host:dead")
        }
        let claimed = try #require(try store.deliveries(message: message.id).first { $0.status == .sending })
        // While this worker looks at the claims, another releases the dead worker's and claims it again.
        var first = true
        let released = try store.releaseAbandonedClaims(isAlive: { worker in
            if first {
                first = false
                _ = try? other.releaseAbandonedClaims(isAlive: { $0 != "host:dead" })
                _ = try? other.claimDelivery(worker: "host:live", channels: [.email])
            }
            return worker != "host:dead"
        })
        #expect(released == 0, "the claim is the live worker's now")
        let delivery = try #require(try store.deliveries(message: message.id).first { $0.id == claimed.id })
        #expect(delivery.status == .sending, "still claimed by the live worker, not queued to be sent a third time")
        let interrupted = try store.deliveryAttempts(delivery: claimed.id).filter { $0.outcome == "interrupted" }
        #expect(interrupted.count == 1, "put back once")
    }
}
