import ArgumentParser
import Foundation
import Glossa

/// `glossa`: the root command. Exit codes: 0 built, 1 content or template errors, 2 usage errors.
@main
struct GlossaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossa",
        abstract: "Build glossary websites from Markdown.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Replaces ArgumentParser's exit codes with the ones PRODUCT.md promises: usage problems are 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure || error is ValidationError || code.rawValue == 64 ? 2 : code.rawValue)
        }
    }
}
