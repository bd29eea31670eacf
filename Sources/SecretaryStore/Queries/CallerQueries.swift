import Foundation
import GRDB
import SecretaryCore

// Who is calling. The PBX gives a number; the store names the caller when exactly one of the
// client's contacts has it (see `callIn`). The operator may then say who it really is: a
// shared landline, a withheld number, a relative calling from their own phone.

extension Store {
    /// Records that `contactID` is the caller on `callID`. Only the operator handling the call
    /// may, while it is with them; the contact must be one of the call's client's.
    @discardableResult
    public func identifyCaller(callID: Int64, contactID: Int64, operator login: String) throws -> Call {
        try write(by: Identity(login)) { db, trail in
            let person = try Store.operatorRecord(login: login, in: db)
            let call = try Store.call(callID, in: db)
            guard call.operatorID == person.id, call.status.isWithOperator else {
                throw RuleViolation(.forbidden, "call \(callID) is not \(login)'s call in progress")
            }
            guard let client = try String.fetchOne(db, sql: "SELECT client_id FROM contact WHERE id = ?", arguments: [contactID]) else {
                throw StoreError("unknown contact \(contactID)")
            }
            guard client == call.clientID.rawValue else {
                throw RuleViolation(.forbidden, "contact \(contactID) is not a contact of \(call.clientID)")
            }
            try db.execute(sql: "UPDATE call SET contact_id = ? WHERE id = ?", arguments: [contactID, callID])
            trail.record("identify-caller", "call", "\(callID)",
                         "contact \(call.contactID.map(String.init) ?? "none") → \(contactID)")
            var updated = call
            updated.contactID = contactID
            return updated
        }
    }
}
