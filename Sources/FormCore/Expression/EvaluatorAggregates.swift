/// `sum`, `min`, `max`, `avg`, `count` over a repeat column or a list of arguments.
extension Evaluator {
    func aggregate(_ function: Function, _ args: [Expression], _ range: SourceRange) throws(EvaluationError) -> Value {
        let values = try aggregateInputs(args)
        switch function {
        case .count:
            return .number(Double(values.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }))
        case .sum, .avg:
            var total = 0.0, count = 0
            for value in values where !value.isEmpty {
                guard case .number(let n) = value else { throw .mismatch(function.name, value, at: range) }
                total += n
                count += 1
            }
            if function == .sum { return .number(total) }
            return count == 0 ? .empty : .number(total / Double(count))
        default:
            return try extreme(function == .max, values, range)
        }
    }

    /// A single `${key}` argument reads the whole repeat column; otherwise every argument
    /// is evaluated and lists are flattened.
    private func aggregateInputs(_ args: [Expression]) throws(EvaluationError) -> [Value] {
        if args.count == 1, case .reference(let key) = args[0].kind {
            let column = context.repeatValues(of: key)
            recorder?.record(args[0], .success(.list(column)))
            return column
        }
        var values: [Value] = []
        for arg in args {
            let value = try eval(arg)
            if case .list(let items) = value { values += items } else { values.append(value) }
        }
        return values
    }

    /// The largest (or smallest) non-empty value; mixed or unordered types throw.
    private func extreme(_ largest: Bool, _ values: [Value], _ range: SourceRange) throws(EvaluationError) -> Value {
        var best: Value = .empty
        for value in values where !value.isEmpty {
            guard !best.isEmpty else {
                best = value
                continue
            }
            guard value.type == best.type, let order = Comparison.order(value, best) else {
                throw .mismatch(largest ? "max" : "min", best, value, at: range)
            }
            if largest ? order == .orderedDescending : order == .orderedAscending { best = value }
        }
        if case .list = best { throw .mismatch(largest ? "max" : "min", best, at: range) }
        return best
    }
}
