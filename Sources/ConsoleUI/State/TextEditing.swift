import Foundation

// Every text field of the console edits as readline does: ←/→, Home/End, Backspace, Delete,
// Ctrl-W (the word before the cursor), Ctrl-U (the whole field). Only one field takes keys at
// a time, so the console keeps one caret, counted in characters from the END of that field:
// typing at the end needs no bookkeeping, and a field left with Tab, Enter or Esc starts
// again at its end.

/// Applies an editing key to `text` at `caret` (characters from the end); false when the key
/// is not an edit (the caller then gives it its own meaning).
func edit(_ text: inout String, _ key: Key, caret: inout Int) -> Bool {
    var characters = Array(text)
    caret = max(0, min(caret, characters.count))
    let at = characters.count - caret
    switch Keymap.action(for: key, scope: .textField) {
    case .caretLeft?: caret = min(characters.count, caret + 1)
    case .caretRight?: caret = max(0, caret - 1)
    case .caretStart?: caret = characters.count
    case .caretEnd?: caret = 0
    case .deleteBackward?:
        if at > 0 { characters.remove(at: at - 1) }
    case .deleteForward?:
        if at < characters.count {
            characters.remove(at: at)
            caret -= 1
        }
    case .deleteWord?:
        // As readline's Ctrl-W: the spaces before the cursor, then the word before them.
        var start = at
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<at)
    case .clearField?:
        characters = []
        caret = 0
    case .some:
        return false
    case nil:
        guard case .character(let c) = key else { return false }
        characters.insert(c, at: at)
    }
    text = String(characters)
    return true
}

/// True when `key` is typed into a field or edits it (the caret then stays where it is).
func isEditingKey(_ key: Key) -> Bool {
    if case .character = key { return true }
    switch Keymap.action(for: key, scope: .textField) {
    case .caretLeft?, .caretRight?, .caretStart?, .caretEnd?, .deleteBackward?, .deleteForward?, .deleteWord?, .clearField?:
        return true
    default:
        return false
    }
}

extension AppState {
    /// `text` with the caret drawn where it is (`▏`), for a field being typed.
    func withCaret(_ text: String) -> String {
        var characters = Array(text)
        characters.insert("▏", at: characters.count - max(0, min(caret, characters.count)))
        return String(characters)
    }
}
