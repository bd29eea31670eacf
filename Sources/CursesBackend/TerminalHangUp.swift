import Foundation

extension CursesTerminal {
    /// True once the terminal is gone (its window closed, the connection dropped) even if
    /// SIGHUP never arrived (a parent may have blocked it): reads then fail at once instead
    /// of waiting, and a loop that kept reading would spin on a core.
    public static var inputHungUp: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }
}
