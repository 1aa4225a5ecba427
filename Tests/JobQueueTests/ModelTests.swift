import Foundation
import XCTest
@testable import JobQueue

/// Deterministic random numbers for reproducible command sequences.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The reference state machine: what each command must do to a job.
struct ModelJob: Equatable {
    var state: JobState
    var attempt: Int
    var maxAttempts: Int
    var scheduledAt: Int64
    var cancelRequested = false
    var leaseUntil: Int64 = 0
}

/// T2: random command sequences (enqueue, claim, complete, fail, snooze, cancel, crash, lease
/// sweep, stale completions, clock jumps) against the reference model, with an injected clock.
final class ModelTests: XCTestCase {
    func testStoreMatchesReferenceStateMachine() throws {
        for seed in UInt64(1)...25 {
            try runSequence(seed: seed, steps: 120)
        }
    }

    private func runSequence(seed: UInt64, steps: Int) throws {
        var rng = SplitMix64(state: seed)
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        var model: [Int64: ModelJob] = [:]
        var held: [ClaimedJob] = []
        var stale: [ClaimedJob] = []
        var epochNumber = 0
        var epoch: String { "epoch-\(epochNumber)" }
        for step in 0..<steps {
            let now = clock.nowMillis()
            let context = "seed \(seed) step \(step)"
            switch Int.random(in: 0..<11, using: &rng) {
            case 0, 1:
                let delay = Bool.random(using: &rng) ? 0 : Int64.random(in: 1...5_000, using: &rng)
                let maxAttempts = Int.random(in: 1...3, using: &rng)
                let id = try store.enqueue(JobRequest(kind: "m", delayMillis: delay, maxAttempts: maxAttempts)).id
                model[id] = ModelJob(state: delay > 0 ? .scheduled : .available, attempt: 0, maxAttempts: maxAttempts,
                                     scheduledAt: now + delay)
            case 2, 3:
                let limit = Int.random(in: 1...3, using: &rng)
                let expected = modelClaim(&model, limit: limit, now: now, lease: store.options.leaseMillis)
                let claimed = try store.claim(plan: [(queue: "default", limit: limit)], epoch: epoch)
                XCTAssertEqual(claimed.map(\.id), expected, context)
                held += claimed
            case 4, 5:
                guard !held.isEmpty else { continue }
                let run = held.remove(at: Int.random(in: 0..<held.count, using: &rng))
                let outcome = randomOutcome(&rng, now: now)
                let applied = try store.finish([JobCompletion(job: run, outcome: outcome)])
                XCTAssertEqual(applied, [true], context)
                modelFinish(&model[run.id]!, outcome: outcome, now: now, policy: store.options.retryPolicy)
            case 6:
                guard let id = model.keys.randomElement(using: &rng) else { continue }
                let before = model[id]!
                if before.state.isTerminal {
                    XCTAssertThrowsError(try store.cancel(id), context)
                } else {
                    let result = try store.cancel(id)
                    if before.state == .running {
                        XCTAssertEqual(result, .running, context)
                        model[id]!.cancelRequested = true
                    } else {
                        XCTAssertEqual(result, .cancelled, context)
                        model[id]!.state = .cancelled
                    }
                }
            case 7:
                stale += held
                held.removeAll()
                try store.unregisterWorker(epoch: epoch)
                epochNumber += 1
                try store.registerWorker(epoch: epoch)
                for id in model.keys where model[id]!.state == .running { modelRecover(&model[id]!, now: now) }
            case 8:
                clock.advance(store.options.leaseMillis + 1)
                let later = clock.nowMillis()
                XCTAssertEqual(try store.sweepExpiredLeases(), model.values.filter { $0.state == .running }.count, context)
                for id in model.keys where model[id]!.state == .running { modelRecover(&model[id]!, now: later) }
                stale += held
                held.removeAll()
            case 9:
                guard let run = stale.randomElement(using: &rng) else { continue }
                XCTAssertEqual(try store.finish([JobCompletion(job: run, outcome: .completed(Data("late".utf8)))]), [false], context)
            default:
                clock.advance(Int64.random(in: 0...8_000, using: &rng))
            }
            try compare(store, model, context)
        }
    }

    private func randomOutcome(_ rng: inout SplitMix64, now: Int64) -> JobOutcome {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1: return .completed(nil)
        case 2: return .failed(.retryable("r"))
        case 3: return .failed(.permanent("p"))
        case 4: return .failed(.snooze(until: Date(timeIntervalSince1970: Double(now + 3_000) / 1000), reason: "429"))
        default: return .timedOut(10)
        }
    }

    /// Promote due jobs, then claim by (priority, scheduled_at, id) up to `limit`.
    private func modelClaim(_ model: inout [Int64: ModelJob], limit: Int, now: Int64, lease: Int64) -> [Int64] {
        for id in model.keys where [.scheduled, .retryable].contains(model[id]!.state) && model[id]!.scheduledAt <= now {
            model[id]!.state = .available
        }
        let ids = model.filter { $0.value.state == .available && $0.value.scheduledAt <= now && $0.value.attempt < $0.value.maxAttempts }
            .sorted { ($0.value.scheduledAt, $0.key) < ($1.value.scheduledAt, $1.key) }.prefix(limit).map(\.key)
        for id in ids {
            model[id]!.state = .running
            model[id]!.attempt += 1
            model[id]!.leaseUntil = now + lease
        }
        return ids
    }

    private func modelFinish(_ job: inout ModelJob, outcome: JobOutcome, now: Int64, policy: RetryPolicy) {
        switch outcome {
        case .completed: job.state = .completed
        case .failed(.permanent): job.state = .discarded
        case .failed(.snooze(let until, _)):
            job.state = .scheduled
            job.attempt -= 1
            job.scheduledAt = max(now, Int64(until.timeIntervalSince1970 * 1000))
        case .failed(.retryable), .timedOut:
            if job.attempt >= job.maxAttempts {
                job.state = .discarded
            } else {
                job.state = .retryable
                job.scheduledAt = now + policy.delayMillis(attempt: job.attempt, unit: 0.5)
            }
        default: XCTFail("outcome not generated: \(outcome)")
        }
    }

    private func modelRecover(_ job: inout ModelJob, now: Int64) {
        if job.cancelRequested {
            job.state = .cancelled
        } else if job.attempt >= job.maxAttempts {
            job.state = .discarded
        } else {
            job.state = .available
            job.scheduledAt = now
        }
    }

    private func compare(_ store: JobStore, _ model: [Int64: ModelJob], _ context: String) throws {
        let rows = try store.jobs(JobFilter(limit: 10_000))
        XCTAssertEqual(rows.count, model.count, context)
        for row in rows {
            guard let expected = model[row.id] else { return XCTFail("unexpected job \(row.id) \(context)") }
            XCTAssertEqual(row.state, expected.state, "job \(row.id) \(context)")
            XCTAssertEqual(row.attempt, expected.attempt, "job \(row.id) \(context)")
            if [.scheduled, .retryable].contains(row.state) {
                XCTAssertEqual(row.scheduledAt, expected.scheduledAt, "job \(row.id) \(context)")
            }
        }
    }
}
