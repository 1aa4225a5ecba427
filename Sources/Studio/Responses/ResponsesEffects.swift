import FormCore

extension EffectRunner {
    /// Performs a Responses effect against `services.responses`.
    func perform(responses effect: ResponsesEffect) -> [AppAction] {
        guard let service = services.responses else {
            let reason = "Responses are not available in this session."
            if case .loadForm(let id) = effect { return [.responsesEvent(.unavailable(formID: id, reason: reason))] }
            return [.responsesEvent(.failed(reason))]
        }
        do {
            return [.responsesEvent(try attempt(effect, service))]
        } catch {
            if case .loadForm(let id) = effect { return [.responsesEvent(.unavailable(formID: id, reason: "\(error)"))] }
            return [.responsesEvent(.failed("\(error)"))]
        }
    }

    private func attempt(_ effect: ResponsesEffect, _ service: ResponseService) throws -> ResponsesEvent {
        switch effect {
        case .loadForm(let id): return .formLoaded(try service.latestForm(id))
        case .query(let query): return .indexed(try service.index(query))
        case .loadRows(let ids, let window): return .rowsLoaded(try service.rows(ids), window: window)
        case .read(let id): return .opened(try service.read(id))
        case .save(let id, let answers, let revision): return .saved(id: id, revision: try service.save(id, answers: answers, expectedRevision: revision))
        case .delete(let id):
            try service.delete(id)
            return .deleted(id)
        case .previewImport(let path, let formID): return .previewed(try service.previewImport(path: path, formID: formID))
        case .importFile(let path, let formID): return .imported(count: try service.importFile(path: path, formID: formID))
        case .history(let id): return .history(id: id, try service.revisions(id))
        case .export(let formID, let format, let path):
            return .exported(count: try service.export(formID: formID, format: format, path: path), path: path)
        }
    }
}
