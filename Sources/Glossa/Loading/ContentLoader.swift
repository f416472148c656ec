import Foundation

/// Finds and reads the files under `Content/`: the only code that touches that folder.
///
/// Discovery only lists paths, in sorted order so that every later stage sees the same input
/// whatever the file system returns; reading happens later, in parallel, through `read`.
public struct ContentLoader: Sendable {
    public var siteFolder: URL

    public init(siteFolder: URL) {
        self.siteFolder = siteFolder
    }

    public var contentFolder: URL { siteFolder.appendingPathComponent("Content") }

    public struct Discovery: Sendable {
        public var articles: [SourceFile] = []
        public var staticFiles: [StaticFile] = []
        public var log = DiagnosticLog()
    }

    public func discover() -> Discovery {
        var discovery = Discovery()
        for kind in ArticleKind.allCases {
            collectArticles(kind, into: &discovery)
        }
        collectStatic(from: contentFolder.appendingPathComponent("static"), prefix: "", into: &discovery.staticFiles)
        return discovery
    }

    public func readConfig() throws(BuildError) -> SourceText {
        let path = contentFolder.appendingPathComponent("site.yml").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw BuildError(.error("no Content/site.yml in \(siteFolder.path): is this a Glossa site? (`glossa init DIR` makes one)"))
        }
        return try read(path: path, displayPath: "Content/site.yml")
    }

    public func read(_ file: SourceFile) throws(BuildError) -> SourceText {
        try read(path: file.absolutePath, displayPath: file.displayPath)
    }
}

private extension ContentLoader {
    func read(path: String, displayPath: String) throws(BuildError) -> SourceText {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuildError(.error("cannot read file", at: SourceLocation(file: displayPath)))
        }
        return try SourceText.decode([UInt8](data), path: displayPath)
    }

    /// Hugo's `_index.md`, editor backups and `.DS_Store` are not content.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix("_") || name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp")
    }

    func collectArticles(_ kind: ArticleKind, into discovery: inout Discovery) {
        let folder = contentFolder.appendingPathComponent(kind.folder)
        for entry in FileTree.entries(of: folder.path, followingLinks: true) where !Self.isIgnored(entry.name) {
            let name = entry.name
            let displayPath = "Content/\(kind.folder)/\(name)"
            if entry.isDirectory {
                let url = folder.appendingPathComponent(name)
                let index = url.appendingPathComponent("index.md")
                guard FileManager.default.fileExists(atPath: index.path) else {
                    discovery.log.warning("folder has no index.md and is skipped", at: SourceLocation(file: displayPath))
                    continue
                }
                let assets = bundleAssets(in: url)
                discovery.articles.append(SourceFile(kind: kind, displayPath: displayPath + "/index.md", absolutePath: index.path,
                                                     fileSlug: name, bundleFiles: assets))
            } else if name.hasSuffix(".md") || name.hasSuffix(".markdown") {
                let slug = String(name.prefix(upTo: name.lastIndex(of: ".")!))
                discovery.articles.append(SourceFile(kind: kind, displayPath: displayPath, absolutePath: folder.path + "/" + name, fileSlug: slug))
            }
        }
    }

    /// Everything in a bundle folder except its Markdown, recursively.
    func bundleAssets(in folder: URL) -> [StaticFile] {
        var files: [StaticFile] = []
        collectStatic(from: folder, prefix: "", into: &files)
        return files.filter { !$0.outputPath.hasSuffix(".md") }
    }

    func collectStatic(from folder: URL, prefix: String, into files: inout [StaticFile]) {
        for entry in FileTree.entries(of: folder.path, followingLinks: true) {
            let name = entry.name
            guard name == ".well-known" || !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp")) else { continue }
            let url = folder.appendingPathComponent(name)
            if entry.isDirectory {
                collectStatic(from: url, prefix: prefix + name + "/", into: &files)
            } else {
                files.append(StaticFile(absolutePath: url.path, outputPath: prefix + name))
            }
        }
    }
}
