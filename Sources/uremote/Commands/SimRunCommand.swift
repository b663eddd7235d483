import BoardSimulator
import Foundation
import PythonInterpreter

/// `uremote sim run FILE|-`: runs a program on a fresh simulated board whose flash is the
/// current folder, like `micropython FILE` on the unix port: output on stdout, the traceback of
/// an uncaught exception on stderr with exit status 1, SystemExit(n) exits with n.
enum SimRunCommand {
    static func run(arguments: [String]) -> Int32 {
        guard let target = arguments.first else {
            FileHandle.standardError.write(Data("uremote: sim run needs a file name (or - for standard input)\n".utf8))
            return 2
        }
        let source: String
        let filename: String
        if target == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            filename = "<stdin>"
        } else {
            guard let data = FileManager.default.contents(atPath: target) else {
                FileHandle.standardError.write(Data("uremote: can't open file '\(target)': no such file\n".utf8))
                return 2
            }
            source = String(decoding: data, as: UTF8.self)
            filename = target
        }
        let cwd = FileManager.default.currentDirectoryPath
        let host = StandardIOHost(fileSystem: HostFolderFileSystem(root: cwd))
        var config = InterpreterConfiguration(host: host)
        config.argv = [target] + Array(arguments.dropFirst())
        let interpreter = Interpreter(configuration: config)
        switch interpreter.run(source: source, filename: filename) {
        case .completed:
            return 0
        case .exception(let error):
            host.writeStderr(Array(error.traceback.utf8))
            return 1
        case .systemExit(let code):
            return code
        }
    }
}
