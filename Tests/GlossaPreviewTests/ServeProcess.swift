import Foundation

/// `glossa serve` running in a child process on a free port, with what it prints recorded line
/// by line.
///
/// A test that loads the server while it rebuilds runs it out of process: a rebuild keeps the
/// cooperative thread pool busy, and in the test process it would starve the timers of the
/// watcher and session tests that run beside it.
final class ServeProcess {
    let port: Int
    /// Lines printed so far (stdout and stderr together).
    let lines: EventRecorder<String>
    private let process: Process

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `glossa serve --site site --port 0` and returns once it is serving.
    init(site: URL) async throws {
        let process = Process()
        process.executableURL = Self.glossaBinary
        process.arguments = ["serve", "--site", site.path, "--port", "0"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let (chunks, continuation) = AsyncStream.makeStream(of: Data.self)
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                continuation.finish()
            } else {
                continuation.yield(data)
            }
        }
        let lines = EventRecorder<String>()
        Task {
            var pending = Data()
            for await chunk in chunks {
                pending += chunk
                while let newline = pending.firstIndex(of: 0x0A) {
                    await lines.record(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending = Data(pending[(newline + 1)...])
                }
            }
        }
        try process.run()
        guard await lines.wait(upTo: .seconds(60), until: { $0.contains { $0.hasPrefix("Serving at ") } }),
              let serving = await lines.elements.first(where: { $0.hasPrefix("Serving at ") }),
              let portText = serving.split(separator: ":").dropFirst(2).first?.prefix(while: \.isNumber),
              let port = Int(portText)
        else {
            process.terminate()
            throw Failure(description: "glossa serve did not start: \(await lines.elements)")
        }
        self.process = process
        self.lines = lines
        self.port = port
    }

    /// Ctrl-C, as a person would stop it; waits for it to exit.
    func stop() {
        process.interrupt()
        process.waitUntilExit()
    }

    /// The `glossa` executable built beside the test bundle.
    static var glossaBinary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("glossa")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/glossa")
    }
}
