import Foundation

/// Why a file or folder of the output could not be written, said so that the user knows what to do.
///
/// A full disk is the write failure a CI runner or a small server meets most, and `strerror`
/// alone ("No space left on device") after a staging path reads like a bug in Glossa. A full
/// disk, a used-up quota and a file-size limit are named as such, with the remedy. That the site
/// already in the output folder is untouched the build's last line says (`Output/ left as it was`).
enum WriteFailure {
    /// The build error for a failed `action` ("write", "create folder", "link") on `path`.
    static func error(_ code: Int32, _ action: String, _ path: String) -> BuildError {
        let system = String(cString: strerror(code))
        let explanation = switch code {
        case ENOSPC: "the disk is full (\(system)); free some space and build again"
        case EDQUOT: "the disk quota is used up (\(system)); free some space or raise the quota and build again"
        case EFBIG: "the file is larger than the file system or the file size limit (`ulimit -f`) allows (\(system))"
        default: system
        }
        return BuildError(.error("cannot \(action) \(path): \(explanation)"))
    }

    /// The `errno` behind a Foundation file error, if it carries one.
    static func code(of error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? Error, let code = code(of: underlying) { return code }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == CocoaError.fileWriteOutOfSpace.rawValue { return ENOSPC }
        return nil
    }
}
