import FuzzSupport
import Glossa

/// The whole per-file pipeline — decode, front matter, Markdown, description, reading time — on one file.
@_cdecl("FuzzArticle_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let source = try? SourceText.decode(bytes, path: "Content/glossary/fuzz.md") else { return 0 }
    let file = SourceFile(kind: .term, displayPath: "Content/glossary/fuzz.md", absolutePath: "/dev/null", fileSlug: "fuzz")
    let parser = ArticleParser(config: SiteConfig(title: "Fuzz", baseURL: "https://fuzz.example/"))
    let (parsed, _) = parser.parse(source, file: file)
    if var article = parsed {
        var hook = NoLinks()
        parser.renderBody(of: &article, hook: &hook)
        precondition(article.readingMinutes >= 1)
        precondition(!article.body.html.contains("<script"), "raw script passed through in safe mode")
    }
    return 0
}
