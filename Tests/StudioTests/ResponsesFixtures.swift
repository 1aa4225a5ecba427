import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting

/// A published form with answers for the Responses screen's tests.
enum ResponsesFixtures {
    /// Name (required), age 0–120, a city, a choice of colour, and a repeat of pets.
    static var people: Form {
        let pet = Field(id: "f_pet", key: "pet_name", type: .shortText, label: "Pet name")
        return Form(id: "people", title: "People", version: 1, state: .published, pages: [Page(id: "p1", title: "People", fields: [
            Field(id: "f_name", key: "name", type: .shortText, label: "Name", required: true),
            Field(id: "f_age", key: "age", type: .integer, label: "Age", validation: FieldValidation(min: 0, max: 120)),
            Field(id: "f_city", key: "city", type: .shortText, label: "City"),
            Field(id: "f_color", key: "color", type: .singleChoice, label: "Colour",
                  choices: .list([Choice(value: "red", label: "Red"), Choice(value: "blue", label: "Blue")])),
            Field(id: "f_note", key: "note", type: .longText, label: "Note"),
            Field(id: "f_pets", key: "pets", type: .repeatGroup, label: "Pets", children: [pet]),
        ])])
    }

    static let names = ["Ana", "Bruno", "Carla", "Dmitri", "Eve", "Farid", "Gao", "Hana", "Ivo", "Jun", "Kai", "Lena"]

    /// A service holding `people` with `count` responses (names cycle, ages 20 + 3n).
    static func service(count: Int = 12) -> InMemoryResponseService {
        let service = InMemoryResponseService()
        service.addForm(people)
        for n in 0..<count {
            var answers = Answers(values: ["name": .string(names[n % names.count] + (n < names.count ? "" : " \(n)")),
                                           "age": .number(Double(20 + 3 * n)), "city": .string(n % 2 == 0 ? "Lisbon" : "Porto"),
                                           "color": .string(n % 3 == 0 ? "red" : "blue")])
            if n == 0 { answers.repeats["pets"] = [Answers(values: ["pet_name": .string("Rex")]), Answers(values: ["pet_name": .string("Tom")])] }
            service.add(answers, formID: "people", submittedAt: Date(timeIntervalSince1970: 1_780_000_000 + Double(n) * 3_600))
        }
        return service
    }

    /// A driver on the Responses screen of `people`.
    static func driver(_ service: InMemoryResponseService = service(), size: Size = Size(width: 120, height: 40)) -> StudioDriver {
        var draft = people
        draft.state = .draft
        let repository = InMemoryFormRepository(forms: [draft])
        _ = try? repository.publish("people")
        let driver = StudioDriver(services: StudioServices(forms: repository, responses: service), size: size)
        driver.send(.command("forms.responses"))
        return driver
    }

    /// A file in a fresh temporary folder.
    static func file(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("responses-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
