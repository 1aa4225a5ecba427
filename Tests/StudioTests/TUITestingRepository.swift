import FormCore
import Studio
import TUITesting

/// A repository with the contact form, for tests that need one.
enum TUITestingRepository {
    static func make() -> InMemoryFormRepository { InMemoryFormRepository(forms: [Fixtures.contact]) }
}
