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

    func diagnostic(_ diagnostic: Diagnostic) {
        FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
    }

    /// A status line that the next line overwrites; only on a terminal.
    func progress(_ stage: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(stage)…".utf8))
    }

    func clearProgress() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
