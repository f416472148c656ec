/// Front matter written as plain `key: value` lines, read without a YAML parser.
///
/// Nearly all front matter is a handful of such lines — a quoted title, a date, a list of tags —
/// and building a YAML document for each of 10,000 files took a third of the parse stage. This
/// reader takes only what it can read exactly as Yams would: one field per line, values that are
/// quoted strings without escapes, dates, words that YAML cannot mistake for a number, boolean or
/// null, and flow lists of those. Anything else — comments, nesting, block scalars, anchors,
/// escapes, numbers, booleans — returns nil, and the whole block goes to Yams.
/// `SimpleYAMLTests` checks the two agree wherever this one answers.
enum SimpleYAML {
    struct Field: Equatable {
        var key: String
        var value: MetadataValue
        /// 0-based line within the block.
        var line: Int
    }

    static func fields(in yaml: some StringProtocol) -> [Field]? {
        let bytes = Array(yaml.utf8)
        var fields: [Field] = []
        var keys: Set<String> = []
        var lineStart = 0
        var index = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            defer { lineStart = lineEnd + 1; index += 1 }
            let line = bytes[lineStart..<lineEnd]
            if line.allSatisfy({ $0 == space }) { continue }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = line[..<colon]
            guard isKey(key), keys.insert(text(key)).inserted else { return nil }
            let rest = line[(colon + 1)...]
            guard rest.first == space else { return nil }
            let value = rest.drop { $0 == space }
            guard value.last != space, let parsed = self.value(value) else { return nil }
            fields.append(Field(key: text(key), value: parsed, line: index))
        }
        return fields
    }
}

/// Every test below reads bytes: the characters that matter are ASCII, and a multi-byte UTF-8
/// sequence never contains an ASCII byte, so a byte test cannot be fooled by combining marks.
private extension SimpleYAML {
    typealias Bytes = ArraySlice<UInt8>
    static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")

    static func text(_ bytes: Bytes) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func isKey(_ key: Bytes) -> Bool {
        guard let first = key.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return key.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    static func value(_ text: Bytes) -> MetadataValue? {
        if text.first == UInt8(ascii: "[") {
            guard text.count >= 2, text.last == UInt8(ascii: "]") else { return nil }
            let inside = text.dropFirst().dropLast()
            if inside.allSatisfy({ $0 == space }) { return .array([]) }
            var items: [MetadataValue] = []
            for item in inside.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                var trimmed = item.drop { $0 == space }
                while trimmed.last == space { trimmed = trimmed.dropLast() }
                guard let value = scalar(trimmed) else { return nil }
                items.append(value)
            }
            return .array(items)
        }
        return scalar(text)
    }

    static func scalar(_ bytes: Bytes) -> MetadataValue? {
        guard let first = bytes.first, bytes.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }) else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let inside = bytes.dropFirst().dropLast()
            guard bytes.count >= 2, bytes.last == first, !inside.contains(first), !inside.contains(UInt8(ascii: "\\")) else { return nil }
            return .string(text(inside))
        }
        if isDate(bytes) { return .string(text(bytes)) }
        return isSafeWord(bytes) ? .string(text(bytes)) : nil
    }

    /// `2024-03-19`: Yams reads it as text, and so do Glossa's date fields.
    static func isDate(_ bytes: Bytes) -> Bool {
        guard bytes.count == 10 else { return false }
        return bytes.indices.allSatisfy { index in
            let offset = index - bytes.startIndex
            return offset == 4 || offset == 7 ? bytes[index] == UInt8(ascii: "-") : isDigit(bytes[index])
        }
    }

    /// A plain word YAML reads as text: it starts with a letter, holds only letters, digits, spaces,
    /// `-`, `_`, `.` and `/`, and is none of the words YAML 1.1 reads as a boolean or null.
    static func isSafeWord(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, isLetter(first),
              bytes.allSatisfy({ isLetter($0) || isDigit($0) || " -_./".utf8.contains($0) })
        else { return false }
        guard bytes.count <= 5 else { return true }
        return !["y", "n", "yes", "no", "true", "false", "on", "off", "null"].contains(text(bytes).lowercased())
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
