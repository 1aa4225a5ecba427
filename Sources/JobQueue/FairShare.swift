import Foundation

/// Shares free worker slots between queues round-robin, so a busy queue cannot starve the
/// others, and never hands out more than the free slots it is given (the pool's slots plus its
/// bounded prefetch).
struct FairShare {
    /// Claims for each queue in turn: `claim(queue, limit)` returns how many it got. Slots a
    /// queue cannot use are offered to the queues that filled their share, until none are left.
    static func distribute(free: Int, capacity: [(queue: String, free: Int)],
                           claim: (String, Int) throws -> Int) rethrows -> Int {
        var remaining = free
        var caps = Dictionary(capacity.map { ($0.queue, $0.free) }, uniquingKeysWith: { first, _ in first })
        var active = capacity.map(\.queue).filter { (caps[$0] ?? 0) > 0 }
        var claimed = 0
        while remaining > 0 && !active.isEmpty {
            let share = max(1, remaining / active.count)
            var next: [String] = []
            for queue in active where remaining > 0 {
                let want = min(share, caps[queue] ?? 0, remaining)
                let got = try claim(queue, want)
                remaining -= got
                claimed += got
                caps[queue, default: 0] -= got
                if got == want && (caps[queue] ?? 0) > 0 { next.append(queue) }
            }
            active = next
        }
        return claimed
    }

    /// `queues` rotated by `offset`, so ties go to a different queue each round.
    static func rotated(_ queues: [String], by offset: Int) -> [String] {
        guard !queues.isEmpty else { return [] }
        let start = offset % queues.count
        return Array(queues[start...] + queues[..<start])
    }
}
