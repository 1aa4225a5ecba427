import FormCore
import Foundation

/// Reads responses from a CSV file whose header names fields by key, or failing that by label.
/// Unknown columns are ignored; cells that do not fit their field are reported, not fatal.
struct CSVResponseStream: ResponseStream {
    private let reader: CSVRecordReader
    /// One entry per CSV column; a class so reading a column costs one retain, not a copy of
    /// every member of `Field`.
    private final class Column {
        let field: Field
        init(_ field: Field) { self.field = field }
    }

    private let columns: [Column?]
    private var number = 0

    init(url: URL, form: Form) throws {
        reader = try CSVRecordReader(url: url)
        let header = try reader.next() ?? []
        let fields = ReportFields.answerable(in: form)
        let byKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let byLabel = Dictionary(fields.map { ($0.label.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        columns = header.map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            return (byKey[trimmed] ?? byLabel[trimmed.lowercased()]).map(Column.init)
        }
        if !columns.contains(where: { $0 != nil }) { throw ResponseReadError.noKnownColumns(path: url.path) }
    }

    mutating func next() throws -> ResponseRecord? {
        while let cells = try reader.next() {
            // A blank line between records carries no response.
            if cells.count == 1, cells[0].isEmpty { continue }
            number += 1
            var record = ResponseRecord(number: number, answers: Answers())
            for (index, cell) in cells.enumerated() where index < columns.count {
                guard let column = columns[index] else { continue }
                do {
                    let value = try FastAnswerDecoding.value(fromCell: cell, for: column.field)
                    if !value.isEmpty { record.answers.values[column.field.key] = value }
                } catch let error as AnswerError {
                    record.readProblems.append(error)
                }
            }
            return record
        }
        return nil
    }
}

/// Reads responses from JSON Lines: one answers object per line, as `AnswersFile` writes them.
/// A line that is not JSON stops the read with its line number; a value that does not fit its
/// field is reported and counted as missing.
struct JSONLinesResponseStream: ResponseStream {
    private let reader: LineReader
    private let byKey: [String: Field]
    private var number = 0

    init(url: URL, form: Form) throws {
        reader = try LineReader(url: url)
        let fields = AnswersFile.scopeFields(form.pages.flatMap(\.fields))
        byKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func next() throws -> ResponseRecord? {
        while let line = reader.next() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let node: JSONNode
            do { node = try JSONParser.parse(line) } catch {
                throw ResponseReadError.malformed(line: reader.lineNumber, message: "\(error)")
            }
            guard case .object(let members) = node.value else {
                throw ResponseReadError.malformed(line: reader.lineNumber, message: "expected an object of answers, found \(node.value.typeName)")
            }
            number += 1
            return decode(members)
        }
        return nil
    }

    private func decode(_ members: [JSONMember]) -> ResponseRecord {
        var record = ResponseRecord(number: number, answers: Answers())
        for member in members {
            guard let field = byKey[member.key] else { continue }
            if field.type == .repeatGroup {
                if case .array(let items) = member.node.value {
                    record.answers.repeats[field.key] = items.compactMap { try? AnswersFile.decode($0, fields: field.children) }
                }
                continue
            }
            do {
                let value = try AnswerCoding.value(fromJSON: member.node.value, for: field)
                if !value.isEmpty { record.answers.values[field.key] = value }
            } catch let error as AnswerError {
                record.readProblems.append(error)
            } catch {
                record.readProblems.append(AnswerError(path: field.key, message: "\(error)"))
            }
        }
        return record
    }
}
