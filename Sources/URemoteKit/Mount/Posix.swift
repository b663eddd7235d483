#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C calls the file server makes, under names its own methods (`open`, `close`, `stat`...)
/// cannot shadow.
enum Posix {
    typealias FileStatus = stat
    typealias VolumeStatus = statvfs

    static func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, flags, mode)
        #else
        Darwin.open(path, flags, mode)
        #endif
    }

    @discardableResult
    static func close(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(descriptor)
        #else
        Darwin.close(descriptor)
        #endif
    }

    static func status(_ path: String, _ info: inout FileStatus) -> Int32 {
        stat(path, &info)
    }

    static func rename(_ from: String, _ to: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.rename(from, to)
        #else
        Darwin.rename(from, to)
        #endif
    }

    static func rmdir(_ path: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.rmdir(path)
        #else
        Darwin.rmdir(path)
        #endif
    }

    static func volumeStatus(_ path: String, _ info: inout VolumeStatus) -> Int32 {
        statvfs(path, &info)
    }

    static func modificationSeconds(_ info: FileStatus) -> Int {
        #if canImport(Glibc)
        Int(info.st_mtim.tv_sec)
        #else
        Int(info.st_mtimespec.tv_sec)
        #endif
    }
}
