import Testing
@testable import URemoteKit

@Suite struct InMemoryLinkTests {
    @Test func bytesCrossThePair() throws {
        let (host, board) = InMemoryLink.makePair()
        try host.write([1, 2, 3])
        #expect(try board.read(maxCount: 10, timeout: .milliseconds(100)) == [1, 2, 3])
    }

    @Test func readTimesOutWithEmptyResult() throws {
        let (host, _) = InMemoryLink.makePair()
        #expect(try host.read(maxCount: 10, timeout: .milliseconds(20)) == [])
    }

    @Test func closingTheOtherEndEndsReads() throws {
        let (host, board) = InMemoryLink.makePair()
        board.close()
        #expect(throws: LinkError.self) { try host.read(maxCount: 1, timeout: .milliseconds(50)) }
    }
}
