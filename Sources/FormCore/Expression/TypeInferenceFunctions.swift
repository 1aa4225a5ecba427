/// Argument expectations and result types of the built-in functions.
extension TypeChecker {
    private static let temporal: Set<ValueType> = [.date, .dateTime, .text]
    private static let numeric: Set<ValueType> = [.number]

    /// Accepted types of argument `index` of `function`; `nil` when anything goes.
    static func expected(_ function: Function, _ index: Int) -> Set<ValueType>? {
        switch function {
        case .selected where index == 0, .countSelected: return [.list, .text]
        case .date, .year, .month, .day, .age: return temporal
        case .dateDiff, .dateAdd:
            if index == 2 { return [.text] }
            if function == .dateAdd && index == 1 { return numeric }
            return temporal
        case .sum, .avg, .round, .floor, .ceil, .abs: return numeric.union([.list])
        case .number: return [.number, .text, .bool, .duration]
        default: return nil
        }
    }

    mutating func call(_ function: Function, _ args: [Expression], _ types: [ValueType], _ e: Expression) -> ValueType {
        for (index, (arg, type)) in zip(args, types).enumerated() {
            if let allowed = TypeChecker.expected(function, index), type != .any, !allowed.contains(type) {
                issue(.typeMismatch, arg, "\(function.name) does not accept \(type) as argument \(index + 1)")
            }
        }
        switch function {
        case .selected, .empty, .notEmpty: return .bool
        case .countSelected, .dateDiff, .age, .year, .month, .day, .sum, .avg, .count,
             .round, .floor, .ceil, .abs, .len, .number:
            return .number
        case .concat, .lower, .upper, .trim, .string: return .text
        case .today, .date: return .date
        case .now: return .dateTime
        case .dateAdd: return [.date, .dateTime].contains(types[0]) ? types[0] : .any
        case .if:
            checkTruth(args[0], types[0], "if")
            return TypeChecker.common(Array(types.dropFirst()))
        case .coalesce, .min, .max:
            return TypeChecker.common(types)
        }
    }

    /// The one type shared by all known types, or `.any`.
    static func common(_ types: [ValueType]) -> ValueType {
        let known = Set(types.filter { $0 != .any })
        return known.count == 1 ? (known.first ?? .any) : .any
    }
}
