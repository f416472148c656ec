/// One message for the user, formatted like a compiler's so that editors and CI can annotate it:
///
///     Content/glossary/api.md:3:8: error: could not parse date "2024-13-01"
///     date: 2024-13-01
///           ^
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// The text of the offending line, shown under the message with a caret.
    public var sourceLine: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, sourceLine: sourceLine)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, sourceLine: sourceLine)
    }

    /// The diagnostic as it is printed: `path:line:col: severity: message`, then the source line and a caret.
    public var formatted: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let sourceLine, let location {
            let shown = sourceLine.replacingTabs()
            text += "\n" + shown + "\n"
            let caretOffset = sourceLine.prefix(location.column - 1).replacingTabs().count
            text += String(repeating: " ", count: min(caretOffset, shown.count)) + "^"
        }
        return text
    }
}

extension Diagnostic: Comparable {
    /// Errors first, then by position, so that output is stable whatever order the work ran in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity == .error }
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: return lhs.message < rhs.message
        }
    }
}

private extension StringProtocol {
    func replacingTabs() -> String {
        String(self).replacingOccurrences(of: "\t", with: "    ")
    }
}
