/// The diagnostics a stage has collected so far.
///
/// A value type each stage owns and returns; parallel work gets one log per task and the
/// builder merges them, so no lock or actor is needed to collect messages.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: DiagnosticLog) {
        diagnostics.append(contentsOf: other.diagnostics)
    }

    public mutating func error(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        append(.error(message, at: location, sourceLine: sourceLine))
    }

    public mutating func warning(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        append(.warning(message, at: location, sourceLine: sourceLine))
    }

    /// Throws every collected diagnostic when any of them is an error.
    public func throwIfErrors() throws(BuildError) {
        if hasErrors { throw BuildError(diagnostics) }
    }
}

extension DiagnosticLog {
    public init(_ diagnostics: [Diagnostic]) {
        self.init()
        for diagnostic in diagnostics { append(diagnostic) }
    }
}
