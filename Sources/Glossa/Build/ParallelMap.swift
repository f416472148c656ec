extension Array where Element: Sendable {
    /// `map` on up to `jobs` tasks at once, in chunks, with results in input order so that
    /// output never depends on scheduling.
    func parallelMap<Result: Sendable>(jobs: Int, _ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let jobs = Swift.max(1, jobs)
        guard jobs > 1, count > 1 else { return map(transform) }
        let chunkSize = Swift.max(1, (count + jobs * 4 - 1) / (jobs * 4))
        let starts = Array<Int>(stride(from: 0, to: count, by: chunkSize))
        var results = [[Result]](repeating: [], count: starts.count)
        await withTaskGroup(of: (Int, [Result]).self) { group in
            var next = 0
            func addNext(_ group: inout TaskGroup<(Int, [Result])>) {
                guard next < starts.count else { return }
                let index = next
                let chunk = self[starts[index]..<Swift.min(starts[index] + chunkSize, count)]
                next += 1
                group.addTask { (index, chunk.map(transform)) }
            }
            for _ in 0..<jobs { addNext(&group) }
            while let (index, chunkResults) = await group.next() {
                results[index] = chunkResults
                addNext(&group)
            }
        }
        return results.flatMap { $0 }
    }
}
