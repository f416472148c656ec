/// The opening tag of every term's cross-links, `<a class="term-link" href="…" data-term-description="…">`,
/// escaped once per term and kept as C strings, one after another, in a single buffer.
///
/// A page links a term at most once, but across a large site each term is linked hundreds of
/// times, and escaping its URL and description and joining the tag for every link was a large
/// part of what cross-links cost. The tags are made once, when the cross-link dictionary is
/// built, and every link to a term hands cmark the same bytes. One buffer rather than an array
/// per term makes a link a plain index: retaining a term's own array for each of 130,000 links,
/// from two cores at once, cost more than the copying it replaced.
public struct TermLinkAnchors: Sendable {
    /// The tags' UTF-8 bytes, each followed by a NUL.
    private let bytes: ContiguousArray<CChar>
    /// Where each term's tag starts in `bytes`.
    private let starts: [Int]

    /// Attribute values are escaped here because cmark writes a custom node's markup verbatim,
    /// in safe mode too.
    /// - Parameter terms: each term's URL and description, in term order.
    public init(_ terms: [(url: String, description: String)]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        starts.reserveCapacity(terms.count)
        for (url, description) in terms {
            starts.append(bytes.count)
            bytes += #"<a class="term-link" href=""#.utf8
            bytes.appendHTMLEscaped(url)
            bytes += #"" data-term-description=""#.utf8
            bytes.appendHTMLEscaped(description)
            bytes += #"">"#.utf8
            bytes.append(0)
        }
        self.bytes = ContiguousArray(bytes.lazy.map { CChar(bitPattern: $0) })
        self.starts = starts
    }

    /// No terms: for bodies rendered without cross-links.
    public static let none = TermLinkAnchors([])

    /// Calls `body` with term `term`'s opening tag as a C string.
    func withOpeningTag<Result>(of term: Int, _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body($0.baseAddress! + starts[term]) }
    }

    /// The markup that closes every cross-link, as a C string.
    static let closingTag: ContiguousArray<CChar> = ContiguousArray("</a>".utf8CString)
}
