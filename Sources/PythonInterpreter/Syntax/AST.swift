/// The syntax tree. Expressions and statements are value enums; compile-time scope analysis
/// walks them once and the compiler turns them into closures.
indirect enum Expr {
    case name(String)
    case constant(Constant)
    case fstring([FStringPiece])
    case tuple([Expr])
    case list([Expr])
    case set([Expr])
    case dict([(Expr?, Expr)])          // nil key = **spread
    case starred(Expr)
    case attribute(Expr, String)
    case subscr(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case call(Expr, [Argument])
    case unary(String, Expr)
    case binary(String, Expr, Expr)
    case boolOp(isAnd: Bool, [Expr])
    case compare(Expr, [(String, Expr)])
    case ifExp(Expr, Expr, Expr)        // test, body, orelse
    case lambda(FunctionDef)
    /// A comprehension compiled as a nested function taking the first iterator as `.0`.
    case comprehension(CompKind, FunctionDef, Expr)
    /// Inside a synthesized comprehension function: adds to the result being built.
    case compAdd(CompKind, Expr, Expr?)
    case yield(Expr?)
    case yieldFrom(Expr)
    case await(Expr)
    case namedExpr(String, Expr)
}

enum Constant {
    case none, ellipsis
    case bool(Bool)
    case int(Int)
    case bigint(String)   // decimal/hex text parsed at compile time
    case float(Double)
    case imaginary(Double)
    case string(String)
    case bytes([UInt8])
}

enum FStringPiece {
    case literal(String)
    case value(Expr, Character?, [FStringPiece]?)
}

struct Argument {
    enum Kind { case positional, star, keyword(String), doubleStar }
    let kind: Kind
    let value: Expr
}

enum CompKind { case list, set, dict, generator }

struct Comprehension {
    let target: Expr
    let iter: Expr
    let conditions: [Expr]
    let isAsync: Bool
}

final class FunctionDef {
    let name: String
    var params: [Parameter] = []
    var varargs: String?
    var kwargs: String?
    var kwonlyStart = 0   // index into params where keyword-only params start (params.count if none)
    var body: [Stmt] = []
    var decorators: [Expr] = []
    var isAsync = false
    var isLambda = false
    let line: Int
    var isGenerator = false
    var compKind: CompKind?
    init(name: String, line: Int) { self.name = name; self.line = line }
}

struct Parameter {
    let name: String
    let defaultValue: Expr?
}

final class ClassDef {
    let name: String
    var bases: [Argument] = []
    var body: [Stmt] = []
    var decorators: [Expr] = []
    let line: Int
    init(name: String, line: Int) { self.name = name; self.line = line }
}

struct ExceptHandler {
    let type: Expr?
    let name: String?
    let body: [Stmt]
    let line: Int
}

struct WithItem {
    let context: Expr
    let target: Expr?
}

struct ImportName {
    let name: String
    let asName: String?
}

indirect enum StmtKind {
    case expr(Expr)
    case assign([Expr], Expr)
    case augAssign(Expr, String, Expr)
    case annAssign(Expr, Expr?)
    case pass
    case breakLoop
    case continueLoop
    case returnValue(Expr?)
    case raise(Expr?, Expr?)
    case global([String])
    case nonlocal([String])
    case del([Expr])
    case assert(Expr, Expr?)
    case ifStmt(Expr, [Stmt], [Stmt])
    case whileLoop(Expr, [Stmt], [Stmt])
    case forLoop(Expr, Expr, [Stmt], [Stmt], isAsync: Bool)
    case tryStmt([Stmt], [ExceptHandler], [Stmt], [Stmt])
    case with([WithItem], [Stmt], isAsync: Bool)
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case importModules([ImportName])
    case importFrom(String, level: Int, [ImportName])   // name "*" = star import
}

struct Stmt {
    let kind: StmtKind
    let line: Int
}
