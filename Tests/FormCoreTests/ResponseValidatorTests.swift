import XCTest
@testable import FormCore

final class ResponseValidatorTests: XCTestCase {
    private func field(_ key: String, _ type: FieldType = .shortText, _ configure: (inout Field) -> Void = { _ in }) -> Field {
        var f = Fixtures.field(key, type)
        configure(&f)
        return f
    }

    /// Messages by path for one field answered with `value`.
    private func messages(_ f: Field, _ value: Value?) throws -> [String] {
        let form = Form(id: "v", title: "V", pages: [Page(id: "p", title: "P", fields: [f])])
        let answers = Answers(values: value.map { [f.key: $0] } ?? [:])
        return ResponseValidator.validate(try RuleEngine(form: form, answers: answers)).map(\.message)
    }

    private func problems(_ fields: [Field], _ answers: Answers, rules: [Rule] = []) throws -> [ResponseProblem] {
        let form = Form(id: "v", title: "V", pages: [Page(id: "p", title: "P", fields: fields)], rules: rules)
        return ResponseValidator.validate(try RuleEngine(form: form, answers: answers))
    }

    func testRequiredAnswers() throws {
        let name = field("name") { $0.required = true }
        XCTAssertEqual(try messages(name, nil), ["an answer is required"])
        XCTAssertEqual(try messages(name, .string("")), ["an answer is required"])
        XCTAssertEqual(try messages(name, .string("Ana")), [])
        XCTAssertEqual(try messages(field("optional"), nil), [])
        let problem = try problems([name], Answers())[0]
        XCTAssertEqual(problem.description, "error: name: an answer is required")
        XCTAssertEqual(problem.fieldID, "f_name")
    }

    func testHiddenFieldsAreNeverChecked() throws {
        let gate = field("gate", .yesNo)
        let hidden = field("age", .integer) { $0.required = true; $0.visibleIf = "${gate}"; $0.validation.max = 10 }
        XCTAssertEqual(try problems([gate, hidden], Answers(values: ["gate": .bool(false), "age": .number(99)])), [])
        XCTAssertEqual(try problems([gate, hidden], Answers(values: ["gate": .bool(true), "age": .number(99)])).map(\.message),
                       ["must be at most 10"])
        let inGroup = field("g", .group) { $0.visibleIf = "false"; $0.children = [self.field("inner") { $0.required = true }] }
        XCTAssertEqual(try problems([inGroup], Answers()), [])
    }

    func testNumberRangesAndDefaults() throws {
        let age = field("age", .integer) { $0.validation = FieldValidation(min: 18, max: 65) }
        XCTAssertEqual(try messages(age, .number(17)), ["must be at least 18"])
        XCTAssertEqual(try messages(age, .number(66)), ["must be at most 65"])
        XCTAssertEqual(try messages(age, .number(30.5)), ["must be a whole number"])
        XCTAssertEqual(try messages(age, .string("old")).count, 1)
        XCTAssertTrue(try messages(age, .string("old"))[0].hasSuffix("is not a number"))

        XCTAssertEqual(try messages(field("stars", .rating), .number(0)), ["must be at least 1"])
        XCTAssertEqual(try messages(field("stars", .rating), .number(6)), ["must be at most 5"])
        XCTAssertEqual(try messages(field("stars", .rating) { $0.validation.max = 10 }, .number(6)), [])
        XCTAssertEqual(try messages(field("nps", .opinionScale), .number(11)), ["must be at most 10"])
        XCTAssertEqual(try messages(field("nps", .opinionScale), .number(0)), [])
        XCTAssertEqual(try messages(field("nps", .opinionScale), .number(4.5)), ["must be a whole number"])
        XCTAssertEqual(try messages(field("pct", .percentage), .number(-1)), ["must be at least 0"])
        XCTAssertEqual(try messages(field("pct", .percentage), .number(100.5)), ["must be at most 100"])
        XCTAssertEqual(try messages(field("amount", .decimal), .number(-1e9)), [])
    }

    func testSteps() throws {
        let half = field("x", .decimal) { $0.validation = FieldValidation(min: 1, step: 0.5) }
        XCTAssertEqual(try messages(half, .number(2.5)), [])
        XCTAssertEqual(try messages(half, .number(2.25)), ["must be in steps of 0.5"])
        let tenth = field("t", .decimal) { $0.validation.step = 0.1 }
        XCTAssertEqual(try messages(tenth, .number(20.4)), [], "floating-point noise is tolerated")
        XCTAssertEqual(try messages(tenth, .number(20.45)), ["must be in steps of 0.1"])
        XCTAssertEqual(try messages(field("z", .decimal) { $0.validation.step = 0 }, .number(1.234)), [])
    }

    func testLengthsAndPatterns() throws {
        let code = field("code") { $0.validation = FieldValidation(minLength: 2, maxLength: 4, pattern: "[A-Z]+", patternMessage: "capitals only") }
        XCTAssertEqual(try messages(code, .string("A")), ["must be at least 2 characters"])
        XCTAssertEqual(try messages(code, .string("ABCDE")), ["must be at most 4 characters"])
        XCTAssertEqual(try messages(code, .string("ab")), ["capitals only"])
        XCTAssertEqual(try messages(code, .string("ABc")), ["capitals only"], "the whole answer must match")
        XCTAssertEqual(try messages(code, .string("ÉÉ")), ["capitals only"])
        XCTAssertEqual(try messages(code, .string("ABC")), [])
        XCTAssertEqual(try messages(field("emoji") { $0.validation.maxLength = 2 }, .string("👍🏽👍")), [], "lengths count characters")
        XCTAssertEqual(try messages(field("p") { $0.validation.pattern = "\\d{3}" }, .string("12")), ["does not match the expected pattern"])
        XCTAssertEqual(try messages(field("p") { $0.validation.pattern = "(" }, .string("x")),
                       ["the form's pattern ( is not a valid regular expression"])
    }

    func testFormats() throws {
        let email = field("mail", .email), url = field("site", .url), phone = field("tel", .phone)
        for ok in ["a@b.co", "first.last+tag@example.co.uk"] { XCTAssertEqual(try messages(email, .string(ok)), [], ok) }
        for bad in ["a@b", "a b@c.de", "@x.org", "a@@b.org"] { XCTAssertEqual(try messages(email, .string(bad)).count, 1, bad) }
        for ok in ["https://example.org", "http://x.y/path?q=1", "FTP://files.example.org"] { XCTAssertEqual(try messages(url, .string(ok)), [], ok) }
        for bad in ["example.org", "mailto:a@b.org", "https://", "javascript:alert(1)"] {
            XCTAssertEqual(try messages(url, .string(bad)), ["\"\(bad)\" is not a web address (http:// or https://)"], bad)
        }
        for ok in ["+44 20 7946 0958", "(030) 1234-5678", "555.123.4567"] { XCTAssertEqual(try messages(phone, .string(ok)), [], ok) }
        for bad in ["12345", "call me", "+1 234 567 890 123 456 7"] {
            XCTAssertEqual(try messages(phone, .string(bad)), ["\"\(bad)\" is not a phone number"], bad)
        }
    }

    func testDates() throws {
        let d = field("d", .date) { $0.validation = FieldValidation(minDate: "2020-01-01", maxDate: "2020-12-31") }
        XCTAssertEqual(try messages(d, .date(LocalDate(iso: "2019-12-31")!)), ["must be on or after 2020-01-01"])
        XCTAssertEqual(try messages(d, .date(LocalDate(iso: "2021-01-01")!)), ["must be on or before 2020-12-31"])
        XCTAssertEqual(try messages(d, .date(LocalDate(iso: "2020-06-15")!)), [])
        XCTAssertEqual(try messages(d, .number(3)).count, 1)
        let unparsable = field("u", .date) { $0.validation.minDate = "soon" }
        XCTAssertEqual(try messages(unparsable, .date(LocalDate(iso: "1900-01-01")!)), [], "a bound that is not a date is ignored")
    }

    func testPicksAndChoices() throws {
        let pick = field("pick", .multipleChoice) {
            $0.choices = .list(["a", "b", "c"].map { Choice(value: $0) })
            $0.validation = FieldValidation(minPicks: 2, maxPicks: 2)
        }
        let list = { (items: [String]) in Value.list(items.map(Value.string)) }
        XCTAssertEqual(try messages(pick, list(["a"])), ["pick at least 2"])
        XCTAssertEqual(try messages(pick, list(["a", "b", "c"])), ["pick at most 2"])
        XCTAssertEqual(try messages(pick, list(["a", "a"])), ["the same choice is given twice"])
        XCTAssertEqual(try messages(pick, list(["a", "z"])), ["\"z\" is not one of the choices"])
        XCTAssertEqual(try messages(pick, list(["b", "c"])), [])
        let single = field("one", .singleChoice) { $0.choices = .list([Choice(value: "x")]) }
        XCTAssertEqual(try messages(single, .string("y")), ["\"y\" is not one of the choices"])
        let fromFile = field("one", .dropdown) { $0.choices = .csv(path: "x.csv", valueColumn: "v", labelColumn: "l") }
        XCTAssertEqual(try messages(fromFile, .string("anything")), [])
    }

    func testMatrixCells() throws {
        let m = field("m", .choiceMatrix) { $0.matrix = MatrixSpec(rows: [Choice(value: "r1"), Choice(value: "r2")], columns: [Choice(value: "1"), Choice(value: "2")]) }
        let cells = { (items: [String]) in Value.list(items.map(Value.string)) }
        XCTAssertEqual(try messages(m, cells(["r1=1", "r2=2"])), [])
        XCTAssertEqual(try messages(m, cells(["r3=1", "r1=9", "nonsense"])),
                       ["\"r3=1\" is not a row of this question", "\"9\" is not a column of row \"r1\"", "\"nonsense\" is not a row of this question"])
        let items = field("bank", .multipleText) { $0.matrix = MatrixSpec(rows: [Choice(value: "iban")]) }
        XCTAssertEqual(try messages(items, cells(["iban=DE00 1234"])), [], "multiple text has no columns: any text goes")
        XCTAssertEqual(try messages(field("nomatrix", .multipleText), cells(["a=b"])), [])
    }

    func testConstraintsWithSeverity() throws {
        let score = field("score", .integer) { $0.constraint = Constraint(expression: "${score} <= 80 or ${sev} != 'critical'", message: "unusual", severity: .warning) }
        let strict = field("n", .integer) { $0.constraint = Constraint(expression: "${n} > 0", message: "positive") }
        let sev = field("sev")
        let found = try problems([score, strict, sev], Answers(values: ["score": .number(90), "sev": .string("critical"), "n": .number(-1)]))
        XCTAssertEqual(found.map(\.description), ["warning: score: unusual", "error: n: positive"])
        XCTAssertEqual(try problems([score, strict, sev], Answers(values: ["score": .number(70), "n": .number(1)])), [])
        let broken = field("t") { $0.constraint = Constraint(expression: "${t} matches ${re}", message: "never") }
        let failed = try problems([broken, field("re")], Answers(values: ["t": .string("x"), "re": .string("(")]))
        XCTAssertEqual(failed.map(\.severity), [.warning])
        guard let first = failed.first else { return }
        XCTAssertTrue(first.message.hasPrefix("the constraint `${t} matches ${re}` could not be checked: "), first.message)
        XCTAssertEqual(try problems([strict], Answers()), [], "constraints apply to answers only")
    }

    func testRepeatCounts() throws {
        let items = field("items", .repeatGroup) {
            $0.repeatSpec = RepeatSpec(minCount: 1, maxCount: 2)
            $0.children = [self.field("name") { $0.required = true }]
        }
        let instances = { (names: [String?]) in Answers(repeats: ["items": names.map { Answers(values: $0.map { ["name": .string($0)] } ?? [:]) }]) }
        XCTAssertEqual(try problems([items], instances([])).map(\.message), ["needs at least 1 entries, has 0"])
        XCTAssertEqual(try problems([items], instances(["a", "b", "c"])).map(\.message), ["allows at most 2 entries, has 3"])
        XCTAssertEqual(try problems([items], instances(["a", nil])).map(\.description), ["error: items[2].name: an answer is required"])

        let counted = field("kids", .repeatGroup) { $0.repeatSpec = RepeatSpec(countExpression: "${n}") }
        let n = field("n", .integer)
        XCTAssertEqual(try problems([n, counted], Answers(values: ["n": .number(2)], repeats: ["kids": [Answers()]])).map(\.message),
                       ["should have 2 entries (${n}), has 1"])
        XCTAssertEqual(try problems([n, counted], Answers(values: ["n": .number(1)], repeats: ["kids": [Answers()]])), [])

        // A count too large for an Int is reported, not a crash.
        XCTAssertEqual(try problems([n, counted], Answers(values: ["n": .number(1e20)])).map(\.message),
                       ["should have 1e+20 entries (${n}), has 0"])
        XCTAssertEqual(try problems([n, counted], Answers(values: ["n": .number(1.5)], repeats: ["kids": [Answers()]])).map(\.message),
                       ["must be a whole number", "should have 1.5 entries (${n}), has 1"])

        let needed = field("req", .repeatGroup) { $0.required = true }
        XCTAssertEqual(try problems([needed], Answers()).map(\.message), ["needs at least one entry"])
        XCTAssertEqual(try problems([needed], Answers(repeats: ["req": [Answers()]])), [])
    }

    func testNestedRepeatPaths() throws {
        let outer = field("rooms", .repeatGroup) {
            $0.children = [self.field("items", .repeatGroup) { $0.children = [self.field("qty", .integer) { $0.validation.min = 1 }] }]
        }
        let answers = Answers(repeats: ["rooms": [Answers(), Answers(repeats: ["items": [Answers(values: ["qty": .number(0)])]])]])
        XCTAssertEqual(try problems([outer], answers).map(\.path), ["rooms[2].items[1].qty"])
    }

    func testRequirementsFromRulesAndCalculatedValues() throws {
        let gate = field("gate", .yesNo), reason = field("reason")
        let rule = Rule(id: "r", when: .row(ConditionRow(sourceFieldId: "f_gate", condition: .equals, value: .bool(true))),
                        action: .require, targetFieldIds: ["f_reason"])
        XCTAssertEqual(try problems([gate, reason], Answers(values: ["gate": .bool(true)]), rules: [rule]).map(\.path), ["reason"])
        XCTAssertEqual(try problems([gate, reason], Answers(values: ["gate": .bool(false)]), rules: [rule]), [])
        let total = field("total", .calculated) { $0.calculate = "1 + 1"; $0.constraint = Constraint(expression: "${total} > 5", message: "too small") }
        XCTAssertEqual(try problems([total], Answers()).map(\.message), ["too small"])
    }
}
