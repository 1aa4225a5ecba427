import XCTest
@testable import TUIKit

final class WidgetSnapshotTests: XCTestCase {
    private func snapshot(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        assertSnapshot(text, named: name, testClass: "WidgetSnapshotTests", file: file, line: line)
    }

    private func hints() -> [CommandHint] {
        struct S {}
        let keymap = Keymap<S>([
            KeyBinding(id: "move", keys: [.ctrl("j"), .alt(.down)], title: "Move field down", shortTitle: "move", group: "Fields"),
            KeyBinding(id: "indent", keys: [.alt(.right)], title: "Indent field", shortTitle: "indent", group: "Fields") { _ in "no previous sibling" },
            KeyBinding(id: "mode", keys: [.char("m")], title: "Move mode", shortTitle: "move mode", group: "Fields"),
            KeyBinding(id: "help", keys: [.char("?")], title: "Show keys", shortTitle: "help"),
            KeyBinding(id: "quit", keys: [.char("q")], title: "Quit", shortTitle: "quit"),
        ])
        return keymap.hints(in: S())
    }

    func testBlock() {
        snapshot(render(Block(title: "Fields", footer: "3 items", focused: true), width: 24, height: 4), "block")
        snapshot(render(Block(title: "A very long title that cannot fit", border: .rounded), width: 16, height: 3), "block-truncated-title")
        XCTAssertEqual(render(Block(border: .ascii), width: 5, height: 3), "+---+\n|   |\n+---+")
        XCTAssertEqual(render(Block(border: .double), width: 3, height: 2), "╔═╗\n╚═╝")
        XCTAssertEqual(render(Block(border: .thick), width: 3, height: 2), "┏━┓\n┗━┛")
        XCTAssertEqual(render(Block(), width: 1, height: 1), "")
        XCTAssertEqual(Block().inner(Rect(x: 0, y: 0, width: 4, height: 4)), Rect(x: 1, y: 1, width: 2, height: 2))
    }

    func testListScrollsToSelection() {
        let items = (1...10).map { ListItem("Item \($0)", badge: $0 % 3 == 0 ? "text" : nil) }
        let list = ListView(items: items, selected: 7, offset: 0)
        snapshot(render(list, width: 20, height: 4), "list-scrolled")
        XCTAssertEqual(list.visibleOffset(height: 4), 4)
        XCTAssertEqual(list.cursorPosition(in: Rect(x: 1, y: 1, width: 20, height: 4)), Point(x: 1, y: 4))
        XCTAssertNil(ListView(items: items, selected: nil).cursorPosition(in: Rect(x: 0, y: 0, width: 5, height: 5)))
        XCTAssertEqual(render(ListView(items: []), width: 10, height: 2), "(empty)\n")
        let styled = ListView(items: [ListItem("Move down", highlighted: [0, 5])], selected: 0, focused: false)
        let grid = styled.rendered(size: Size(width: 12, height: 1), theme: .defaultDark)
        XCTAssertEqual(grid[2, 0].style, Theme.defaultDark[.selectionInactive].patched(with: Theme.defaultDark[.match]))
        XCTAssertEqual(grid[3, 0].style, Theme.defaultDark[.selectionInactive])
    }

    func testScrollingHelper() {
        XCTAssertEqual(Scrolling.offset(keeping: 0, visible: 5, current: 3, count: 10), 0)
        XCTAssertEqual(Scrolling.offset(keeping: 9, visible: 5, current: 0, count: 10), 5)
        XCTAssertEqual(Scrolling.offset(keeping: nil, visible: 5, current: 8, count: 10), 5)
        XCTAssertEqual(Scrolling.offset(keeping: 3, visible: 0, current: 2, count: 10), 0)
        XCTAssertEqual(Scrolling.offset(keeping: 50, visible: 5, current: 0, count: 10), 5)
    }

    func testTree() {
        let roots = [
            TreeNode(id: "contact", title: "Contact", children: [
                TreeNode(id: "name", title: "Name", badge: "text"),
                TreeNode(id: "email", title: "Email", badge: "email"),
                TreeNode(id: "address", title: "Address", children: [
                    TreeNode(id: "street", title: "Street", badge: "text"),
                    TreeNode(id: "city", title: "City", badge: "text"),
                ]),
                TreeNode(id: "phone", title: "Phone", badge: "text"),
            ]),
            TreeNode(id: "extra", title: "Extra", children: [TreeNode(id: "notes", title: "Notes")], isExpanded: false),
            TreeNode(id: "group", title: "Empty group", isContainer: true),
        ]
        let rows = TreeView.flatten(roots)
        XCTAssertEqual(rows.map(\.id), ["contact", "name", "email", "address", "street", "city", "phone", "extra", "group"])
        snapshot(render(TreeView(rows: rows, selected: 2), width: 30, height: 9), "tree")
        snapshot(render(TreeView(rows: rows, selected: 8, moving: 8), width: 30, height: 4), "tree-scrolled-moving")
        XCTAssertEqual(render(TreeView(rows: []), width: 12, height: 1), "(no items)")
        XCTAssertEqual(TreeView(rows: rows, selected: 3).cursorPosition(in: Rect(x: 0, y: 0, width: 10, height: 5)), Point(x: 0, y: 3))
    }

    func testTable() {
        let table = TableView(
            columns: [TableColumn("Field", width: .fill), TableColumn("Type", width: .fixed(6)), TableColumn("Answers", width: .fixed(7), alignment: .right)],
            rows: [["Name", "text", "120"], ["Email", "email", "98"], ["作者 author", "text", "7"], ["Short"]],
            selected: 1, sort: TableSort(column: 2, ascending: false)
        )
        snapshot(render(table, width: 32, height: 5), "table")
        snapshot(TextSnapshot.styled(table.rendered(size: Size(width: 32, height: 3), theme: .roleProbe), theme: .roleProbe), "table-styled")
        let ascending = TableView(columns: [TableColumn("A", width: .fixed(4))], rows: [], sort: TableSort(column: 0))
        XCTAssertEqual(render(ascending, width: 12, height: 2), "A ▲\n(no rows)")
        XCTAssertEqual(render(TableView(columns: [], rows: [["x"]]), width: 5, height: 2), "\n")
    }

    func testTextInput() {
        var field = TextField("The quick brown fox")
        field.scrollToCursor(width: 12)
        snapshot(TextSnapshot.styled(TextInputView(field: field).rendered(size: Size(width: 12, height: 1), theme: .roleProbe), theme: .roleProbe), "input-scrolled-styled")
        XCTAssertEqual(render(TextInputView(field: TextField(), placeholder: "Search…"), width: 12, height: 1), "Search…")
        XCTAssertEqual(TextInputView(field: field).cursorPosition(in: Rect(x: 3, y: 2, width: 12, height: 1)), Point(x: 14, y: 2))
        XCTAssertNil(TextInputView(field: field, focused: false).cursorPosition(in: Rect(x: 0, y: 0, width: 5, height: 1)))
        let wide = TextInputView(field: TextField("作者", cursor: 0))
        let grid = wide.rendered(size: Size(width: 6, height: 1))
        XCTAssertEqual(grid[0, 0].text, "作")
        XCTAssertEqual(grid[0, 0].style, Theme.monochrome[.cursor])
    }

    func testKeyBar() {
        snapshot(render(KeyBar(hints: hints(), trailing: "NORMAL"), width: 70, height: 1), "keybar")
        snapshot(render(KeyBar(hints: hints()), width: 30, height: 1), "keybar-overflow")
        snapshot(TextSnapshot.styled(KeyBar(hints: hints()).rendered(size: Size(width: 36, height: 1), theme: .roleProbe), theme: .roleProbe), "keybar-styled")
        let grid = KeyBar(hints: hints()).rendered(size: Size(width: 70, height: 1), theme: .defaultDark)
        XCTAssertEqual(grid[1, 0].style, Theme.defaultDark[.statusBar].patched(with: Theme.defaultDark[.keyHintKey]))
    }

    func testToast() {
        snapshot(render(Toast("Disabled: Cannot move any further", kind: .error, maxWidth: 24), width: 40, height: 8), "toast-error")
        snapshot(render(Toast("Saved"), width: 20, height: 5), "toast-info")
        XCTAssertEqual(render(Toast("x"), width: 2, height: 2), "\n")
    }

    func testDialogs() {
        snapshot(render(Dialog.confirm(title: "Delete field", message: "Delete the field Email and its 2 rules? This cannot be undone."), width: 60, height: 10), "confirm")
        snapshot(render(Dialog(title: "Error", message: "Cannot open form.json: permission denied", isError: true), width: 40, height: 8), "error-dialog")
        let grid = Dialog.confirm(title: "T", message: "M").rendered(size: Size(width: 60, height: 10), theme: .defaultDark)
        let row = TextSnapshot.lines(grid).firstIndex { $0.contains("[ No ]") }!
        let noX = Array(TextSnapshot.lines(grid)[row]).firstIndex(of: "N")!
        XCTAssertEqual(grid[noX, row].style, Theme.defaultDark[.selection], "No is preselected")
        XCTAssertEqual(render(Dialog(title: "x", message: "y"), width: 4, height: 2), "\n")
    }

    func testHelpOverlay() {
        struct S {}
        let sections = [
            (group: "Fields", hints: Array(hints().prefix(3))),
            (group: "General", hints: Array(hints().suffix(2))),
        ]
        snapshot(render(HelpOverlay(sections: sections), width: 60, height: 12), "help")
        let scrolled = HelpOverlay(sections: sections, offset: 3)
        XCTAssertEqual(scrolled.lineCount, 8)
        snapshot(render(scrolled, width: 50, height: 6), "help-scrolled")
        XCTAssertEqual(render(HelpOverlay(sections: []), width: 5, height: 2), "\n")
    }

    func testCommandPalette() {
        var state = CommandPaletteState(query: "mv")
        let palette = CommandPalette(hints: hints(), state: state)
        XCTAssertEqual(palette.results.map(\.item.id), ["mode", "move"])
        XCTAssertEqual(palette.selectedHint?.id, "mode")
        snapshot(render(palette, width: 50, height: 10), "palette")
        state.moveSelection(by: 5, count: palette.results.count)
        XCTAssertEqual(state.selected, 1)
        state.moveSelection(by: -9, count: 2)
        XCTAssertEqual(state.selected, 0)
        state.moveSelection(by: 1, count: 0)
        XCTAssertEqual(state.selected, 0)
        XCTAssertEqual(palette.cursorPosition(in: Rect(x: 0, y: 0, width: 50, height: 10)), Point(x: 5, y: 3))
        let none = CommandPalette(hints: hints(), state: CommandPaletteState(query: "zzz"))
        XCTAssertNil(none.selectedHint)
        snapshot(render(none, width: 40, height: 8), "palette-no-match")
        XCTAssertEqual(render(none, width: 6, height: 3), "\n\n", "too small to draw")
        XCTAssertNil(none.cursorPosition(in: Rect(x: 0, y: 0, width: 3, height: 3)))
    }

    func testGauges() {
        XCTAssertEqual(render(ProgressBar(fraction: 0.55), width: 15, height: 1), "██████░░░░░ 55%")
        XCTAssertEqual(render(ProgressBar(fraction: 0.5, label: "3/6"), width: 12, height: 1), "████░░░░ 3/6")
        XCTAssertEqual(render(ProgressBar(fraction: 0.06), width: 9, height: 1), "▎░░░░░ 6%")
        XCTAssertEqual(render(ProgressBar(fraction: 2), width: 9, height: 1), "████ 100%")
        XCTAssertEqual(render(ProgressBar(fraction: .nan), width: 3, height: 1), "0%")
        XCTAssertEqual(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7]).text(width: 8), " ▂▃▄▅▆▇█")
        XCTAssertEqual(Sparkline(values: [1, 2, 3, 100], maximum: 3).text(width: 3), "▆██")
        XCTAssertEqual(Sparkline(values: [-1, .infinity, 0]).text(width: 3), "   ")
        XCTAssertEqual(render(Sparkline(values: [1, 2]), width: 4, height: 1), "  ▅█")
        XCTAssertEqual(render(Scrollbar(total: 100, visible: 25, offset: 75), width: 1, height: 4), "│\n│\n│\n█")
        XCTAssertEqual(render(Scrollbar(total: 100, visible: 25, offset: 0), width: 2, height: 4), " █\n │\n │\n │")
        XCTAssertEqual(render(Scrollbar(total: 3, visible: 5, offset: 0), width: 1, height: 4), "\n\n\n")
        XCTAssertEqual(Scrollbar(total: 1000, visible: 10, offset: 500).thumb(height: 10)?.length, 1)
    }

    func testTabs() {
        XCTAssertEqual(render(TabsBar(titles: ["Fields", "Rules", "Preview"], selected: 1), width: 40, height: 1), " Fields │ Rules │ Preview")
        XCTAssertEqual(render(TabsBar(titles: ["Fields", "Rules", "Preview"], selected: 0), width: 18, height: 1), " Fields │ Rules …")
        XCTAssertEqual(render(TabsBar(titles: ["Extraordinary"], selected: 0), width: 5, height: 1), "…")
        let grid = TabsBar(titles: ["A", "B"], selected: 1).rendered(size: Size(width: 10, height: 1), theme: .defaultDark)
        XCTAssertEqual(grid[5, 0].style, Theme.defaultDark[.tabActive])
    }

    func testStyledSnapshotNamesRoles() {
        var grid = CellGrid(size: Size(width: 8, height: 2))
        let theme = Theme.defaultDark
        grid.write("Error", at: .zero, style: theme[.error])
        grid.write("ok", at: Point(x: 0, y: 1), style: Style(foreground: .indexed(99)))
        snapshot(TextSnapshot.styled(grid, theme: theme), "styled-roles")
        XCTAssertEqual(TextSnapshot.styled(grid), "|Error   |\n  0-4 fg:#ff5f5f bold\n|ok      |\n  0-1 fg:99")
        XCTAssertEqual(TextSnapshot.lines(grid, keepTrailingSpaces: true)[1], "ok      ")
    }
}
