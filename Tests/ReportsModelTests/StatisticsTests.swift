import FormCore
import XCTest
@testable import Reports

final class StatisticsTests: XCTestCase {
    private func numbers(_ model: ReportModel, _ key: String) throws -> NumberSummary {
        guard case .number(let s)? = model.field(key)?.statistics else { throw XCTSkip("not a number field") }
        return s
    }

    func testNumberStatisticsAreExactOnKnownData() throws {
        let form = try ReportFixture.form()
        let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        let model = try ReportFixture.model(form, values.map { ReportFixture.answers(temp: $0) } + [ReportFixture.answers()])
        let s = try numbers(model, "temp")
        XCTAssertEqual(s.count, 8)
        XCTAssertEqual(s.mean, 5)
        XCTAssertEqual(s.median, 4.5)
        XCTAssertEqual(s.min, 2)
        XCTAssertEqual(s.max, 9)
        // Sample standard deviation of this classic set: sqrt(32 / 7).
        XCTAssertEqual(s.standardDeviation ?? 0, (32.0 / 7).squareRoot(), accuracy: 1e-12)
        XCTAssertTrue(s.isExact)
        XCTAssertEqual(s.histogram.map(\.count).reduce(0, +), 8)
        XCTAssertEqual(s.histogram.first?.count, 1)
        XCTAssertEqual(model.field("temp")?.missing, 1)
    }

    func testOddMedianSingleValueAndEmptyField() throws {
        let form = try ReportFixture.form()
        let model = try ReportFixture.model(form, [3, 1, 2].map { ReportFixture.answers(score: $0) })
        let s = try numbers(model, "score")
        XCTAssertEqual(s.median, 2)
        // A declared 0–100 range does not set the bins while the data fits the exact limit.
        XCTAssertEqual(s.histogram.first?.label, "1–1.20")
        let single = try numbers(try ReportFixture.model(form, [ReportFixture.answers(temp: 7)]), "temp")
        XCTAssertNil(single.standardDeviation)
        XCTAssertEqual(single.histogram.map(\.count), [1])
        let empty = try numbers(model, "temp")
        XCTAssertEqual(empty.count, 0)
        XCTAssertNil(empty.mean)
        XCTAssertTrue(empty.histogram.isEmpty)
    }

    func testBeyondTheExactLimitMeanStaysExactAndMedianIsEstimated() throws {
        let form = try ReportFixture.form()
        let responses = (1...1001).map { ReportFixture.answers(score: Double($0 % 101), temp: Double($0)) }
        let options = ReportBuildOptions(now: Date(timeIntervalSince1970: 0), exactLimit: 200)
        let model = try ReportFixture.model(form, responses, options: options)
        let temp = try numbers(model, "temp")
        XCTAssertFalse(temp.isExact)
        XCTAssertEqual(temp.count, 1001)
        XCTAssertEqual(temp.mean ?? 0, 501, accuracy: 1e-9)
        XCTAssertEqual(temp.min, 1)
        XCTAssertEqual(temp.max, 1001)
        XCTAssertEqual(temp.median ?? 0, 501, accuracy: 80, "a 200-value reservoir estimates the median within a few percent")
        XCTAssertEqual(temp.histogram.map(\.count).reduce(0, +), 1001, accuracy: 10)
        // The score field declares 0–100, so its bins are counted exactly while streaming.
        let score = try numbers(model, "score")
        XCTAssertEqual(score.histogram.map(\.count).reduce(0, +), 1001)
        XCTAssertEqual(score.histogram.first?.label, "0–10")
        // Same input, same reservoir: the estimate is deterministic.
        XCTAssertEqual(try numbers(try ReportFixture.model(form, responses, options: options), "temp"), temp)
    }

    func testChoiceCountsAndPercentages() throws {
        let form = try ReportFixture.form()
        let model = try ReportFixture.model(form, [
            ReportFixture.answers(site: "A", severity: "low", hazards: ["fire", "fall", "fire"], ok: true),
            ReportFixture.answers(site: "A", severity: "high", hazards: ["fire"], ok: false),
            ReportFixture.answers(site: "Z", severity: "high", ok: true),
            ReportFixture.answers(),
        ])
        guard case .categories(let site)? = model.field("site")?.statistics,
              case .categories(let hazards)? = model.field("hazards")?.statistics,
              case .categories(let ok)? = model.field("ok")?.statistics else { return XCTFail("wrong statistics kinds") }
        XCTAssertEqual(site.entries.map(\.value), ["A", "B", "C", "Z"])
        XCTAssertEqual(site.entries.map(\.count), [2, 0, 0, 1])
        XCTAssertEqual(site.entries[0].percent, 200.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(site.mode?.value, "A")
        XCTAssertTrue(hazards.multiple)
        XCTAssertEqual(hazards.answered, 2)
        XCTAssertEqual(hazards.entries.map(\.count), [2, 1], "a repeated pick counts once per response")
        XCTAssertEqual(hazards.entries[0].percent, 100)
        XCTAssertEqual(ok.entries.map(\.label), ["Yes", "No"])
        XCTAssertEqual(ok.entries.map(\.count), [2, 1])
        XCTAssertEqual(model.field("site")?.missing, 1)
    }

    func testDatesPerMonthFillGapsAndTextKeepsASample() throws {
        let form = try ReportFixture.form()
        let names = ["Ana", "Björn", "Ana", "Chen", "Dara", "Émile", "Fatima", "Görkem"]
        let dates = ["2026-01-05", "2026-03-09", "2026-03-31", "2025-12-31", nil, nil, nil, nil]
        let model = try ReportFixture.model(form, zip(names, dates).map { ReportFixture.answers(name: $0, date: $1) })
        guard case .dates(let d)? = model.field("date")?.statistics, case .text(let t)? = model.field("name")?.statistics else {
            return XCTFail("wrong statistics kinds")
        }
        XCTAssertEqual(d.earliest?.iso, "2025-12-31")
        XCTAssertEqual(d.latest?.iso, "2026-03-31")
        XCTAssertEqual(d.perMonth.map(\.month), ["2025-12", "2026-01", "2026-02", "2026-03"])
        XCTAssertEqual(d.perMonth.map(\.count), [1, 1, 0, 2])
        XCTAssertEqual(t.count, 8)
        XCTAssertEqual(t.distinctSample, ["Ana", "Björn", "Chen", "Dara", "Émile"])
    }

    func testCrossTabCountsPairsAndTotals() throws {
        let form = try ReportFixture.form()
        let responses = [("A", "low"), ("A", "high"), ("B", "high"), ("B", "high"), ("X", "low")].map { ReportFixture.answers(site: $0.0, severity: $0.1) }
        let options = ReportBuildOptions(crossTabs: [CrossTabRequest(rows: "site", columns: "severity")], now: Date(timeIntervalSince1970: 0))
        let tab = try XCTUnwrap(try ReportFixture.model(form, responses, options: options).crossTabs.first)
        XCTAssertEqual(tab.rowLabels, ["A", "B", "C", "X"])
        XCTAssertEqual(tab.columnLabels, ["Low", "High"])
        XCTAssertEqual(tab.counts, [[1, 1], [0, 2], [0, 0], [1, 0]])
        XCTAssertEqual(tab.rowTotals, [2, 2, 0, 1])
        XCTAssertEqual(tab.columnTotals, [2, 3])
        XCTAssertThrowsError(try ReportFixture.model(form, responses, options: ReportBuildOptions(crossTabs: [CrossTabRequest(rows: "site", columns: "temp")]))) {
            XCTAssertTrue("\($0)".contains("temp"))
        }
    }

    func testTableAndDetailsRespectLimits() throws {
        let form = try ReportFixture.form()
        let responses = (1...5).map { ReportFixture.answers(name: "n\($0)", score: Double($0)) }
        let options = ReportBuildOptions(includeTable: true, tableColumns: ["score", "name"], tableLimit: 3, includeDetails: true, detailLimit: 2)
        let model = try ReportFixture.model(form, responses, options: options)
        let table = try XCTUnwrap(model.table)
        XCTAssertEqual(table.keys, ["#", "score", "name"])
        XCTAssertEqual(table.rows, [["1", "1", "n1"], ["2", "2", "n2"], ["3", "3", "n3"]])
        XCTAssertEqual(table.omitted, 2)
        XCTAssertEqual(model.details.count, 2)
        XCTAssertEqual(model.detailsOmitted, 3)
        XCTAssertEqual(model.details[1].answers.first, QuestionAnswer(question: "Name", answer: "n2"))
        XCTAssertThrowsError(try ReportFixture.model(form, responses, options: ReportBuildOptions(includeTable: true, tableColumns: ["nope"])))
    }

    func testDataQualityGroupsValidatorProblems() throws {
        let form = try ReportFixture.form()
        let responses = [
            ReportFixture.answers(score: 150, severity: "low", ok: false),
            ReportFixture.answers(name: "x", score: 150, severity: "low"),
            ReportFixture.answers(name: "y", score: 5),
        ]
        let quality = try ReportFixture.model(form, responses).dataQuality
        XCTAssertTrue(quality.validated)
        let byPath = Dictionary(grouping: quality.issues, by: \.path)
        XCTAssertEqual(byPath["score"]?.first?.count, 2)
        XCTAssertEqual(byPath["score"]?.first?.examples, [1, 2])
        XCTAssertEqual(byPath["severity"]?.first?.message, "an answer is required")
        XCTAssertEqual(byPath["name"]?.first?.examples, [1], "the rule requires a name when ok is no")
        XCTAssertEqual(quality.missing.first { $0.key == "name" }?.count, 1)
        XCTAssertEqual(quality.missing.first { $0.key == "temp" }?.percent, 100)
        XCTAssertFalse(try ReportFixture.model(form, responses, options: ReportBuildOptions(validate: false)).dataQuality.validated)
    }

    func testCodebookWritesRulesInWords() throws {
        let book = CodebookBuilder.entries(for: try ReportFixture.siteInspection())
        let followUp = try XCTUnwrap(book.first { $0.key == "follow_up_date" })
        XCTAssertTrue(followUp.rules.contains("Shown when ${follow_up} = 'yes'."), "\(followUp.rules)")
        XCTAssertTrue(followUp.rules.contains { $0.hasPrefix("Must satisfy ${follow_up_date} >= ${date}") })
        let notes = try XCTUnwrap(book.first { $0.key == "notes" })
        XCTAssertTrue(notes.rules.contains { $0.hasPrefix("Required when") && $0.contains("in ('high', 'critical')") }, "\(notes.rules)")
        let severity = try XCTUnwrap(book.first { $0.key == "severity" })
        XCTAssertEqual(severity.choices.first, "low = Low")
        XCTAssertTrue(severity.rules.contains("Always required."))
        XCTAssertEqual(book.first { $0.key == "score" }?.rules.contains("Between 0 and 100."), true)
    }
}
