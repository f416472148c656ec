import Foundation
import Glossa

/// Where the CLI's words go: results on stdout, diagnostics, progress and summaries on stderr.
struct Console: Sendable {
    var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func info(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `diagnostics` in one go: a large site can have thousands of warnings, and a
    /// write per line took a tenth of a second at 10,000 terms.
    func diagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = ""
        for diagnostic in diagnostics {
            text += diagnostic.formatted
            text += "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A status line that the next line overwrites; only on a terminal.
    func progress(_ stage: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(stage)…".utf8))
    }

    func clearProgress() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
