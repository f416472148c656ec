/// Merges a burst of file changes into one rebuild.
///
/// An editor's save is often several events (write a temp file, rename, touch); "save all"
/// is dozens. `nextBurst()` waits until changes stop arriving for `quietPeriod` and hands back
/// everything that changed — or after `maximumDelay` at the latest, so that a file rewritten
/// without pause (a log, a sync tool) cannot hold rebuilds back forever. Changes that arrive
/// while a rebuild runs are collected for the next one.
public actor Debouncer {
    public let quietPeriod: Duration
    public let maximumDelay: Duration
    private var pending: Set<String> = []
    private var firstChange = ContinuousClock.now
    private var lastChange = ContinuousClock.now
    private var waiter: CheckedContinuation<Void, Never>?
    private var isFinished = false

    public init(quietPeriod: Duration = .milliseconds(100), maximumDelay: Duration = .seconds(2)) {
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    public func add(_ paths: Set<String>) {
        guard !paths.isEmpty, !isFinished else { return }
        if pending.isEmpty { firstChange = .now }
        pending.formUnion(paths)
        lastChange = .now
        wake()
    }

    /// No more changes will come: `nextBurst()` returns nil, dropping what is pending (the server is stopping).
    public func finish() {
        isFinished = true
        wake()
    }

    /// The next burst of changes, once it has gone quiet; nil after `finish()`.
    public func nextBurst() async -> Set<String>? {
        while true {
            if isFinished { return nil }
            if pending.isEmpty {
                await withCheckedContinuation { waiter = $0 }
                continue
            }
            let quietAt = min(lastChange.advanced(by: quietPeriod), firstChange.advanced(by: maximumDelay))
            if ContinuousClock.now >= quietAt {
                defer { pending = [] }
                return pending
            }
            // The actor is free while sleeping, so `add` can move `lastChange` on.
            try? await Task.sleep(until: quietAt, clock: .continuous)
        }
    }
}

private extension Debouncer {
    func wake() {
        waiter?.resume()
        waiter = nil
    }
}
