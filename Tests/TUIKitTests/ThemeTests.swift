import XCTest
import Foundation
@testable import TUIKit

final class ThemeTests: XCTestCase {
    func testParsesRolesVariablesAndComments() throws {
        let source = """
        # a comment
        name = Test theme
        $accent = #5fafff   # trailing comment
        text = fg:default
        selection = fg:#ffffff bg:$accent bold reverse
        border = fg:8

        error = fg:red underline
        """
        let theme = try ThemeParser.parse(source, file: "test.theme")
        XCTAssertEqual(theme.name, "Test theme")
        XCTAssertEqual(theme[.selection], Style(foreground: .rgb(255, 255, 255), background: .rgb(0x5f, 0xaf, 0xff), attributes: [.bold, .reverse]))
        XCTAssertEqual(theme[.border], Style(foreground: .indexed(8)))
        XCTAssertEqual(theme[.borderFocused], theme[.border], "missing role falls back")
        XCTAssertEqual(theme[.toastError], theme[.error])
        XCTAssertEqual(theme[.title], theme[.text])
        XCTAssertEqual(theme.role(for: theme[.error]), .error)
        XCTAssertEqual(Theme(name: "empty", styles: [:])[.selection], .plain)
    }

    private func assertError(_ source: String, line: Int, column: Int, contains text: String, file: StaticString = #filePath, sourceLine: UInt = #line) {
        XCTAssertThrowsError(try ThemeParser.parse(source, file: "bad.theme"), file: file, line: sourceLine) { error in
            guard let error = error as? ThemeError else { return XCTFail("wrong error type", file: file, line: sourceLine) }
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: sourceLine)
            XCTAssertEqual(error.column, column, "\(error)", file: file, line: sourceLine)
            XCTAssertTrue(error.message.contains(text), "\(error)", file: file, line: sourceLine)
            XCTAssertTrue(error.description.hasPrefix("bad.theme:\(line):\(column): "), file: file, line: sourceLine)
        }
    }

    func testErrorsCarryLineAndColumn() {
        assertError("text = none\nselecton = bold", line: 2, column: 1, contains: "unknown role 'selecton'")
        assertError("text = fg:#12 bold", line: 1, column: 11, contains: "invalid colour '#12'")
        assertError("text = fg:red blink", line: 1, column: 15, contains: "unknown style token 'blink'")
        assertError("\n\n   text bold", line: 3, column: 4, contains: "expected 'role = style'")
        assertError("text = bg:$nope", line: 1, column: 11, contains: "undefined colour variable '$nope'")
        assertError("$x = chartreuse", line: 1, column: 6, contains: "invalid colour 'chartreuse'")
        assertError("text = bold\ntext = dim", line: 2, column: 1, contains: "set twice")
        assertError(" = bold", line: 1, column: 2, contains: "missing role name")
        assertError("Selection = bold", line: 1, column: 1, contains: "did you mean 'selection'")
    }

    func testResolvedForCapability() throws {
        let theme = Theme(name: "t", styles: [.text: Style(foreground: .rgb(255, 0, 0)), .selection: Style(background: .indexed(200))])
        XCTAssertEqual(theme.resolved(for: .indexed256)[.text].foreground, .indexed(196))
        XCTAssertEqual(theme.resolved(for: .ansi16)[.selection].background, .ansi(13))
        XCTAssertEqual(theme.resolved(for: .trueColor), theme)
        XCTAssertEqual(theme.resolved(for: .none), Theme.monochrome)
    }

    func testBuiltinThemesParseCoverEveryRoleAndMatchFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in BuiltinThemes.names {
            let source = try XCTUnwrap(BuiltinThemes.source(named: name))
            let theme = try ThemeParser.parse(source, file: name)
            XCTAssertEqual(Set(theme.styles.keys), Set(StyleRole.allCases), "\(name) sets every role")
            let file = try String(contentsOf: root.appendingPathComponent("themes/\(name).theme"), encoding: .utf8)
            XCTAssertEqual(file.trimmingCharacters(in: .newlines), source, "themes/\(name).theme and the bundled copy differ")
        }
        XCTAssertNil(BuiltinThemes.source(named: "nope"))
        XCTAssertEqual(Theme.defaultDark.name, "Default dark")
        XCTAssertEqual(Theme.defaultLight.name, "Default light")
        XCTAssertEqual(Theme.highContrast[.selection].attributes, [.reverse, .bold])
        for role in StyleRole.allCases {
            XCTAssertEqual(Theme.monochrome[role].foreground, .default)
            XCTAssertEqual(Theme.monochrome[role].background, .default)
        }
        XCTAssertNotEqual(Theme.monochrome[.selection], Theme.monochrome[.text], "selection visible without colour")
    }

    func testLoaderFindsFilesThenBuiltinsAndReportsErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name = Mine\ntext = bold\n".write(to: directory.appendingPathComponent("mine.theme"), atomically: true, encoding: .utf8)
        try "text = sparkly\n".write(to: directory.appendingPathComponent("broken.theme"), atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE]).write(to: directory.appendingPathComponent("binary.theme"))
        let loader = ThemeLoader(searchPaths: ["/nonexistent", directory.path])
        XCTAssertEqual(try loader.load("mine").name, "Mine")
        XCTAssertEqual(try loader.load(directory.appendingPathComponent("mine.theme").path).name, "Mine")
        XCTAssertEqual(try loader.load("monochrome").name, "Monochrome")
        XCTAssertTrue(loader.availableThemes().contains("mine"))
        XCTAssertTrue(loader.availableThemes().contains("default-dark"))
        XCTAssertThrowsError(try loader.load("broken")) { error in
            XCTAssertTrue("\(error)".contains("broken.theme:1:8: unknown style token 'sparkly'"), "\(error)")
        }
        XCTAssertThrowsError(try loader.load("binary")) { XCTAssertTrue("\($0)".contains("cannot read theme file")) }
        XCTAssertThrowsError(try loader.load("missing")) { error in
            XCTAssertTrue("\(error)".contains("theme 'missing' not found"))
            XCTAssertTrue("\(error)".contains("built-ins: default-dark"))
        }
        XCTAssertThrowsError(try loader.load("/no/such/file.theme"))
    }

    func testStandardSearchPaths() {
        let loader = ThemeLoader.standard(environment: ["FORMWORK_THEMES": "/custom", "XDG_CONFIG_HOME": "/cfg"], currentDirectory: "/work")
        XCTAssertEqual(loader.searchPaths, ["/custom", "/cfg/formwork/themes", "/work/themes"])
        let home = ThemeLoader.standard(environment: ["HOME": "/home/u"], currentDirectory: "/w")
        XCTAssertEqual(home.searchPaths, ["/home/u/.config/formwork/themes", "/w/themes"])
        XCTAssertEqual(ThemeLoadError.notFound(name: "x", searched: []).description.hasPrefix("theme 'x' not found;"), true)
    }
}
