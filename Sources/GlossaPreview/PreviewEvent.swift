import Foundation
import Glossa

/// What the preview server tells the person running it; the CLI decides how to print it.
public enum PreviewEvent: Sendable {
    /// The first build finished (or failed, keeping whatever `Output/` held) and the server is up.
    case serving(url: String, watcher: SiteWatcher.Method)
    /// Files changed (paths relative to the site folder) and a rebuild started.
    case rebuilding(changed: [String])
    case rebuilt(BuildReport)
    /// Edited articles' pages were rendered ahead of the rebuild (paths in the output folder).
    case quickRendered(pages: [String], seconds: Double)
    /// The rebuild failed; the previous site is still served and open pages show the errors.
    case failed(BuildError)
    case stopping
}
