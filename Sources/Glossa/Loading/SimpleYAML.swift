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

    static func fields(in yaml: String) -> [Field]? {
        var fields: [Field] = []
        var keys: Set<String> = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == " " }) { continue }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            guard isKey(key), keys.insert(String(key)).inserted else { return nil }
            let rest = line[line.index(after: colon)...]
            guard rest.first == " " else { return nil }
            let text = rest.drop { $0 == " " }
            guard text.last != " ", let value = value(text) else { return nil }
            fields.append(Field(key: String(key), value: value, line: index))
        }
        return fields
    }
}

private extension SimpleYAML {
    static func isKey(_ key: Substring) -> Bool {
        guard let first = key.unicodeScalars.first, isLetter(first) || first == "_" else { return false }
        return key.unicodeScalars.allSatisfy { isLetter($0) || isDigit($0) || $0 == "_" || $0 == "-" }
    }

    static func value(_ text: Substring) -> MetadataValue? {
        if text.first == "[" {
            guard text.last == "]" else { return nil }
            let inside = text.dropFirst().dropLast()
            if inside.allSatisfy({ $0 == " " }) { return .array([]) }
            var items: [MetadataValue] = []
            for item in inside.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = item.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
                guard let value = scalar(Substring(trimmed)) else { return nil }
                items.append(value)
            }
            return .array(items)
        }
        return scalar(text)
    }

    static func scalar(_ text: Substring) -> MetadataValue? {
        guard let first = text.first, text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
        if first == "\"" || first == "'" {
            let inside = text.dropFirst().dropLast()
            guard text.count >= 2, text.last == first, !inside.contains(first), !inside.contains("\\") else { return nil }
            return .string(String(inside))
        }
        if isDate(text) { return .string(String(text)) }
        return isSafeWord(text) ? .string(String(text)) : nil
    }

    /// `2024-03-19`: Yams reads it as text, and so do Glossa's date fields.
    static func isDate(_ text: Substring) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return false }
        return scalars.indices.allSatisfy { $0 == 4 || $0 == 7 || isDigit(scalars[$0]) }
    }

    /// A plain word YAML reads as text: it starts with a letter, holds only letters, digits, spaces,
    /// `-`, `_`, `.` and `/`, and is none of the words YAML 1.1 reads as a boolean or null.
    static func isSafeWord(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, isLetter(first),
              text.unicodeScalars.allSatisfy({ isLetter($0) || isDigit($0) || " -_./".unicodeScalars.contains($0) })
        else { return false }
        return !["y", "n", "yes", "no", "true", "false", "on", "off", "null"].contains(text.lowercased())
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }
}
