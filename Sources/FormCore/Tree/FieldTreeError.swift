/// Why a field-tree operation was refused, in words a toast can show.
public enum FieldTreeError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(FieldID)
    case pageNotFound(String)
    case emptySelection
    case notSiblings
    case cannotMoveUp
    case cannotMoveDown
    case noGroupAbove
    case alreadyTopLevel
    case notAGroup(FieldID)
    case intoItself(FieldID)
    case duplicateID(FieldID)
    case duplicateKey(key: String, scope: String)

    public var description: String {
        switch self {
        case .notFound(let id): return "no field with id \"\(id)\""
        case .pageNotFound(let id): return "no page with id \"\(id)\""
        case .emptySelection: return "nothing selected"
        case .notSiblings: return "the selected fields must be next to each other in one group"
        case .cannotMoveUp: return "can't move further up"
        case .cannotMoveDown: return "can't move further down"
        case .noGroupAbove: return "cannot indent: no group above"
        case .alreadyTopLevel: return "cannot outdent: already at the top level"
        case .notAGroup(let id): return "\"\(id)\" is not a group"
        case .intoItself(let id): return "cannot put \"\(id)\" inside itself"
        case .duplicateID(let id): return "the id \"\(id)\" is already used"
        case .duplicateKey(let key, let scope): return "the key \"\(key)\" is already used in \(scope)"
        }
    }
}
