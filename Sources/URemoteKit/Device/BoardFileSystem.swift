import Crypto
import Foundation

/// The board's filesystem, driven through a raw-REPL session.
///
/// Every operation is one call into the helper functions uremote installs on the board once per
/// session (`BoardHelperScript`), so a command costs one round trip; transfers stream framed bytes
/// with flow control and verification (`FileUploader`, `FileDownloader`). Errors are
/// `BoardFileError`s that name the operation, the path and the errno's meaning.
public final class BoardFileSystem {
    public let runner: BoardCodeRunner
    /// Features to treat as missing even when the board has them; exercises the fallbacks.
    public let disabledFeatures: Set<BoardFeature>
    public var options: TransferOptions
    /// Told about transfer progress (a terminal bar in the CLI); nil for silence.
    public var progress: TransferProgressObserver?
    /// Totals of this session's transfers (transfer phase only).
    public let statistics = TransferStatistics()
    /// What uploads learnt about the link (UART that drops bytes, or flow-controlled).
    public private(set) lazy var pacing = LinkPacing(flowControlled: options.linkHasFlowControl)
    private var cachedCapabilities: BoardCapabilities?

    public init(runner: BoardCodeRunner, disabledFeatures: Set<BoardFeature> = [],
                options: TransferOptions = .init(), progress: TransferProgressObserver? = nil) {
        self.runner = runner
        self.disabledFeatures = disabledFeatures
        self.options = options
        self.progress = progress
    }

    // MARK: Helper installation

    /// Probes the board once per session, sending the helper functions only when the board does
    /// not already hold this version of them.
    public func capabilities() throws -> BoardCapabilities {
        if let c = cachedCapabilities { return c }
        _ = try probe(then: nil)
        guard let caps = cachedCapabilities else { throw BoardFileError.protocolViolation("no capabilities") }
        return caps
    }

    /// Runs the capability probe (installing the helper first when the board lacks it) and, in the
    /// same execution, `code`: the first command of a session costs one round trip, not two.
    /// Returns what `code` printed, the capability line taken out.
    private func probe(then code: String?) throws -> [Substring] {
        let off = BoardFeature.allCases.filter { disabledFeatures.contains($0) }.map(\.rawValue).joined()
        let initialise = "_ur_init('\(off)')" + (code.map { "\n" + $0 } ?? "")
        let check = "if globals().get('_ur_V')!=\(BoardHelperScript.version):raise NameError('_ur_V')\n"
        var output: BoardOutput
        do {
            output = try runner.runCode(check + initialise, timeout: options.hostTimeout)
        } catch BoardFileError.boardException(let traceback) where traceback.contains("NameError") && traceback.contains("_ur_V") {
            output = try installHelper(then: initialise)
        }
        var lines = output.text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("caps ") }),
              let caps = BoardCapabilities.parse(lines[index]) else {
            throw BoardFileError.protocolViolation("capability probe printed \(output.text.debugDescription)")
        }
        cachedCapabilities = caps
        lines.removeSubrange(...index)
        return lines
    }

    /// Forgets what was learnt about the board, for after a soft reset wiped the helper functions
    /// from its RAM: the next operation probes (and installs) again.
    public func forgetBoardState() {
        cachedCapabilities = nil
    }

    /// Sends the helper functions (see `HelperInstaller`), then runs `call` after them.
    private func installHelper(then call: String) throws -> BoardOutput {
        try HelperInstaller(runner: runner, timeout: options.hostTimeout).install(then: call)
    }

    /// Runs a helper call and returns its stdout lines; an `OSError` becomes a `BoardFileError`
    /// naming `operation` and `path`.
    func call(_ code: String, operation: String, path: String) throws -> [Substring] {
        do {
            if cachedCapabilities == nil { return try probe(then: code) }
            return try runHelperCall(code)
        } catch BoardFileError.boardException(let traceback) where Self.lostHelper(traceback) {
            // The board was reset behind our back (machine.soft_reset(), Ctrl-D in a REPL):
            // install the helper again and retry once.
            forgetBoardState()
            _ = try capabilities()
            do {
                return try runHelperCall(code)
            } catch BoardFileError.boardException(let traceback) {
                throw Self.error(fromTraceback: traceback, operation: operation, path: path)
            }
        } catch BoardFileError.boardException(let traceback) {
            throw Self.error(fromTraceback: traceback, operation: operation, path: path)
        }
    }

    private func runHelperCall(_ code: String) throws -> [Substring] {
        let out = try runner.runCode(code, timeout: options.hostTimeout)
        return out.text.split(separator: "\n", omittingEmptySubsequences: true)
    }

    /// Whether a traceback says one of uremote's own helper names is missing on the board.
    static func lostHelper(_ traceback: String) -> Bool {
        traceback.contains("NameError") && traceback.contains("'_ur_")
    }

    static func error(fromTraceback traceback: String, operation: String, path: String) -> BoardFileError {
        if let errno = BoardErrno.fromTraceback(traceback) {
            return .fromErrno(errno, operation: operation, path: path)
        }
        return .boardException(traceback)
    }

    static func error(from output: BoardOutput, operation: String, path: String) -> BoardFileError {
        let traceback = String(decoding: output.errorOutput, as: UTF8.self)
        if traceback.isEmpty {
            return .protocolViolation(String(decoding: output.output, as: UTF8.self))
        }
        return error(fromTraceback: traceback, operation: operation, path: path)
    }

    // MARK: Queries

    /// The board's current directory.
    public func currentDirectory() throws -> String {
        let lines = try call("print(os.getcwd())", operation: "cwd", path: "")
        return lines.last.map(String.init) ?? ""
    }

    /// Directory entries in the board's order. Sizes are what `ilistdir` reports (0 where a port
    /// omits them), exactly as mpremote lists them, unless `exactSizes` asks for a stat of each.
    public func list(_ path: String, exactSizes: Bool = false) throws -> [RemoteEntry] {
        let lines = try call("_ur_ls(\(PythonLiteral.string(path)),\(exactSizes ? 1 : 0))", operation: "ls", path: path)
        return lines.compactMap(RemoteEntry.parse)
    }

    /// `os.stat` of `path`, nil when it does not exist.
    public func stat(_ path: String) throws -> RemoteStat? {
        let lines = try call("_ur_st(\(PythonLiteral.string(path)))", operation: "stat", path: path)
        guard let line = lines.last else { throw BoardFileError.protocolViolation("empty stat") }
        if line.hasPrefix("E") {
            let errno = Int(line.dropFirst()) ?? BoardErrno.io
            if errno == BoardErrno.notFound { return nil }
            throw BoardFileError.fromErrno(errno, operation: "stat", path: path)
        }
        let parts = line.split(separator: "/")
        guard parts.count == 2, let mode = Int(parts[0]), let size = Int(parts[1]) else {
            throw BoardFileError.protocolViolation(String(line))
        }
        return RemoteStat(mode: mode, size: size)
    }

    public func isDirectory(_ path: String) throws -> Bool {
        try stat(path)?.isDirectory ?? false
    }

    /// Everything under `path` in one round trip, each level sorted by name.
    public func tree(_ path: String, exactSizes: Bool = false) throws -> [RemoteTreeNode] {
        let lines = try call("_ur_tree(\(PythonLiteral.string(path)),\(exactSizes ? 1 : 0))", operation: "tree", path: path)
        var flat: [(depth: Int, entry: RemoteEntry)] = []
        for line in lines {
            let parts = line.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let depth = Int(parts[0]), let entry = RemoteEntry.parse(parts[1]) else { continue }
            flat.append((depth, entry))
        }
        var index = 0
        func build(depth: Int) -> [RemoteTreeNode] {
            var nodes: [RemoteTreeNode] = []
            while index < flat.count && flat[index].depth == depth {
                let entry = flat[index].entry
                index += 1
                let children = flat.indices.contains(index) && flat[index].depth > depth ? build(depth: depth + 1) : []
                nodes.append(RemoteTreeNode(entry: entry, children: children))
            }
            return nodes.sorted { $0.entry.name < $1.entry.name }
        }
        return build(depth: 0)
    }

    /// Digest of a board file; computed on the board when its hashlib has `algorithm`, else on
    /// the host from a verified download.
    public func hash(_ path: String, algorithm: String) throws -> [UInt8] {
        let caps = try capabilities()
        if caps.hashAlgorithms.contains(algorithm) {
            let lines = try call("print(_ur_hex(_ur_hash(\(PythonLiteral.string(path)),'\(algorithm)')))",
                                 operation: "\(algorithm)sum", path: path)
            guard let line = lines.last, line.count % 2 == 0 else { throw BoardFileError.protocolViolation("no digest") }
            return Self.bytes(fromHex: line)
        }
        guard let hasher = HostHash(algorithm) else {
            throw BoardFileError.usage("\(algorithm)sum: unknown hash algorithm (known: sha256, sha1, md5)")
        }
        let data = try readFile(path, operation: "\(algorithm)sum")
        return hasher.digest(data)
    }

    /// Filesystems mounted on the board with their sizes.
    public func diskUsage() throws -> [DiskUsage] {
        let lines = try call("_ur_df()", operation: "df", path: "")
        return lines.compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 5, let bs = Int(f[2]), let blocks = Int(f[3]), let free = Int(f[4]) else { return nil }
            return DiskUsage(mountPoint: String(f[0]), filesystem: String(f[1]), blockSize: bs, blocks: blocks, freeBlocks: free)
        }
    }

    // MARK: Changes

    public func makeDirectory(_ path: String) throws {
        _ = try call("os.mkdir(\(PythonLiteral.string(path)))", operation: "mkdir", path: path)
    }

    public func removeDirectory(_ path: String) throws {
        _ = try call("os.rmdir(\(PythonLiteral.string(path)))", operation: "rmdir", path: path)
    }

    /// Removes a file, or with `recursive` a whole directory tree, in one round trip. Returns the
    /// `removed: 'x'` lines the board printed when `verbose`; a directory that cannot be removed
    /// (other than a mount point, which is skipped) ends the walk with a last line `!ERRNO/PATH`.
    @discardableResult
    public func remove(_ path: String, recursive: Bool = false, verbose: Bool = false) throws -> [String] {
        if !recursive {
            _ = try call("os.remove(\(PythonLiteral.string(path)))", operation: "rm", path: path)
            return []
        }
        let lines = try call("_ur_rm(\(PythonLiteral.string(path)),1,\(verbose ? 1 : 0))", operation: "rm", path: path)
        return lines.map(String.init)
    }

    /// Creates an empty file, or leaves an existing one as it is.
    public func touch(_ path: String) throws {
        _ = try call("open(\(PythonLiteral.string(path)),'a').close()", operation: "touch", path: path)
    }

    // MARK: Transfers

    /// The bytes of a board file, verified against the board's size and SHA-256.
    public func readFile(_ path: String, operation: String = "cp") throws -> [UInt8] {
        var result: [UInt8] = []
        do {
            try download([path], labels: [path]) { _, bytes in result = bytes }
        } catch let error as BoardFileError {
            if let errno = error.errno { throw BoardFileError.fromErrno(errno, operation: operation, path: path) }
            throw error
        }
        return result
    }

    /// Downloads several files in one execution, handing each verified file to `deliver`.
    public func download(_ paths: [String], sizes: [Int?] = [], labels: [String],
                         deliver: (Int, [UInt8]) throws -> Void) throws {
        let caps = try capabilities()
        let downloader = FileDownloader(runner: runner, capabilities: caps, options: options, progress: progress,
                                        statistics: statistics)
        try downloader.download(paths, sizes: sizes, label: { labels[$0] }, deliver: deliver)
    }

    /// Writes files to the board safely (temporary file, verification, rename), in one execution.
    public func upload(_ items: [UploadItem]) throws {
        let caps = try capabilities()
        let uploader = FileUploader(runner: runner, capabilities: caps, options: options, progress: progress,
                                    statistics: statistics, pacing: pacing)
        try uploader.upload(items)
    }

    public func writeFile(_ data: [UInt8], to path: String) throws {
        try upload([UploadItem(data: data, remotePath: path)])
    }

    static func bytes(fromHex hex: Substring) -> [UInt8] {
        var out: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex, let j = hex.index(i, offsetBy: 2, limitedBy: hex.endIndex) {
            if let b = UInt8(hex[i..<j], radix: 16) { out.append(b) }
            i = j
        }
        return out
    }
}

/// Host-side digests for boards whose hashlib lacks an algorithm.
struct HostHash {
    let digest: ([UInt8]) -> [UInt8]

    init?(_ algorithm: String) {
        switch algorithm {
        case "sha256": digest = { Array(SHA256.hash(data: $0)) }
        case "sha1": digest = { Array(Insecure.SHA1.hash(data: $0)) }
        case "md5": digest = { Array(Insecure.MD5.hash(data: $0)) }
        case "sha384": digest = { Array(SHA384.hash(data: $0)) }
        case "sha512": digest = { Array(SHA512.hash(data: $0)) }
        default: return nil
        }
    }
}
