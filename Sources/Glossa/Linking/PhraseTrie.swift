/// Every phrase's folded scalars in one trie, laid out for walking: each node's children next
/// to each other and sorted by scalar, a node's scalar and what ends there in one 16-byte
/// record, and a chain of single children in consecutive records.
///
/// The matcher takes one step per letter from every word that may begin a phrase. With
/// 10,000 terms the trie has some 150,000 nodes, far more than a core's cache holds; kept as a
/// hash table of edges, every step was a cache miss. Here a step reads the children's records,
/// which for the long single-child tails of most phrases are the very next record, so a walk
/// through "resource utilisation" reads memory in order instead of jumping for every letter.
struct PhraseTrie: Sendable {
    struct Node: Sendable {
        /// The scalar on the edge into this node.
        var scalar: UInt32 = 0
        /// The node's children are `firstChild ..< firstChild + childCount`.
        var firstChild: Int32 = 0
        /// The target of the phrase ending here, or -1.
        var target: Int32 = -1
        /// `childCount << 3 | mustMatchCase << 2 | plural`: one record stays 16 bytes.
        private var packed: UInt32 = 0

        var childCount: Int { Int(packed >> 3) }
        /// Whether the phrase ending here must match with its case (see `PhraseTrie.exactPhrase(at:)`).
        var mustMatchCase: Bool { packed & 4 != 0 }
        var plural: TermMatcher.Plural { TermMatcher.Plural(rawValue: UInt8(packed & 3))! }

        init() {}

        init(scalar: UInt32, firstChild: Int32, childCount: Int, target: Int32, mustMatchCase: Bool, plural: TermMatcher.Plural) {
            self.scalar = scalar
            self.firstChild = firstChild
            self.target = target
            packed = UInt32(childCount) << 3 | (mustMatchCase ? 4 : 0) | UInt32(plural.rawValue)
        }
    }

    /// One phrase to enter: folded scalars, its target, and what the matcher checks at its end.
    struct Entry {
        var folded: [UInt32]
        var target: Int
        var plural: TermMatcher.Plural
        /// The phrase as written when it must match with its case.
        var exact: [UInt32]?
    }

    /// Node 0 is the root.
    private(set) var nodes: [Node] = [Node()]
    /// For nodes that must match with their case: the index of their phrase as written in
    /// `exactPhrases`; read only for them, so kept apart from the records.
    private var exactIndex: [Int32] = [-1]
    private var exactPhrases: [[UInt32]] = []
    /// Children of the root by ASCII scalar (-1: none): the step taken at every word start.
    private(set) var asciiRoots = [Int32](repeating: -1, count: 128)

    var isEmpty: Bool { nodes.count == 1 }

    /// - Parameter entries: when two entries fold to the same scalars, the first keeps them.
    init(_ entries: [Entry]) {
        let built = Self.build(entries)
        let count = built.nodes.count
        // Every node's children, grouped by parent in one array (a counting sort) and sorted by scalar.
        var childStart = [Int](repeating: 0, count: count + 1)
        for node in 1..<count { childStart[Int(built.parents[node]) + 1] += 1 }
        for node in 0..<count { childStart[node + 1] += childStart[node] }
        var children = [Int32](repeating: 0, count: max(0, count - 1))
        var next = childStart
        for node in 1..<count {
            let parent = Int(built.parents[node])
            children[next[parent]] = Int32(node)
            next[parent] += 1
        }
        for node in 0..<count where childStart[node + 1] - childStart[node] > 1 {
            children[childStart[node]..<childStart[node + 1]].sort { built.nodes[Int($0)].scalar < built.nodes[Int($1)].scalar }
        }
        // Depth first, each node's children numbered together when the node is reached: a
        // single child gets the number right after its parent's.
        var order: [Int32] = [0]
        order.reserveCapacity(count)
        var firstChild = [Int32](repeating: 0, count: count)
        var pending: [Int32] = [0]
        while let old = pending.popLast() {
            let range = childStart[Int(old)]..<childStart[Int(old) + 1]
            firstChild[Int(old)] = Int32(order.count)
            order += children[range]
            for child in stride(from: range.upperBound - 1, through: range.lowerBound, by: -1) { pending.append(children[child]) }
        }
        nodes = order.map { old in
            let node = built.nodes[Int(old)]
            return Node(scalar: node.scalar, firstChild: firstChild[Int(old)], childCount: childStart[Int(old) + 1] - childStart[Int(old)],
                        target: node.target, mustMatchCase: built.exactIndex[Int(old)] >= 0, plural: node.plural)
        }
        exactIndex = order.map { built.exactIndex[Int($0)] }
        exactPhrases = built.exactPhrases
        for child in nodes[0].firstChild..<(nodes[0].firstChild + Int32(nodes[0].childCount)) where nodes[Int(child)].scalar < 128 {
            asciiRoots[Int(nodes[Int(child)].scalar)] = child
        }
    }

    /// The phrase ending at `node` as written, for a node that must match with its case.
    func exactPhrase(at node: Int32) -> [UInt32] { exactPhrases[Int(exactIndex[Int(node)])] }

    /// The child of `node` along `scalar`.
    func child(of node: Int32, _ scalar: UInt32) -> Int32? {
        let parent = nodes[Int(node)]
        var low = Int(parent.firstChild)
        let end = low + parent.childCount
        // Most nodes have one or two children; only the first levels are wide enough to halve.
        var high = end
        while high - low > 8 {
            let middle = (low + high) / 2
            if nodes[middle].scalar < scalar { low = middle + 1 } else { high = middle }
        }
        while low < end {
            let found = nodes[low].scalar
            if found == scalar { return Int32(low) }
            if found > scalar { return nil }
            low += 1
        }
        return nil
    }
}

private extension PhraseTrie {
    /// The trie with nodes numbered as they are made, each with its parent.
    ///
    /// Phrases are entered in scalar order, so the phrases that share a prefix come one after
    /// another and each new phrase only adds nodes below the path of the one before it. No
    /// lookup of an existing edge is needed: with 10,000 terms a hash table of edges was some
    /// 8 MB, and each of the 300,000 scalars entered cost a cache miss in it, on the one core
    /// that builds the trie while every linked body waits.
    static func build(_ entries: [Entry]) -> (nodes: [Node], parents: [Int32], exactIndex: [Int32], exactPhrases: [[UInt32]]) {
        // Equal phrases stay in entry order, so that the first of them keeps its target.
        let order = entries.indices.sorted { lhs, rhs in
            let l = entries[lhs].folded, r = entries[rhs].folded
            return l == r ? lhs < rhs : l.lexicographicallyPrecedes(r)
        }
        var nodes = [Node()], parents: [Int32] = [-1], exactIndex: [Int32] = [-1], exactPhrases: [[UInt32]] = []
        /// The nodes of the previous phrase, root first.
        var path: [Int32] = [0]
        var previous: [UInt32] = []
        for index in order {
            let entry = entries[index]
            var shared = 0
            while shared < previous.count, shared < entry.folded.count, previous[shared] == entry.folded[shared] { shared += 1 }
            path.removeSubrange((shared + 1)...)
            for scalar in entry.folded[shared...] {
                nodes.append(Node(scalar: scalar, firstChild: 0, childCount: 0, target: -1, mustMatchCase: false, plural: .none))
                parents.append(path[path.count - 1])
                exactIndex.append(-1)
                path.append(Int32(nodes.count - 1))
            }
            previous = entry.folded
            let node = Int(path[path.count - 1])
            guard nodes[node].target < 0 else { continue }
            nodes[node] = Node(scalar: nodes[node].scalar, firstChild: 0, childCount: 0, target: Int32(entry.target),
                               mustMatchCase: entry.exact != nil, plural: entry.plural)
            if let exact = entry.exact {
                exactIndex[node] = Int32(exactPhrases.count)
                exactPhrases.append(exact)
            }
        }
        return (nodes, parents, exactIndex, exactPhrases)
    }
}
