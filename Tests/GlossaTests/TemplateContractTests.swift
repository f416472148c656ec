import Foundation
import Testing

/// Every field of the template contract must be reachable from templates.
///
/// Contexts answer lookups through the generated `RenderingContexts+Lookup.swift`; a field added
/// to `RenderingContexts.swift` without re-running `scripts/generate-context-lookup.py` would
/// silently render as nothing, so this test compares the two files.
@Suite struct TemplateContractTests {
    @Test func generatedLookupCoversEveryField() throws {
        let folder = TestPaths.repository.appendingPathComponent("Sources/Glossa/Rendering")
        let contract = try String(contentsOf: folder.appendingPathComponent("RenderingContexts.swift"), encoding: .utf8)
        let lookup = try String(contentsOf: folder.appendingPathComponent("RenderingContexts+Lookup.swift"), encoding: .utf8)
        var currentStruct: String?
        var missing: [String] = []
        for line in contract.split(separator: "\n") {
            if let kind = ["public struct ", "public final class "].first(where: { line.hasPrefix($0) }) {
                currentStruct = line.dropFirst(kind.count).prefix { $0.isLetter || $0.isNumber }.description
            } else if line.hasPrefix("}") {
                currentStruct = nil
            } else if let name = currentStruct, name != "TemplateParams",
                      let range = line.range(of: "    public var ") ?? line.range(of: "    public let "), range.lowerBound == line.startIndex {
                let field = line[range.upperBound...].prefix { $0 != ":" }
                guard let block = lookup.range(of: "extension \(name): TemplateObject, TemplateValueConvertible {") else {
                    missing.append(name)
                    continue
                }
                let end = lookup[block.upperBound...].range(of: "\n}\n")?.lowerBound ?? lookup.endIndex
                let body = lookup[block.upperBound..<end]
                if !body.contains("case \"\(field)\": \(field).templateValue") || !body.contains("case \"\(field)\": return \(field).templateLookup(following: rest)") {
                    missing.append("\(name).\(field)")
                }
            }
        }
        #expect(missing.isEmpty, "run scripts/generate-context-lookup.py; missing: \(missing)")
    }
}
