/// A theme file problem, located by file, line and column (all 1-based).
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name or label being parsed.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column where the problem starts.
    public var column: Int
    /// What is wrong, in one line.
    public var message: String

    /// Creates an error at a location.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: message`, the compiler-style form editors can jump to.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Reads the theme file format documented in docs/themes.md.
///
/// ```
/// # comment
/// name = Default dark
/// $accent = #5fafff
/// text = fg:default bg:default
/// selection = fg:#ffffff bg:$accent bold
/// ```
public enum ThemeParser {
    /// Parses `source`; `file` labels error messages.
    public static func parse(_ source: String, file: String = "<theme>") throws -> Theme {
        var name = file
        var variables: [String: Color] = [:]
        var styles: [StyleRole: Style] = [:]
        for (offset, rawLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Line(text: Array(rawLine), number: offset + 1, file: file)
            guard let (key, keyColumn, value, valueColumn) = try line.assignment() else { continue }
            if key == "name" {
                name = value.isEmpty ? name : value
            } else if key.hasPrefix("$") {
                guard let color = Color(parsing: value) else {
                    throw line.error(valueColumn, "invalid colour '\(value)' for variable \(key)")
                }
                variables[key] = color
            } else if let role = StyleRole(rawValue: key) {
                if styles[role] != nil { throw line.error(keyColumn, "role '\(key)' is set twice") }
                styles[role] = try parseStyle(value, column: valueColumn, line: line, variables: variables)
            } else {
                throw line.error(keyColumn, "unknown role '\(key)'\(suggestion(for: key))")
            }
        }
        return Theme(name: name, styles: styles)
    }

    private static func parseStyle(_ value: String, column: Int, line: Line, variables: [String: Color]) throws -> Style {
        var style = Style()
        for (token, offset) in tokens(value) {
            let tokenColumn = column + offset
            if token == "none" { continue }
            if let attribute = TextAttributes.named.first(where: { $0.0 == token })?.1 {
                style.attributes.insert(attribute)
            } else if token.hasPrefix("fg:") || token.hasPrefix("bg:") {
                let spelled = String(token.dropFirst(3))
                let color = try resolveColor(spelled, column: tokenColumn + 3, line: line, variables: variables)
                if token.hasPrefix("fg:") { style.foreground = color } else { style.background = color }
            } else {
                throw line.error(tokenColumn, "unknown style token '\(token)' (expected fg:COLOR, bg:COLOR or an attribute)")
            }
        }
        return style
    }

    private static func resolveColor(_ spelled: String, column: Int, line: Line, variables: [String: Color]) throws -> Color {
        if spelled.hasPrefix("$") {
            guard let color = variables[spelled] else {
                throw line.error(column, "undefined colour variable '\(spelled)'")
            }
            return color
        }
        guard let color = Color(parsing: spelled) else {
            throw line.error(column, "invalid colour '\(spelled)' (use default, a name, 0-255 or #rrggbb)")
        }
        return color
    }

    // Splits on spaces, remembering each token's character offset for error columns.
    private static func tokens(_ value: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var current = "", start = 0
        for (index, character) in value.enumerated() {
            if character == " " || character == "\t" {
                if !current.isEmpty { result.append((current, start)) }
                current = ""
            } else {
                if current.isEmpty { start = index }
                current.append(character)
            }
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }

    private static func suggestion(for key: String) -> String {
        let lowered = key.lowercased()
        guard let match = StyleRole.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return "" }
        return " (did you mean '\(match.rawValue)'?)"
    }
}

/// One line of a theme file, with helpers that know its position.
private struct Line {
    let text: [Character]
    let number: Int
    let file: String

    func error(_ column: Int, _ message: String) -> ThemeError {
        ThemeError(file: file, line: number, column: column, message: message)
    }

    /// `(key, keyColumn, value, valueColumn)`, or nil for blank and comment lines.
    func assignment() throws -> (String, Int, String, Int)? {
        guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return nil }
        if text[first] == "#" { return nil }
        var end = text.count
        while end > first, text[end - 1] == " " || text[end - 1] == "\t" || text[end - 1] == "\r" { end -= 1 }
        if let hash = commentStart(from: first), hash < end {
            end = hash
            while end > first, text[end - 1] == " " || text[end - 1] == "\t" { end -= 1 }
        }
        guard let equals = text[first..<end].firstIndex(of: "=") else {
            throw error(first + 1, "expected 'role = style'")
        }
        let key = String(text[first..<equals]).trimmingSpaces
        guard !key.isEmpty else { throw error(first + 1, "missing role name before '='") }
        var valueStart = equals + 1
        while valueStart < end, text[valueStart] == " " || text[valueStart] == "\t" { valueStart += 1 }
        return (key, first + 1, String(text[valueStart..<max(valueStart, end)]), valueStart + 1)
    }

    // A '#' starts a trailing comment only after whitespace, so '#rrggbb' colours survive.
    private func commentStart(from start: Int) -> Int? {
        var index = start + 1
        while index < text.count {
            if text[index] == "#", text[index - 1] == " " || text[index - 1] == "\t" {
                let next = index + 1 < text.count ? text[index + 1] : " "
                if !next.isHexDigit || next == " " { return index }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var characters = Substring(self)
        while characters.first == " " || characters.first == "\t" { characters = characters.dropFirst() }
        while characters.last == " " || characters.last == "\t" { characters = characters.dropLast() }
        return String(characters)
    }
}
