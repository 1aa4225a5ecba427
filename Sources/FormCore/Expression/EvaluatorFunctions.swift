import Foundation

/// Built-in functions other than the date and aggregate ones.
extension Evaluator {
    func call(_ function: Function, _ args: [Expression], _ range: SourceRange) throws(EvaluationError) -> Value {
        // Parsed trees are already checked; this guards trees built in code.
        guard function.accepts(argumentCount: args.count) else {
            let message = "takes \(function.arityDescription), got \(args.count)"
            throw EvaluationError(.invalidArgument(function: function, message: message), range: range)
        }
        switch function {
        case .if:
            let chosen = try truth(try eval(args[0]), "if", range) ? args[1] : args[2]
            return try eval(chosen)
        case .coalesce:
            for arg in args {
                let value = try eval(arg)
                if !value.isEmpty { return value }
            }
            return .empty
        case .sum, .min, .max, .avg, .count:
            return try aggregate(function, args, range)
        case .today, .now, .date, .dateDiff, .dateAdd, .age, .year, .month, .day:
            return try dateFunction(function, args, range)
        default:
            return try scalarFunction(function, try eval(args[0]), args, range)
        }
    }

    /// Functions whose first argument is always evaluated.
    private func scalarFunction(_ function: Function, _ first: Value, _ args: [Expression], _ range: SourceRange) throws(EvaluationError) -> Value {
        switch function {
        case .selected:
            let choice = try eval(args[1])
            return .bool(!choice.isEmpty && Evaluator.isSelected(choice, in: first))
        case .countSelected: return .number(Double(Evaluator.selectedCount(first)))
        case .empty: return .bool(first.isEmpty)
        case .notEmpty: return .bool(!first.isEmpty)
        case .round: return try rounded(first, args, range)
        case .floor, .ceil, .abs: return try numeric(function, first, range)
        case .len:
            if case .list(let items) = first { return .number(Double(items.count)) }
            return .number(Double(first.asString.count))
        case .concat:
            var text = first.asString
            for arg in args.dropFirst() { text += try eval(arg).asString }
            return Evaluator.text(text)
        case .lower: return Evaluator.text(first.asString.lowercased())
        case .upper: return Evaluator.text(first.asString.uppercased())
        case .trim: return Evaluator.text(first.asString.trimmingCharacters(in: .whitespacesAndNewlines))
        case .string: return Evaluator.text(first.asString)
        default: return try toNumber(first, range)
        }
    }

    /// Non-empty text, or `.empty`, so that functions never return `""`.
    static func text(_ s: String) -> Value { s.isEmpty ? .empty : .string(s) }

    /// Whether `choice` is among the selected choices: list items, or the space-separated
    /// names of a text answer (the way XLSForm stores multiple choices). No allocation
    /// for lists, the common case.
    static func isSelected(_ choice: Value, in value: Value) -> Bool {
        switch value {
        case .list(let items): return items.contains { Comparison.equals($0, choice) }
        case .string(let s) where s.contains(" "):
            return s.split(separator: " ").contains { Comparison.equals(.string(String($0)), choice) }
        default: return Comparison.equals(value, choice)
        }
    }

    /// How many choices are selected (see `isSelected`).
    static func selectedCount(_ value: Value) -> Int {
        switch value {
        case .list(let items): return items.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        case .string(let s): return s.split(separator: " ").count
        default: return value.isEmpty ? 0 : 1
        }
    }

    private func rounded(_ value: Value, _ args: [Expression], _ range: SourceRange) throws(EvaluationError) -> Value {
        var digits = 0.0
        if args.count == 2 {
            let d = try eval(args[1])
            guard case .number(let n) = d else {
                if d.isEmpty { return .empty }
                throw .mismatch("round", value, d, at: range)
            }
            digits = n.rounded(.towardZero)
        }
        if value.isEmpty { return .empty }
        guard case .number(let x) = value else { throw .mismatch("round", value, at: range) }
        guard abs(digits) <= 15 else { return .number(digits > 0 ? x : 0) }
        let scale = pow(10, digits)
        return .number((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
    }

    private func numeric(_ function: Function, _ value: Value, _ range: SourceRange) throws(EvaluationError) -> Value {
        if value.isEmpty { return .empty }
        guard case .number(let x) = value else { throw .mismatch(function.name, value, at: range) }
        switch function {
        case .floor: return .number(x.rounded(.down))
        case .ceil: return .number(x.rounded(.up))
        default: return .number(Swift.abs(x))
        }
    }

    /// `number(x)`: text that is not a number gives empty, like an unanswered question.
    private func toNumber(_ value: Value, _ range: SourceRange) throws(EvaluationError) -> Value {
        switch value {
        case _ where value.isEmpty: return .empty
        case .number, .string, .bool, .duration: return value.asNumber.map(Value.number) ?? .empty
        default: throw .mismatch("number", value, at: range)
        }
    }
}
