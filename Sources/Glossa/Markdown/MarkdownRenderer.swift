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
        /// Hash and count the body's words for related articles; a site that shows none skips it.
        public var collectsWords = true

        public init(unsafeHTML: Bool = false, smartPunctuation: Bool = true, removeFirstHeading: Bool = false,
                    collectsWords: Bool = true) {
            self.unsafeHTML = unsafeHTML
            self.smartPunctuation = smartPunctuation
            self.removeFirstHeading = removeFirstHeading
            self.collectsWords = collectsWords
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// - Parameter firstLine: the file line on which `markdown` starts, so that reported lines
    ///   point into the real file, front matter included.
    public func render(_ markdown: Substring, firstLine: Int = 1) -> RenderedMarkdown {
        var hook = NoLinks()
        return render(markdown, firstLine: firstLine, hook: &hook)
    }

    /// Renders with a linking hook that may rewrite link destinations and add cross-links.
    ///
    /// `links` in the result are the destinations as the author wrote them, so that link
    /// checking reports what is in the file, not what it was rewritten to.
    public func render(_ markdown: Substring, firstLine: Int = 1, hook: inout some MarkdownLinkHook) -> RenderedMarkdown {
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
        // Inline parsing leaves a word like "Conway’s" in several adjacent text nodes; merged,
        // a term's title can be found in one piece.
        cmark_consolidate_text_nodes(document)

        var walker = TreeWalker(lineOffset: firstLine - 1, removeFirstHeading: options.removeFirstHeading,
                                collectsWords: options.collectsWords)
        walker.walk(document)
        for node in walker.linkNodes {
            if let written = cmark_node_get_url(node).map({ String(cString: $0) }), let url = hook.destination(for: written) {
                cmark_node_set_url(node, url)
            }
        }
        if hook.addsLinks {
            let anchors = hook.anchors
            var run = ProseRun()
            for nodes in walker.proseRuns {
                run.read(nodes)
                let links = hook.links(in: run.text)
                if !links.isEmpty { run.wrap(links, anchors: anchors) }
            }
        }

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
            words: walker.words.words
        )
    }
}

private extension MarkdownRenderer {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm keeps its extension registry in a global; registering is idempotent but not
    /// thread-safe, so it happens once, guarded by Swift's lazy global initialisation.
    static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    static func registerExtensionsOnce() { _ = registration }

    /// The table extension's node types are made at run time and not exported, so the cell type
    /// is learnt once, by name, from a one-cell table: comparing every node's type name was a
    /// string comparison per node of every page.
    static let tableCellType: cmark_node_type? = {
        registerExtensionsOnce()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        guard let table = cmark_find_syntax_extension("table") else { return nil }
        cmark_parser_attach_syntax_extension(parser, table)
        let markdown = "| a |\n| - |\n| b |\n"
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator), strcmp(cmark_node_get_type_string(node), "table_cell") == 0 {
                return cmark_node_get_type(node)
            }
        }
        return nil
    }()

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
    let collectsWords: Bool
    var anchors = HeadingAnchor()
    var headings: [RenderedMarkdown.Heading] = []
    var links: [RenderedMarkdown.Link] = []
    var wordCount = 0
    var firstParagraph: String?
    var firstHeadingTitle: String?
    var words = WordBag.Collector()
    /// Link and image nodes, whose destinations the hook may rewrite.
    var linkNodes: [OpaquePointer] = []
    /// Runs of prose: adjacent text and soft-break nodes (a paragraph's lines) that are not
    /// inside a link, an image, a heading or a table cell (code is never a text node). cmark-gfm's
    /// table cells refuse the custom inline node a cross-link is made of, so a term in a table
    /// stays plain text rather than being offered to the linking hook.
    var proseRuns: [[OpaquePointer]] = []

    init(lineOffset: Int, removeFirstHeading: Bool, collectsWords: Bool) {
        self.lineOffset = lineOffset
        self.removeFirstHeading = removeFirstHeading
        self.collectsWords = collectsWords
    }

    mutating func walk(_ document: OpaquePointer) {
        // Held in a local: the lazy global would be checked again for every node.
        let tableCellType = MarkdownRenderer.tableCellType
        var headingNodes: [OpaquePointer] = []
        var unlinkableDepth = 0
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isUnlinkable = type == CMARK_NODE_HEADING || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == tableCellType
            if event == CMARK_EVENT_EXIT {
                if isUnlinkable { unlinkableDepth -= 1 }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if isUnlinkable { unlinkableDepth += 1 }
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK, unlinkableDepth == 0 {
                if let last = proseRuns.last?.last, cmark_node_previous(node) == last {
                    proseRuns[proseRuns.count - 1].append(node)
                } else {
                    proseRuns.append([node])
                }
            }
            switch type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_PARAGRAPH where firstParagraph == nil && !isInside(node, CMARK_NODE_ITEM) && !isInside(node, CMARK_NODE_BLOCK_QUOTE):
                let text = Self.textContent(of: node)
                if !text.isEmpty { firstParagraph = text }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                linkNodes.append(node)
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(.init(destination: destination,
                                   line: Int(cmark_node_get_start_line(node)) + lineOffset,
                                   column: max(1, Int(cmark_node_get_start_column(node))),
                                   isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                // Read in place: a `String` per text node, only to count its words, was a measurable
                // share of the whole Markdown stage.
                guard let literal = cmark_node_get_literal(node) else { break }
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                                                count: strlen(literal))
                wordCount += Self.countWords(bytes)
                if collectsWords { words.add(bytes) }
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
                linkNodes.removeAll { Self.isInside($0, node) }
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

    static func isInside(_ node: OpaquePointer, _ ancestor: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if current == ancestor { return true }
            parent = cmark_node_parent(current)
        }
        return false
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
        return text.trimmingWhitespaceAndNewlines()
    }

    /// 0 for ASCII whitespace (tab, line feed, vertical tab, form feed, carriage return and
    /// space), 1 for any other ASCII byte.
    static let asciiWordBytes: [Int] = (0..<128).map { $0 == 0x20 || (0x09...0x0D).contains($0) ? 0 : 1 }

    /// Words separated by spaces, plus one per CJK character, since Chinese, Japanese and
    /// Korean text is read character by character and has few or no spaces.
    static func countWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        /// 1 inside a word, 0 between words.
        var inWord = 0
        var index = 0
        let asciiWordBytes = Self.asciiWordBytes
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                // ASCII fast path: most prose is ASCII, and Unicode property lookups dominated
                // profiles. Without a branch on the byte: a space every few letters is too
                // irregular for the branch predictor, and this runs for every byte of every page.
                let isWordByte = asciiWordBytes[Int(byte)]
                count &+= isWordByte & (1 &- inWord)
                inWord = isWordByte
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
                inWord = 0
            } else if scalar.properties.isWhitespace {
                inWord = 0
            } else if inWord == 0 {
                count += 1
                inWord = 1
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

/// One run of prose as the linking hook sees it: the UTF-8 text of adjacent text nodes with soft
/// breaks as spaces, so that a term written across a line break is still found.
///
/// One value reads every run of a document in turn and keeps its buffers: a large site has
/// hundreds of thousands of paragraphs and links, and allocating for each of them was most of
/// what wrapping cross-links cost.
private struct ProseRun {
    /// Each node and the UTF-8 range of `text` it covers, in text order.
    private var segments: [(node: OpaquePointer, range: Range<Int>)] = []
    private(set) var text: [UInt8] = []
    /// Where `wrap` cuts text nodes, the segments after cutting, and one piece of a literal
    /// (NUL-terminated for cmark): kept from run to run like `text`.
    private var cuts: [Int] = []
    private var pieces: [(node: OpaquePointer, range: Range<Int>)] = []
    private var head: [UInt8] = []

    /// Makes `nodes` (text and soft breaks, in order) the current run.
    mutating func read(_ nodes: [OpaquePointer]) {
        segments.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        for node in nodes {
            let start = text.count
            if cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK {
                text.append(0x20)
            } else {
                text.append(contentsOf: Self.literal(of: node))
            }
            segments.append((node, start..<text.count))
        }
    }

    /// Wraps each link's text in an anchor, splitting text nodes where a link starts or ends
    /// inside them and moving whole nodes (a soft break included) into the anchor.
    ///
    /// The anchor is a custom inline node, whose enter and exit markup cmark writes verbatim
    /// (also in safe mode); `TermLinkAnchors` has escaped it. Every boundary is cut before any
    /// anchor is made, so the segments' offsets stay those of `text` throughout.
    mutating func wrap(_ links: [InlineLink], anchors: TermLinkAnchors) {
        if links.allSatisfy({ textSegment(containing: $0.range) != nil }) {
            wrapWithinTextNodes(links, anchors: anchors)
            return
        }
        cuts.removeAll(keepingCapacity: true)
        for link in links where !link.range.isEmpty && link.range.upperBound <= text.count {
            cuts.append(link.range.lowerBound)
            cuts.append(link.range.upperBound)
        }
        split(at: cuts)
        for link in links.reversed() where !link.range.isEmpty && link.range.upperBound <= text.count {
            // Segments are in text order, so the ones the link covers are consecutive.
            let first = firstSegment(startingAtOrAfter: link.range.lowerBound)
            guard first < segments.endIndex, segments[first].range.lowerBound < link.range.upperBound else { continue }
            let end = firstSegment(startingAtOrAfter: link.range.upperBound)
            let anchor = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            anchors.withOpeningTag(of: link.term) { _ = cmark_node_set_on_enter(anchor, $0) }
            TermLinkAnchors.closingTag.withUnsafeBufferPointer { _ = cmark_node_set_on_exit(anchor, $0.baseAddress) }
            // A parent that cannot hold the anchor refuses it; the text then stays as it was.
            guard cmark_node_insert_before(segments[first].node, anchor) == 1 else {
                cmark_node_free(anchor)
                continue
            }
            for (node, _) in segments[first..<end] {
                cmark_node_unlink(node)
                cmark_node_append_child(anchor, node)
            }
        }
    }

    /// The text segment that holds all of `range`, if one does: nearly every mention, all but
    /// those written across a line break.
    private func textSegment(containing range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.upperBound <= text.count else { return nil }
        let segment = firstSegment(startingAtOrAfter: range.lowerBound + 1) - 1
        guard segment >= 0, segments[segment].range.upperBound >= range.upperBound,
              cmark_node_get_type(segments[segment].node) == CMARK_NODE_TEXT else { return nil }
        return segment
    }

    /// `wrap` for links that each lie inside one text node: every link becomes a single custom
    /// node whose markup is the whole anchor, text included, and the text around links stays in
    /// text nodes. Wrapping text nodes in an anchor took three more nodes and literals per link
    /// (a piece for the link's text, the anchor's closing tag, another cut), and these
    /// allocations were a large part of what cross-links cost.
    private mutating func wrapWithinTextNodes(_ links: [InlineLink], anchors: TermLinkAnchors) {
        var next = 0
        while next < links.count {
            let segment = textSegment(containing: links[next].range)!
            let (node, range) = segments[segment]
            guard let literal = cmark_node_get_literal(node) else { return }
            var start = range.lowerBound
            while next < links.count, links[next].range.upperBound <= range.upperBound {
                let link = links[next]
                next += 1
                if link.range.lowerBound > start { insertText(literal, start - range.lowerBound..<link.range.lowerBound - range.lowerBound, before: node) }
                head.removeAll(keepingCapacity: true)
                anchors.withOpeningTag(of: link.term) { head.append(contentsOf: UnsafeRawBufferPointer(start: $0, count: strlen($0))) }
                Self.appendEscapedAsCmarkDoes(UnsafeRawBufferPointer(start: literal + (link.range.lowerBound - range.lowerBound), count: link.range.count),
                                              to: &head)
                head.append(contentsOf: "</a>".utf8)
                head.append(0)
                let anchor = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                head.withUnsafeBytes { _ = cmark_node_set_on_enter(anchor, $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
                // A parent that cannot hold the anchor refuses it; the text then stays as it was.
                if cmark_node_insert_before(node, anchor) != 1 {
                    cmark_node_free(anchor)
                    insertText(literal, link.range.lowerBound - range.lowerBound..<link.range.upperBound - range.lowerBound, before: node)
                }
                start = link.range.upperBound
            }
            // The rest is read in place: cmark copies a new literal before it frees the old one.
            cmark_node_set_literal(node, literal + (start - range.lowerBound))
        }
    }

    /// Inserts a text node holding `literal[range]` before `node`, and returns it.
    @discardableResult
    private mutating func insertText(_ literal: UnsafePointer<CChar>, _ range: Range<Int>, before node: OpaquePointer) -> OpaquePointer {
        head.removeAll(keepingCapacity: true)
        head.append(contentsOf: UnsafeRawBufferPointer(start: literal + range.lowerBound, count: range.count))
        head.append(0)
        let piece = cmark_node_new(CMARK_NODE_TEXT)!
        head.withUnsafeBytes { _ = cmark_node_set_literal(piece, $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        cmark_node_insert_before(node, piece)
        return piece
    }

    /// Escapes text as cmark's HTML renderer escapes a text node (`&`, `<`, `>` and `"`; not
    /// `'`), so that a link's text reads exactly as it would have outside the link.
    private static func appendEscapedAsCmarkDoes(_ text: UnsafeRawBufferPointer, to bytes: inout [UInt8]) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    /// The first segment whose text starts at or after `offset` (binary search: starts only grow).
    private func firstSegment(startingAtOrAfter offset: Int) -> Int {
        var low = 0, high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Makes every offset in `cuts` (ascending) a node boundary: a text node with cuts inside
    /// is cut at all of them at once, each piece before the last moved into a new node.
    ///
    /// One cut at a time copied the rest of the node again for every link in it, and a long
    /// paragraph with a dozen links was copied a dozen times.
    private mutating func split(at cuts: [Int]) {
        pieces.removeAll(keepingCapacity: true)
        var next = 0
        for (node, range) in segments {
            while next < cuts.count, cuts[next] <= range.lowerBound { next += 1 }
            var start = range.lowerBound
            if next < cuts.count, cuts[next] < range.upperBound,
               cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) {
                while next < cuts.count, cuts[next] < range.upperBound {
                    let end = cuts[next]
                    next += 1
                    // Two links side by side share a cut.
                    guard end > start else { continue }
                    let piece = insertText(literal, start - range.lowerBound..<end - range.lowerBound, before: node)
                    pieces.append((piece, start..<end))
                    start = end
                }
                // The last piece is read in place: cmark copies a new literal before it frees the old one.
                cmark_node_set_literal(node, literal + (start - range.lowerBound))
            }
            pieces.append((node, start..<range.upperBound))
        }
        swap(&segments, &pieces)
    }

    /// The node's text, read in place rather than copied: valid until its literal is changed.
    static func literal(of node: OpaquePointer) -> UnsafeRawBufferPointer {
        guard let pointer = cmark_node_get_literal(node) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
    }
}
