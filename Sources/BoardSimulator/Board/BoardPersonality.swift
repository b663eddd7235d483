/// Which firmware the simulated board pretends to run; it decides the banner, the start-up
/// files and the modules a tool will find, so uremote's CircuitPython fallbacks can be tested
/// without hardware.
public enum BoardPersonality: String, Sendable, CaseIterable {
    case micropython
    case circuitpython

    /// The firmware version the banner and `sys.implementation` report.
    public var version: (major: Int, minor: Int, micro: Int) {
        switch self {
        case .micropython: return (1, 25, 0)
        case .circuitpython: return (9, 2, 1)
        }
    }

    var versionString: String {
        let v = version
        return "\(v.major).\(v.minor).\(v.micro)"
    }

    /// The firmware build date shown in the banner and `os.uname().version`.
    var buildDate: String {
        switch self {
        case .micropython: return "2025-04-15"
        case .circuitpython: return "2024-11-20"
        }
    }

    /// The first banner line, without line end (as `pyexec` prints it).
    var bannerLine: String {
        switch self {
        case .micropython:
            return "MicroPython v\(versionString) on \(buildDate); uremote simulator with Swift"
        case .circuitpython:
            return "Adafruit CircuitPython \(versionString) on \(buildDate); uremote simulator with Swift"
        }
    }

    /// The script run after boot.py on power-up and soft reset.
    var mainScript: String {
        switch self {
        case .micropython: return "main.py"
        case .circuitpython: return "code.py"
        }
    }

    /// The value of `sys.platform`.
    var platform: String {
        switch self {
        case .micropython: return "sim"
        case .circuitpython: return "Sim"
        }
    }

    var implementationName: String {
        switch self {
        case .micropython: return "micropython"
        case .circuitpython: return "circuitpython"
        }
    }

    /// What `os.uname().machine` reports.
    var machineName: String { "uremote simulator with Swift" }
}
