import Crypto

/// An incremental `hashlib` hash. MicroPython's hashes have only `update` and `digest`, and
/// `digest` finalizes: any later `update` or `digest` raises "hash is final".
public struct HashState {
    public enum Algorithm: String, Sendable, CaseIterable {
        case sha256, sha1, md5
    }

    private enum Engine {
        case sha256(SHA256)
        case sha1(Insecure.SHA1)
        case md5(Insecure.MD5)
    }

    public let algorithm: Algorithm
    private var engine: Engine
    private var finished = false

    public init(_ algorithm: Algorithm) {
        self.algorithm = algorithm
        switch algorithm {
        case .sha256: engine = .sha256(SHA256())
        case .sha1: engine = .sha1(Insecure.SHA1())
        case .md5: engine = .md5(Insecure.MD5())
        }
    }

    static let final = EngineError(.valueError, "hash is final")

    public mutating func update(_ data: [UInt8]) throws(EngineError) {
        if finished { throw Self.final }
        switch engine {
        case .sha256(var hash):
            hash.update(data: data)
            engine = .sha256(hash)
        case .sha1(var hash):
            hash.update(data: data)
            engine = .sha1(hash)
        case .md5(var hash):
            hash.update(data: data)
            engine = .md5(hash)
        }
    }

    public mutating func digest() throws(EngineError) -> [UInt8] {
        if finished { throw Self.final }
        finished = true
        switch engine {
        case .sha256(let hash): return Array(hash.finalize())
        case .sha1(let hash): return Array(hash.finalize())
        case .md5(let hash): return Array(hash.finalize())
        }
    }
}
