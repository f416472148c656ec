/// Finds TOML that would abort toml++ before TOMLKit sees it.
///
/// toml++ (inside TOMLKit) decides from a short look-ahead what comes next and then *asserts*
/// on the rest, so a typo like `date = 2024-02-01Tj09:30:00Z` or a header like `[[[x]` aborted
/// the whole build — both found by the `FuzzArticle` fuzzer. Dates and times, table headers and
/// the start of every key are checked here first and reported as ordinary diagnostics.
enum TOMLPreflight {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var token: String
        var reason: Reason
    }

    enum Reason: Equatable {
        case badDate, badHeader, badKey
    }

    static func firstProblem(in toml: String) -> Problem? {
        let bytes = Array(toml.utf8)
        var index = 0
        var line = 1
        var lineStart = 0
        /// Open `[` and `{` of the value being read; zero between values.
        var depth = 0
        var atLineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if atLineStart, depth == 0, byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                atLineStart = false
                if byte == UInt8(ascii: "[") {
                    let end = bytes[index...].firstIndex(where: { $0 == 0x0A }) ?? bytes.count
                    let header = String(decoding: bytes[index..<end], as: UTF8.self)
                    if !isValidHeader(header) {
                        return Problem(line: line, column: index - lineStart + 1, token: header, reason: .badHeader)
                    }
                    index = end
                    continue
                }
                if byte != UInt8(ascii: "#"), !isBareKeyByte(byte), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "'") {
                    let end = bytes[index...].firstIndex(where: { $0 == 0x0A || $0 == 0x20 }) ?? bytes.count
                    return Problem(line: line, column: index - lineStart + 1, token: String(decoding: bytes[index..<end], as: UTF8.self),
                                   reason: .badKey)
                }
            }
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = index + 1
                atLineStart = true
                index += 1
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = skipString(bytes, from: index, line: &line, lineStart: &lineStart)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                index += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                index += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where index == 0 || isDelimiter(bytes[index - 1]):
                let start = index
                let end = tokenEnd(bytes, from: index)
                let token = String(decoding: bytes[start..<end], as: UTF8.self)
                if looksLikeDateOrTime(token), !isValidDateOrTime(token) {
                    return Problem(line: line, column: start - lineStart + 1, token: token, reason: .badDate)
                }
                index = max(end, index + 1)
            default:
                index += 1
            }
        }
        return nil
    }
}

private extension TOMLPreflight {
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `[a.b]`, `[[a]]`, `["quoted key".c]`, with an optional comment after.
    static func isValidHeader(_ header: String) -> Bool {
        var withoutComment = ""
        var open: Character?
        for character in header {
            if open == nil, character == "#" { break }
            if let quote = open { if character == quote { open = nil } } else if character == "\"" || character == "'" { open = character }
            withoutComment.append(character)
        }
        let text = Substring(withoutComment.trimmingCharacters(in: .whitespaces))
        let isArray = text.hasPrefix("[[") && text.hasSuffix("]]")
        guard isArray || (text.hasPrefix("[") && text.hasSuffix("]")) else { return false }
        let inner = text.dropFirst(isArray ? 2 : 1).dropLast(isArray ? 2 : 1)
        var parts: [Substring] = []
        var current = Substring()
        var quote: Character?
        for character in inner {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == "." {
                parts.append(current)
                current = Substring()
            } else {
                current.append(character)
            }
        }
        guard quote == nil else { return false }
        parts.append(current)
        return parts.allSatisfy { part in
            let key = part.trimmingCharacters(in: .whitespaces)
            if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first { return true }
            return !key.isEmpty && key.utf8.allSatisfy(isBareKeyByte)
        }
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
    }

    /// A token runs to whitespace, `,`, `]`, `}` or `#` — except the one space TOML allows
    /// between a date and its time (`2024-03-19 10:00:00`).
    static func tokenEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20, index - start == 10, index + 1 < bytes.count, (0x30...0x39).contains(bytes[index + 1]) {
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",")
                || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#") { break }
            index += 1
        }
        return index
    }

    static func skipString(_ bytes: [UInt8], from start: Int, line: inout Int, lineStart: inout Int) -> Int {
        let quote = bytes[start]
        let isTriple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (isTriple ? 3 : 1)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                if !isTriple { return index }
            }
            if byte == quote {
                if !isTriple { return index + 1 }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote { return index + 3 }
            }
            index += 1
        }
        return index
    }

    static func looksLikeDateOrTime(_ token: String) -> Bool {
        let characters = Array(token.prefix(5))
        if characters.count == 5, characters[0...3].allSatisfy(\.isASCIIDigit), characters[4] == "-" { return true }
        if characters.count >= 3, characters[0...1].allSatisfy(\.isASCIIDigit), characters[2] == ":" { return true }
        return false
    }

    static func isValidDateOrTime(_ token: String) -> Bool {
        if token.count > 4, token[token.index(token.startIndex, offsetBy: 4)] == "-" {
            return ContentDate(parsing: token) != nil
        }
        // A local time: HH:MM:SS with optional fraction.
        return ContentDate(parsing: "2000-01-01T" + token) != nil && !token.contains(where: { $0 == "Z" || $0 == "+" })
    }
}
