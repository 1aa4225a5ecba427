/// Reads many stored answers objects of one form, looking its fields up by key through maps
/// built once (`AnswersFile.decode` builds them for every object, a large part of the cost of
/// streaming 100,000 stored responses). The answers are the same as `AnswersFile.decode`
/// gives; any answers it would refuse are handed to it, so the errors are the same too.
public struct AnswersReader: Sendable {
    /// The fields of one answers object by key, and the scope inside each repeat group.
    struct Scope: Sendable {
        let byKey: [String: Field]
        let repeats: [String: Scope]

        init(_ fields: [Field]) {
            let scoped = AnswersFile.scopeFields(fields)
            byKey = Dictionary(scoped.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            repeats = Dictionary(scoped.filter { $0.type == .repeatGroup }.map { ($0.key, Scope($0.children)) },
                                 uniquingKeysWith: { first, _ in first })
        }

        /// The answers of `node`, or nil when anything in it is off (left to `AnswersFile`).
        func decode(_ node: JSONNode) -> Answers? {
            guard case .object(let members) = node.value else { return nil }
            var answers = Answers()
            for member in members {
                guard let field = byKey[member.key] else { return nil }
                if field.type == .repeatGroup {
                    guard case .array(let items) = member.node.value, let inner = repeats[field.key] else { return nil }
                    var instances: [Answers] = []
                    instances.reserveCapacity(items.count)
                    for item in items {
                        guard let instance = inner.decode(item) else { return nil }
                        instances.append(instance)
                    }
                    answers.repeats[field.key] = instances
                    continue
                }
                guard let value = try? AnswerCoding.value(fromJSON: member.node.value, for: field) else { return nil }
                answers.values[field.key] = value
            }
            return answers
        }
    }

    let fields: [Field]
    let root: Scope

    /// A reader of answers to `form`.
    public init(form: Form) {
        fields = form.pages.flatMap(\.fields)
        root = Scope(fields)
    }

    /// The answers in `text`, exactly as `AnswersFile.decode(text, form:)` reads them.
    public func decode(_ text: String) throws -> Answers {
        let node: JSONNode
        do { node = try JSONParser.parse(text) } catch let error as JSONSyntaxError {
            throw FormFileError(position: error.position, message: error.message)
        }
        if let answers = root.decode(node) { return answers }
        return try AnswersFile.decode(node, fields: fields)
    }
}
