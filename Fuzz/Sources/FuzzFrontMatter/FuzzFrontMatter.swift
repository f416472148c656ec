import FuzzSupport
import Glossa

/// Front matter splitting and YAML/TOML parsing on arbitrary bytes: must diagnose, never crash.
@_cdecl("FuzzFrontMatter_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let source = try? SourceText.decode(bytes, path: "fuzz.md") else { return 0 }
    _ = try? FrontMatter.parse(source)
    _ = try? SiteConfig.parse(source)
    return 0
}
