import Foundation

/// Prices per model, looked up by exact id, then by the longest configured id that prefixes
/// the served model ("gpt-4o-mini" prices "gpt-4o-mini-2024-07-18").
public struct PriceTable: Sendable, Equatable {
    /// Prices by model id.
    public var prices: [String: ModelPrice]

    /// A table from the config's `prices`.
    public init(_ prices: [String: ModelPrice] = [:]) {
        self.prices = prices
    }

    /// The price of a model, if known.
    public func price(for model: String) -> ModelPrice? {
        if let exact = prices[model] { return exact }
        return prices.filter { model.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value
    }

    /// The cost of some usage of a model; 0 when the model has no price.
    public func cost(model: String, usage: TokenUsage) -> Double {
        price(for: model)?.cost(of: usage) ?? 0
    }
}

/// Checks the daily budget before each call: what the ledger recorded since midnight UTC plus
/// the call's worst case (estimated prompt tokens + the output limit) must stay within limits.
public struct BudgetGuard: Sendable {
    /// The limits; nil means no budget.
    public var limits: BudgetLimits?
    /// Prices for the dollar limit.
    public var prices: PriceTable

    /// A guard from its parts.
    public init(limits: BudgetLimits?, prices: PriceTable) {
        self.limits = limits
        self.prices = prices
    }

    /// Throws `RouterError.budgetExceeded` when the call could take the day over a limit.
    public func check(_ request: CompletionRequest, model: String, ledger: UsageLedger?, now: Date) throws {
        guard let limits, limits.tokensPerDay != nil || limits.dollarsPerDay != nil else { return }
        let spent = try ledger?.totals(since: Self.startOfDay(now)) ?? UsageTotals(tokens: 0, cost: 0)
        let worst = TokenUsage(input: request.estimatedInputTokens, output: request.maxOutputTokens)
        if let tokens = limits.tokensPerDay, spent.tokens + worst.input + worst.output > tokens {
            throw RouterError.budgetExceeded("\(spent.tokens) of \(tokens) tokens used today; this call could use \(worst.input + worst.output) more")
        }
        if let dollars = limits.dollarsPerDay {
            let estimate = prices.cost(model: model, usage: worst)
            if spent.cost + estimate > dollars {
                throw RouterError.budgetExceeded(String(format: "$%.4f of $%.2f spent today; this call could cost $%.4f more", spent.cost, dollars, estimate))
            }
        }
    }

    /// Midnight UTC of the day holding `date`.
    public static func startOfDay(_ date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.startOfDay(for: date)
    }
}
