/// One lexical token and the columns it spans (1-based start, exclusive end).
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        case temporal(Value)
        case reference(String)
        case word(String)
        case symbol(String)
        case end
    }

    let kind: Kind
    let start: Int
    let end: Int
}

/// Splits expression text into tokens. Columns count Unicode scalars, so a quote is never
/// swallowed by a combining mark that follows it.
struct Lexer {
    private let chars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        chars = Array(text.unicodeScalars)
    }

    /// All tokens, ending with `.end`.
    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var column: Int { index + 1 }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = index + offset
        return i < chars.count ? chars[i] : nil
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while let c = peek(), Lexer.isSpace(c) { index += 1 }
        let start = column
        guard let c = peek() else { return Token(kind: .end, start: start, end: start) }
        let kind: Token.Kind
        if Lexer.isDigit(c) {
            kind = try number()
        } else if c == "'" || c == "\"" {
            kind = try string(quote: c)
        } else if c == "$" {
            kind = try reference()
        } else if c == "@" {
            kind = try temporal()
        } else if Lexer.isWordStart(c) {
            kind = .word(word())
        } else {
            kind = try symbol()
        }
        return Token(kind: kind, start: start, end: column)
    }

    /// ASCII fast path before the Unicode property lookup, which is comparatively slow.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.value < 128 ? (c == " " || (9...13).contains(c.value)) : c.properties.isWhitespace
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
    }

    static func isWordStart(_ c: Unicode.Scalar) -> Bool { isLetter(c) || c == "_" }

    static func isWordPart(_ c: Unicode.Scalar) -> Bool { isWordStart(c) || isDigit(c) }

    private mutating func digits() {
        while let c = peek(), Lexer.isDigit(c) { index += 1 }
    }

    private mutating func number() throws(ExpressionError) -> Token.Kind {
        let start = index
        digits()
        if peek() == ".", let d = peek(1), Lexer.isDigit(d) {
            index += 1
            digits()
        }
        if peek() == "e" || peek() == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let d = peek(signed ? 2 : 1), Lexer.isDigit(d) {
                index += signed ? 2 : 1
                digits()
            }
        }
        if let c = peek(), Lexer.isWordPart(c) || c == "." {
            throw ExpressionError(column: column, message: "unexpected '\(c)' after a number")
        }
        let text = Lexer.string(chars[start..<index])
        guard let value = Double(text) else {
            throw ExpressionError(column: start + 1, length: index - start, message: "invalid number '\(text)'")
        }
        return .number(value)
    }

    private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> Token.Kind {
        let open = column
        index += 1
        var result = String.UnicodeScalarView()
        while let c = peek() {
            index += 1
            if c == quote { return .string(String(result)) }
            guard c == "\\" else {
                result.append(c)
                continue
            }
            guard let escaped = peek() else { break }
            switch escaped {
            case "\\", "'", "\"": result.append(escaped)
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            default:
                throw ExpressionError(column: column - 1, length: 2, message: "unknown escape '\\\(escaped)' in text")
            }
            index += 1
        }
        throw ExpressionError(column: open, message: "text is not closed: missing \(quote)")
    }

    private mutating func reference() throws(ExpressionError) -> Token.Kind {
        let start = column
        guard peek(1) == "{" else {
            throw ExpressionError(column: start, message: "'$' must start a reference like ${key}")
        }
        index += 2
        let nameStart = index
        guard let first = peek(), Lexer.isWordStart(first) else {
            throw ExpressionError(column: column, message: "a field key must start with a letter or '_'")
        }
        while let c = peek(), Lexer.isWordPart(c) { index += 1 }
        let name = Lexer.string(chars[nameStart..<index])
        guard peek() == "}" else {
            throw ExpressionError(column: column, message: "expected '}' to close ${\(name)")
        }
        index += 1
        return .reference(name)
    }

    /// A word: letters, digits and `_`; a `-` joins two words (`count-selected`).
    private mutating func word() -> String {
        let start = index
        while let c = peek() {
            if Lexer.isWordPart(c) {
                index += 1
            } else if c == "-", let n = peek(1), Lexer.isLetter(n) {
                index += 1
            } else {
                break
            }
        }
        return Lexer.string(chars[start..<index])
    }

    /// `@2024-01-31`, `@10:30[:00]` or `@2024-01-31T10:30[:00]`.
    private mutating func temporal() throws(ExpressionError) -> Token.Kind {
        let start = column
        index += 1
        let bodyStart = index
        while let c = peek(), Lexer.isDigit(c) || c == "-" || c == ":" || c == "T" { index += 1 }
        let body = Lexer.string(chars[bodyStart..<index])
        if let date = LocalDate(iso: body) { return .temporal(.date(date)) }
        if let time = LocalTime(iso: body) { return .temporal(.time(time)) }
        if let dateTime = LocalDateTime(iso: body) { return .temporal(.dateTime(dateTime)) }
        throw ExpressionError(
            column: start, length: index - bodyStart + 1,
            message: "invalid date/time literal '@\(body)': use @YYYY-MM-DD, @HH:MM[:SS] or @YYYY-MM-DDTHH:MM[:SS]"
        )
    }

    private mutating func symbol() throws(ExpressionError) -> Token.Kind {
        let c = peek() ?? " "
        let pair = String(Character(c)) + String(Character(peek(1) ?? " "))
        if ["<=", ">=", "!=", "=="].contains(pair) {
            index += 2
            return .symbol(pair == "==" ? "=" : pair)
        }
        if "=<>+-*/(),".unicodeScalars.contains(c) {
            index += 1
            return .symbol(String(Character(c)))
        }
        throw ExpressionError(column: column, message: "unexpected character '\(c)'")
    }
}

extension Lexer {
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
