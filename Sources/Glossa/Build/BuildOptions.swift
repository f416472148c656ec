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

    public init(siteFolder: URL, outputFolder: URL? = nil) {
        self.siteFolder = siteFolder.standardizedFileURL
        self.outputFolder = (outputFolder ?? siteFolder.appendingPathComponent("Output")).standardizedFileURL
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            sourceDateEpoch = epoch
        }
    }
}
