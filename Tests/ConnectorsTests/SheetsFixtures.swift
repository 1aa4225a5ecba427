import Connectors
import FormCore
import ConnectorsTestSupport
import HTTPTestSupport
import Foundation

/// The survey form the Sheets tests pull into and push from.
enum SheetsFixtures {
    static let form = Form(id: "survey", title: "Survey", pages: [Page(id: "p1", title: "Main", fields: [
        Field(id: "f1", key: "name", type: .shortText, label: "Your name"),
        Field(id: "f2", key: "score", type: .integer, label: "Score"),
        Field(id: "f3", key: "visited", type: .date, label: "Visit date"),
        Field(id: "f4", key: "topics", type: .multipleChoice, label: "Which topics?",
              choices: .list([Choice(value: "Food"), Choice(value: "Rooms"), Choice(value: "Staff")])),
        Field(id: "f5", key: "again", type: .yesNo, label: "Come again?"),
        Field(id: "f6", key: "note", type: .note, label: "Thanks"),
    ])])

    /// A Google Forms responses sheet: a Timestamp column, questions as headers (labels), one
    /// column nobody mapped, a formula-looking answer, and a bad score on row 4.
    static let responseRows: [[Any]] = [
        ["Timestamp", "Your name", "score", "Visit date", "Which topics?", "Come again?", "Referrer"],
        [46_346.5, "Ana", 42, 46_340, "Food, Rooms", true, "friend"],
        [46_347.25, "=HYPERLINK(\"http://x\")", 37, 46_341, "Staff", false],
        [46_348, "Kwame", "lots", 46_342, "Food", true],
        [],
        [46_349, "Lea", 40, "2026-11-20", "Rooms;Staff", "yes"],
    ]
}
