import Foundation

/// Finds templates: built-in names first, then `templates/NAME.json` in the workspace, then a path.
public enum TemplateLibrary {
    /// Names of the built-in templates.
    public static let builtInNames = ["summary", "full", "per-response"]

    /// The built-in template called `name`, if any.
    public static func builtIn(_ name: String) -> ReportTemplate? {
        switch name {
        case "summary": return summary
        case "full": return full
        case "per-response": return perResponse
        default: return nil
        }
    }

    /// Resolves `name`: a built-in, `<workspace>/templates/<name>.json`, or a JSON file path.
    public static func resolve(_ name: String, workspace: URL?) throws -> ReportTemplate {
        if let template = builtIn(name) { return template }
        if let workspace {
            let url = workspace.appendingPathComponent("templates").appendingPathComponent(name + ".json")
            if FileManager.default.fileExists(atPath: url.path) { return try load(url) }
        }
        if FileManager.default.fileExists(atPath: name) { return try load(URL(fileURLWithPath: name)) }
        throw TemplateError.notFound(name: name, known: builtInNames)
    }

    /// Reads and checks a template file.
    public static func load(_ url: URL) throws -> ReportTemplate {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw TemplateError.unreadable(path: url.path) }
        return try decode(data, source: url.lastPathComponent)
    }

    /// Parses template JSON; `source` names it in errors.
    public static func decode(_ data: Data, source: String) throws -> ReportTemplate {
        let template: ReportTemplate
        do {
            template = try JSONDecoder().decode(ReportTemplate.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw TemplateError.invalid(source: source, message: context.debugDescription)
        } catch let DecodingError.keyNotFound(key, _) {
            throw TemplateError.invalid(source: source, message: "missing \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw TemplateError.invalid(source: source, message: "\(path): \(context.debugDescription)")
        } catch {
            throw TemplateError.invalid(source: source, message: "\(error)")
        }
        if let format = template.format, format != ReportTemplate.formatTag {
            throw TemplateError.invalid(source: source, message: "format is \"\(format)\", expected \"\(ReportTemplate.formatTag)\"")
        }
        return template
    }

    /// Title, overview, insights, field statistics with charts, one cross-tab, data quality.
    public static let summary = ReportTemplate(
        name: "summary", title: "{{form.title}}", subtitle: "Summary of {{responses.count}} responses · {{report.date}}",
        sections: [
            ReportSection(type: .overview), ReportSection(type: .insights), ReportSection(type: .fields),
            ReportSection(type: .crossTab), ReportSection(type: .dataQuality),
        ]
    )

    /// Everything: contents, summary sections, codebook and the full responses table.
    public static let full = ReportTemplate(
        name: "full", title: "{{form.title}}", subtitle: "Full report · {{responses.count}} responses · {{report.date}}",
        sections: [
            ReportSection(type: .toc), ReportSection(type: .overview), ReportSection(type: .insights),
            ReportSection(type: .fields), ReportSection(type: .crossTab), ReportSection(type: .dataQuality),
            ReportSection(type: .codebook), ReportSection(type: .pageBreak), ReportSection(type: .responses),
        ]
    )

    /// One page per response with every answer.
    public static let perResponse = ReportTemplate(
        name: "per-response", title: "{{form.title}}", subtitle: "Responses · {{report.date}}",
        sections: [ReportSection(type: .responseDetails)]
    )
}

/// A template could not be found or read.
public enum TemplateError: Error, Equatable, CustomStringConvertible {
    /// No built-in, workspace template or file by that name.
    case notFound(name: String, known: [String])
    /// The file exists but cannot be read.
    case unreadable(path: String)
    /// The JSON is not a valid template.
    case invalid(source: String, message: String)
    /// A Mustache text does not parse.
    case badText(message: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .notFound(name, known): return "no template \"\(name)\" (built in: \(known.joined(separator: ", ")); or put \(name).json in the workspace templates/ folder)"
        case let .unreadable(path): return "cannot read template \(path)"
        case let .invalid(source, message): return "template \(source): \(message)"
        case let .badText(message): return "template text: \(message)"
        }
    }
}
