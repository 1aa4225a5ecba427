@testable import FormCore

/// A form that exercises every kind of cause the explainer and the preview report.
enum ExplainFixture {
    static func field(_ key: String, _ type: FieldType = .shortText, _ configure: (inout Field) -> Void = { _ in }) -> Field {
        var f = Fixtures.field(key, type)
        configure(&f)
        return f
    }

    static var form: Form {
        Form(id: "explain", title: "Explain me", description: "A form for explanations.", version: 2, pages: [
            Page(id: "p1", title: "Start", fields: [
                field("intro", .note) { $0.label = "Please answer honestly." },
                field("age", .integer) { $0.required = true },
                field("pet", .singleChoice) { $0.choices = .list([Choice(value: "cat", label: "Cat"), Choice(value: "dog", label: "Dog")]) },
                field("reason") { $0.visibleIf = "${age} >= 18"; $0.requiredIf = "${pet} = 'dog'" },
                field("details", .group) { $0.visibleIf = "${age} < 10"; $0.children = [field("inner") { $0.required = true }] },
                field("locked") { $0.enabledIf = "${age} > 100" },
                field("total", .calculated) { $0.calculate = "${age} * 2" },
                field("status") { $0.hiddenValuePolicy = .clear },
                field("broken") { $0.visibleIf = "${pet} matches ${reason}" },
                field("items", .repeatGroup) { $0.children = [field("item") { $0.required = true }] },
            ]),
            Page(id: "p2", title: "Skipped", visibleIf: "${age} > 200", fields: [field("skipped_q")]),
            Page(id: "p3", title: "", fields: [field("last")]),
        ], rules: [
            Rule(id: "r_show", when: .row(ConditionRow(sourceFieldId: "f_pet", condition: .equals, value: .string("cat"))),
                 action: .show, targetFieldIds: ["f_status"]),
            Rule(id: "r_show2", when: .row(ConditionRow(sourceFieldId: "f_pet", condition: .equals, value: .string("dog"))),
                 action: .show, targetFieldIds: ["f_status"]),
            Rule(id: "r_hide", when: .row(ConditionRow(sourceFieldId: "f_age", condition: .greaterThan, value: .number(90))),
                 action: .hide, targetFieldIds: ["f_reason"]),
            Rule(id: "r_disable", when: .row(ConditionRow(sourceFieldId: "f_age", condition: .lessThan, value: .number(50))),
                 action: .disable, targetFieldIds: ["f_pet"]),
            Rule(id: "r_enable", when: .row(ConditionRow(sourceFieldId: "f_age", condition: .isNotEmpty)),
                 action: .enable, targetFieldIds: ["f_last"]),
            Rule(id: "r_require", when: .row(ConditionRow(sourceFieldId: "f_age", condition: .greaterThan, value: .number(30))),
                 action: .require, targetFieldIds: ["f_pet"]),
            Rule(id: "r_set", when: .row(ConditionRow(sourceFieldId: "f_age", condition: .greaterThan, value: .number(30))),
                 action: .setValue, targetFieldIds: ["f_status"], setValue: "'senior'"),
        ])
    }

    static var answers: Answers {
        Answers(values: ["age": .number(40), "pet": .string("cat"), "reason": .string("(")],
                repeats: ["items": [Answers(values: ["item": .string("one")]), Answers()]])
    }
}
