@testable import FormCore

/// Small forms built in code for tests.
enum Fixtures {
    static func field(_ key: String, _ type: FieldType = .shortText, children: [Field] = []) -> Field {
        Field(id: "f_\(key)", key: key, type: type, label: key.capitalized, children: children)
    }

    /// Page "p1": a, b, group g (c, d), e; page "p2": f.
    static var tree: Form {
        Form(id: "t", title: "Tree", pages: [
            Page(id: "p1", title: "One", fields: [
                field("a"), field("b"),
                field("g", .group, children: [field("c"), field("d")]),
                field("e"),
            ]),
            Page(id: "p2", title: "Two", fields: [field("f")]),
        ])
    }

    /// Top-level keys of page `index`, groups shown as `key(children…)`.
    static func outline(_ form: Form, page index: Int = 0) -> String {
        func render(_ fields: [Field]) -> String {
            fields.map { $0.type.isContainer ? "\($0.key)(\(render($0.children)))" : $0.key }.joined(separator: " ")
        }
        return render(form.pages[index].fields)
    }
}
