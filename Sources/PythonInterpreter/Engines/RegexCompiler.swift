/// Parses a pattern into a syntax tree and emits a `RegexProgram`.
///
/// Syntax errors carry MicroPython's messages: an unmatched `)` is "error in regex", anything
/// else it cannot compile (dangling quantifier, unclosed group or class, `(?` other than `(?:`,
/// trailing backslash) is "regex too complex".
struct RegexCompiler {
    indirect enum Node {
        case empty
        case byte(UInt8)
        case any
        case byteClass(ByteSet)
        case atStart
        case atEnd
        case group(Int?, Node)
        case concat([Node])
        case alternation([Node])
        case repeated(Node, min: Int, unbounded: Bool, greedy: Bool)
    }

    static let tooComplex = EngineError(.valueError, "regex too complex")
    static let maximumNesting = 200

    private let pattern: [UInt8]
    private var index = 0
    private var groupCount = 0
    private var depth = 0

    static func compile(_ pattern: [UInt8]) throws(EngineError) -> RegexProgram {
        var compiler = RegexCompiler(pattern: pattern)
        let tree = try compiler.parseAlternation()
        if compiler.index < pattern.count {
            // Only a `)` can stop the top-level parse early.
            throw EngineError(.valueError, "error in regex")
        }
        var emitter = Emitter()
        emitter.program.groupCount = compiler.groupCount
        emitter.emit(.group(0, tree))
        emitter.program.instructions.append(.match)
        emitter.program.firstByte = Self.firstByte(of: tree)
        return emitter.program
    }

    private init(pattern: [UInt8]) {
        self.pattern = pattern
    }

    private mutating func parseAlternation() throws(EngineError) -> Node {
        var branches = [try parseSequence()]
        while index < pattern.count, pattern[index] == UInt8(ascii: "|") {
            index += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws(EngineError) -> Node {
        var items: [Node] = []
        while index < pattern.count {
            let char = pattern[index]
            if char == UInt8(ascii: "|") || char == UInt8(ascii: ")") { break }
            var atom = try parseAtom()
            if index < pattern.count, let (min, unbounded) = Self.quantifier(pattern[index]) {
                index += 1
                var greedy = true
                if index < pattern.count, pattern[index] == UInt8(ascii: "?") {
                    greedy = false
                    index += 1
                }
                if index < pattern.count, Self.quantifier(pattern[index]) != nil { throw Self.tooComplex }
                atom = .repeated(atom, min: min, unbounded: unbounded, greedy: greedy)
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .concat(items)
    }

    private static func quantifier(_ char: UInt8) -> (Int, Bool)? {
        switch char {
        case UInt8(ascii: "*"): return (0, true)
        case UInt8(ascii: "+"): return (1, true)
        case UInt8(ascii: "?"): return (0, false)
        default: return nil
        }
    }

    private mutating func parseAtom() throws(EngineError) -> Node {
        let char = pattern[index]
        index += 1
        switch char {
        case UInt8(ascii: "."): return .any
        case UInt8(ascii: "^"): return .atStart
        case UInt8(ascii: "$"): return .atEnd
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"): throw Self.tooComplex
        case UInt8(ascii: "\\"):
            guard index < pattern.count else { throw Self.tooComplex }
            let letter = pattern[index]
            index += 1
            if let set = ByteSet.escape(letter) { return .byteClass(set) }
            return .byte(letter)
        case UInt8(ascii: "["): return try parseClass()
        case UInt8(ascii: "("):
            depth += 1
            if depth > Self.maximumNesting { throw Self.tooComplex }
            defer { depth -= 1 }
            var number: Int?
            if index < pattern.count, pattern[index] == UInt8(ascii: "?") {
                guard index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: ":") else { throw Self.tooComplex }
                index += 2
            } else {
                groupCount += 1
                number = groupCount
            }
            let inner = try parseAlternation()
            guard index < pattern.count, pattern[index] == UInt8(ascii: ")") else { throw Self.tooComplex }
            index += 1
            return .group(number, inner)
        default:
            return .byte(char)
        }
    }

    /// `[...]`: the first `]` always closes (so `[]` is an empty class), `\]` is a literal.
    private mutating func parseClass() throws(EngineError) -> Node {
        var set = ByteSet()
        var negated = false
        if index < pattern.count, pattern[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        while true {
            guard index < pattern.count else { throw Self.tooComplex }
            var low = pattern[index]
            index += 1
            if low == UInt8(ascii: "]") { break }
            if low == UInt8(ascii: "\\") {
                guard index < pattern.count else { throw Self.tooComplex }
                let letter = pattern[index]
                index += 1
                if let escaped = ByteSet.escape(letter) {
                    set.insert(escaped)
                    continue
                }
                low = letter
            }
            if index + 1 < pattern.count, pattern[index] == UInt8(ascii: "-"), pattern[index + 1] != UInt8(ascii: "]") {
                var high = pattern[index + 1]
                index += 2
                if high == UInt8(ascii: "\\"), index < pattern.count {
                    high = pattern[index]
                    index += 1
                }
                if low <= high {
                    for byte in low...high { set.insert(byte) }
                }
            } else {
                set.insert(low)
            }
        }
        return .byteClass(negated ? set.inverted() : set)
    }

    private static func firstByte(of node: Node) -> UInt8? {
        switch node {
        case .byte(let byte): return byte
        case .group(_, let inner): return firstByte(of: inner)
        case .concat(let items): return items.first.flatMap { firstByte(of: $0) }
        case .repeated(let inner, let min, _, _): return min > 0 ? firstByte(of: inner) : nil
        default: return nil
        }
    }

    static func canBeEmpty(_ node: Node) -> Bool {
        switch node {
        case .empty, .atStart, .atEnd: return true
        case .byte, .any, .byteClass: return false
        case .group(_, let inner): return canBeEmpty(inner)
        case .concat(let items): return items.allSatisfy(canBeEmpty)
        case .alternation(let branches): return branches.contains(where: canBeEmpty)
        case .repeated(let inner, let min, _, _): return min == 0 || canBeEmpty(inner)
        }
    }

    struct Emitter {
        var program = RegexProgram()

        private var here: Int { program.instructions.count }

        mutating func emit(_ node: Node) {
            switch node {
            case .empty: break
            case .byte(let byte): program.instructions.append(.byte(byte))
            case .any: program.instructions.append(.any)
            case .atStart: program.instructions.append(.atStart)
            case .atEnd: program.instructions.append(.atEnd)
            case .byteClass(let set):
                program.classes.append(set)
                program.instructions.append(.byteClass(program.classes.count - 1))
            case .group(let number, let inner):
                if let number { program.instructions.append(.save(2 * number)) }
                emit(inner)
                if let number { program.instructions.append(.save(2 * number + 1)) }
            case .concat(let items):
                for item in items { emit(item) }
            case .alternation(let branches):
                var jumpsToEnd: [Int] = []
                for (offset, branch) in branches.enumerated() {
                    if offset < branches.count - 1 {
                        let split = here
                        program.instructions.append(.split(prefer: split + 1, other: -1))
                        emit(branch)
                        jumpsToEnd.append(here)
                        program.instructions.append(.jump(-1))
                        program.instructions[split] = .split(prefer: split + 1, other: here)
                    } else {
                        emit(branch)
                    }
                }
                for jump in jumpsToEnd { program.instructions[jump] = .jump(here) }
            case .repeated(let inner, let min, let unbounded, let greedy):
                if min == 1 { emit(inner) }
                if !unbounded {
                    // `x?`
                    let split = here
                    program.instructions.append(.split(prefer: -1, other: -1))
                    emit(inner)
                    program.instructions[split] = greedy
                        ? .split(prefer: split + 1, other: here) : .split(prefer: here, other: split + 1)
                    return
                }
                // `x*` (and the tail of `x+`)
                let guarded = RegexCompiler.canBeEmpty(inner)
                let slot = program.loopSlots
                if guarded { program.loopSlots += 1 }
                let loop = here
                program.instructions.append(.split(prefer: -1, other: -1))
                if guarded { program.instructions.append(.mark(slot)) }
                emit(inner)
                if guarded { program.instructions.append(.requireProgress(slot)) }
                program.instructions.append(.jump(loop))
                program.instructions[loop] = greedy
                    ? .split(prefer: loop + 1, other: here) : .split(prefer: here, other: loop + 1)
            }
        }
    }
}
