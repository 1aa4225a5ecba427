import FormCore
import Foundation

/// Input ended before the form was submitted; the draft (if any) is kept.
struct InputEnded: Error, CustomStringConvertible {
    var description: String { "input ended before the form was submitted; the answers given so far are kept in a draft" }
}

/// Line-by-line questions and answers on stdin/stdout, for screen readers and dumb terminals.
struct PlainPrompter {
    /// Writes one line at once (unbuffered, so a pipe sees every prompt before it is answered).
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Reads one line; throws at end of input.
    func read() throws -> String {
        guard let line = readLine(strippingNewline: true) else { throw InputEnded() }
        return line
    }

    /// Asks a yes/no question until the answer is y or n.
    func confirm(_ question: String) throws -> Bool {
        while true {
            say("\(question) (y/n)")
            switch try read().trimmingCharacters(in: .whitespaces).lowercased() {
            case "y", "yes": return true
            case "n", "no": return false
            default: say("Please answer y or n.")
            }
        }
    }

    /// Prints a field's label, help, required flag, numbered choices and current value.
    func describe(_ field: Field, state: FieldState) {
        say("")
        say(field.label + (state.required ? " (required)" : ""))
        if let help = field.help, !help.isEmpty { say("  \(help)") }
        for (number, choice) in (field.choices?.staticChoices ?? []).enumerated() {
            say("  \(number + 1). \(choice.label) [\(choice.value)]")
        }
        if let matrix = field.matrix {
            say("  rows: " + matrix.rows.map { "\($0.value) (\($0.label))" }.joined(separator: ", "))
            if !matrix.columns.isEmpty { say("  columns: " + matrix.columns.map { "\($0.value) (\($0.label))" }.joined(separator: ", ")) }
            say("  (a JSON object: {\"row\": \"answer\", …})")
        }
        if field.type.answerKind == .list { say("  (several: comma-separated numbers or values)") }
        if !state.value.isEmpty { say("  current: \(TextPreview.display(state.value, field: field))") }
        say("  (empty line keeps, - clears)")
    }

    /// Turns a typed line into a value: numbers pick choices, commas separate several picks.
    static func value(from text: String, for field: Field) throws -> Value {
        guard let choices = field.choices?.staticChoices, !choices.isEmpty, field.type.usesChoices,
              field.type != .choiceMatrix else {
            return try AnswerCoding.value(fromText: text, for: field)
        }
        let picks = text.split(separator: ",").map { pick -> String in
            let trimmed = pick.trimmingCharacters(in: .whitespaces)
            if let number = Int(trimmed), choices.indices.contains(number - 1) { return choices[number - 1].value }
            return trimmed
        }
        return try AnswerCoding.value(fromText: picks.joined(separator: ";"), for: field)
    }
}
