/// Where a mention of a term may begin and end, and how text is folded for comparison.
///
/// A mention starts and ends at a word edge: "API" is found in "an API." and "APIs", not in
/// "RAPID". Words are letters, digits, marks and `_` of any script. Titles with punctuation
/// work because only the text *around* a mention is tested: ".NET" is found in "the .NET
/// runtime" but not in "ASP.NET", "C++" in "C++ templates". Two rules keep short titles
/// out of longer names: no mention ends right before `+` or `#` ("C" in "C++", "C#"), and a
/// dot between two words joins them ("Node" is not found in "Node.js", nor "js" in it).
/// Chinese and Japanese are written without spaces, so next to a CJK character every
/// position is a word edge.
enum WordBoundary {
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) || value == 0x5F
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: return true
        default: return properties.isAlphabetic
        }
    }

    /// Lowercase, with every space as " " and curly apostrophes (from smart punctuation) as "'".
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 {
            if (0x41...0x5A).contains(value) { return value + 0x20 }
            if value == 0x09 || value == 0x0A || value == 0x0D { return 0x20 }
            return value
        }
        if value == 0x2019 || value == 0x2018 { return 0x27 }
        let properties = scalar.properties
        if properties.isWhitespace { return 0x20 }
        guard properties.changesWhenLowercased else { return value }
        let lower = properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : value
    }
}
