import Synchronization

/// Where a one-shot build leaves its data instead of freeing it (`BuildOptions.keepsDataUntilExit`).
enum ExitRetention {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ values: any Sendable...) {
        kept.withLock { $0.append(contentsOf: values) }
    }
}
