import FormCore
@testable import Studio
import XCTest

/// The in-place moves must agree with `FieldTree` wherever they apply.
final class FastMovesTests: XCTestCase {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    static func randomForm(_ rng: inout Generator) -> Form {
        var n = 0
        func fields(depth: Int) -> [Field] {
            (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                n += 1
                let group = depth < 2 && Int.random(in: 0..<3, using: &rng) == 0
                return Field(id: "f\(n)", key: "k\(n)", type: group ? .group : .shortText, label: "F\(n)",
                             children: group ? fields(depth: depth + 1) : [])
            }
        }
        return Form(id: "x", title: "X", pages: [Page(id: "p", title: "P", fields: fields(depth: 0))])
    }

    func testAgreesWithFieldTree() throws {
        var rng = Generator(state: 42)
        var checked = 0
        for _ in 0..<300 {
            let form = FastMovesTests.randomForm(&rng)
            let ids = form.allFields.map(\.field.id)
            guard let id = ids.randomElement(using: &rng) else { continue }
            for action in [BuilderAction.moveDown, .moveUp, .indent, .outdent] {
                guard let fast = FastMoves.apply(action, ids: [id], in: form, collapsed: []) else { continue }
                let slow: Form
                switch action {
                case .moveDown: slow = try FieldTree.moveDown([id], in: form)
                case .moveUp: slow = try FieldTree.moveUp([id], in: form)
                case .indent: slow = try FieldTree.indent([id], in: form)
                default: slow = try FieldTree.outdent([id], in: form)
                }
                XCTAssertEqual(fast, slow, "\(action) \(id)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 300)
    }

    func testRepeatsAndRefusalsFallBack() {
        let inner = Field(id: "a", key: "a", type: .shortText)
        let repeatGroup = Field(id: "r", key: "r", type: .repeatGroup, children: [inner])
        let b = Field(id: "b", key: "b", type: .shortText)
        let form = Form(id: "x", title: "X", pages: [Page(id: "p", title: "P", fields: [repeatGroup, b])])
        XCTAssertNil(FastMoves.apply(.moveUp, ids: ["b"], in: form, collapsed: []), "entering a repeat changes scope")
        XCTAssertNil(FastMoves.apply(.outdent, ids: ["a"], in: form, collapsed: []), "leaving a repeat changes scope")
        XCTAssertNil(FastMoves.apply(.moveDown, ids: ["b"], in: form, collapsed: []), "nothing below: FieldTree says why")
        XCTAssertNil(FastMoves.apply(.moveDown, ids: ["b", "a"], in: form, collapsed: []), "not siblings")
        XCTAssertNotNil(FastMoves.apply(.moveUp, ids: ["b"], in: form, collapsed: ["r"]), "a folded repeat is stepped over")
        XCTAssertNil(FastMoves.apply(.range, ids: ["b"], in: form, collapsed: []))
    }
}

/// Walking the form from any field visits fields in reading order, both ways, across pages.
final class FormWalkTests: XCTestCase {
    func testWalkMatchesReadingOrder() {
        var rng = FastMovesTests.Generator(state: 7)
        for _ in 0..<50 {
            var form = FastMovesTests.randomForm(&rng)
            form.pages.insert(Page(id: "empty", title: "Empty"), at: 0)
            form.pages.append(Page(id: "p2", title: "Two", fields: [Field(id: "z1", key: "z1", type: .shortText)]))
            let expected = form.allFields.map(\.field.id)
            var forward: [FieldID] = []
            var cursor = FormWalk.first(fromPage: 0, in: form)
            while let location = cursor {
                forward.append(form.field(at: location).id)
                cursor = FormWalk.next(after: location, in: form)
            }
            XCTAssertEqual(forward, expected)
            var backward: [FieldID] = []
            cursor = FormWalk.last(beforePage: form.pages.count, in: form)
            while let location = cursor {
                backward.append(form.field(at: location).id)
                cursor = FormWalk.previous(before: location, in: form)
            }
            XCTAssertEqual(backward, expected.reversed())
        }
    }
}
