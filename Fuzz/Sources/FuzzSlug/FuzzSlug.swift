import FuzzSupport
import Glossa

/// Slug making and validation on arbitrary text: a made slug must always validate as one safe segment.
@_cdecl("FuzzSlug_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let slug = Slug.make(from: text) {
        precondition(!slug.rawValue.contains("/") && !slug.rawValue.hasPrefix(".") && slug.rawValue != "..",
                     "unsafe slug \(slug.rawValue) from \(text.debugDescription)")
    }
    if let valid = Slug(validating: text) {
        precondition(!valid.rawValue.contains("/") && !valid.rawValue.hasPrefix("."))
    }
    _ = ContentDate(parsing: text)
    _ = Collation.letter(for: text)
    return 0
}
