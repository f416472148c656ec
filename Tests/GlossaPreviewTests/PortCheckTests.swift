import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import GlossaPreview
import Testing

struct PortCheckTests {
    @Test func aTakenPortIsAClearError() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        do {
            try PortCheck.ensureAvailable(host: "127.0.0.1", port: port)
            Issue.record("port \(port) is taken, yet the check passed")
        } catch {
            #expect(error.description == "port \(port) on 127.0.0.1 is already in use (another `glossa serve`?); stop that process or choose another with --port")
        }
    }
}
