import Benchmark
import Foundation
import SecretaryCore

// The advice guard and emergency triage run on the typed text at each keystroke (the
// console highlights advice as it is typed): a check must stay far below a frame.
// Target (p99): a 200-character message checked in < 0.5 ms; the rules parsed once, lazily,
// in < 20 ms.
func guardBenchmarks() {
    let message = "Mme Lefèvre a appelé pour son fils de 6 ans : fièvre à 39 depuis hier soir, tousse la nuit, "
        + "a pris du Doliprane ce matin. Souhaite un rendez-vous demain matin, rappeler au 06 12 34 56 78 après 18h."
    let rules = ShippedRules.advice

    Benchmark("Advice guard: check a 200-character message") { benchmark in
        benchmark.startMeasurement()
        blackHole(AdviceGuard.check(message, rules: rules))
        benchmark.stopMeasurement()
    }

    // What the console pays while the operator types: each keystroke checks the text so far.
    let prefixes = (1...message.count).map { String(message.prefix($0)) }
    var next = 0
    Benchmark("Advice guard: check the text typed so far (one keystroke)") { benchmark in
        let text = prefixes[next % prefixes.count]
        next += 1
        benchmark.startMeasurement()
        blackHole(AdviceGuard.check(text, rules: rules))
        benchmark.stopMeasurement()
    }

    Benchmark("Emergency triage: assess a 200-character message") { benchmark in
        benchmark.startMeasurement()
        blackHole(EmergencyTriage.assess(message, country: .fr))
        benchmark.stopMeasurement()
    }

    Benchmark("Advice rules: parse the shipped files (once per process)",
              configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, maxIterations: 200)) { benchmark in
        benchmark.startMeasurement()
        blackHole(ShippedRules.parseAdvice())
        benchmark.stopMeasurement()
    }
}
