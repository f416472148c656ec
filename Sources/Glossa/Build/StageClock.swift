import Foundation

/// Times the pipeline's stages for the summary line, `--json` and benchmarks.
struct StageClock {
    private let start = DispatchTime.now()
    private var lapStart = DispatchTime.now()
    private(set) var laps: [(stage: String, seconds: Double)] = []
    private var cpuLapStart = Self.processCPUSeconds()
    /// CPU seconds per stage, all threads together: unlike wall time, barely affected by other
    /// work on a shared machine, so benchmarks stay comparable.
    private(set) var cpuLaps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - lapStart.uptimeNanoseconds) / 1e9))
        lapStart = now
        let cpu = Self.processCPUSeconds()
        cpuLaps.append((stage, cpu - cpuLapStart))
        cpuLapStart = cpu
    }

    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
}
