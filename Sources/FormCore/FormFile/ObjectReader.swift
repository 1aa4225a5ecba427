/// Reads the members of one JSON object with typed accessors, then refuses any member it was
/// not asked about (with a "did you mean" hint), so typos in form files never pass silently.
struct ObjectReader {
    let node: JSONNode
    let members: [JSONMember]
    /// A human name of where this object sits ("field 'score'"), for messages.
    let context: String
    private var used: Set<String> = []

    init(_ node: JSONNode, context: String) throws {
        guard case .object(let members) = node.value else {
            throw FormFileError(position: node.position, message: "expected an object for \(context), found \(node.value.typeName)")
        }
        self.node = node
        self.members = members
        self.context = context
    }

    mutating func optionalNode(_ key: String) -> JSONNode? {
        used.insert(key)
        guard let node = members.first(where: { $0.key == key })?.node else { return nil }
        if case .null = node.value { return nil }
        return node
    }

    mutating func node(_ key: String) throws -> JSONNode {
        guard let node = optionalNode(key) else {
            throw FormFileError(position: self.node.position, message: "\(context) is missing \"\(key)\"")
        }
        return node
    }

    mutating func string(_ key: String) throws -> String {
        try Self.string(try node(key), key: key)
    }

    mutating func optionalString(_ key: String) throws -> String? {
        try optionalNode(key).map { try Self.string($0, key: key) }
    }

    mutating func optionalInt(_ key: String) throws -> Int? {
        try optionalNode(key).map { try Self.int($0, key: key) }
    }

    mutating func optionalDouble(_ key: String) throws -> Double? {
        try optionalNode(key).map { try Self.double($0, key: key) }
    }

    mutating func bool(_ key: String, default value: Bool) throws -> Bool {
        guard let node = optionalNode(key) else { return value }
        guard case .bool(let b) = node.value else { throw Self.mismatch(node, key: key, expected: "true or false") }
        return b
    }

    mutating func array(_ key: String) throws -> [JSONNode] {
        guard let node = optionalNode(key) else { return [] }
        guard case .array(let items) = node.value else { throw Self.mismatch(node, key: key, expected: "an array") }
        return items
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, as _: E.Type, default value: E? = nil) throws -> E where E.RawValue == String {
        guard let node = optionalNode(key) else {
            if let value { return value }
            throw FormFileError(position: self.node.position, message: "\(context) is missing \"\(key)\"")
        }
        let text = try Self.string(node, key: key)
        guard let result = E(rawValue: text) else {
            let options = E.allCases.map(\.rawValue)
            let hint = Suggest.closest(to: text, in: options).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw FormFileError(position: node.position,
                                message: "unknown \(key) \"\(text)\"\(hint); expected one of: \(options.joined(separator: ", "))")
        }
        return result
    }

    /// Fails on the first member that no accessor asked for.
    func finish() throws {
        for member in members where !used.contains(member.key) {
            let hint = Suggest.closest(to: member.key, in: Array(used)).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw FormFileError(position: member.keyPosition, message: "unknown property \"\(member.key)\" in \(context)\(hint)")
        }
    }

    static func string(_ node: JSONNode, key: String) throws -> String {
        guard case .string(let s) = node.value else { throw mismatch(node, key: key, expected: "a string") }
        return s
    }

    static func int(_ node: JSONNode, key: String) throws -> Int {
        guard case .number(let n) = node.value, n == n.rounded(), abs(n) < 1e15 else {
            throw mismatch(node, key: key, expected: "a whole number")
        }
        return Int(n)
    }

    static func double(_ node: JSONNode, key: String) throws -> Double {
        guard case .number(let n) = node.value else { throw mismatch(node, key: key, expected: "a number") }
        return n
    }

    static func mismatch(_ node: JSONNode, key: String, expected: String) -> FormFileError {
        FormFileError(position: node.position, message: "\"\(key)\" must be \(expected), found \(node.value.typeName)")
    }
}

/// "Did you mean" hints by edit distance.
enum Suggest {
    /// The candidate closest to `word` when it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        let scored = candidates.map { ($0, distance(lower, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, word.count / 3) ? best.0 : nil
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
