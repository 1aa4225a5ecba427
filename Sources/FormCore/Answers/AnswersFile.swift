import Foundation

/// Reads and writes answers as a JSON object: field keys to values, repeat group keys to arrays
/// of such objects. Used by `--answers FILE`, JSON Lines responses and the preview.
public enum AnswersFile {
    /// Parses answers for `form`; mistakes are reported with `file:line:col`.
    public static func decode(_ text: String, form: Form, file: String? = nil) throws -> Answers {
        do {
            let root: JSONNode
            do { root = try JSONParser.parse(text) } catch let error as JSONSyntaxError {
                throw FormFileError(position: error.position, message: error.message)
            }
            return try decode(root, fields: form.pages.flatMap(\.fields))
        } catch var error as FormFileError {
            error.file = file
            throw error
        }
    }

    /// Reads answers from the file at `path`.
    public static func load(path: String, form: Form) throws -> Answers {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw FormFileError(file: path, position: SourcePosition(line: 0, column: 0),
                                message: FileManager.default.fileExists(atPath: path) ? "cannot read the file as UTF-8 text" : "no such file")
        }
        return try decode(text, form: form, file: path)
    }

    /// Decodes one answers object whose keys belong to `fields` (and the fields nested in
    /// their plain groups).
    public static func decode(_ node: JSONNode, fields: [Field]) throws -> Answers {
        guard case .object(let members) = node.value else {
            throw FormFileError(position: node.position, message: "answers must be an object of field keys, found \(node.value.typeName)")
        }
        let byKey = Dictionary(scopeFields(fields).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var answers = Answers()
        for member in members {
            guard let field = byKey[member.key] else {
                let hint = Suggest.closest(to: member.key, in: Array(byKey.keys)).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw FormFileError(position: member.keyPosition, message: "no field with key \"\(member.key)\"\(hint)")
            }
            if field.type == .repeatGroup {
                guard case .array(let items) = member.node.value else {
                    throw FormFileError(position: member.node.position, message: "\"\(field.key)\" is a repeat group: expected an array of objects")
                }
                answers.repeats[field.key] = try items.map { try decode($0, fields: field.children) }
                continue
            }
            do {
                answers.values[field.key] = try AnswerCoding.value(fromJSON: member.node.value, for: field)
            } catch let error as AnswerError {
                throw FormFileError(position: member.node.position, message: error.description)
            }
        }
        return answers
    }

    /// The JSON object for `answers`, keys in form order.
    public static func encode(_ answers: Answers, fields: [Field]) -> JSONValue {
        var members: [JSONMember] = []
        for field in scopeFields(fields) {
            if field.type == .repeatGroup, let instances = answers.repeats[field.key] {
                members.append(JSONMember(field.key, JSONNode(.array(instances.map { JSONNode(encode($0, fields: field.children)) }))))
            } else if let value = answers.values[field.key] {
                members.append(JSONMember(field.key, JSONNode(AnswerCoding.json(for: value, field: field))))
            }
        }
        return .object(members)
    }

    /// The fields that share one answers object: these fields, and (recursively) the children
    /// of plain groups, but not the insides of repeats.
    public static func scopeFields(_ fields: [Field]) -> [Field] {
        fields.flatMap { field -> [Field] in
            field.type == .group ? [field] + scopeFields(field.children) : [field]
        }
    }
}
