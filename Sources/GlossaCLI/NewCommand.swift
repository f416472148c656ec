import ArgumentParser
import Foundation
import Glossa

/// `glossa new term "Title"` / `glossa new post "Title"`.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new term or post with its front matter filled in.",
        subcommands: [NewTermCommand.self, NewPostCommand.self]
    )
}

struct NewTermCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "term", abstract: "Create Content/glossary/<slug>.md.")

    @OptionGroup var arguments: NewContentArguments

    func run() async throws {
        try arguments.create(.term)
    }
}

struct NewPostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "post", abstract: "Create Content/blog/<slug>.md.")

    @OptionGroup var arguments: NewContentArguments

    func run() async throws {
        try arguments.create(.post)
    }
}

struct NewContentArguments: ParsableArguments {
    @Argument(help: "The title; the file name is made from it.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("Comma-separated tags.", valueName: "a,b"))
    var tags: String?

    @Option(name: .long, help: ArgumentHelp("The site folder holding Content/.", valueName: "dir"))
    var site = "."

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title must not be empty") }
    }

    func create(_ kind: ArticleKind) throws {
        let console = Console()
        let tagList = tags.map { $0.split(separator: ",").map(String.init) } ?? []
        let content = NewContent(kind: kind, title: title, tags: tagList, date: NewContent.today())
        do {
            let path = try content.create(in: URL(fileURLWithPath: site))
            console.info("Created \(site == "." ? "" : site + "/")\(path)")
        } catch {
            console.diagnostics(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
