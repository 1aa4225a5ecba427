import FormCore

/// How the header of a CSV file maps onto a form's fields: by key, then by key in any case,
/// then by label in any case. Calculated columns are read past (their values are recomputed).
struct ColumnMap {
    enum Column {
        case field(Field)
        case ignored
    }

    let columns: [Column]

    /// Maps `header` (read on `line`) onto `fields`; problems name each bad column.
    static func build(header: [String], fields: [Field], line: Int) -> (ColumnMap, [RowProblem]) {
        let scope = AnswersFile.scopeFields(fields)
        var problems: [RowProblem] = []
        var taken: [FieldID: Int] = [:]
        var columns: [Column] = []
        for (position, rawName) in header.enumerated() {
            let name = rawName.trimmingCharacters(in: .whitespaces)
            func fail(_ message: String) {
                problems.append(RowProblem(line: line, key: name.isEmpty ? "column \(position + 1)" : name, message: message))
                columns.append(.ignored)
            }
            guard !name.isEmpty else { fail("the column has no name"); continue }
            guard let field = match(name, scope) else {
                fail("no field has this key or label")
                continue
            }
            if let earlier = taken[field.id] { fail("column \(earlier + 1) is already field \"\(field.key)\""); continue }
            taken[field.id] = position
            switch field.type {
            case .calculated: columns.append(.ignored)
            case .repeatGroup: fail("\"\(field.key)\" is a repeat group, which CSV cannot hold; import JSON Lines instead")
            case .note, .group: fail("\"\(field.key)\" is a \(field.type.displayName.lowercased()) and takes no answer")
            default: columns.append(.field(field))
            }
        }
        return (ColumnMap(columns: columns), problems)
    }

    private static func match(_ name: String, _ fields: [Field]) -> Field? {
        let lower = name.lowercased()
        return fields.first { $0.key == name }
            ?? fields.first { $0.key.lowercased() == lower }
            ?? fields.first { $0.label.trimmingCharacters(in: .whitespaces).lowercased() == lower }
    }

    /// The answers in one row's cells, or the problems that stop it being read.
    func answers(_ cells: [String], line: Int) -> (Answers, [RowProblem]) {
        var answers = Answers()
        var problems: [RowProblem] = []
        if cells.count > columns.count {
            problems.append(RowProblem(line: line, key: nil, message: "the row has \(cells.count) cells but the header has \(columns.count) columns"))
            return (answers, problems)
        }
        for (cell, column) in zip(cells, columns) {
            guard case .field(let field) = column, !cell.isEmpty else { continue }
            do {
                let value = try AnswerCoding.value(fromText: cell, for: field)
                if !value.isEmpty { answers.values[field.key] = value }
            } catch let error as AnswerError {
                problems.append(RowProblem(line: line, key: field.key, message: error.message))
            } catch {
                problems.append(RowProblem(line: line, key: field.key, message: "\(error)"))
            }
        }
        return (answers, problems)
    }
}
