import Foundation

/// What a build reads, where it writes and how strict it is; the CLI fills this from flags.
public struct BuildOptions: Sendable {
    /// The folder holding `Content/` and `Templates/`.
    public var siteFolder: URL
    /// Where the site is written; `Output/` inside the site folder by default.
    public var outputFolder: URL
    /// Overrides `baseURL` from `site.yml` (for preview deployments).
    public var baseURL: String?
    public var includeDrafts = false
    /// Treat warnings as errors.
    public var strict = false
    /// How many pages are parsed and rendered at once.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// `glossa check`: run every stage but write nothing.
    public var writeOutput = true
    /// Seconds since the epoch for the build's notion of "now" (from `SOURCE_DATE_EPOCH`); nil keeps output free of build times.
    public var sourceDateEpoch: Int?
    /// Where the record of the last build is kept (`BuildCache`); nil builds everything every time.
    public var cacheFolder: URL?
    /// Set by `glossa build` and `glossa check`, whose process ends right after the build: the
    /// site's data is then left for the operating system to reclaim at exit, all at once,
    /// instead of being freed object by object, which took 0.2 s at 10,000 terms. `glossa
    /// serve`, which builds again and again, and the tests leave it off.
    public var keepsDataUntilExit = false

    public init(siteFolder: URL, outputFolder: URL? = nil) {
        self.siteFolder = siteFolder.standardizedFileURL
        self.outputFolder = (outputFolder ?? siteFolder.appendingPathComponent("Output")).standardizedFileURL
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            sourceDateEpoch = epoch
        }
    }
}
