import Foundation

/// The whole pipeline, read top to bottom: load → parse → link → render → write.
public enum SiteBuilder {
    /// Builds the site, or throws every diagnostic if any is an error (or a warning under `strict`).
    /// The previous output is replaced only when everything succeeded.
    public static func build(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) async throws(BuildError) -> BuildReport {
        var clock = StageClock()
        var log = DiagnosticLog()
        let loader = ContentLoader(siteFolder: options.siteFolder)

        // 1. Load: settings, the theme and the list of content files. Nothing is parsed yet.
        progress?("Loading")
        var config = try SiteConfig.parse(loader.readConfig())
        if let baseURL = options.baseURL { config.baseURL = SiteConfig.normalizedBaseURL(baseURL) }
        let permalinks = Permalinks(baseURL: config.baseURL, defaultLanguage: config.language)
        let discovery = loader.discover()
        log.append(contentsOf: discovery.log)
        let templates = collect(&log) { () throws(BuildError) in
            try TemplateRenderer(templatesFolder: options.siteFolder.appendingPathComponent("Templates"))
        }
        clock.lap("load")

        // 2. Parse every article — front matter and Markdown — on all cores.
        progress?("Parsing \(discovery.articles.count) files")
        let parsed = await parseArticles(discovery.articles, loader: loader, parser: ArticleParser(config: config), jobs: options.jobs)
        log.append(contentsOf: parsed.log)
        let articles = parsed.articles.filter { options.includeDrafts || !$0.draft }
        clock.lap("parse")

        // 3. Link: assemble the site, resolve related articles, check what refers to what.
        let linked = SiteLinker(config: config, permalinks: permalinks).link(articles, staticFiles: discovery.staticFiles)
        log.append(contentsOf: linked.log)
        clock.lap("link")
        try stopIfFailed(log, strict: options.strict)
        guard let templates else { throw BuildError(log.diagnostics) }

        // 4. Render every page with the theme, then add static files and theme assets.
        progress?("Rendering")
        let assets = try ThemeAssets.load(from: options.siteFolder.appendingPathComponent("Templates/assets"), permalinks: permalinks)
        let contexts = PageContextBuilder(site: linked.site, assets: assets.urls, buildYear: buildYear(linked.site, options))
        let renderer = SiteRenderer(templates: templates, contexts: contexts)
        var files = try await renderer.render(jobs: max(1, options.jobs))
        files += try renderer.renderFeedsAndIndexes() // feeds, sitemap, robots.txt, search index, glossary.json
        files += copiedFiles(linked.site, assets: assets)
        clock.lap("render")

        // 5. Write: stage the whole site beside the output folder and swap it in.
        var report = BuildReport()
        if options.writeOutput {
            progress?("Writing \(files.count) files")
            let written = try await OutputWriter(outputFolder: options.outputFolder).write(files, jobs: max(1, options.jobs))
            report.filesWritten = written.written
            report.filesUnchanged = written.unchanged
        }
        clock.lap("write")

        report.pages = files.count { $0.path.hasSuffix(".html") }
        report.terms = linked.site.terms.count
        report.posts = linked.site.posts.count
        report.staticFiles = linked.site.staticFiles.count
        report.warnings = log.warnings.sorted()
        report.timings = clock.laps
        report.seconds = clock.total
        return report
    }
}

extension SiteBuilder {
    /// Parses files in parallel; results come back in input order so output never depends on scheduling.
    static func parseArticles(_ files: [SourceFile], loader: ContentLoader, parser: ArticleParser, jobs: Int) async -> (articles: [Article], log: DiagnosticLog) {
        let chunkSize = max(1, (files.count + jobs * 4 - 1) / max(1, jobs * 4))
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map { ($0, Array(files[$0..<min($0 + chunkSize, files.count)])) }
        var results: [(Int, [Article], DiagnosticLog)] = []
        await withTaskGroup(of: (Int, [Article], DiagnosticLog).self) { group in
            var next = 0
            func addNext(_ group: inout TaskGroup<(Int, [Article], DiagnosticLog)>) {
                guard next < chunks.count else { return }
                let (start, chunk) = chunks[next]
                next += 1
                group.addTask {
                    var log = DiagnosticLog()
                    var articles: [Article] = []
                    for file in chunk {
                        do throws(BuildError) {
                            let source = try loader.read(file)
                            let (article, fileLog) = parser.parse(source, file: file)
                            log.append(contentsOf: fileLog)
                            if let article { articles.append(article) }
                        } catch {
                            log.append(contentsOf: DiagnosticLog(error.diagnostics))
                        }
                    }
                    return (start, articles, log)
                }
            }
            for _ in 0..<max(1, jobs) { addNext(&group) }
            while let result = await group.next() {
                results.append(result)
                addNext(&group)
            }
        }
        var log = DiagnosticLog()
        var articles: [Article] = []
        for (_, chunkArticles, chunkLog) in results.sorted(by: { $0.0 < $1.0 }) {
            articles += chunkArticles
            log.append(contentsOf: chunkLog)
        }
        return (articles, log)
    }

    static func stopIfFailed(_ log: DiagnosticLog, strict: Bool) throws(BuildError) {
        if log.hasErrors || (strict && !log.warnings.isEmpty) {
            let diagnostics = strict ? log.diagnostics.map { Diagnostic(.error, $0.message, at: $0.location, sourceLine: $0.sourceLine) } : log.diagnostics
            throw BuildError(diagnostics)
        }
    }

    /// Runs a stage that may throw, keeping its diagnostics so later stages still report theirs.
    static func collect<T>(_ log: inout DiagnosticLog, _ body: () throws(BuildError) -> T) -> T? {
        do {
            return try body()
        } catch {
            log.append(contentsOf: DiagnosticLog(error.diagnostics))
            return nil
        }
    }

    /// The copyright year: from `SOURCE_DATE_EPOCH` when set, else the newest content date, so
    /// that two builds of the same content are byte-identical.
    static func buildYear(_ site: Site, _ options: BuildOptions) -> String {
        if let epoch = options.sourceDateEpoch { return String(ContentDate(secondsSinceEpoch: epoch).year) }
        let years = site.allArticles.compactMap { ($0.updated ?? $0.date)?.year }
        return years.max().map(String.init) ?? ""
    }

    static func copiedFiles(_ site: Site, assets: ThemeAssets) -> [OutputFile] {
        var files = site.staticFiles.map { OutputFile(path: $0.outputPath, contents: .copy(from: $0.absolutePath)) }
        for article in site.allArticles where !article.source.bundleFiles.isEmpty {
            let folder = site.permalinks.outputPath(for: site.permalinks.url(of: article)).dropLast("index.html".count)
            files += article.source.bundleFiles.map { OutputFile(path: folder + $0.outputPath, contents: .copy(from: $0.absolutePath)) }
        }
        files += assets.files.map { OutputFile(path: $0.outputPath, contents: .bytes($0.bytes)) }
        return files
    }
}
