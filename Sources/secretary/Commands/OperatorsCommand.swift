import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct OperatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operators", abstract: "List the service's accounts, add one, change a password, disable or enable one.",
        subcommands: [List.self, Add.self, Passwd.self, Disable.self, Enable.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        struct Row: Encodable { let login, name, role, status: String }

        func run() throws {
            let (store, _) = try global.signedIn("operators list", .readOnly)
            let accounts = try store.accounts()
            let rows = accounts.map { account -> Row in
                let status = account.disabled ? "disabled"
                    : account.lockedUntil != nil ? "locked" : account.hasPassword ? "active" : "no password"
                return Row(login: account.person.login, name: account.person.displayName,
                           role: account.person.role.rawValue, status: status)
            }
            if json { return try printJSON(rows) }
            if rows.isEmpty { return print("No operators.") }
            printTable([["LOGIN", "NAME", "ROLE", "STATUS"]] + rows.map { [$0.login, $0.name, $0.role, $0.status] })
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account (administrators); its initial password is asked twice, or read with --password-stdin.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login name (lowercase, like claire or j.morel).") var login: String
        @Option(help: "The name shown on screen.") var name: String
        @Option(help: "operator, supervisor or admin.") var role: String
        @Flag(help: "Read the new account's password from standard input (its first line).") var passwordStdin = false

        func run() throws {
            let new = try Operator(login: login, displayName: name, role: Role(parsing: role))
            let (store, me) = try global.signedIn("operators add")
            // Refused before a password is asked when the acting person may not add accounts.
            try store.require(.administer, by: me.identity, for: "adding an account")
            if (try? store.operator(login: login)) != nil { throw StoreError("operator '\(login)' already exists") }
            let password = passwordStdin ? try Credentials.passwordFromStandardInput() : try Credentials.newPassword(for: login)
            try store.addOperator(new, password: password, by: me.identity)
            print("Added \(new.role.rawValue) \(new.login) (\(new.displayName)).")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Change your own password (your current one is asked), or, as an administrator, reset another's.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Whose password (default: yours).") var login: String?
        @Flag(help: "Read the new password from standard input (its first line).") var passwordStdin = false

        func run() throws {
            let (store, me) = try global.signedIn("operators passwd")
            let target = login ?? me.person.login
            if target != me.person.login {
                try store.require(.administer, by: me.identity, for: "resetting another's password")
            }
            let password = passwordStdin ? try Credentials.passwordFromStandardInput() : try Credentials.newPassword(for: target)
            try store.setPassword(of: target, to: password, by: me.identity)
            print("Password changed for \(target).")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: "Disable an account (administrators): it can no longer sign in, and its sessions end.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String

        func run() throws {
            let (store, me) = try global.signedIn("operators disable")
            try store.setDisabled(login, true, by: me.identity)
            print("Disabled \(login).")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable",
            abstract: "Enable an account again (administrators); this also lifts a lock after failed sign-ins.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String

        func run() throws {
            let (store, me) = try global.signedIn("operators enable")
            try store.setDisabled(login, false, by: me.identity)
            print("Enabled \(login).")
        }
    }
}
