/// Escapes user text for LaTeX in one pass, character by character (never chained
/// replacements, which would re-escape their own output).
///
/// After escaping, no backslash and no `^^` sequence can reach TeX, so user text cannot form a
/// control sequence: `\input`, `\write18`, `\catcode` or `\directlua` stay visible text.
public enum LaTeXEscaper {
    /// The escaped text; line feeds become `\par` (callers choose another break with `newline`).
    public static func escape(_ text: String, newline: String = "\\par{}") -> String {
        var out = ""
        out.reserveCapacity(text.count + 16)
        var previous: Character?
        for ch in text {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "$": out += "\\$"
            case "%": out += "\\%"
            case "&": out += "\\&"
            case "#": out += "\\#"
            case "_": out += "\\_"
            case "^": out += "\\textasciicircum{}"
            case "~": out += "\\textasciitilde{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            case "[": out += "{[}"
            case "]": out += "{]}"
            case "\"": out += "\\textquotedbl{}"
            case "-" where previous == "-": out += "{}-"
            case "\u{00A0}": out += "~"
            case "\n": out += newline
            case "\t": out += " "
            default:
                // Control characters are TeX "invalid characters"; the sanitiser removes them
                // earlier, and this keeps the escaper safe on its own.
                if let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, scalar.value < 0x20 || scalar.value == 0x7F { break }
                out.append(ch)
            }
            previous = ch
        }
        return out
    }
}
