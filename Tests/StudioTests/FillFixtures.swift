import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting

/// Published sample forms behind an in-memory fill service, for the Fill screen tests.
enum FillFixtures {
    /// A sample form from the repository's samples/ folder.
    static func sample(_ name: String, file: StaticString = #filePath) throws -> Form {
        let root = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try FormFile.load(path: root.appendingPathComponent("samples/\(name).form.json").path)
    }

    /// A small form with one field of each entry kind the screen draws differently, plus an
    /// unpublished form.
    static var kinds: Form {
        let count = Field(id: "f_count", key: "count", type: .integer, label: "How many", validation: FieldValidation(min: 1, max: 9))
        let day = Field(id: "f_day", key: "day", type: .date, label: "Day")
        let ok = Field(id: "f_ok", key: "ok", type: .consent, label: "Terms", required: true)
        let stars = Field(id: "f_stars", key: "stars", type: .rating, label: "Stars")
        return Form(id: "kinds", title: "Kinds", pages: [Page(id: "p1", title: "Kinds", fields: [count, day, ok, stars])])
    }

    /// A driver over the forms (all published except `unpublished`), its fill service and repository.
    static func driver(forms: [Form], unpublished: [Form] = [], size: Size = Size(width: 80, height: 24)) throws
        -> (StudioDriver, InMemoryFillService, InMemoryFormRepository) {
        let repository = InMemoryFormRepository(forms: forms + unpublished)
        for form in forms { _ = try repository.publish(form.id) }
        let fill = InMemoryFillService(forms: repository)
        var services = StudioServices(forms: repository)
        services.fill = fill
        return (StudioDriver(services: services, size: size), fill, repository)
    }

    /// A driver already on the Fill screen of `formID`.
    static func filling(_ formID: String, forms: [Form], size: Size = Size(width: 80, height: 24), quit: Bool = false) throws
        -> (StudioDriver, InMemoryFillService) {
        let (driver, fill, _) = try driver(forms: forms, size: size)
        driver.send(.fillEvent(.start(formID: formID, quitWhenDone: quit)))
        return (driver, fill)
    }
}
