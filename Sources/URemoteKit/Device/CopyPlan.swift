/// What the board said about the destination of a copy, from one `_ur_cp` call: where files go
/// and, for each, whether it exists with the same size and (when it does) its SHA-256.
struct CopyPlan {
    /// st_mode of the destination as given (-1: does not exist).
    var destinationMode: Int
    /// The resolved destination root: the file path for a single file, the tree root for `-r`.
    var root: String
    /// Directories that could not be created: (errno, path).
    var directoryErrors: [(Int, String)]
    /// Per file, in request order.
    var files: [RemoteFileState]

    enum RemoteFileState: Equatable {
        case missing
        case failed(errno: Int)
        case present(mode: Int, size: Int, sha256: String)
    }

    static func parse(_ lines: [Substring]) throws -> CopyPlan {
        guard let first = lines.first, first.hasPrefix("R") else {
            throw BoardFileError.protocolViolation("copy plan: \(lines.first ?? "")")
        }
        let head = first.dropFirst().split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard head.count == 2, let mode = Int(head[0]) else { throw BoardFileError.protocolViolation(String(first)) }
        var plan = CopyPlan(destinationMode: mode, root: String(head[1]), directoryErrors: [], files: [])
        for line in lines.dropFirst() {
            if line.hasPrefix("D") {
                let parts = line.dropFirst().split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                plan.directoryErrors.append((Int(parts[0]) ?? BoardErrno.io, parts.count > 1 ? String(parts[1]) : ""))
            } else if line.hasPrefix("E") {
                let errno = Int(line.dropFirst()) ?? BoardErrno.io
                plan.files.append(errno == BoardErrno.notFound ? .missing : .failed(errno: errno))
            } else {
                let parts = line.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 3, let mode = Int(parts[0]), let size = Int(parts[1]) else {
                    throw BoardFileError.protocolViolation(String(line))
                }
                plan.files.append(.present(mode: mode, size: size, sha256: String(parts[2])))
            }
        }
        return plan
    }

    var destinationExists: Bool { destinationMode >= 0 }
    var destinationIsDirectory: Bool { destinationMode >= 0 && destinationMode & 0x4000 != 0 }
}
