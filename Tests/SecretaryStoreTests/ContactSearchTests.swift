import Foundation
import GRDB
import Testing
@testable import SecretaryCore
@testable import SecretaryStore

/// The name index holds each word under its client (`dr-test_lefevre`): these check that it
/// follows every change to the contacts, and never mixes two clients.
@Suite("Name search within a client")
struct ContactSearchTests {
    func store(with names: [(String, String)], client id: String = "dr-test") throws -> (Store, Client) {
        let store = try Store(path: temporaryDatabase())
        let client = try sampleClient(id)
        try store.addClient(client, agendas: ["Dr Test"], types: [], by: .system)
        for (index, (last, first)) in names.enumerated() {
            try store.addContact(Contact(clientID: client.id, lastName: last, firstName: first,
                                         phones: [PhoneNumber("07 00 00 00 \(10 + index)")]), by: .system)
        }
        return (store, client)
    }

    /// Rowids the index itself holds for a raw FTS query, stale entries included.
    func indexed(_ store: Store, _ match: String) throws -> [Int64] {
        try store.read { try Int64.fetchAll($0, sql: "SELECT rowid FROM contact_search WHERE contact_search MATCH ?", arguments: [match]) }
    }

    @Test func everyWordOfCompoundNamesIsFound() throws {
        let (store, client) = try store(with: [("D'Angelo", "Marie-Claire"), ("Van den Berghe", "Anne-Sophie"), ("Müller", "Noël")])
        for (query, expected) in [("angelo", "Marie-Claire D'Angelo"), ("d ang", "Marie-Claire D'Angelo"),
                                  ("claire", "Marie-Claire D'Angelo"), ("berghe", "Anne-Sophie Van den Berghe"),
                                  ("den soph", "Anne-Sophie Van den Berghe"), ("MULL noel", "Noël Müller")] {
            #expect(try store.searchContacts(name: query, client: client.id).map(\.displayName) == [expected], "\(query)")
        }
    }

    /// `ma` at full scale matches hundreds of names: past the ceiling the search shows fifty
    /// of them, still in name order, rather than sorting them all; below it, the first fifty.
    @Test func manyMatchesShowFiftyInNameOrder() throws {
        let firsts = ["Anne", "Bruno", "Claire", "Denis", "Élodie", "Fabrice", "Gisèle", "Hugo", "Inès", "Jules"]
        let lasts = ["Marchand", "Masson", "Mallet", "Maillard", "Marty", "Mathieu", "Maury", "Mauger", "Maréchal", "Martel",
                     "Marion", "Massé", "Mazet", "Manceau", "Marais", "Mabille", "Macé", "Madec", "Magnin", "Maignan",
                     "Maillot", "Malet", "Manon", "Marc"]
        let (store, client) = try store(with: [])
        var everyone: [Contact] = []
        for (index, (last, first)) in lasts.flatMap({ last in firsts.map { (last, $0) } }).enumerated() {
            everyone.append(try store.addContact(Contact(clientID: client.id, lastName: last, firstName: first, phones: [
                PhoneNumber(String(format: "07 00 01 %02d %02d", index / 100, index % 100))]), by: .system))
        }
        #expect(everyone.count > Store.sortedSearchCeiling)
        let byName = { (a: Contact, b: Contact) in (a.lastName, a.firstName, a.id) < (b.lastName, b.firstName, b.id) }

        let many = try store.searchContacts(name: "ma", client: client.id, limit: 50)
        #expect(many.count == 50)
        #expect(Set(many.map(\.id)).count == 50)
        #expect(many.map(\.id) == many.sorted(by: byName).map(\.id), "in name order")

        let mar = everyone.filter { SearchText.fold($0.lastName).hasPrefix("mar") }.sorted(by: byName)
        #expect(mar.count == 70)
        #expect(try store.searchContacts(name: "mar", client: client.id, limit: 50).map(\.id) == mar.prefix(50).map(\.id),
                "the first fifty by name")
    }

    @Test func renamedAndDeletedContactsLeaveTheIndex() throws {
        let (store, client) = try store(with: [("Dupont", "Marie")])
        let id = try #require(store.searchContacts(name: "dupont", client: client.id).first?.id)
        try store.write(by: .system) { db, trail in
            try db.execute(sql: "UPDATE contact SET last_name = 'Durand' WHERE id = ?", arguments: [id])
            trail.record("update", "contact", "\(id)")
        }
        #expect(try indexed(store, "\"dr-test_dupont\"").isEmpty)
        #expect(try store.searchContacts(name: "dura mar", client: client.id).map(\.id) == [id])
        try store.write(by: .system) { db, trail in
            try db.execute(sql: "DELETE FROM contact WHERE id = ?", arguments: [id])
            trail.record("delete", "contact", "\(id)")
        }
        #expect(try indexed(store, "\"dr-test_durand\"").isEmpty)
        #expect(try indexed(store, "\"dr-test_marie\"").isEmpty)
    }

    @Test func aClientWhoseIDExtendsAnothersIsKeptApart() throws {
        let (store, client) = try store(with: [("Lefèvre", "Marie")])
        let other = try sampleClient("dr-test-2", line: "01 40 00 00 02")
        try store.addClient(other, agendas: ["Dr Other"], types: [], by: .system)
        try store.addContact(Contact(clientID: other.id, lastName: "Lefebvre", firstName: "Jean",
                                     phones: [PhoneNumber("07 00 00 00 99")]), by: .system)
        #expect(try store.searchContacts(name: "lef", client: client.id).map(\.displayName) == ["Marie Lefèvre"])
        #expect(try store.searchContacts(name: "lef", client: other.id).map(\.displayName) == ["Jean Lefebvre"])
        #expect(try indexed(store, "\"dr-test_lef\"*").count == 1)
    }

    @Test func aDatabaseWithTheSharedIndexIsReindexedByClient() throws {
        let path = emptyDatabase()
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v2-contact-search")
            try queue.write { db in
                try Store.insert(sampleClient(), agendas: ["Dr Test"], types: [], at: Date(), in: db)
                _ = try Store.insert(Contact(clientID: ClientID("dr-test"), lastName: "Lefèvre", firstName: "Anaïs",
                                             phones: [PhoneNumber("06 11 22 33 44")]), at: Date(), in: db)
            }
        }
        let store = try Store(path: path)
        #expect(try store.searchContacts(name: "ana lef", client: ClientID("dr-test")).map(\.displayName) == ["Anaïs Lefèvre"])
        #expect(try indexed(store, "\"dr-test_lefevre\"").count == 1)
    }

    @Test func aContactWithSeveralNumbersComesOnceWithAllOfThem() throws {
        let (store, client) = try store(with: [("Martin", "Anne")])
        let numbers = try ["07 00 00 00 02", "01 40 00 00 09", "06 00 00 00 01"].map { try PhoneNumber($0) }
        let added = try store.addContact(Contact(clientID: client.id, lastName: "Martin", firstName: "Zoé", phones: numbers), by: .system)
        let found = try store.searchContacts(name: "mart", client: client.id)
        #expect(found.map(\.displayName) == ["Anne Martin", "Zoé Martin"])
        #expect(found[1].phones == numbers.sorted())
        for number in numbers {
            #expect(try store.contacts(phone: number, client: client.id).map(\.id) == [added.id])
            #expect(try store.contacts(phone: number, client: client.id).first?.phones == numbers.sorted())
        }
        #expect(try store.contact(id: added.id)?.phones == numbers.sorted())
    }

    @Test func resultsAreSortedByNameAndLimited() throws {
        let (store, client) = try store(with: [("Martin", "Zoé"), ("Marchand", "Léa"), ("Martin", "Anne"), ("Masson", "Paul")])
        #expect(try store.searchContacts(name: "mar", client: client.id).map(\.displayName)
            == ["Léa Marchand", "Anne Martin", "Zoé Martin"])
        #expect(try store.searchContacts(name: "ma", client: client.id, limit: 2).map(\.displayName) == ["Léa Marchand", "Anne Martin"])
    }
}
