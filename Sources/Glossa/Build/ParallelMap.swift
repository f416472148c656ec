import Synchronization

extension Array where Element: Sendable {
    /// `map` on up to `jobs` tasks at once, with results in input order so that output never
    /// depends on scheduling.
    ///
    /// Each task takes the next small batch of elements as soon as it is free, rather than a
    /// fixed share up front: pages and bodies differ a lot in cost (the glossary index and the
    /// search index are single jobs worth hundreds of term pages), and with fixed shares one
    /// core sat idle while the other finished the heavy one.
    func parallelMap<Result: Sendable>(jobs: Int, _ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let jobs = Swift.max(1, jobs)
        guard jobs > 1, count > 1 else { return map(transform) }
        let batchSize = Swift.max(1, Swift.min(64, count / (jobs * 32)))
        let next = BatchCounter()
        let elements = self
        let batches = await withTaskGroup(of: [(start: Int, results: [Result])].self) { group in
            for _ in 0..<Swift.min(jobs, count) {
                group.addTask {
                    var done: [(start: Int, results: [Result])] = []
                    while true {
                        let start = next.take(batchSize)
                        guard start < elements.count else { return done }
                        done.append((start, elements[start..<Swift.min(start + batchSize, elements.count)].map(transform)))
                    }
                }
            }
            var all: [(start: Int, results: [Result])] = []
            for await finished in group { all += finished }
            return all
        }
        var results: [Result] = []
        results.reserveCapacity(count)
        for batch in batches.sorted(by: { $0.start < $1.start }) { results += batch.results }
        return results
    }
}

/// The index of the next batch nobody has taken yet, shared by the tasks of one `parallelMap`.
private final class BatchCounter: Sendable {
    private let nextStart = Atomic<Int>(0)

    func take(_ size: Int) -> Int {
        nextStart.add(size, ordering: .relaxed).oldValue
    }
}
