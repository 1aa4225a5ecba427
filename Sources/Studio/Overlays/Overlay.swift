import FormCore
import TUIKit

/// A transient layer over the screen; `esc` closes any of them.
public enum Overlay {
    /// The `?` help: every command of the focused screen.
    case help(offset: Int)
    /// The command palette with fuzzy search.
    case palette(CommandPaletteState)
    /// A filterable list to pick from (field types, rule parts, choices).
    case picker(PickerState)
    /// A one-line text prompt (a new title, a file path, a value).
    case prompt(PromptState)
    /// A question with buttons.
    case confirm(ConfirmState)
    /// Why a field is visible, hidden, required or disabled.
    case explain(ExplainState)
}

/// One option of a picker.
public struct PickerOption: Hashable, Sendable {
    /// What choosing it means to the caller (a type's raw value, a field id, …).
    public var value: String
    /// What people read.
    public var label: String
    /// A right-aligned hint.
    public var badge: String?

    /// Creates an option.
    public init(value: String, label: String, badge: String? = nil) {
        self.value = value
        self.label = label
        self.badge = badge
    }
}

/// What a picker's choice is for.
public enum PickerPurpose: Hashable, Sendable {
    /// Insert a field of the chosen type below the selection.
    case addField
    /// Change the selected field's type.
    case changeType
    /// Set a rule row's source field (line index in the rule editor).
    case ruleSource(line: Int)
    /// Set a rule row's operator.
    case ruleOperator(line: Int)
    /// Set a rule row's value.
    case ruleValue(line: Int)
    /// Set the rule's action.
    case ruleAction
    /// Toggle a rule target.
    case ruleTarget
    /// Answer a choice field in the preview.
    case answer(fieldID: FieldID)
    /// The form of the Reports screen.
    case reportForm
    /// The template of the Reports screen.
    case reportTemplate
}

/// A filterable list overlay.
public struct PickerState: Hashable, Sendable {
    /// The box title.
    public var title: String
    /// Every option, in order.
    public var options: [PickerOption]
    /// The filter text.
    public var filter = TextField()
    /// The highlighted index among the filtered options.
    public var selected = 0
    /// What the choice is for.
    public var purpose: PickerPurpose
    /// Values shown ticked (multi-pick purposes such as rule targets).
    public var checked: Set<String> = []

    /// Creates a picker.
    public init(title: String, options: [PickerOption], purpose: PickerPurpose, selectedValue: String? = nil, checked: Set<String> = []) {
        self.title = title
        self.options = options
        self.purpose = purpose
        self.checked = checked
        if let selectedValue, let index = options.firstIndex(where: { $0.value == selectedValue }) { selected = index }
    }

    /// The options matching the filter, best first.
    public var filtered: [(item: PickerOption, match: FuzzyMatch)] {
        FuzzyMatcher.rank(filter.text, options) { $0.label }
    }

    /// The highlighted option, if any.
    public var current: PickerOption? {
        let found = filtered
        return found.indices.contains(selected) ? found[selected].item : nil
    }
}

/// What a prompt's text is for.
public enum PromptPurpose: Hashable, Sendable {
    /// The title of a new form.
    case newForm
    /// A new title for a form.
    case renameForm(formID: String)
    /// The title of a copy of a form.
    case duplicateForm(formID: String)
    /// The path of a `.form.json` file to import.
    case importForm
    /// A rule row's literal value.
    case ruleValue(line: Int)
    /// A report schedule's cron expression.
    case reportSchedule(ReportSchedule, isNew: Bool)
    /// A Settings value (a secret when the prompt is `secret`).
    case setting(key: String)
}

/// A one-line text prompt.
public struct PromptState: Hashable, Sendable {
    /// The box title.
    public var title: String
    /// The text being typed.
    public var field: TextField
    /// What the text is for.
    public var purpose: PromptPurpose
    /// True for keys: the text is drawn as dots, never echoed.
    public var secret = false

    /// Creates a prompt with initial text.
    public init(title: String, text: String = "", purpose: PromptPurpose) {
        self.title = title
        self.field = TextField(text)
        self.purpose = purpose
    }
}

/// What a confirmation decides.
public enum ConfirmPurpose: Hashable, Sendable {
    /// Delete a form.
    case deleteForm(formID: String)
    /// Delete fields from the builder's form.
    case deleteFields([FieldID])
    /// Leave the builder with unsaved edits: save, discard or stay.
    case leaveBuilder
    /// Quit the studio with unsaved edits: save, discard or stay.
    case quit
    /// A Fill-screen question.
    case fill(FillConfirm)
    /// Delete a report schedule.
    case deleteSchedule(name: String)
    /// A Jobs-screen action that needs a yes.
    case jobs(JobsConfirm)
}

/// A question with buttons.
public struct ConfirmState: Hashable, Sendable {
    /// The box title.
    public var title: String
    /// The question.
    public var message: String
    /// The button labels.
    public var buttons: [String]
    /// The highlighted button.
    public var selected: Int
    /// What the answer decides.
    public var purpose: ConfirmPurpose

    /// Creates a confirmation; the last button (the safe one) is highlighted.
    public init(title: String, message: String, buttons: [String], purpose: ConfirmPurpose) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selected = buttons.count - 1
        self.purpose = purpose
    }
}

/// The explanation of one field.
public struct ExplainState: Hashable, Sendable {
    /// The field explained.
    public var fieldID: FieldID
    /// The explanation lines.
    public var lines: [String]
    /// The first line shown.
    public var offset = 0

    /// Creates an explanation overlay.
    public init(fieldID: FieldID, lines: [String]) {
        self.fieldID = fieldID
        self.lines = lines
    }
}
