import Foundation
import XCTest

/// The Responses screen in a real terminal: import the incident-report sample and its CSV
/// with the CLI, open the studio, go to Responses, filter to one response, open it.
final class ResponsesTmuxTests: TmuxTestCase {
    func testFilterToOneResponseAndReadIt() throws {
        try formwork(["forms", "import", Self.samples.appendingPathComponent("incident-report.form.json").path])
        try formwork(["forms", "publish", "incident-report"])
        try formwork(["responses", "import", "incident-report", Self.samples.appendingPathComponent("incident-report.csv").path])
        try startFormwork()
        try waitFor("Incident report")
        try send("2")
        try waitFor("Responses · Incident report")
        try send("/")
        try type("${reporter_email} = 'joao.brennan@example.co.uk'")
        try send("Enter")
        try waitFor("1 match")
        try send("Enter")
        try waitFor("Response ")
        let screen = try waitFor("Goods-in area")
        XCTAssertTrue(screen.contains { $0.contains("João Brennan") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("near_miss") || $0.contains("Near miss") }, screen.joined(separator: "\n"))
        try editThenReadTheOldRevision()
        try send("q")
        try send("q")
        try send("q")
        try waitFor("FORMWORK-EXITED-0")
    }

    /// Renames the reporter (a new revision), then reads revision 1 from the history.
    func editThenReadTheOldRevision() throws {
        try send("e")
        try waitFor("editing")
        try send("Tab", "Tab", "C-u")
        try type("Joao B")
        try send("C-s")
        try waitFor("saved: revision 2")
        try send("h")
        try waitFor("r2 changed reporter_name")
        try send("k", "Enter")
        let old = try waitFor("revision 1 of 2 · read only")
        XCTAssertTrue(old.contains { $0.contains("João Brennan") }, old.joined(separator: "\n"))
        try send("Escape", "Escape")
        try waitFor("Joao B")
    }
}
