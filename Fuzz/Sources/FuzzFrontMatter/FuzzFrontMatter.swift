import Glossa

/// Front matter splitting and YAML/TOML parsing on arbitrary bytes: must diagnose, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let source = try? SourceText.decode(bytes, path: "fuzz.md") else { return 0 }
    _ = try? FrontMatter.parse(source)
    _ = try? SiteConfig.parse(source)
    return 0
}
