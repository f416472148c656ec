import GlossaPreview

/// Collects what arrives on a stream, for assertions after the fact.
actor EventRecorder<Element: Sendable> {
    private(set) var elements: [Element] = []

    func record(_ element: Element) {
        elements.append(element)
    }

    /// Waits up to `timeout` until `condition` holds for the recorded elements.
    func wait(upTo timeout: Duration = .seconds(10), until condition: @Sendable ([Element]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if condition(elements) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(elements)
    }
}
