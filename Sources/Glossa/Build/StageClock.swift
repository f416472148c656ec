import Foundation

/// Times the pipeline's stages for the summary line, `--json` and benchmarks.
struct StageClock {
    private let start = DispatchTime.now()
    private var lapStart = DispatchTime.now()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - lapStart.uptimeNanoseconds) / 1e9))
        lapStart = now
    }

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
}
