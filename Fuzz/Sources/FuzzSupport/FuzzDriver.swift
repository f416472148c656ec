/// Starts libFuzzer for a target.
///
/// SwiftPM links every executable target with `main` aliased to `<Target>_main`, so libFuzzer's
/// own `main` is never used; each target defines that symbol and hands its test function to
/// libFuzzer's documented entry point, `LLVMFuzzerRunDriver`.
public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: FuzzTest
) -> Int32

public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: FuzzTest) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}
