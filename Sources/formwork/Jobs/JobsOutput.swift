import Foundation
import JobQueue

/// How jobs look on the terminal and in `--json`.
enum JobsOutput {
    /// A job as a JSON object.
    static func json(_ job: Job, now: Int64) -> [String: Any] {
        var object: [String: Any] = [
            "id": job.id, "queue": job.queue, "kind": job.kind, "state": job.state.rawValue,
            "priority": job.priority, "attempt": job.attempt, "maxAttempts": job.maxAttempts,
            "executions": job.executions, "createdAt": JobsCLI.time(job.createdAt),
            "scheduledAt": JobsCLI.time(job.scheduledAt),
            "args": (try? JSONSerialization.jsonObject(with: job.args, options: [.fragmentsAllowed])) ?? NSNull(),
            "errors": job.errors.map { ["attempt": $0.attempt, "at": JobsCLI.time($0.at), "kind": $0.kind, "message": $0.message] },
        ]
        object["attemptedAt"] = job.attemptedAt.map { JobsCLI.time($0) } ?? NSNull()
        object["finalizedAt"] = job.finalizedAt.map { JobsCLI.time($0) } ?? NSNull()
        object["progress"] = job.progress ?? NSNull()
        object["progressNote"] = job.progressNote ?? NSNull()
        object["etaMillis"] = job.etaMillis(now: now) ?? NSNull()
        return object
    }

    /// The listing table.
    static func table(_ jobs: [Job], now: Int64) -> String {
        var table = TextTable(headers: ["ID", "STATE", "QUEUE", "KIND", "PRI", "ATTEMPT", "PROGRESS", "AGE"])
        table.rows = jobs.map { job in
            [String(job.id), job.state.rawValue, job.queue, job.kind, String(job.priority),
             "\(job.attempt)/\(job.maxAttempts)", job.progress.map { "\(Int(($0 * 100).rounded()))%" } ?? "-",
             age(now - job.createdAt)]
        }
        return table.render()
    }

    /// The `jobs show` text.
    static func detail(_ job: Job, events: [JobEvent], now: Int64) -> String {
        var lines = [
            "job \(job.id)  \(job.state.rawValue)", "queue     \(job.queue)", "kind      \(job.kind)",
            "priority  \(job.priority)", "attempt   \(job.attempt)/\(job.maxAttempts) (executions \(job.executions))",
            "args      \(String(decoding: job.args, as: UTF8.self))", "created   \(JobsCLI.time(job.createdAt))",
            "due       \(JobsCLI.time(job.scheduledAt))", "started   \(JobsCLI.time(job.attemptedAt))",
            "finished  \(JobsCLI.time(job.finalizedAt))",
        ]
        if let progress = job.progress {
            var text = "progress  \(Int((progress * 100).rounded()))%"
            if let note = job.progressNote { text += " \(note)" }
            if let eta = job.etaMillis(now: now) { text += " (eta \(age(eta)))" }
            lines.append(text)
        }
        if !job.errors.isEmpty {
            lines.append("errors")
            lines += job.errors.map { "  #\($0.attempt) \(JobsCLI.time($0.at)) \($0.kind): \($0.message)" }
        }
        lines.append("events")
        lines += events.map { "  \(JobsCLI.time($0.at)) \($0.type)\($0.data.map { " \($0)" } ?? "")" }
        return lines.joined(separator: "\n")
    }

    /// A short duration: 850ms, 12s, 5m, 3h, 2d.
    static func age(_ millis: Int64) -> String {
        let value = max(millis, 0)
        if value < 1_000 { return "\(value)ms" }
        if value < 60_000 { return "\(value / 1_000)s" }
        if value < 3_600_000 { return "\(value / 60_000)m" }
        if value < 86_400_000 { return "\(value / 3_600_000)h" }
        return "\(value / 86_400_000)d"
    }
}
