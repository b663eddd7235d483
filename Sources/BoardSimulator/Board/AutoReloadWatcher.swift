import Foundation

/// CircuitPython's auto-reload: while code.py runs or waits for a key, a change to the flash
/// folder made from outside (the "USB drive") restarts code.py.
final class AutoReloadWatcher: @unchecked Sendable {
    private let flash: FlashFolder
    private let lock = NSLock()
    private var armed = false
    private var stopped = false
    private var baseline: [String: String] = [:]
    private let onChange: @Sendable () -> Void

    init(flash: FlashFolder, onChange: @escaping @Sendable () -> Void) {
        self.flash = flash
        self.onChange = onChange
        let thread = Thread { [weak self] in self?.watch() }
        thread.name = "sim-autoreload"
        thread.start()
    }

    /// Starts watching from the flash's current state.
    func arm() {
        let now = flash.snapshot()
        lock.lock()
        baseline = now
        armed = true
        lock.unlock()
    }

    func disarm() {
        lock.lock()
        armed = false
        lock.unlock()
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: 0.3)
            lock.lock()
            let done = stopped
            let isArmed = armed
            let previous = baseline
            lock.unlock()
            if done { return }
            guard isArmed else { continue }
            let now = flash.snapshot()
            if now != previous {
                lock.lock()
                armed = false
                lock.unlock()
                onChange()
            }
        }
    }
}
