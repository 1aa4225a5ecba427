/// A key that more than one command claims.
public struct KeyConflict: Hashable, Sendable, CustomStringConvertible {
    /// The contested key.
    public var key: KeyEvent
    /// The commands claiming it, in keymap order.
    public var commandIDs: [String]

    /// `ctrl+j is bound to a, b`.
    public var description: String { "\(key) is bound to \(commandIDs.joined(separator: ", "))" }
}

/// An ordered list of key bindings for one screen or scope.
///
/// Earlier bindings win when keys collide, so a screen keymap can be placed in front of the
/// global one with `+`.
public struct Keymap<State> {
    /// The bindings in priority and display order.
    public var bindings: [KeyBinding<State>]

    /// Creates a keymap.
    public init(_ bindings: [KeyBinding<State>]) {
        self.bindings = bindings
    }

    /// What `key` does in `state`.
    public func resolve(_ key: KeyEvent, in state: State) -> KeyResolution {
        guard let binding = bindings.first(where: { $0.keys.contains(key) }) else { return .unbound }
        if let reason = binding.disabledReason(state) { return .disabled(binding.id, reason: reason) }
        return .command(binding.id)
    }

    /// The binding with `id`, if any.
    public func binding(id: String) -> KeyBinding<State>? { bindings.first { $0.id == id } }

    /// Every command evaluated against `state`, in order (for help and the palette).
    public func hints(in state: State) -> [CommandHint] {
        bindings.map { binding in
            CommandHint(
                id: binding.id, keyLabel: binding.keyLabel, title: binding.title,
                shortTitle: binding.shortTitle, group: binding.group, disabledReason: binding.disabledReason(state)
            )
        }
    }

    /// What the key bar shows: enabled commands flagged `showInBar`.
    public func barHints(in state: State) -> [CommandHint] {
        zip(bindings, hints(in: state)).filter { $0.0.showInBar && $0.1.isEnabled }.map(\.1)
    }

    /// Help sections: each group with its commands, groups in first-appearance order.
    public func helpSections(in state: State) -> [(group: String, hints: [CommandHint])] {
        var order: [String] = []
        var grouped: [String: [CommandHint]] = [:]
        for hint in hints(in: state) {
            if grouped[hint.group] == nil { order.append(hint.group) }
            grouped[hint.group, default: []].append(hint)
        }
        return order.map { ($0, grouped[$0] ?? []) }
    }

    /// Keys claimed by more than one command (the later ones can never fire).
    public func conflicts() -> [KeyConflict] {
        var owners: [KeyEvent: [String]] = [:]
        var order: [KeyEvent] = []
        for binding in bindings {
            for key in binding.keys where owners[key]?.contains(binding.id) != true {
                if owners[key] == nil { order.append(key) }
                owners[key, default: []].append(binding.id)
            }
        }
        return order.compactMap { key in
            guard let ids = owners[key], ids.count > 1 else { return nil }
            return KeyConflict(key: key, commandIDs: ids)
        }
    }

    /// This keymap with keys replaced for the given command ids (user remapping).
    public func remapped(_ overrides: [String: [KeyEvent]]) -> Keymap {
        Keymap(bindings.map { binding in
            var copy = binding
            if let keys = overrides[binding.id] { copy.keys = keys }
            return copy
        })
    }

    /// Both keymaps, this one taking precedence.
    public static func + (lhs: Keymap, rhs: Keymap) -> Keymap { Keymap(lhs.bindings + rhs.bindings) }

    /// A Markdown table of every command, grouped (for generated docs like docs/keymap.md).
    public func markdown(title: String) -> String {
        var lines = ["## \(title)", ""]
        var currentGroup: String?
        for binding in bindings {
            if binding.group != currentGroup {
                if currentGroup != nil { lines.append("") }
                lines += ["### \(binding.group)", "", "| Keys | Command | Id |", "|---|---|---|"]
                currentGroup = binding.group
            }
            let keys = binding.keys.map { "`\($0)`" }.joined(separator: ", ")
            lines.append("| \(keys) | \(binding.title) | `\(binding.id)` |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
