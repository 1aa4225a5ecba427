import Foundation

/// Checks of one non-empty answer against its field's type and validation settings.
enum FieldChecks {
    static func problems(_ field: Field, _ value: Value) -> [String] {
        var out: [String] = []
        let v = field.validation
        switch field.type.answerKind {
        case .number:
            guard let n = value.asNumber else { return ["\(value) is not a number"] }
            out += number(field, n)
        case .text:
            let text = value.asString
            out += length(text.count, v)
            if let pattern = v.pattern {
                if let regex = Patterns.regex(pattern) {
                    if !Patterns.matchesWhole(regex, text) { out.append(v.patternMessage ?? "does not match the expected pattern") }
                } else {
                    out.append("the form's pattern \(pattern) is not a valid regular expression")
                }
            }
            out += format(field.type, text)
            out += choice(field, [text])
        case .date:
            guard let date = value.asDate else { return ["\(value) is not a date"] }
            if let min = v.minDate.flatMap(LocalDate.init(iso:)), date < min { out.append("must be on or after \(min.iso)") }
            if let max = v.maxDate.flatMap(LocalDate.init(iso:)), date > max { out.append("must be on or before \(max.iso)") }
        case .list:
            let items = value.asList.map(\.asString)
            if let min = v.minPicks, items.count < min { out.append("pick at least \(min)") }
            if let max = v.maxPicks, items.count > max { out.append("pick at most \(max)") }
            if Set(items).count != items.count { out.append("the same choice is given twice") }
            out += choice(field, items)
        case .record:
            out += matrix(field, value.asList.map(\.asString))
        default:
            break
        }
        return out
    }

    static func number(_ field: Field, _ n: Double) -> [String] {
        var out: [String] = []
        let v = field.validation
        let whole = [.integer, .rating, .opinionScale].contains(field.type)
        if whole, n != n.rounded() { out.append("must be a whole number") }
        let (defaultMin, defaultMax): (Double?, Double?) = {
            switch field.type {
            case .rating: return (1, 5)
            case .opinionScale: return (0, 10)
            case .percentage: return (0, 100)
            default: return (nil, nil)
            }
        }()
        if let min = v.min ?? defaultMin, n < min { out.append("must be at least \(Value.format(number: min))") }
        if let max = v.max ?? defaultMax, n > max { out.append("must be at most \(Value.format(number: max))") }
        if let step = v.step, step > 0 {
            let base = v.min ?? 0
            let steps = (n - base) / step
            if abs(steps - steps.rounded()) > 1e-9 { out.append("must be in steps of \(Value.format(number: step))") }
        }
        return out
    }

    static func length(_ count: Int, _ v: FieldValidation) -> [String] {
        var out: [String] = []
        if let min = v.minLength, count < min { out.append("must be at least \(min) characters") }
        if let max = v.maxLength, count > max { out.append("must be at most \(max) characters") }
        return out
    }

    static func format(_ type: FieldType, _ text: String) -> [String] {
        switch type {
        case .email:
            return Patterns.matchesWhole(Patterns.email, text) ? [] : ["\"\(text)\" is not an email address"]
        case .url:
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https", "ftp"].contains(scheme),
                  url.host?.isEmpty == false else { return ["\"\(text)\" is not a web address (http:// or https://)"] }
            return []
        case .phone:
            let digits = text.filter(\.isNumber).count
            return Patterns.matchesWhole(Patterns.phone, text) && (6...15).contains(digits) ? [] : ["\"\(text)\" is not a phone number"]
        default:
            return []
        }
    }

    static func choice(_ field: Field, _ values: [String]) -> [String] {
        guard field.type.usesChoices, let choices = field.choices?.staticChoices else { return [] }
        let known = Set(choices.map(\.value))
        return values.filter { !known.contains($0) }.map { "\"\($0)\" is not one of the choices" }
    }

    static func matrix(_ field: Field, _ cells: [String]) -> [String] {
        guard let spec = field.matrix else { return [] }
        let rows = Set(spec.rows.map(\.value)), columns = Set(spec.columns.map(\.value))
        var out: [String] = []
        for cell in cells {
            let parts = cell.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, rows.contains(parts[0]) else { out.append("\"\(cell)\" is not a row of this question"); continue }
            if !columns.isEmpty, !columns.contains(parts[1]) { out.append("\"\(parts[1])\" is not a column of row \"\(parts[0])\"") }
        }
        return out
    }
}

/// Compiled regular expressions used by validation, cached by pattern.
enum Patterns {
    static let email = try! NSRegularExpression(pattern: #"[^@\s]+@[^@\s]+\.[^@\s]+"#)
    static let phone = try! NSRegularExpression(pattern: #"\+?[0-9 ()\-.]+"#)
    private static let cache = NSCache<NSString, NSRegularExpression>()

    static func regex(_ pattern: String) -> NSRegularExpression? {
        if let hit = cache.object(forKey: pattern as NSString) { return hit }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        cache.setObject(regex, forKey: pattern as NSString)
        return regex
    }

    static func matchesWhole(_ regex: NSRegularExpression, _ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, options: [.anchored], range: range) else { return false }
        return match.range == range
    }
}
