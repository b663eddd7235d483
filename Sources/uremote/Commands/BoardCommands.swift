import Foundation
import URemoteKit

/// `soft-reset`
enum SoftResetCommand: CLICommand {
    static let spec = CommandSpec(
        ["soft-reset"], summary: "soft-reset the board, clearing its Python state",
        details: "Restarts the board's Python interpreter (variables and imported modules are gone) and leaves it in the raw REPL for the next command.")

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try context.softReset()
        context.markActed()
    }
}

/// `reset`
enum ResetCommand: CLICommand {
    static let spec = CommandSpec(
        ["reset"], summary: "hard-reset the board (machine.reset())",
        details: "Calls machine.reset() on the board; the board restarts as at power-up and its USB serial port may disappear for a moment.")

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try BoardProgram.run("import time, machine; time.sleep_ms(100); machine.reset()", follow: false, in: context)
    }
}

/// `bootloader`
enum BootloaderCommand: CLICommand {
    static let spec = CommandSpec(
        ["bootloader"], summary: "make the board enter its bootloader (machine.bootloader())",
        details: "Calls machine.bootloader() on the board, ready for new firmware; the board leaves the serial connection.")

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try BoardProgram.run("import time, machine; time.sleep_ms(100); machine.bootloader()", follow: false, in: context)
    }
}

/// `rtc [--set]`
enum RtcCommand: CLICommand {
    static let spec = CommandSpec(
        ["rtc"], summary: "print the board's real-time clock, or set it to the computer's time",
        details: "Without options prints machine.RTC().datetime() as the board reports it: (year, month, day, weekday, hours, minutes, seconds, subseconds). With --set the clock is set to the computer's local time.",
        options: [.toggle("set", short: "s", default: false, summary: "set the board's clock to the computer's local time")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let session = try context.rawSession()
        context.markActed()
        if command.flag("set") {
            let result = try session.execute("import machine; machine.RTC().datetime(\(localTimeTuple()))")
            if result.raisedException { throw SessionError.boardException(traceback: result.errorText) }
        } else {
            context.output.line(try session.evaluate("__import__('machine').RTC().datetime()"))
        }
    }

    /// `(year, month, day, weekday, hour, minute, second, microsecond)` with Monday as weekday 0.
    static func localTimeTuple(_ date: Date = Date()) -> String {
        let calendar = Calendar(identifier: .gregorian)
        let parts = calendar.dateComponents(in: TimeZone.current, from: date)
        let weekday = ((parts.weekday ?? 2) + 5) % 7  // Calendar: Sunday = 1
        let micro = (parts.nanosecond ?? 0) / 1000
        return "(\(parts.year ?? 2000), \(parts.month ?? 1), \(parts.day ?? 1), \(weekday), \(parts.hour ?? 0), \(parts.minute ?? 0), \(parts.second ?? 0), \(micro))"
    }
}
