import Foundation

/// Everything `sync` needs to know about the board's side, gathered in a single execution: the
/// whole tree under the target folder with sizes, and a digest of each file whose size matches
/// the local copy (the only files that might be unchanged). A sync with nothing to do therefore
/// costs one round trip, whatever the size of the tree.
///
/// The script is self-contained (it does not rely on the filesystem helpers being installed),
/// which is what keeps the no-change case at one execution even on a fresh connection.
public struct RemoteSnapshot: Sendable, Equatable {
    public enum Entry: Sendable, Equatable {
        case directory
        /// `digest` is empty when sizes differed or the board has no usable hashlib.
        case file(size: Int, digest: String)
    }

    /// False when the target folder does not exist yet.
    public var rootExists: Bool
    /// The hash algorithm the board used (`sha256`, else `sha1` or `md5`), empty if none.
    public var algorithm: String
    /// Relative path to what the board holds there.
    public var entries: [String: Entry]

    public init(rootExists: Bool, algorithm: String, entries: [String: Entry]) {
        self.rootExists = rootExists
        self.algorithm = algorithm
        self.entries = entries
    }

    /// Hash algorithms in order of preference; all are in MicroPython's hashlib on most ports.
    static let algorithms = ["sha256", "sha1", "md5"]

    /// Python that prints the snapshot of `root`, hashing files whose relative path has the
    /// size given in `sizes`.
    static func script(root: String, sizes: [String: Int]) -> String {
        let wanted = sizes.sorted { $0.key < $1.key }
            .map { "\(PythonLiteral.string($0.key)):\($0.value)" }.joined(separator: ",")
        return #"""
        def _ur_sn(R,W):
         import os
         if R:
          try:m=os.stat(R)[0]
          except OSError:
           print('N');return
          if not m&0x4000:raise OSError(20)
         H=None;A=''
         try:
          import hashlib
          for a in \#(PythonLiteral.list(algorithms)):
           if hasattr(hashlib,a):H=getattr(hashlib,a);A=a;break
         except ImportError:pass
         print('A\t'+A)
         b=bytearray(512);v=memoryview(b)
         def d(p,q):
          for n in (os.listdir(p) if p else os.listdir()):
           f=p.rstrip('/')+'/'+n if p else n
           r=q+'/'+n if q else n
           s=os.stat(f)
           if s[0]&0x4000:
            print('d\t'+r);d(f,r)
           else:
            x=''
            if H and W.get(r)==s[6]:
             h=H()
             with open(f,'rb') as o:
              while 1:
               k=o.readinto(b)
               if not k:break
               h.update(v[:k])
             x=''.join('%02x'%c for c in h.digest())
            print('f\t%d\t%s\t%s'%(s[6],x,r))
         d(R,'')
        _ur_sn(\#(PythonLiteral.string(root)),{\#(wanted)})
        del _ur_sn
        """#
    }

    /// Parses what `script` printed.
    static func parse(_ text: String) throws -> RemoteSnapshot {
        var snapshot = RemoteSnapshot(rootExists: true, algorithm: "", entries: [:])
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line == "N" { return RemoteSnapshot(rootExists: false, algorithm: "", entries: [:]) }
            let fields = line.split(separator: "\t", maxSplits: line.hasPrefix("f") ? 3 : 1, omittingEmptySubsequences: false)
            switch fields.first {
            case "A" where fields.count == 2:
                snapshot.algorithm = String(fields[1])
            case "d" where fields.count == 2:
                snapshot.entries[String(fields[1])] = .directory
            case "f" where fields.count == 4:
                guard let size = Int(fields[1]) else { throw BoardFileError.protocolViolation("sync snapshot: \(line)") }
                snapshot.entries[String(fields[3])] = .file(size: size, digest: String(fields[2]))
            default:
                throw BoardFileError.protocolViolation("sync snapshot: \(line)")
            }
        }
        return snapshot
    }

    /// Takes the snapshot in one execution on the board.
    public static func take(root: String, sizes: [String: Int], runner: BoardCodeRunner,
                            timeout: Duration?) throws -> RemoteSnapshot {
        let output: BoardOutput
        do {
            output = try runner.runCode(script(root: root, sizes: sizes), timeout: timeout)
        } catch BoardFileError.boardException(let traceback) {
            throw BoardFileSystem.error(fromTraceback: traceback, operation: "sync", path: root)
        }
        return try parse(output.text)
    }
}
