/// A JSON value the build writes itself, such as a page's JSON-LD.
///
/// Typed, so that writing one is a `switch` rather than a chain of dynamic casts from `Any`,
/// which was most of what the JSON-LD of 10,000 pages cost. Literals build one directly:
/// `["@type": "DefinedTerm", "name": .string(title)]`.
enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Written with its keys sorted, so the same data always gives the same bytes.
    case object([String: JSONValue])
    case null
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    init(nilLiteral: ()) { self = .null }
}
