/// Writes an `Expression` in canonical form: single spaces around operators, single-quoted
/// text, and only the parentheses that precedence requires. For every tree the parser can
/// produce, `ExpressionParser.parse(ExpressionPrinter.print(e)) == e`.
public enum ExpressionPrinter {
    /// The canonical text of `expression`.
    public static func print(_ expression: Expression) -> String {
        var out = ""
        write(expression, into: &out)
        return out
    }

    /// How tightly a node binds, to decide where parentheses are needed.
    static func precedence(of expression: Expression) -> Int {
        switch expression.kind {
        case .literal, .reference, .call: return Precedence.primary
        case .unary(.negate, _): return Precedence.negate
        case .unary(.not, _): return Precedence.not
        case .binary(let op, _, _): return op.precedence
        case .inList, .between: return Precedence.comparison
        }
    }

    private static func write(_ e: Expression, into out: inout String) {
        switch e.kind {
        case .literal(let value):
            out += literal(value)
        case .reference(let key):
            out += "${" + key + "}"
        case .unary(.negate, let operand):
            out += "-"
            let needsParens = precedence(of: operand) < Precedence.negate || isNumberLiteral(operand)
            write(operand, parenthesized: needsParens, into: &out)
        case .unary(.not, let operand):
            out += "not "
            write(operand, parenthesized: precedence(of: operand) < Precedence.not, into: &out)
        case .binary(let op, let lhs, let rhs):
            writeBinary(op, lhs, rhs, into: &out)
        case .call(let function, let args):
            out += function.name + "("
            writeList(args, into: &out)
            out += ")"
        case .inList(let value, let items):
            writeOperand(value, into: &out)
            out += " in ("
            writeList(items, into: &out)
            out += ")"
        case .between(let value, let low, let high):
            writeOperand(value, into: &out)
            out += " between "
            writeOperand(low, into: &out)
            out += " and "
            writeOperand(high, into: &out)
        }
    }

    private static func writeBinary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, into out: inout String) {
        let p = op.precedence
        let lp = precedence(of: lhs)
        // Comparisons do not chain, so a comparison operand at the same level needs brackets
        // on either side; the others are left-associative.
        write(lhs, parenthesized: lp < p || (op.isComparison && lp == p), into: &out)
        out += " " + op.rawValue + " "
        write(rhs, parenthesized: precedence(of: rhs) <= p, into: &out)
    }

    /// An operand of `in` or `between`, which the parser reads at the additive level.
    private static func writeOperand(_ e: Expression, into out: inout String) {
        write(e, parenthesized: precedence(of: e) <= Precedence.comparison, into: &out)
    }

    private static func write(_ e: Expression, parenthesized: Bool, into out: inout String) {
        if parenthesized { out += "(" }
        write(e, into: &out)
        if parenthesized { out += ")" }
    }

    private static func writeList(_ list: [Expression], into out: inout String) {
        for (i, item) in list.enumerated() {
            if i > 0 { out += ", " }
            write(item, into: &out)
        }
    }

    private static func isNumberLiteral(_ e: Expression) -> Bool {
        if case .literal(.number) = e.kind { return true }
        return false
    }

    /// Source form of a constant. Values with no literal syntax (empty, durations, lists,
    /// geopoints) are written as the nearest literal: `''`, seconds, or their display text.
    static func literal(_ value: Value) -> String {
        switch value {
        case .number(let n): return number(n)
        case .string(let s): return quoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return "@" + d.iso
        case .time(let t): return "@" + t.iso
        case .dateTime(let dt): return "@" + dt.iso
        case .duration(let seconds): return number(seconds)
        case .empty, .list, .geopoint: return quoted(value.asString)
        }
    }

    /// A number that reads back to the same `Double`; infinities as `1e999`.
    static func number(_ n: Double) -> String {
        if n.isNaN { return "(0 / 0)" }
        if n.isInfinite { return n < 0 ? "-1e999" : "1e999" }
        return Value.format(number: n)
    }

    /// Text in single quotes with `\`, `'` and control characters escaped.
    static func quoted(_ s: String) -> String {
        var out = "'"
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "'"
    }
}

extension Expression: CustomStringConvertible {
    /// The canonical printed form (see `ExpressionPrinter`).
    public var description: String { ExpressionPrinter.print(self) }
}
