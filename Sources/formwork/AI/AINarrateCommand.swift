import ArgumentParser
import Foundation
import Insights

/// `formwork ai narrate FACTS.json`: insight paragraphs for fact tables, with who wrote each.
struct AINarrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "narrate",
        abstract: "Write insight paragraphs for fact tables (JSON) and say which provider wrote each.",
        discussion: "FACTS is a JSON fact table ({section, title, facts:[{id,label,value,display,kind,sampleSize}]}) or an array of them."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "A fact-table JSON file.")
    var facts: String

    @Option(name: .long, help: "Use only this provider (a name or a kind); the local narrator still covers failures.")
    var provider: String?

    @Flag(name: .long, help: "Use the local narrator only, without calling any model.")
    var local = false

    @Flag(name: .long, help: "Do not read or write the insight cache.")
    var noCache = false

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try guarded {
            let tables = try Self.loadTables(facts)
            let services = try AIServices(workspace: try workspace.directory(), provider: provider)
            let engine = services.engine(localOnly: local, useCache: !noCache)
            let results = tables.map { engine.insights(for: $0) }
            services.saveCooldowns()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                output([String(decoding: try encoder.encode(results), as: UTF8.self)])
                return
            }
            output(results.flatMap(Self.lines))
        }
    }

    static func lines(_ insights: SectionInsights) -> [String] {
        var lines = ["## \(insights.section)"]
        for paragraph in insights.paragraphs {
            lines.append("")
            lines.append(paragraph.text)
            lines.append("  [\(paragraph.source); facts \(paragraph.factIDs.joined(separator: ", "))]")
        }
        for note in insights.notes { lines.append("note: \(note)") }
        lines.append("")
        return lines
    }

    static func loadTables(_ path: String) throws -> [FactTable] {
        guard let data = FileManager.default.contents(atPath: path) else { throw AICommandError.badFacts(path: path, reason: "cannot read the file") }
        let decoder = JSONDecoder()
        if let many = try? decoder.decode([FactTable].self, from: data) { return many }
        do {
            return [try decoder.decode(FactTable.self, from: data)]
        } catch {
            throw AICommandError.badFacts(path: path, reason: "not a fact table: \(error)")
        }
    }
}
