import Foundation

/// `glossa init DIR`: a new site that builds at once — settings, one term, one post, one page
/// and the default theme.
///
/// The theme comes from `DefaultTheme` (compiled in), so a lone `glossa` binary can start a site.
public enum SiteScaffold {
    /// Writes a new site into `folder`, which must not exist or be empty.
    /// Returns the files written, relative to `folder`, sorted.
    @discardableResult
    public static func create(at folder: URL, date: ContentDate) throws(BuildError) -> [String] {
        let fileManager = FileManager.default
        if let entries = try? fileManager.contentsOfDirectory(atPath: folder.path),
           entries.contains(where: { ![".DS_Store", ".git"].contains($0) }) {
            throw BuildError(.error("\(folder.path) is not empty; `glossa init` only writes into a new or empty folder"))
        }
        var files: [(String, [UInt8])] = SampleSite.files(date: date).map { ($0.path, $0.bytes) }
        files += DefaultTheme.files.map { ("Templates/" + $0.path, $0.bytes) }
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url, options: .withoutOverwriting)
            } catch {
                throw BuildError(.error("cannot write \(url.path): \((error as NSError).localizedDescription)"))
            }
        }
        return files.map(\.0).sorted()
    }
}
