import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

final class KeymapTests: XCTestCase {
    /// docs/keymap.md is generated from the keymaps; RECORD_SNAPSHOTS=1 rewrites it.
    func testDocsKeymapMatchesTheKeymaps() throws {
        let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/keymap.md")
        let generated = AppKeymap.markdown()
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map({ !$0.isEmpty && $0 != "0" }) ?? false {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(committed, generated, "docs/keymap.md is stale: run the tests with RECORD_SNAPSHOTS=1")
        XCTAssertTrue(generated.contains("| `ctrl+j`, `alt+down` | Move field down | `field.moveDown` |"))
    }

    func testNoKeyIsClaimedTwiceWithinAScreen() {
        for (title, keymap) in AppKeymap.documented {
            XCTAssertEqual(keymap.conflicts(), [], title)
        }
    }

    func testScreenKeysShadowGlobalOnesOnPurpose() {
        let builder = (BuilderKeymapProbe.treeAndCommon + AppKeymap.global).conflicts().map(\.key.description)
        XCTAssertEqual(builder, ["ctrl+z"], "ctrl+z is undo in the builder; suspend stays in the palette")
    }

    func testEveryCommandIdIsKnownToTheReducer() {
        let known = Set(GlobalAction.allCases.map(\.rawValue) + FormsAction.allCases.map(\.rawValue)
                        + BuilderAction.allCases.map(\.rawValue) + RuleEditorAction.allCases.map(\.rawValue)
                        + NavigationTab.allCases.map(\.rawValue) + FillAction.allCases.map(\.rawValue)
                        + ReportsAction.allCases.map(\.rawValue) + SettingsAction.allCases.map(\.rawValue)
                        + ResponsesAction.allCases.map(\.rawValue) + JobsAction.allCases.map(\.rawValue))
        for (title, keymap) in AppKeymap.documented {
            for binding in keymap.bindings { XCTAssertTrue(known.contains(binding.id), "\(title): \(binding.id)") }
        }
    }
}

/// The builder's tree keymap with its shared keys, read through the documented list.
enum BuilderKeymapProbe {
    static var treeAndCommon: Keymap<AppState> {
        let maps = Dictionary(uniqueKeysWithValues: AppKeymap.documented.map { ($0.title, $0.keymap) })
        return (maps["Builder: field tree"] ?? Keymap([])) + (maps["Builder: all panes"] ?? Keymap([]))
    }
}
