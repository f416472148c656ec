extension String {
    /// Text safe inside XML character data and attribute values (single or double quoted).
    ///
    /// Characters XML 1.0 forbids outright (C0 controls other than tab, newline and carriage
    /// return, and U+FFFE/U+FFFF) are dropped rather than escaped, because no escape makes them
    /// legal and one stray control character in a front matter field would make a feed unreadable.
    var xmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
