import TUIKit

/// The top-level screens, in tab order. The number keys switch between them from any
/// top-level screen, and the header shows them as tabs; screens that take typed answers
/// (the builder, the rule editor) keep the digits for themselves.
public enum NavigationTab: String, CaseIterable, Sendable {
    /// The workspace's forms.
    case forms = "go.forms"
    /// A form's stored responses.
    case responses = "go.responses"
    /// Reports: generate, results, schedules.
    case reports = "go.reports"
    /// The job queue.
    case jobs = "go.jobs"
    /// Settings: theme, report defaults, AI and connectors.
    case settings = "go.settings"

    /// The tab's name in the header and the help.
    public var title: String {
        switch self {
        case .forms: return "Forms"
        case .reports: return "Reports"
        case .settings: return "Settings"
        case .responses: return "Responses"
        case .jobs: return "Jobs"
        }
    }

    /// The screen it shows.
    public var screen: Screen {
        switch self {
        case .forms: return .forms
        case .reports: return .reports
        case .settings: return .settings
        case .responses: return .responses
        case .jobs: return .jobs
        }
    }

    /// The tab showing `screen`, if `screen` is a top-level one.
    public static func tab(showing screen: Screen) -> NavigationTab? {
        allCases.first { $0.screen == screen }
    }

    /// The number key that selects it (`1` for the first tab).
    var key: KeyEvent { .char(Character(String(Self.allCases.firstIndex(of: self)! + 1))) }
}

/// Switching tabs: the keymap and the reducer.
enum NavigationReducer {
    /// `1`…`n` for the tabs, in order.
    static let keymap = Keymap<AppState>(NavigationTab.allCases.map { tab in
        KeyBinding(id: tab.rawValue, keys: [tab.key], title: "Go to \(tab.title)", shortTitle: nil, group: "Tabs", showInBar: false)
    })

    /// Shows `tab`'s screen, asking each screen to refresh what it shows.
    static func reduce(_ tab: NavigationTab, _ state: inout AppState) -> [Effect] {
        if state.screen == .settings, tab != .settings { SettingsReducer.leave(&state) }
        state.screen = tab.screen
        switch tab {
        case .forms: return [.loadForms]
        case .reports: return ReportsReducer.open(formID: nil, &state)
        case .settings: return SettingsReducer.open(&state)
        case .responses: return ResponsesReducer.show(formID: state.forms.current?.id, &state)
        case .jobs: return JobsReducer.refresh(&state)
        }
    }

    /// The tab strip, right-aligned in the header: `1 Forms  2 Responses …`, the current one
    /// marked; left out when it would cover the first `reserved` columns (the title).
    static func render(_ current: Screen, in area: Rect, after reserved: Int, grid: inout CellGrid, theme: Theme) {
        let labels = NavigationTab.allCases.map { (tab: $0, text: " \($0.key.displayLabel) \($0.title) ") }
        let width = labels.reduce(0) { $0 + TextWidth.width(of: $1.text) }
        guard area.width - width >= reserved else { return }
        var x = area.maxX - width
        for (tab, text) in labels {
            let style = tab.screen == current ? theme[.selection].adding(.bold) : theme[.statusBar]
            grid.write(text, at: Point(x: x, y: area.y), style: style, clip: area)
            x += TextWidth.width(of: text)
        }
    }
}
