/// What a successful build did, for the one-line summary and `--json`.
public struct BuildReport: Sendable {
    public var pages = 0
    public var terms = 0
    public var posts = 0
    public var staticFiles = 0
    public var filesWritten = 0
    public var filesUnchanged = 0
    /// Output paths of the files this build wrote, for live reload.
    public var writtenFiles: [String] = []
    public var warnings: [Diagnostic] = []
    /// Seconds per stage, in pipeline order.
    public var timings: [(stage: String, seconds: Double)] = []
    /// CPU seconds per stage (all threads), for benchmarks on busy machines.
    public var cpuTimings: [(stage: String, seconds: Double)] = []
    public var seconds: Double = 0
}
