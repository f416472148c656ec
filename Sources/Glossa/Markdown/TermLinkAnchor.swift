/// The opening tag of one term's cross-links, `<a class="term-link" href="…" data-term-description="…">`,
/// escaped and laid out as the C string cmark copies into a custom inline node.
///
/// A page links a term at most once, but across a large site each term is linked hundreds of
/// times, and escaping its URL and description and joining the tag for every link was a large
/// part of what cross-links cost. The tag is made once per term, when the cross-link
/// dictionary is built, and every link to the term hands cmark the same bytes.
public struct TermLinkAnchor: Sendable {
    /// The tag's UTF-8 bytes followed by a NUL, ready for `cmark_node_set_on_enter`.
    let openingTag: ContiguousArray<CChar>

    /// Attribute values are escaped here because cmark writes a custom node's markup verbatim,
    /// in safe mode too.
    public init(url: String, description: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 + url.utf8.count + description.utf8.count)
        bytes += #"<a class="term-link" href=""#.utf8
        bytes.appendHTMLEscaped(url)
        bytes += #"" data-term-description=""#.utf8
        bytes.appendHTMLEscaped(description)
        bytes += #"">"#.utf8
        bytes.append(0)
        openingTag = ContiguousArray(bytes.lazy.map { CChar(bitPattern: $0) })
    }

    /// The markup that closes every cross-link, as a C string.
    static let closingTag: ContiguousArray<CChar> = ContiguousArray("</a>".utf8CString)
}
