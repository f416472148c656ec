import ArgumentParser
import Foundation
import Glossa

/// `glossa init DIR`: a new site with sample content and the default theme.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new site with sample content and the default templates.")

    @Argument(help: "The folder to create (it must not exist, or be empty).")
    var folder: String

    func run() async throws {
        let console = Console()
        do {
            let files = try SiteScaffold.create(at: URL(fileURLWithPath: folder), date: NewContent.today())
            console.info("Created a new site in \(folder)/ (\(files.count) files). Next:\n  cd \(folder)\n  glossa serve")
        } catch {
            console.diagnostics(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
