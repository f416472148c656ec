import Foundation

/// A file compiled into the binary, so that `glossa init` works without the repository beside it.
///
/// Text is stored as a Swift string literal (readable in diffs); anything that is not plain
/// UTF-8 text — fonts, images, files with carriage returns — as Base64.
public struct EmbeddedFile: Sendable {
    /// Relative to the folder it was embedded from, with `/` separators.
    public var path: String
    private var storage: Storage

    private enum Storage: Sendable {
        case text(String)
        case base64(String)
    }

    public init(path: String, text: String) {
        self.path = path
        storage = .text(text)
    }

    public init(path: String, base64: String) {
        self.path = path
        storage = .base64(base64)
    }

    public var bytes: [UInt8] {
        switch storage {
        case .text(let text): Array(text.utf8)
        case .base64(let encoded): Data(base64Encoded: encoded).map { Array($0) } ?? []
        }
    }
}
