/// MicroPython's `re` engine: compile once, then match, search, substitute and split bytes.
///
/// Matching backtracks over a compiled program with an explicit stack (no recursion, so deep
/// patterns cannot overflow the host's stack) and a step budget, so a pathological pattern
/// raises `RuntimeError` instead of hanging the board.
public struct RegexEngine: Sendable {
    /// Capture positions of one match: `start(n)`/`end(n)` are byte offsets, nil when group `n`
    /// did not take part. Group 0 is the whole match.
    public struct Match: Equatable, Sendable {
        public let slots: [Int]

        public var groupCount: Int { slots.count / 2 - 1 }
        public func start(_ group: Int) -> Int? { slots[2 * group] >= 0 ? slots[2 * group] : nil }
        public func end(_ group: Int) -> Int? { slots[2 * group + 1] >= 0 ? slots[2 * group + 1] : nil }
        public func range(_ group: Int) -> Range<Int>? {
            guard let start = start(group), let end = end(group), start <= end else { return nil }
            return start..<end
        }
    }

    let program: RegexProgram
    /// Upper bound on matcher steps for one match attempt sequence.
    public var stepLimit = 20_000_000

    /// The number of capturing groups, not counting group 0.
    public var groupCount: Int { program.groupCount }

    public init(pattern: [UInt8]) throws(EngineError) {
        program = try RegexCompiler.compile(pattern)
    }

    public static let tooManySteps = EngineError(.runtimeError, "maximum recursion depth exceeded")

    /// `re.match`: the pattern must match at `start`.
    public func match(_ subject: [UInt8], at start: Int = 0) throws(EngineError) -> Match? {
        var steps = 0
        return try run(subject, at: start, steps: &steps)
    }

    /// `re.search`: the leftmost position where the pattern matches.
    public func search(_ subject: [UInt8], from start: Int = 0) throws(EngineError) -> Match? {
        var steps = 0
        var position = start
        while position <= subject.count {
            if let first = program.firstByte {
                guard let found = subject[position...].firstIndex(of: first) else { return nil }
                position = found
            }
            if let found = try run(subject, at: position, steps: &steps) { return found }
            position += 1
        }
        return nil
    }

    /// `re.sub`. MicroPython stops at the first empty match (it never substitutes one), and
    /// `count` 0 means no limit. `replacement` produces the bytes for each match.
    public func substitute(
        _ subject: [UInt8], count: Int = 0, replacement: (Match) throws -> [UInt8]
    ) throws -> [UInt8] {
        var output: [UInt8] = []
        var position = 0
        var done = 0
        while count <= 0 || done < count {
            guard let found = try search(subject, from: position), let whole = found.range(0) else { break }
            if whole.isEmpty { break }
            output += subject[position..<whole.lowerBound]
            output += try replacement(found)
            position = whole.upperBound
            done += 1
        }
        output += subject[position...]
        return output
    }

    /// `pattern.split`. Patterns with groups are refused as MicroPython refuses them; an empty
    /// match ends the splitting; `maxSplit` 0 or negative means no limit.
    public func split(_ subject: [UInt8], maxSplit: Int = 0) throws(EngineError) -> [[UInt8]] {
        if groupCount > 0 { throw EngineError(.notImplemented, "splitting with sub-captures") }
        var pieces: [[UInt8]] = []
        var position = 0
        var remaining = maxSplit
        while maxSplit <= 0 || remaining > 0 {
            guard let found = try search(subject, from: position), let whole = found.range(0) else { break }
            if whole.isEmpty { break }
            pieces.append(Array(subject[position..<whole.lowerBound]))
            position = whole.upperBound
            remaining -= 1
        }
        pieces.append(Array(subject[position...]))
        return pieces
    }

    /// Expands a `sub` template: `\N` and `\g<N>` insert group N (empty if it did not take
    /// part, IndexError if it does not exist); any other escaped character is itself.
    public static func expand(template: [UInt8], match: Match, subject: [UInt8]) throws(EngineError) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        func group(_ number: Int) throws(EngineError) {
            guard number <= match.groupCount else { throw EngineError(.indexError, String(number)) }
            if let range = match.range(number) { output += subject[range] }
        }
        while index < template.count {
            let byte = template[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < template.count else {
                output.append(byte)
                continue
            }
            let next = template[index]
            if next >= 48 && next <= 57 {
                var number = 0
                while index < template.count, template[index] >= 48, template[index] <= 57 {
                    number = min(number * 10 + Int(template[index] - 48), 1 << 20)
                    index += 1
                }
                try group(number)
            } else if next == UInt8(ascii: "g"), index + 1 < template.count, template[index + 1] == UInt8(ascii: "<"),
                let close = template[(index + 2)...].firstIndex(of: UInt8(ascii: ">")),
                let number = Int(String(decoding: template[(index + 2)..<close], as: UTF8.self)) {
                index = close + 1
                try group(number)
            } else {
                output.append(next)
                index += 1
            }
        }
        return output
    }

    private enum Backtrack {
        case resume(pc: Int, position: Int)
        case restore(slot: Int, value: Int)
    }

    private func run(_ subject: [UInt8], at start: Int, steps: inout Int) throws(EngineError) -> Match? {
        let code = program.instructions
        let slotCount = 2 * (program.groupCount + 1)
        // Captures first, then loop marks.
        var slots = [Int](repeating: -1, count: slotCount + program.loopSlots)
        var stack: [Backtrack] = []
        var pc = 0
        var position = start
        let count = subject.count
        while true {
            steps += 1
            if steps > stepLimit || stack.count > 1_000_000 { throw Self.tooManySteps }
            var failed = false
            switch code[pc] {
            case .byte(let byte):
                if position < count && subject[position] == byte {
                    position += 1
                    pc += 1
                } else {
                    failed = true
                }
            case .any:
                if position < count {
                    position += 1
                    pc += 1
                } else {
                    failed = true
                }
            case .byteClass(let index):
                if position < count && program.classes[index].contains(subject[position]) {
                    position += 1
                    pc += 1
                } else {
                    failed = true
                }
            case .split(let prefer, let other):
                stack.append(.resume(pc: other, position: position))
                pc = prefer
            case .jump(let target):
                pc = target
            case .save(let slot):
                stack.append(.restore(slot: slot, value: slots[slot]))
                slots[slot] = position
                pc += 1
            case .atStart:
                if position == 0 { pc += 1 } else { failed = true }
            case .atEnd:
                if position == count { pc += 1 } else { failed = true }
            case .mark(let loop):
                stack.append(.restore(slot: slotCount + loop, value: slots[slotCount + loop]))
                slots[slotCount + loop] = position
                pc += 1
            case .requireProgress(let loop):
                // MicroPython's recursive matcher never returns from a loop whose body matched
                // nothing; it dies with this RuntimeError, so the simulator does the same.
                if slots[slotCount + loop] == position { throw Self.tooManySteps }
                pc += 1
            case .match:
                return Match(slots: Array(slots[0..<slotCount]))
            }
            if failed {
                var resumed = false
                while let entry = stack.popLast() {
                    switch entry {
                    case .restore(let slot, let value):
                        slots[slot] = value
                    case .resume(let target, let at):
                        pc = target
                        position = at
                        resumed = true
                    }
                    if resumed { break }
                }
                if !resumed { return nil }
            }
        }
    }
}
