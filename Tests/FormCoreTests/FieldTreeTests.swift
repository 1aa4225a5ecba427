import XCTest
@testable import FormCore

final class FieldTreeTests: XCTestCase {
    let form = Fixtures.tree

    func testMoveDownSwapsEntersAndLeavesGroups() throws {
        var f = try FieldTree.moveDown(["f_a"], in: form)
        XCTAssertEqual(Fixtures.outline(f), "b a g(c d) e")
        f = try FieldTree.moveDown(["f_a"], in: f)
        XCTAssertEqual(Fixtures.outline(f), "b g(a c d) e")
        f = try FieldTree.moveDown(["f_a"], in: f)
        f = try FieldTree.moveDown(["f_a"], in: f)
        XCTAssertEqual(Fixtures.outline(f), "b g(c d a) e")
        f = try FieldTree.moveDown(["f_a"], in: f)
        XCTAssertEqual(Fixtures.outline(f), "b g(c d) a e")
        f = try FieldTree.moveDown(["f_a"], in: f)
        XCTAssertThrowsError(try FieldTree.moveDown(["f_a"], in: f)) { error in
            XCTAssertEqual("\(error)", "can't move further down")
        }
    }

    func testMoveUpMirrorsMoveDown() throws {
        var f = try FieldTree.moveUp(["f_e"], in: form)
        XCTAssertEqual(Fixtures.outline(f), "a b g(c d e)")
        f = try FieldTree.moveUp(["f_c"], in: f)
        XCTAssertEqual(Fixtures.outline(f), "a b c g(d e)")
        XCTAssertThrowsError(try FieldTree.moveUp(["f_a"], in: f)) { XCTAssertEqual("\($0)", "can't move further up") }
    }

    func testRangeMovesTogether() throws {
        let f = try FieldTree.moveDown(["f_b", "f_a"], in: form)
        XCTAssertEqual(Fixtures.outline(f), "g(a b c d) e")
        XCTAssertThrowsError(try FieldTree.moveDown(["f_a", "f_e"], in: form)) { XCTAssertEqual($0 as? FieldTreeError, .notSiblings) }
        XCTAssertThrowsError(try FieldTree.moveDown(["f_a", "f_c"], in: form)) { XCTAssertEqual($0 as? FieldTreeError, .notSiblings) }
        XCTAssertThrowsError(try FieldTree.moveDown([], in: form)) { XCTAssertEqual($0 as? FieldTreeError, .emptySelection) }
    }

    func testIndentAndOutdent() throws {
        XCTAssertThrowsError(try FieldTree.indent(["f_b"], in: form)) { XCTAssertEqual("\($0)", "cannot indent: no group above") }
        var f = try FieldTree.indent(["f_e"], in: form)
        XCTAssertEqual(Fixtures.outline(f), "a b g(c d e)")
        f = try FieldTree.outdent(["f_c"], in: f)
        XCTAssertEqual(Fixtures.outline(f), "a b g(d e) c")
        XCTAssertThrowsError(try FieldTree.outdent(["f_a"], in: f)) { XCTAssertEqual("\($0)", "cannot outdent: already at the top level") }
    }

    func testMoveToPageAndIntoGroup() throws {
        var f = try FieldTree.move(["f_a", "f_b"], toPage: "p2", in: form)
        XCTAssertEqual(Fixtures.outline(f, page: 1), "f a b")
        XCTAssertThrowsError(try FieldTree.move(["f_a"], toPage: "nope", in: form))
        f = try FieldTree.move(["f_e"], into: "f_g", in: form)
        XCTAssertEqual(Fixtures.outline(f), "a b g(c d e)")
        XCTAssertThrowsError(try FieldTree.move(["f_g"], into: "f_g", in: form)) { XCTAssertEqual($0 as? FieldTreeError, .intoItself("f_g")) }
        XCTAssertThrowsError(try FieldTree.move(["f_a"], into: "f_b", in: form)) { XCTAssertEqual($0 as? FieldTreeError, .notAGroup("f_b")) }
    }

    func testInsertPositionsAndDuplicateIDs() throws {
        var f = try FieldTree.insert(Fixtures.field("x"), at: .after("f_a"), in: form)
        f = try FieldTree.insert(Fixtures.field("y"), at: .before("f_a"), in: f)
        f = try FieldTree.insert(Fixtures.field("z"), at: .inside("f_g"), in: f)
        f = try FieldTree.insert(Fixtures.field("w"), at: .page("p1", index: 99), in: f)
        XCTAssertEqual(Fixtures.outline(f), "y a x b g(c d z) e w")
        XCTAssertThrowsError(try FieldTree.insert(Fixtures.field("a"), at: .after("f_b"), in: form)) {
            XCTAssertEqual($0 as? FieldTreeError, .duplicateID("f_a"))
        }
        XCTAssertThrowsError(try FieldTree.insert(Fixtures.field("q"), at: .inside("f_a"), in: form)) {
            XCTAssertEqual($0 as? FieldTreeError, .notAGroup("f_a"))
        }
        var clash = Fixtures.field("a")
        clash.id = "other"
        XCTAssertThrowsError(try FieldTree.insert(clash, at: .after("f_b"), in: form)) {
            XCTAssertEqual("\($0)", "the key \"a\" is already used in the form")
        }
    }

    func testKeysMayRepeatInDifferentRepeatScopes() throws {
        var inner = Fixtures.field("name")
        inner.id = "inner_name"
        let repeatGroup = Field(id: "f_r", key: "r", type: .repeatGroup, children: [inner])
        var f = try FieldTree.insert(repeatGroup, at: .after("f_e"), in: form)
        f = try FieldTree.insert(Fixtures.field("name"), at: .after("f_a"), in: f)
        XCTAssertNoThrow(try FieldTree.checkKeys(f))
        // Moving the top-level "name" into the repeat would clash with the inner one.
        XCTAssertThrowsError(try FieldTree.move(["f_name"], into: "f_r", in: f)) {
            XCTAssertEqual("\($0)", "the key \"name\" is already used in repeat \"f_r\"")
        }
    }

    func testDeleteDropsRulesThatReadDeletedFields() throws {
        var f = form
        f.rules = [
            Rule(id: "r1", when: .row(ConditionRow(sourceFieldId: "f_c", condition: .isEmpty)), action: .hide, targetFieldIds: ["f_a"]),
            Rule(id: "r2", when: .row(ConditionRow(sourceFieldId: "f_a", condition: .isEmpty)), action: .hide, targetFieldIds: ["f_d", "f_e"]),
            Rule(id: "r3", when: .row(ConditionRow(sourceFieldId: "f_a", condition: .isEmpty)), action: .hide, targetFieldIds: ["f_c"]),
        ]
        f = try FieldTree.delete(["f_g"], in: f)
        XCTAssertEqual(Fixtures.outline(f), "a b e")
        XCTAssertEqual(f.rules.map(\.id), ["r2"])
        XCTAssertEqual(f.rules[0].targetFieldIds, ["f_e"])
        XCTAssertThrowsError(try FieldTree.delete(["nope"], in: f))
    }

    func testDuplicateGivesFreshIDsAndKeys() throws {
        let (f, copy) = try FieldTree.duplicate("f_g", in: form)
        XCTAssertEqual(copy, "f_g_2")
        XCTAssertEqual(Fixtures.outline(f), "a b g(c d) g_2(c_2 d_2) e")
        let (f2, copy2) = try FieldTree.duplicate("f_g", in: f)
        XCTAssertEqual(copy2, "f_g_3")
        XCTAssertNoThrow(try FieldTree.checkKeys(f2))
    }
}
