import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Exchanges two directories in one step, so the output folder is always a complete site.
///
/// Linux's `renameat2(RENAME_EXCHANGE)` swaps two paths atomically: at every instant the output
/// path holds either the whole previous site or the whole new one, even under `kill -9`. Swift's
/// Glibc module does not export it, so it is looked up at run time. Where it is missing (old
/// kernels, other systems) the swap falls back to two renames; the gap between them is recovered
/// on the next build, which finds the previous site still at the staging path.
enum DirectorySwap {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let renameExchange: UInt32 = 1 << 1
    private static let atCurrentDirectory: Int32 = -100

    /// Puts `staging` at `target`; the previous `target` ends up at `staging`.
    /// Returns false if the paths could not be exchanged atomically and nothing was changed.
    static func exchange(_ staging: String, _ target: String) -> Bool {
        guard let renameat2 else { return false }
        return renameat2(atCurrentDirectory, staging, atCurrentDirectory, target, renameExchange) == 0
    }
}
