import FormCore

/// Steps through a form's fields in reading order (depth first, page after page) from any
/// field, without flattening the form: the preview only ever looks at the few dozen fields
/// around the cursor, whatever the form's size.
enum FormWalk {
    /// The field read right after `location`, if any.
    static func next(after location: FieldLocation, in form: Form) -> FieldLocation? {
        if !form.field(at: location).children.isEmpty { return FieldLocation(page: location.page, path: location.path + [0]) }
        var path = location.path
        while let index = path.last {
            let siblings = form.siblings(page: location.page, parentPath: Array(path.dropLast()))
            if index + 1 < siblings.count {
                path[path.count - 1] = index + 1
                return FieldLocation(page: location.page, path: path)
            }
            path.removeLast()
        }
        return first(fromPage: location.page + 1, in: form)
    }

    /// The field read right before `location`, if any.
    static func previous(before location: FieldLocation, in form: Form) -> FieldLocation? {
        guard let index = location.path.last else { return nil }
        if index == 0 {
            if location.path.count > 1 { return FieldLocation(page: location.page, path: Array(location.path.dropLast())) }
            return last(beforePage: location.page, in: form)
        }
        var path = location.path
        path[path.count - 1] = index - 1
        return deepestLast(FieldLocation(page: location.page, path: path), in: form)
    }

    /// The first field of the first non-empty page at or after `page`.
    static func first(fromPage page: Int, in form: Form) -> FieldLocation? {
        var page = page
        while form.pages.indices.contains(page) {
            if !form.pages[page].fields.isEmpty { return FieldLocation(page: page, path: [0]) }
            page += 1
        }
        return nil
    }

    /// The last field read in the last non-empty page before `page`.
    static func last(beforePage page: Int, in form: Form) -> FieldLocation? {
        var page = min(page, form.pages.count) - 1
        while page >= 0 {
            let count = form.pages[page].fields.count
            if count > 0 { return deepestLast(FieldLocation(page: page, path: [count - 1]), in: form) }
            page -= 1
        }
        return nil
    }

    static func deepestLast(_ location: FieldLocation, in form: Form) -> FieldLocation {
        var path = location.path
        var children = form.field(at: location).children
        while !children.isEmpty {
            path.append(children.count - 1)
            children = children[children.count - 1].children
        }
        return FieldLocation(page: location.page, path: path)
    }
}
