/// Finds design mistakes before a respondent does: unknown references, cycles, unreachable
/// fields and pages, conditions that can never change, type mismatches, choice values that do
/// not exist, duplicate ids and keys. Errors make `formwork validate` fail; warnings do not.
public enum Linter {
    /// Every issue in `form`, errors first, then in form order.
    public static func lint(_ form: Form) -> [LintIssue] {
        var issues = duplicates(form)
        let index = FormIndex(form)
        issues += ruleRows(form, index)
        issues += expressions(form, index)
        do {
            let graph = try RuleGraph(form: form)
            issues += graph.parseProblems.map { problem in
                LintIssue("syntax", .error, at: location(problem.origin, field: problem.fieldIndex.map { index.entries[$0].field.key }),
                          "\(problem.error.message) in `\(problem.text)`", column: problem.error.column)
            }
            issues += reachability(form, graph)
        } catch let error as RuleGraphError {
            issues.append(LintIssue("cycle", .error, at: "rules", error.description))
        } catch {
            issues.append(LintIssue("internal", .error, at: "rules", "\(error)"))
        }
        return issues.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }

    static func location(_ origin: RuleSource.Origin, field: String?) -> String {
        switch origin {
        case .property(let property): return "field \"\(field ?? "?")\" \(property.rawValue)"
        case .rule(let id, _): return "rule \"\(id)\""
        case .pageVisibleIf(let page): return "page \"\(page)\" visibleIf"
        }
    }

    static func duplicates(_ form: Form) -> [LintIssue] {
        var issues: [LintIssue] = []
        var ids = Set<FieldID>(), keys = Set<String>()
        // `flatten` names a repeat scope by the group's id; messages name it by its key.
        var repeatKeys: [FieldID: String] = [:]
        for page in form.pages {
            for (field, scope) in FieldTree.flatten(page.fields) {
                if field.type == .repeatGroup, repeatKeys[field.id] == nil { repeatKeys[field.id] = field.key }
                if !ids.insert(field.id).inserted {
                    issues.append(LintIssue("duplicate-id", .error, at: "field \"\(field.key)\"", "the id \"\(field.id)\" is used more than once"))
                }
                if !keys.insert(scope + "\u{0}" + field.key).inserted {
                    issues.append(LintIssue("duplicate-key", .error, at: "field \"\(field.key)\"",
                                            "the key \"\(field.key)\" is used more than once in \(scope.isEmpty ? "the form" : "repeat \"\(repeatKeys[scope] ?? scope)\"")"))
                }
                if field.key.isEmpty || !isValidKey(field.key) {
                    issues.append(LintIssue("bad-key", .error, at: "field \"\(field.id)\"",
                                            "the key \"\(field.key)\" must start with a letter or _ and hold only letters, digits and _"))
                }
            }
        }
        var pageIDs = Set<String>()
        for page in form.pages where !pageIDs.insert(page.id).inserted {
            issues.append(LintIssue("duplicate-page", .error, at: "page \"\(page.id)\"", "the page id is used more than once"))
        }
        var ruleIDs = Set<String>()
        for rule in form.rules where !ruleIDs.insert(rule.id).inserted {
            issues.append(LintIssue("duplicate-rule", .error, at: "rule \"\(rule.id)\"", "the rule id is used more than once"))
        }
        return issues
    }

    static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
