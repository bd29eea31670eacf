import Foundation

/// Moves this benchmark process, every thread of it, onto one core at a real-time priority
/// when `SECRETARY_BENCH_PIN` names that core (what `Benchmarks/run` does as root): the
/// scheduler then neither preempts nor migrates the measuring thread. Only this process:
/// SwiftPM, which starts it, must stay an ordinary process, since at real-time priority on
/// one core its own threads starve each other and it never finishes.
enum Pinning {
    static func applyIfAsked() {
        guard let core = ProcessInfo.processInfo.environment["SECRETARY_BENCH_PIN"], !core.isEmpty else { return }
        let pid = "\(getpid())"
        for (tool, arguments) in [("/usr/bin/taskset", ["-a", "-p", "-c", core, pid]),
                                  ("/usr/bin/chrt", ["-a", "-f", "-p", "10", pid])] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            let ran = (try? process.run()).map { process.waitUntilExit() } != nil
            if !ran || process.terminationStatus != 0 {
                FileHandle.standardError.write(Data("benchmarks: \(tool) \(arguments.joined(separator: " ")) failed: the figures will be noisier\n".utf8))
            }
        }
    }
}
