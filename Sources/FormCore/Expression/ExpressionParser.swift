/// Parses expression text into an `Expression` tree (grammar: docs/expressions.md).
///
/// Function names are resolved and their argument counts checked here, and regular
/// expressions written as text literals are compiled here, so such mistakes are reported
/// with a column before anything is evaluated.
public struct ExpressionParser {
    private let tokens: [Token]
    private var position = 0
    /// Deep nesting is refused rather than risking the stack on hostile input.
    private var depth = 0
    private static let maxDepth = 100
    /// Longest root-to-leaf path accepted, so evaluating and printing stay shallow on any stack.
    public static let maxHeight = 256

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole expression; throws `ExpressionError` with the column of the problem.
    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var parser = ExpressionParser(tokens: try Lexer.tokenize(text))
        let expression = try parser.parseOr()
        let rest = parser.current
        if case .word(let word) = rest.kind, word != word.lowercased(), Keywords.all.contains(word.lowercased()) {
            throw ExpressionError(column: rest.start, length: rest.end - rest.start,
                                  message: "keywords are written in lowercase: '\(word.lowercased())', not '\(word)'")
        }
        guard rest.kind == .end else {
            throw ExpressionError(column: rest.start, length: rest.end - rest.start,
                                  message: "unexpected \(rest.kind.displayName) after the end of the expression")
        }
        guard expression.height <= ExpressionParser.maxHeight else {
            throw ExpressionError(column: 1, message: "expression is nested too deeply (more than \(ExpressionParser.maxHeight) levels)")
        }
        return expression
    }

    // MARK: - Token access

    private var current: Token { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    private func isWord(_ word: String) -> Bool { current.kind == .word(word) }

    private mutating func expectSymbol(_ symbol: String, _ context: String) throws(ExpressionError) -> Token {
        guard isSymbol(symbol) else { throw unexpected("expected '\(symbol)' \(context)") }
        return advance()
    }

    private func unexpected(_ message: String) -> ExpressionError {
        let token = current
        return ExpressionError(column: token.start, length: token.end - token.start,
                               message: "\(message), found \(token.kind.displayName)")
    }

    private static func span(_ start: Int, _ end: Int) -> SourceRange { SourceRange(start: start, end: end) }

    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > ExpressionParser.maxDepth {
            throw ExpressionError(column: current.start, message: "expression is nested too deeply")
        }
    }

    // MARK: - Grammar

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        try enter()
        defer { depth -= 1 }
        var lhs = try parseAnd()
        while isWord("or") {
            _ = advance()
            let rhs = try parseAnd()
            lhs = Expression(.binary(.or, lhs, rhs), range: Self.span(lhs.range.start, rhs.range.end))
        }
        return lhs
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var lhs = try parseNot()
        while isWord("and") {
            _ = advance()
            let rhs = try parseNot()
            lhs = Expression(.binary(.and, lhs, rhs), range: Self.span(lhs.range.start, rhs.range.end))
        }
        return lhs
    }

    private mutating func parseNot() throws(ExpressionError) -> Expression {
        guard isWord("not") else { return try parseComparison() }
        try enter()
        defer { depth -= 1 }
        let start = advance().start
        let operand = try parseNot()
        return Expression(.unary(.not, operand), range: Self.span(start, operand.range.end))
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expression {
        let lhs = try parseAdditive()
        guard let result = try parseComparisonTail(lhs) else { return lhs }
        if comparisonOperator() != nil || isWord("in") || isWord("between") {
            throw unexpected("comparisons do not chain: add parentheses")
        }
        return result
    }

    private mutating func parseComparisonTail(_ lhs: Expression) throws(ExpressionError) -> Expression? {
        if let op = comparisonOperator() {
            _ = advance()
            let rhs = try parseAdditive()
            try checkRegexLiteral(op, rhs)
            return Expression(.binary(op, lhs, rhs), range: Self.span(lhs.range.start, rhs.range.end))
        }
        if isWord("in") {
            _ = advance()
            _ = try expectSymbol("(", "after 'in'")
            let items = try parseArguments(closing: "a list after 'in'")
            guard !items.list.isEmpty else { throw ExpressionError(column: items.end - 1, message: "'in' needs at least one value") }
            return Expression(.inList(lhs, items.list), range: Self.span(lhs.range.start, items.end))
        }
        if isWord("between") {
            _ = advance()
            let low = try parseAdditive()
            guard isWord("and") else { throw unexpected("expected 'and' in 'between … and …'") }
            _ = advance()
            let high = try parseAdditive()
            return Expression(.between(lhs, low, high), range: Self.span(lhs.range.start, high.range.end))
        }
        return nil
    }

    private func comparisonOperator() -> BinaryOperator? {
        switch current.kind {
        case .symbol(let s): return ["=", "!=", "<", "<=", ">", ">="].contains(s) ? BinaryOperator(rawValue: s) : nil
        case .word(let w): return ["contains", "startswith", "endswith", "matches"].contains(w) ? BinaryOperator(rawValue: w) : nil
        default: return nil
        }
    }

    private func checkRegexLiteral(_ op: BinaryOperator, _ rhs: Expression) throws(ExpressionError) {
        guard op == .matches, case .literal(.string(let pattern)) = rhs.kind else { return }
        if case .failure(let error) = RegexCache.shared.regex(for: pattern) {
            throw ExpressionError(column: rhs.range.start, length: rhs.range.length, message: error.description)
        }
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Expression {
        var lhs = try parseMultiplicative()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            _ = advance()
            let rhs = try parseMultiplicative()
            let op: BinaryOperator = s == "+" ? .add : .subtract
            lhs = Expression(.binary(op, lhs, rhs), range: Self.span(lhs.range.start, rhs.range.end))
        }
        return lhs
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> Expression {
        var lhs = try parseUnary()
        while let op = multiplicativeOperator() {
            _ = advance()
            let rhs = try parseUnary()
            lhs = Expression(.binary(op, lhs, rhs), range: Self.span(lhs.range.start, rhs.range.end))
        }
        return lhs
    }

    private func multiplicativeOperator() -> BinaryOperator? {
        switch current.kind {
        case .symbol("*"): return .multiply
        case .symbol("/"): return .divide
        case .word("mod"): return .modulo
        default: return nil
        }
    }

    /// A `-` directly before a number is part of the literal (`-5` is the number -5);
    /// before anything else it is negation.
    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        guard isSymbol("-") else { return try parsePrimary() }
        try enter()
        defer { depth -= 1 }
        let start = advance().start
        if case .number(let n) = current.kind {
            let end = advance().end
            return Expression(.literal(.number(-n)), range: Self.span(start, end))
        }
        let operand = try parseUnary()
        return Expression(.unary(.negate, operand), range: Self.span(start, operand.range.end))
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let token = current
        let range = Self.span(token.start, token.end)
        switch token.kind {
        case .number(let n):
            _ = advance()
            return Expression(.literal(.number(n)), range: range)
        case .string(let s):
            _ = advance()
            return Expression(.literal(.string(s)), range: range)
        case .temporal(let value):
            _ = advance()
            return Expression(.literal(value), range: range)
        case .reference(let key):
            _ = advance()
            return Expression(.reference(key), range: range)
        case .symbol("("):
            _ = advance()
            let inner = try parseOr()
            let close = try expectSymbol(")", "to close '(' at column \(token.start)")
            return Expression(inner.kind, range: Self.span(token.start, close.end))
        case .word(let word):
            return try parseWord(word, token)
        default:
            throw unexpected("expected a value")
        }
    }

    private mutating func parseWord(_ word: String, _ token: Token) throws(ExpressionError) -> Expression {
        if word == "true" || word == "false" {
            _ = advance()
            return Expression(.literal(.bool(word == "true")), range: Self.span(token.start, token.end))
        }
        guard let function = Function.named(word) else {
            if Keywords.all.contains(word) { throw unexpected("expected a value") }
            throw ExpressionError(column: token.start, length: token.end - token.start,
                                  message: Keywords.unknownFunctionMessage(word))
        }
        _ = advance()
        _ = try expectSymbol("(", "after the function name '\(word)'")
        let args = try parseArguments(closing: "the arguments of \(word)")
        guard function.accepts(argumentCount: args.list.count) else {
            throw ExpressionError(column: token.start, length: token.end - token.start,
                                  message: "\(word) takes \(function.arityDescription), got \(args.list.count)")
        }
        return Expression(.call(function, args.list), range: Self.span(token.start, args.end))
    }

    /// Comma-separated expressions up to and including `)`; the opening `(` is consumed.
    private mutating func parseArguments(closing context: String) throws(ExpressionError) -> (list: [Expression], end: Int) {
        var list: [Expression] = []
        if isSymbol(")") { return (list, advance().end) }
        while true {
            list.append(try parseOr())
            if isSymbol(",") {
                _ = advance()
                continue
            }
            let close = try expectSymbol(")", "or ',' in \(context)")
            return (list, close.end)
        }
    }
}

extension Token.Kind {
    /// How a token is named in error messages.
    var displayName: String {
        switch self {
        case .number(let n): return "number \(Value.format(number: n))"
        case .string: return "text"
        case .temporal(let v): return "'@\(v.asString)'"
        case .reference(let key): return "${\(key)}"
        case .word(let w): return "'\(w)'"
        case .symbol(let s): return "'\(s)'"
        case .end: return "end of expression"
        }
    }
}
