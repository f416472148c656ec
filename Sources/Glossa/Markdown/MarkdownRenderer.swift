import CMarkGFM
import Foundation

/// Renders an article body with cmark-gfm and reads headings, links and text off its syntax tree.
///
/// The only file that imports `CMarkGFM`: every C pointer lives and dies inside `render`, and
/// what leaves is plain Swift values. Headings are rewritten into custom blocks carrying their
/// `id` and anchor link, because cmark's HTML renderer has no option for heading ids and raw
/// HTML nodes would be dropped in safe mode.
public struct MarkdownRenderer: Sendable {
    public struct Options: Sendable, Hashable {
        /// Pass raw HTML in Markdown through; off unless `site.yml` says `unsafeHTML: true`.
        public var unsafeHTML = false
        /// Curly quotes, en and em dashes, ellipses.
        public var smartPunctuation = true
        /// Remove the first level-1 heading from the HTML, because it became the page title.
        public var removeFirstHeading = false

        public init(unsafeHTML: Bool = false, smartPunctuation: Bool = true, removeFirstHeading: Bool = false) {
            self.unsafeHTML = unsafeHTML
            self.smartPunctuation = smartPunctuation
            self.removeFirstHeading = removeFirstHeading
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// - Parameter firstLine: the file line on which `markdown` starts, so that reported lines
    ///   point into the real file, front matter included.
    public func render(_ markdown: Substring, firstLine: Int = 1) -> RenderedMarkdown {
        Self.registerExtensionsOnce()
        let parser = cmark_parser_new(cmarkOptions)!
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var text = String(markdown)
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }

        var walker = TreeWalker(lineOffset: firstLine - 1, removeFirstHeading: options.removeFirstHeading)
        walker.walk(document)

        let htmlPointer = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser))!
        defer { free(htmlPointer) }
        let html = String(cString: htmlPointer)

        return RenderedMarkdown(
            html: html,
            headings: walker.headings,
            links: walker.links,
            wordCount: walker.wordCount,
            firstParagraph: walker.firstParagraph ?? "",
            firstHeadingTitle: walker.firstHeadingTitle,
            plainText: walker.plainText
        )
    }
}

private extension MarkdownRenderer {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm keeps its extension registry in a global; registering is idempotent but not
    /// thread-safe, so it happens once, guarded by Swift's lazy global initialisation.
    static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    static func registerExtensionsOnce() { _ = registration }

    var cmarkOptions: Int32 {
        var flags = CMARK_OPT_FOOTNOTES
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        return flags
    }
}

/// One pass over the tree: collects facts and rewrites headings in place.
private struct TreeWalker {
    let lineOffset: Int
    let removeFirstHeading: Bool
    var anchors = HeadingAnchor()
    var headings: [RenderedMarkdown.Heading] = []
    var links: [RenderedMarkdown.Link] = []
    var wordCount = 0
    var firstParagraph: String?
    var firstHeadingTitle: String?
    var plainText = ""

    init(lineOffset: Int, removeFirstHeading: Bool) {
        self.lineOffset = lineOffset
        self.removeFirstHeading = removeFirstHeading
    }

    mutating func walk(_ document: OpaquePointer) {
        var headingNodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_PARAGRAPH where firstParagraph == nil && !isInside(node, CMARK_NODE_ITEM) && !isInside(node, CMARK_NODE_BLOCK_QUOTE):
                let text = Self.textContent(of: node)
                if !text.isEmpty { firstParagraph = text }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(.init(destination: destination,
                                   line: Int(cmark_node_get_start_line(node)) + lineOffset,
                                   column: max(1, Int(cmark_node_get_start_column(node))),
                                   isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                wordCount += Self.countWords(literal)
                plainText += literal
                plainText += " "
            default:
                break
            }
        }
        for node in headingNodes {
            rewriteHeading(node)
        }
    }

    /// Replaces `<hN>` with a custom block that carries the id and an anchor link.
    mutating func rewriteHeading(_ node: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(node))
        let text = Self.textContent(of: node)
        if level == 1, firstHeadingTitle == nil, headings.isEmpty {
            firstHeadingTitle = text
            if removeFirstHeading {
                cmark_node_unlink(node)
                cmark_node_free(node)
                return
            }
        }
        let id = anchors.makeID(for: text)
        headings.append(.init(level: level, text: text, id: id, line: Int(cmark_node_get_start_line(node)) + lineOffset))
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>")
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    func isInside(_ node: OpaquePointer, _ type: cmark_node_type) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == type { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// The visible text of a node's inline content, with soft breaks as spaces.
    static func textContent(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Words separated by spaces, plus one per CJK character, since Chinese, Japanese and
    /// Korean text is read character by character and has few or no spaces.
    static func countWords(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    // ASCII fast path: most prose is ASCII, and Unicode property lookups dominated profiles.
                    let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                    if isSpace {
                        inWord = false
                    } else if !inWord {
                        count += 1
                        inWord = true
                    }
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var scalarValue = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                for offset in 1..<length where index + offset < bytes.count {
                    scalarValue = scalarValue << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                index += length
                guard let scalar = Unicode.Scalar(scalarValue) else { continue }
                if scalar.isCJK {
                    count += 1
                    inWord = false
                } else if scalar.properties.isWhitespace {
                    inWord = false
                } else if !inWord {
                    count += 1
                    inWord = true
                }
            }
        }
        return count
    }
}

extension Unicode.Scalar {
    var isCJK: Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
