import Foundation
import TUIKit

/// `formwork-bench tui`: the costs that bound the studio's frame rate.
enum TUIBench {
    static func run() {
        let size = Size(width: 200, height: 60)
        let items = (0..<500).map { ListItem("Field number \($0) 作者 😀", badge: "text") }
        var grid = CellGrid(size: size)
        let render = Measure.median(runs: 50) {
            grid = CellGrid(size: size)
            let areas = grid.bounds.splitVertically([.fill, .fixed(1)])
            let block = Block(title: "Fields", focused: true)
            block.render(into: &grid, area: areas[0], theme: .defaultDark)
            ListView(items: items, selected: 250).render(into: &grid, area: block.inner(areas[0]), theme: .defaultDark)
            KeyBar(hints: [CommandHint(id: "q", keyLabel: "q", title: "Quit", shortTitle: "quit", group: "", disabledReason: nil)]).render(into: &grid, area: areas[1], theme: .defaultDark)
        }
        Measure.report("tui.render_200x60", render / 1000, "us")

        var changed = grid
        for y in stride(from: 0, to: size.height, by: 5) { changed.write("changed", at: Point(x: y, y: y)) }
        var runCount = 0
        let diff = Measure.median(runs: 50) { runCount = changed.diff(from: grid).count }
        Measure.report("tui.diff_200x60", diff / 1000, "us")
        Measure.report("tui.diff_runs", Double(runCount), "runs")

        let text = String(repeating: "Hello, 世界! e\u{301} 👩‍💻 🇫🇷 ", count: 1000)
        let graphemes = Double(text.count)
        let width = Measure.median(runs: 20) { _ = TextWidth.width(of: text) }
        Measure.report("tui.text_width", width / graphemes, "ns/grapheme")

        let titles = (0..<500).map { "Command \($0) move field down in group \($0 % 7)" }
        let fuzzy = Measure.median(runs: 20) { _ = FuzzyMatcher.rank("mfdg", titles) { $0 } }
        Measure.report("tui.fuzzy_rank_500", fuzzy / 1000, "us")

        let input = Array(String(repeating: "abc\u{1B}[1;3B\u{1B}[<0;10;5M作\r", count: 20_000).utf8)
        let decode = Measure.median(runs: 5) {
            var decoder = InputDecoder()
            _ = decoder.feed(input)
        }
        Measure.report("tui.decode_input", Double(input.count) / (decode / 1e9) / 1e6, "MB/s")
    }
}
