/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"`, `'`.
/// With all five escaped, user text can never open a tag, close an attribute or start a script.
public enum HTMLEscaper {
    /// The escaped text.
    public static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.count + 16)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
