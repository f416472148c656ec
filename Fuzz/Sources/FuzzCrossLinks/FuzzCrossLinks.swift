import FuzzSupport
@_spi(Fuzzing) import Glossa

/// Cross-linking on made-up titles, synonyms and text: the trie must agree with the slow
/// reference matcher, and linking may only wrap text in anchors, once per term.
@_cdecl("FuzzCrossLinks_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    do {
        try CrossLinkFuzzing.check(Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        fatalError("\(error)")
    }
    return 0
}
