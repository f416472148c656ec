import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Maps a request path to a file inside the output folder — and never to anything outside it.
///
/// The path is split on `/` *before* percent-decoding, so `%2f` cannot smuggle in a separator,
/// and a segment that decodes to `.`, `..` or contains `/`, `\` or NUL is refused. Then the real
/// path (every symlink resolved) must still lie inside the real output folder, so a symlink in
/// `Content/static/` that points at `/etc` serves nothing.
struct OutputFolderResolver: Sendable {
    enum Resolution: Sendable, Equatable {
        /// The real path of a regular file to send.
        case file(String)
        /// A folder asked for without its trailing slash: send the browser to `location`.
        case redirect(location: String)
        case notFound
    }

    var outputFolder: URL

    func resolve(path rawPath: String, query: String? = nil) -> Resolution {
        guard rawPath.hasPrefix("/"), let root = Self.realPath(outputFolder.path) else { return .notFound }
        let rawSegments = rawPath.split(separator: "/", omittingEmptySubsequences: true)
        var segments: [String] = []
        for raw in rawSegments {
            guard let decoded = String(raw).removingPercentEncoding,
                  decoded != ".", decoded != "..",
                  !decoded.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
            else { return .notFound }
            segments.append(decoded)
        }
        let candidate = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        guard let real = inside(root, candidate) else { return .notFound }
        var status = stat()
        guard stat(real, &status) == 0 else { return .notFound }
        if status.st_mode & S_IFMT == S_IFDIR {
            guard rawPath.hasSuffix("/") else {
                // Rebuilt from the checked segments, so `//evil.example` cannot become an off-site redirect.
                let location = "/" + rawSegments.joined(separator: "/") + "/" + (query.map { $0.isEmpty ? "" : "?" + $0 } ?? "")
                return .redirect(location: location)
            }
            guard let index = inside(root, real + "/index.html"), stat(index, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                return .notFound
            }
            return .file(index)
        }
        return status.st_mode & S_IFMT == S_IFREG ? .file(real) : .notFound
    }
}

private extension OutputFolderResolver {
    /// The real path of `candidate` if it exists and lies inside `root` (itself a real path).
    func inside(_ root: String, _ candidate: String) -> String? {
        guard let real = Self.realPath(candidate), real == root || real.hasPrefix(root == "/" ? "/" : root + "/") else { return nil }
        return real
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
