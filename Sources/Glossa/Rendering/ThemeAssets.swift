import Foundation

/// The theme's `Templates/assets/` files, with content-hashed names for CSS and JavaScript.
///
/// A hashed name lets a CDN or browser cache the file forever: a changed file gets a new name.
/// Only `.css` and `.js` are renamed, because other assets (fonts, images) are referred to by
/// name from inside those files.
public struct ThemeAssets: Sendable {
    public struct File: Sendable {
        /// Where it goes, relative to the output folder: `assets/style.3fa9c21e0b.css`.
        public var outputPath: String
        public var bytes: [UInt8]
    }

    public var files: [File] = []
    /// Template key (`style_css`) → URL (`/assets/style.3fa9c21e0b.css`).
    public var urls: [String: String] = [:]

    public init() {}

    public static func load(from folder: URL, permalinks: Permalinks) throws(BuildError) -> ThemeAssets {
        var assets = ThemeAssets()
        let root = folder.path
        // A symbolic link to a folder is listed as a file; it is no asset.
        let paths = FileTree.files(below: root).filter { path in
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR && !(path as NSString).lastPathComponent.hasPrefix(".")
        }.map { String($0.dropFirst(root.count + 1)) }
        for path in paths.sorted() {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
                throw BuildError(.error("cannot read theme asset", at: SourceLocation(file: "Templates/assets/\(path)")))
            }
            let bytes = [UInt8](data)
            var outputName = path
            if path.hasSuffix(".css") || path.hasSuffix(".js"), let dot = path.lastIndex(of: ".") {
                outputName = "\(path[..<dot]).\(ContentHash.hex(bytes))\(path[dot...])"
            }
            assets.files.append(File(outputPath: "assets/" + outputName, bytes: bytes))
            assets.urls[templateKey(path)] = permalinks.asset(outputName)
        }
        return assets
    }

    /// `style.css` → `style_css`, `js/search.js` → `js_search_js`: Mustache reads dots as paths.
    static func templateKey(_ path: String) -> String {
        String(path.map { $0 == "." || $0 == "/" || $0 == "-" ? "_" : $0 })
    }
}
