import Foundation

/// The whole pipeline, read top to bottom: load → parse → markdown → link → render → write.
public enum SiteBuilder {
    /// Builds the site, or throws every diagnostic if any is an error (or a warning under `strict`).
    /// The previous output is replaced only when everything succeeded.
    /// `memory`, kept by `glossa serve` between rebuilds, lets unchanged files skip parsing and Markdown.
    public static func build(_ options: BuildOptions, memory: BuildMemory? = nil,
                             progress: (@Sendable (String) -> Void)? = nil) async throws(BuildError) -> BuildReport {
        var clock = StageClock()
        var log = DiagnosticLog()
        let loader = ContentLoader(siteFolder: options.siteFolder)

        // 1. Load: settings, the theme and the list of content files. Nothing is parsed yet.
        progress?("Loading")
        let configText = try loader.readConfig()
        var config = try SiteConfig.parse(configText)
        if let baseURL = options.baseURL { config.baseURL = SiteConfig.normalizedBaseURL(baseURL) }
        let permalinks = Permalinks(baseURL: config.baseURL, defaultLanguage: config.language)
        let discovery = loader.discover()
        log.append(contentsOf: discovery.log)
        let templates = collect(&log) { () throws(BuildError) in
            try TemplateRenderer(templatesFolder: options.siteFolder.appendingPathComponent("Templates"))
        }
        // `glossa serve` builds its memory of the site on the first build, so that one is never skipped.
        let cache = options.writeOutput && (memory == nil || memory?.lastBuild != nil) ? options.cacheFolder.map(BuildCache.init) : nil
        let fingerprint = cache.map { _ in BuildCache.fingerprint(options: options, config: configText, discovery: discovery) }
        if let cache, let fingerprint, !log.hasErrors,
           var report = await cache.reusableReport(fingerprint: fingerprint, outputFolder: options.outputFolder, jobs: options.jobs) {
            clock.lap("load")
            try stopIfFailed(DiagnosticLog(report.warnings), strict: options.strict)
            report.timings = clock.laps
            report.cpuTimings = clock.cpuLaps
            report.seconds = clock.total
            return report
        }
        clock.lap("load")

        // 2. Parse every file's front matter on all cores; bodies wait until every term is known.
        progress?("Parsing \(discovery.articles.count) files")
        let parser = ArticleParser(config: config)
        let configHash = BuildMemory.hash(configText.text + "\0\(options.baseURL ?? "")")
        let parsed = await parseArticles(discovery.articles, loader: loader, parser: parser, jobs: options.jobs,
                                         memory: memory, configHash: configHash)
        log.append(contentsOf: parsed.log)
        // Filtering copies every article (some 30 fields each), so only when there is a draft to drop.
        let articles = options.includeDrafts || !parsed.articles.contains(where: { $0.draft }) ? parsed.articles : parsed.articles.filter { !$0.draft }
        let linker = SiteLinker(config: config, permalinks: permalinks)
        let assembled = linker.assemble(articles, staticFiles: discovery.staticFiles)
        log.append(contentsOf: assembled.log)
        clock.lap("parse")

        // 3. Render Markdown on all cores, linking the first mention of each term to its page.
        progress?("Rendering Markdown")
        let rendered = await renderBodies(assembled.site, parser: parser, jobs: options.jobs, log: &log,
                                          memory: memory.map { ($0, parsed.textHashes, configHash) })
        clock.lap("markdown")

        // 4. Link: related articles, backlinks, and every internal link checked.
        let linked = await linker.link(rendered.site, crossLinks: rendered.crossLinks, jobs: options.jobs, resolver: rendered.resolver)
        log.append(contentsOf: linked.log)
        clock.lap("link")
        try stopIfFailed(log, strict: options.strict)
        guard let templates else { throw BuildError(log.diagnostics) }

        // 5. Render every page with the theme, and the feeds and indexes beside them; each goes to
        //    the staging folder as soon as it is done. Then static files and theme assets.
        progress?("Rendering")
        let assets = try ThemeAssets.load(from: options.siteFolder.appendingPathComponent("Templates/assets"), permalinks: permalinks)
        let contexts = PageContextBuilder(site: linked.site, assets: assets.urls, buildYear: buildYear(linked.site, options))
        let renderer = SiteRenderer(templates: templates, contexts: contexts)
        let output = options.writeOutput ? try OutputWriter(outputFolder: options.outputFolder).begin() : nil
        let placements: [StagedOutput.Placement]
        do throws(BuildError) {
            let jobs = max(1, options.jobs)
            let deliver: @Sendable (OutputFile) throws(BuildError) -> StagedOutput.Placement = { file throws(BuildError) in
                try output?.place(file) ?? StagedOutput.Placement(path: file.path, unchanged: false)
            }
            let pages = try await renderer.render(jobs: jobs, deliver: deliver)
            let others = copiedFiles(linked.site, assets: assets)
            placements = try await pages + others.parallelMap(jobs: jobs) { file in Result { () throws(BuildError) in try deliver(file) } }
                .map { result throws(BuildError) in try result.get() }
        } catch {
            output?.abandon()
            throw error
        }
        clock.lap("render")

        // 6. Write: link the unchanged files beside the new ones and swap the staging folder in.
        var report = BuildReport()
        if let output {
            progress?("Writing \(placements.count) files")
            let written = try await output.commit(placements, jobs: max(1, options.jobs))
            report.filesWritten = written.written
            report.filesUnchanged = written.unchanged
            report.writtenFiles = placements.filter { !$0.unchanged }.map(\.path)
        }
        clock.lap("write")

        report.pages = placements.count { $0.path.hasSuffix(".html") }
        report.terms = linked.site.terms.count
        report.posts = linked.site.posts.count
        report.staticFiles = linked.site.staticFiles.count
        report.warnings = log.warnings.sorted()
        report.timings = clock.laps
        report.cpuTimings = clock.cpuLaps
        report.seconds = clock.total
        if let cache, let fingerprint {
            let stamped = placements.compactMap { placement in placement.stamp.map { (placement.path, $0) } }
            if stamped.count == placements.count {
                cache.store(fingerprint: fingerprint, report: report, outputFolder: options.outputFolder, files: stamped)
            } else {
                cache.invalidate()
            }
        }
        memory?.lastBuild = .init(options: options, site: linked.site, parser: parser, dictionary: rendered.dictionary, resolver: rendered.resolver,
                                  templates: templates, contexts: contexts)
        if options.keepsDataUntilExit {
            ExitRetention.keep(parsed.articles, articles, assembled.site, rendered.site, rendered.dictionary, linked.site, contexts, placements)
        }
        return report
    }
}

extension SiteBuilder {
    /// Parses files in parallel; results come back in input order so output never depends on scheduling.
    /// With `memory`, a file whose text is the same as last time is not parsed again.
    static func parseArticles(_ files: [SourceFile], loader: ContentLoader, parser: ArticleParser, jobs: Int,
                              memory: BuildMemory? = nil, configHash: UInt64 = 0) async
        -> (articles: [Article], log: DiagnosticLog, textHashes: [String: UInt64]) {
        let previous = memory?.parsed ?? [:]
        let results = await files.parallelMap(jobs: jobs) { file -> BuildMemory.Parsed in
            do throws(BuildError) {
                let text = try loader.read(file)
                let textHash = memory == nil ? 0 : BuildMemory.hash(text.text)
                if let known = previous[file.absolutePath], known.file == file, known.textHash == textHash, known.configHash == configHash {
                    return known
                }
                let (article, log) = parser.parse(text, file: file)
                return .init(file: file, textHash: textHash, configHash: configHash, article: article, log: log)
            } catch {
                return .init(file: file, textHash: 0, configHash: configHash, article: nil, log: DiagnosticLog(error.diagnostics))
            }
        }
        var log = DiagnosticLog()
        for result in results { log.append(contentsOf: result.log) }
        var textHashes: [String: UInt64] = [:]
        if let memory {
            memory.lastParseCount = zip(files, results).count { file, result in
                previous[file.absolutePath].map { $0.textHash != result.textHash || $0.configHash != configHash } ?? true
            }
            memory.parsed = Dictionary(results.map { ($0.file.absolutePath, $0) }, uniquingKeysWith: { _, last in last })
            for result in results { textHashes[result.file.absolutePath] = result.textHash }
        }
        return (results.compactMap(\.article), log, textHashes)
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
        let years = site.articleRefs.compactMap { ref in
            let article = site.articles(ref.kind)[ref.index]
            return (article.updated ?? article.date)?.year
        }
        return years.max().map(String.init) ?? ""
    }

    static func copiedFiles(_ site: Site, assets: ThemeAssets) -> [OutputFile] {
        var files = site.staticFiles.map { OutputFile(path: $0.outputPath, contents: .copy(from: $0.absolutePath)) }
        for ref in site.articleRefs where !site.articles(ref.kind)[ref.index].source.bundleFiles.isEmpty {
            let article = site.article(ref)
            let folder = site.permalinks.outputPath(for: site.permalinks.url(of: article)).dropLast("index.html".count)
            files += article.source.bundleFiles.map { OutputFile(path: folder + $0.outputPath, contents: .copy(from: $0.absolutePath)) }
        }
        files += assets.files.map { OutputFile(path: $0.outputPath, contents: .bytes($0.bytes)) }
        return files
    }
}
