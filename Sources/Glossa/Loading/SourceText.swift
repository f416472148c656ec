import Foundation

/// The text of one content file, decoded the way every later stage expects it.
///
/// Editors on other systems save a UTF-8 byte-order mark and CRLF line ends; both are accepted
/// and normalised here so that line numbers, front matter fences and Markdown parsing never have
/// to think about them again. Invalid UTF-8 is an error naming the line of the first bad byte.
public struct SourceText: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(BuildError) -> SourceText {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let decoded = String(validating: body, as: UTF8.self) else {
            let (line, column) = firstInvalidByte(in: Array(body))
            throw BuildError(.error("file is not valid UTF-8 text (first invalid byte here); save it as UTF-8",
                                    at: SourceLocation(file: path, line: line, column: column)))
        }
        // `memchr` rather than a byte loop: these two scans read every byte of every file.
        let (hasNUL, hasCR) = body.withUnsafeBytes { bytes in
            bytes.isEmpty ? (false, false) : (memchr(bytes.baseAddress!, 0, bytes.count) != nil,
                                              memchr(bytes.baseAddress!, Int32(UInt8(ascii: "\r")), bytes.count) != nil)
        }
        if hasNUL, let nul = body.firstIndex(of: 0) {
            let line = body[..<nul].count { $0 == UInt8(ascii: "\n") } + 1
            throw BuildError(.error("file contains NUL bytes; is it a binary file?", at: SourceLocation(file: path, line: line)))
        }
        guard hasCR else { return SourceText(path: path, text: decoded) }
        // CRLF and lone CR both become LF, byte by byte: no Foundation string search on the hot path.
        var normalized: [UInt8] = []
        normalized.reserveCapacity(body.count)
        var previousWasCR = false
        for byte in body {
            if byte == UInt8(ascii: "\r") {
                normalized.append(UInt8(ascii: "\n"))
                previousWasCR = true
            } else {
                if !(byte == UInt8(ascii: "\n") && previousWasCR) { normalized.append(byte) }
                previousWasCR = false
            }
        }
        return SourceText(path: path, text: String(decoding: normalized, as: UTF8.self))
    }

    /// The 1-based text of line `number`, for showing under a diagnostic.
    public func line(_ number: Int) -> String? {
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(of: "\n") else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
        return String(text[start..<end])
    }

    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}

private extension SourceText {
    /// Finds the first byte where UTF-8 decoding fails by decoding prefix by prefix.
    static func firstInvalidByte(in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column)
    }
}
