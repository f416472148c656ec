import Foundation
import Glossa
import Testing

/// `DefaultTheme.swift` is generated from `Templates/`; this fails when someone changed the
/// templates and forgot to run `scripts/embed-theme.sh`, so `glossa init` never ships a stale theme.
struct DefaultThemeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func embeddedThemeMatchesTemplatesFolder() throws {
        let templates = Self.repository.appendingPathComponent("Templates")
        var onDisk: [String: [UInt8]] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: templates.path))
        for case let path as String in enumerator {
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var isDirectory: ObjCBool = false
            let full = templates.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                onDisk[path] = try [UInt8](Data(contentsOf: URL(fileURLWithPath: full)))
            }
        }
        let embedded = Dictionary(DefaultTheme.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let hint = "Sources/Glossa/Scaffolding/DefaultTheme.swift is out of date: run scripts/embed-theme.sh"
        #expect(Set(embedded.keys) == Set(onDisk.keys), "\(hint)")
        for (path, bytes) in onDisk.sorted(by: { $0.key < $1.key }) where embedded[path] != bytes {
            Issue.record("\(path) differs. \(hint)")
        }
    }
}
