import Foundation
import Glossa

/// The `--json` report: stable keys, for CI scripts.
struct JSONReport {
    var report: BuildReport?
    var errors: [Diagnostic]
    var options: BuildOptions

    var text: String {
        var object: [String: Any] = [
            "success": report != nil,
            "output": options.outputFolder.path,
        ]
        if let report {
            object["pages"] = report.pages
            object["terms"] = report.terms
            object["posts"] = report.posts
            object["staticFiles"] = report.staticFiles
            object["filesWritten"] = report.filesWritten
            object["filesUnchanged"] = report.filesUnchanged
            object["seconds"] = (report.seconds * 1000).rounded() / 1000
            object["timings"] = Dictionary(uniqueKeysWithValues: report.timings.map { ($0.stage, ($0.seconds * 1000).rounded() / 1000) })
            object["cpuTimings"] = Dictionary(uniqueKeysWithValues: report.cpuTimings.map { ($0.stage, ($0.seconds * 1000).rounded() / 1000) })
        }
        object["diagnostics"] = ((report?.warnings ?? []) + errors).map(Self.json)
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func json(_ diagnostic: Diagnostic) -> [String: Any] {
        var entry: [String: Any] = ["severity": diagnostic.severity.rawValue, "message": diagnostic.message]
        if let location = diagnostic.location {
            entry["file"] = location.file
            entry["line"] = location.line
            entry["column"] = location.column
        }
        return entry
    }
}
