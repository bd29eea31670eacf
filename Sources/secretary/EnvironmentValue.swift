import Glibc

/// One environment variable, nil when unset or empty (empty counts as unset everywhere here).
/// Read with getenv: `ProcessInfo.environment` copies every variable into a dictionary at
/// each use, a measurable part of a one-shot command's start (issue 20).
func environmentValue(_ name: String) -> String? {
    guard let raw = getenv(name) else { return nil }
    let value = String(cString: raw)
    return value.isEmpty ? nil : value
}
