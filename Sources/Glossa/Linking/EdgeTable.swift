/// The trie's edges, `(node, scalar) → child`, in one flat `IntegerTable`.
///
/// The matcher looks an edge up for nearly every character of every article, so this is the
/// hottest loop of cross-linking; one table for all nodes, rather than a dictionary per node,
/// also keeps 100,000 nodes cheap to build and copy.
struct EdgeTable: Sendable {
    private var table = IntegerTable()

    var count: Int { table.count }

    static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar) }

    func child(of node: Int32, _ scalar: UInt32) -> Int32? {
        table.value(for: Self.key(node, scalar))
    }

    mutating func insert(_ child: Int32, from node: Int32, _ scalar: UInt32) {
        table.insert(child, for: Self.key(node, scalar))
    }
}
