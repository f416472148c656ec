/// The one error a build throws: everything that went wrong, not just the first thing.
///
/// Stages collect diagnostics instead of throwing on the first problem so that a user fixing a
/// broken site sees the whole list at once, the way a compiler reports every error in a file.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public init(_ diagnostic: Diagnostic) {
        self.init([diagnostic])
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    public var description: String {
        diagnostics.map(\.formatted).joined(separator: "\n")
    }
}
