/// Every kind of field a form can hold. The raw value is the name used in form files.
public enum FieldType: String, CaseIterable, Codable, Hashable, Sendable {
    // Text
    case shortText = "short_text"
    case longText = "long_text"
    case email
    case url
    case phone
    case password
    // Numbers
    case integer
    case decimal
    case currency
    case percentage
    case rating
    case opinionScale = "opinion_scale"
    case range
    // Dates and times
    case date
    case time
    case dateTime = "datetime"
    case duration
    // Choices
    case yesNo = "yes_no"
    case consent
    case singleChoice = "single_choice"
    case dropdown
    case multipleChoice = "multiple_choice"
    case ranking
    case choiceMatrix = "choice_matrix"
    case multipleText = "multiple_text"
    // Other inputs
    case filePath = "file_path"
    case geopoint
    case signature
    // Not answered by the respondent
    case note
    case calculated
    case hidden
    // Containers
    case group
    case repeatGroup = "repeat"

    /// What kind of value an answer to this field holds.
    public var answerKind: AnswerKind {
        switch self {
        case .shortText, .longText, .email, .url, .phone, .password, .filePath, .hidden,
             .singleChoice, .dropdown, .note:
            return .text
        case .integer, .decimal, .currency, .percentage, .rating, .opinionScale, .range:
            return .number
        case .date: return .date
        case .time: return .time
        case .dateTime: return .dateTime
        case .duration: return .duration
        case .yesNo, .consent: return .bool
        case .multipleChoice, .ranking: return .list
        case .choiceMatrix, .multipleText: return .record
        case .geopoint: return .geopoint
        case .signature: return .signature
        case .calculated: return .any
        case .group, .repeatGroup: return .none
        }
    }

    /// Groups and repeats hold other fields.
    public var isContainer: Bool { self == .group || self == .repeatGroup }

    /// Fields whose answers are picked from a list of choices.
    public var usesChoices: Bool {
        switch self {
        case .singleChoice, .dropdown, .multipleChoice, .ranking, .choiceMatrix: return true
        default: return false
        }
    }

    /// Fields a respondent types or picks an answer into.
    public var takesInput: Bool {
        switch self {
        case .note, .calculated, .group, .repeatGroup: return false
        default: return true
        }
    }

    /// A human name for palettes and codebooks ("Short text", "Opinion scale / NPS").
    public var displayName: String {
        switch self {
        case .shortText: return "Short text"
        case .longText: return "Long text"
        case .email: return "Email"
        case .url: return "URL"
        case .phone: return "Phone"
        case .password: return "Password"
        case .integer: return "Integer"
        case .decimal: return "Decimal"
        case .currency: return "Currency"
        case .percentage: return "Percentage"
        case .rating: return "Rating"
        case .opinionScale: return "Opinion scale / NPS"
        case .range: return "Range"
        case .date: return "Date"
        case .time: return "Time"
        case .dateTime: return "Date and time"
        case .duration: return "Duration"
        case .yesNo: return "Yes / no"
        case .consent: return "Consent"
        case .singleChoice: return "Single choice"
        case .dropdown: return "Dropdown"
        case .multipleChoice: return "Multiple choice"
        case .ranking: return "Ranking"
        case .choiceMatrix: return "Choice matrix"
        case .multipleText: return "Multiple text"
        case .filePath: return "File path"
        case .geopoint: return "Geopoint"
        case .signature: return "Signature"
        case .note: return "Note"
        case .calculated: return "Calculated"
        case .hidden: return "Hidden"
        case .group: return "Group"
        case .repeatGroup: return "Repeat group"
        }
    }
}

/// The shape of an answer, independent of how the field asks for it.
public enum AnswerKind: String, Sendable, Hashable {
    case text, number, date, time, dateTime, duration, bool, list, record, geopoint, signature, any, none
}
