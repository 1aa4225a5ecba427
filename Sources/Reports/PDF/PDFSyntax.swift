import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Encoders for PDF string and date syntax (ISO 32000-1 §7.3.4, §7.9.2, §7.9.4).
enum PDFSyntax {
    /// A *text string* token: a literal `( … )` for printable ASCII, otherwise UTF-16BE hex with
    /// a byte-order mark, which every reader decodes for /Info values and outline titles.
    static func textString(_ text: String) -> String {
        let isPlainASCII = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if isPlainASCII { return literal(text) }
        var buffer = ByteBuffer(capacity: 4 + text.utf16.count * 4)
        buffer.append(UInt8(ascii: "<"))
        buffer.append("FEFF")
        for unit in text.utf16 { buffer.append(hex16: unit) }
        buffer.append(UInt8(ascii: ">"))
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// A literal string with `\`, `(` and `)` escaped; only for ASCII input.
    static func literal(_ text: String) -> String {
        var result = "("
        for character in text.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "(": result += "\\("
            case ")": result += "\\)"
            default: result.unicodeScalars.append(character)
            }
        }
        return result + ")"
    }

    /// A PDF date string `(D:YYYYMMDDHHmmSSZ)` in UTC.
    static func date(_ date: Date) -> String {
        "(D:" + compactUTC(date) + "Z)"
    }

    /// An ISO 8601 UTC timestamp, as XMP wants it.
    static func isoDate(_ date: Date) -> String {
        let digits = compactUTC(date)
        let chars = Array(digits)
        func part(_ range: Range<Int>) -> String { String(chars[range]) }
        return "\(part(0..<4))-\(part(4..<6))-\(part(6..<8))T\(part(8..<10)):\(part(10..<12)):\(part(12..<14))Z"
    }

    /// `YYYYMMDDHHmmSS` in UTC, computed with `gmtime_r` so no locale or calendar is involved.
    private static func compactUTC(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1, 2) + pad(parts.tm_mday, 2)
            + pad(parts.tm_hour, 2) + pad(parts.tm_min, 2) + pad(parts.tm_sec, 2)
    }

    /// Escapes text for an XML element body (XMP metadata).
    static func xmlEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                // XML 1.0 forbids most C0 controls; drop them rather than emit an invalid packet.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
