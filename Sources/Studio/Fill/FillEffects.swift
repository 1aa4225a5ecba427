import FormCore

extension EffectRunner {
    /// Performs a Fill effect; failures become Fill events, so the screen can react (leave
    /// when the form cannot be opened, keep the answers when a save fails).
    func perform(fill effect: FillEffect) -> [AppAction] {
        guard let service = services.fill else {
            let message = "filling in forms is not available in this session"
            if case .open = effect { return [.fillEvent(.openFailed(message))] }
            return [.fillEvent(.saveFailed(message))]
        }
        do {
            switch effect {
            case .open(let formID):
                return [.fillEvent(.opened(try service.open(formID)))]
            case .save(let formID, let version, let draftID, let answers):
                return [.fillEvent(.draftSaved(try service.saveDraft(formID: formID, version: version, draftID: draftID, answers: answers)))]
            case .submit(let formID, let version, let draftID, let answers):
                switch try service.submit(formID: formID, version: version, draftID: draftID, answers: answers) {
                case .stored(let id): return [.fillEvent(.submitted(id))]
                case .problems(let problems): return [.fillEvent(.rejected(problems))]
                }
            }
        } catch {
            if case .open = effect { return [.fillEvent(.openFailed("\(error)"))] }
            return [.fillEvent(.saveFailed("\(error)"))]
        }
    }
}
