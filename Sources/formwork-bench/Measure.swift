import Foundation

/// Small timing helpers shared by the suites.
enum Measure {
    /// Monotonic now in nanoseconds.
    static func nanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `body` `runs` times and returns the median duration in nanoseconds.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var samples: [UInt64] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = nanos()
            try body()
            samples.append(nanos() - start)
        }
        samples.sort()
        return Double(samples[samples.count / 2])
    }

    /// Prints one result line.
    static func report(_ name: String, _ value: Double, _ unit: String) {
        print("\(name) \(String(format: "%.3f", value)) \(unit)")
    }
}
