import Foundation

/// Reads `*.form.json` text into a `Form`, reporting the first mistake with its position.
public enum FormFile {
    /// Parses and checks the format tag and schema version, then the whole form.
    /// - Parameter file: the path to name in errors.
    public static func decode(_ text: String, file: String? = nil) throws -> Form {
        do {
            let root: JSONNode
            do {
                root = try JSONParser.parse(text)
            } catch let error as JSONSyntaxError {
                throw FormFileError(position: error.position, message: error.message)
            }
            return try decodeForm(root)
        } catch var error as FormFileError {
            error.file = file
            throw error
        }
    }

    /// Reads the file at `path`; unreadable files and bad encodings are `FormFileError`s too.
    public static func load(path: String) throws -> Form {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormFileError(file: path, position: SourcePosition(line: 0, column: 0),
                                message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormFileError(file: path, position: SourcePosition(line: 0, column: 0), message: "the file is not valid UTF-8")
        }
        return try decode(text, file: path)
    }

    static func decodeForm(_ root: JSONNode) throws -> Form {
        var reader = try ObjectReader(root, context: "the form")
        let formatNode = try reader.node("format")
        let format = try ObjectReader.string(formatNode, key: "format")
        guard format == Form.formatTag else {
            throw FormFileError(position: formatNode.position, message: "not a form file: format is \"\(format)\", expected \"\(Form.formatTag)\"")
        }
        let versionNode = try reader.node("schemaVersion")
        let schemaVersion = try ObjectReader.int(versionNode, key: "schemaVersion")
        guard schemaVersion == Form.schemaVersion else {
            throw FormFileError(position: versionNode.position,
                                message: "schemaVersion \(schemaVersion) is not supported; this build reads version \(Form.schemaVersion)")
        }
        var form = Form(id: try reader.string("id"), title: try reader.string("title"))
        form.description = try reader.optionalString("description")
        form.version = try reader.optionalInt("version") ?? 1
        form.state = try reader.enumValue("state", as: FormState.self, default: .draft)
        form.pages = try reader.array("pages").map(decodePage)
        form.rules = try reader.array("rules").map(decodeRule)
        try reader.finish()
        return form
    }

    static func decodePage(_ node: JSONNode) throws -> Page {
        var reader = try ObjectReader(node, context: "a page")
        var page = Page(id: try reader.string("id"), title: try reader.optionalString("title") ?? "")
        page.description = try reader.optionalString("description")
        page.visibleIf = try reader.optionalString("visibleIf")
        page.fields = try reader.array("fields").map(decodeField)
        try reader.finish()
        return page
    }

    static func decodeField(_ node: JSONNode) throws -> Field {
        var reader = try ObjectReader(node, context: "a field")
        let id = try reader.string("id")
        reader = try ObjectReader(node, context: "field \"\(id)\"")
        _ = reader.optionalNode("id")
        var field = Field(id: id, key: try reader.string("key"), type: try reader.enumValue("type", as: FieldType.self))
        field.label = try reader.optionalString("label") ?? ""
        field.help = try reader.optionalString("help")
        field.required = try reader.bool("required", default: false)
        field.choices = try reader.optionalNode("choices").map(decodeChoiceSource)
        if let validation = reader.optionalNode("validation") { field.validation = try decodeValidation(validation) }
        field.visibleIf = try reader.optionalString("visibleIf")
        field.requiredIf = try reader.optionalString("requiredIf")
        field.enabledIf = try reader.optionalString("enabledIf")
        field.calculate = try reader.optionalString("calculate")
        field.defaultValue = try reader.optionalString("default")
        field.constraint = try reader.optionalNode("constraint").map(decodeConstraint)
        field.hiddenValuePolicy = try reader.enumValue("hiddenValue", as: HiddenValuePolicy.self, default: .clear)
        field.matrix = try reader.optionalNode("matrix").map(decodeMatrix)
        field.repeatSpec = try reader.optionalNode("repeat").map(decodeRepeat)
        field.children = try reader.array("children").map(decodeField)
        try reader.finish()
        if !field.type.isContainer, let first = field.children.first {
            throw FormFileError(position: node.position, message: "field \"\(id)\" is a \(field.type.rawValue) and cannot hold children (\"\(first.id)\")")
        }
        return field
    }

    static func decodeChoices(_ nodes: [JSONNode]) throws -> [Choice] {
        try nodes.map { node in
            if case .string(let value) = node.value { return Choice(value: value) }
            if case .number(let n) = node.value { return Choice(value: JSONWriter.formatNumber(n)) }
            var reader = try ObjectReader(node, context: "a choice")
            let choice = Choice(value: try reader.string("value"), label: try reader.optionalString("label"))
            try reader.finish()
            return choice
        }
    }

    static func decodeChoiceSource(_ node: JSONNode) throws -> ChoiceSource {
        if case .array(let items) = node.value { return .list(try decodeChoices(items)) }
        var reader = try ObjectReader(node, context: "choices")
        if let path = try reader.optionalString("csv") {
            let source = ChoiceSource.csv(path: path, valueColumn: try reader.optionalString("valueColumn") ?? "value",
                                          labelColumn: try reader.optionalString("labelColumn") ?? "label")
            try reader.finish()
            return source
        }
        let options = try decodeChoices(try reader.array("options"))
        let filter = try reader.string("filter")
        try reader.finish()
        return .filtered(options, filter: filter)
    }

    static func decodeValidation(_ node: JSONNode) throws -> FieldValidation {
        var r = try ObjectReader(node, context: "validation")
        let v = FieldValidation(
            min: try r.optionalDouble("min"), max: try r.optionalDouble("max"),
            minLength: try r.optionalInt("minLength"), maxLength: try r.optionalInt("maxLength"),
            pattern: try r.optionalString("pattern"), patternMessage: try r.optionalString("patternMessage"),
            minPicks: try r.optionalInt("minPicks"), maxPicks: try r.optionalInt("maxPicks"),
            minDate: try r.optionalString("minDate"), maxDate: try r.optionalString("maxDate"),
            step: try r.optionalDouble("step"), currencyCode: try r.optionalString("currency"))
        try r.finish()
        return v
    }

    static func decodeConstraint(_ node: JSONNode) throws -> Constraint {
        var r = try ObjectReader(node, context: "constraint")
        let c = Constraint(expression: try r.string("expression"), message: try r.optionalString("message") ?? "Value not allowed",
                           severity: try r.enumValue("severity", as: Severity.self, default: .error))
        try r.finish()
        return c
    }

    static func decodeMatrix(_ node: JSONNode) throws -> MatrixSpec {
        var r = try ObjectReader(node, context: "matrix")
        let m = MatrixSpec(rows: try decodeChoices(try r.array("rows")), columns: try decodeChoices(try r.array("columns")))
        try r.finish()
        return m
    }

    static func decodeRepeat(_ node: JSONNode) throws -> RepeatSpec {
        var r = try ObjectReader(node, context: "repeat")
        let spec = RepeatSpec(minCount: try r.optionalInt("min") ?? 0, maxCount: try r.optionalInt("max"),
                              countExpression: try r.optionalString("count"))
        try r.finish()
        if let max = spec.maxCount, max < spec.minCount {
            throw FormFileError(position: node.position, message: "repeat max (\(max)) is below min (\(spec.minCount))")
        }
        return spec
    }
}
