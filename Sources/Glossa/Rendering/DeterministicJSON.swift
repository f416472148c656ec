import Foundation

/// JSON files of the built site: sorted keys and unescaped slashes, so the same data always
/// gives the same bytes and URLs stay readable.
enum DeterministicJSON {
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool = false, file: String) throws(BuildError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw BuildError(.error("cannot write \(file): \(error)"))
        }
    }
}
