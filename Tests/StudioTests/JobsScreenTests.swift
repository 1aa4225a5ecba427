import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// A queue with one job of each kind the screen shows differently.
enum JobsFixtures {
    static let now: Int64 = 1_800_000_000_000

    static func service() -> InMemoryJobService {
        let service = InMemoryJobService(now: now)
        service.add(kind: "report", queue: "reports", status: .done, attempt: 1, changedAt: now - 90_000)
        service.add(kind: "report", queue: "reports", status: .dead, attempt: 3, args: #"{"form":"missing"}"#,
                    attempts: [JobAttempt(number: 1, at: now - 80_000, kind: "retryable", message: "disk busy"),
                               JobAttempt(number: 2, at: now - 60_000, kind: "retryable", message: "disk busy"),
                               JobAttempt(number: 3, at: now - 30_000, kind: "permanent", message: "form 'missing' not found")],
                    changedAt: now - 30_000)
        let sleep = service.add(kind: "sleep", status: .running, attempt: 1, changedAt: now - 20_000)
        service.setProgress(sleep, 0.4, note: "slept 8000 ms")
        service.add(kind: "noop", status: .queued)
        service.setThroughput([0, 1, 3, 6, 2, 0, 4, 8, 5, 1], queue: "default")
        return service
    }

    static func driver(_ service: InMemoryJobService, size: Size = Size(width: 80, height: 24)) -> StudioDriver {
        let driver = StudioDriver(services: StudioServices(forms: InMemoryFormRepository(), jobs: service), size: size)
        driver.send(.command(NavigationTab.jobs.rawValue))
        return driver
    }
}

final class JobsScreenTests: XCTestCase {
    func testScreenShowsQueuesRunningAndRecentJobs() {
        let driver = JobsFixtures.driver(JobsFixtures.service())
        XCTAssertEqual(driver.state.screen, .jobs)
        XCTAssertTrue(driver.shows("Jobs"))
        XCTAssertTrue(driver.shows("reports"))
        XCTAssertTrue(driver.shows("40%"), driver.screen)
        XCTAssertTrue(driver.shows("eta 30s"), "20 s for 40 % leaves 30 s")
        XCTAssertTrue(driver.shows("form 'missing' not"))
        XCTAssertEqual(driver.state.jobs.currentJob?.kind, "noop", "the newest job is selected")
    }

    func testWithoutAQueueTheScreenSaysSo() {
        let driver = StudioDriver(repository: InMemoryFormRepository())
        driver.send(.command("go.jobs"))
        XCTAssertTrue(driver.shows("No job queue in this session."))
        XCTAssertNil(driver.state.pollMillis, "nothing to poll")
    }

    func testPollRefreshesOnlyWhileJobsIsInFront() {
        let service = JobsFixtures.service()
        let driver = JobsFixtures.driver(service)
        XCTAssertEqual(driver.state.pollMillis, 250)
        service.add(kind: "export", queue: "exports")
        driver.send(.jobsEvent(.poll))
        XCTAssertTrue(driver.shows("exports"))
        driver.send(.command("go.forms"))
        XCTAssertNil(driver.state.pollMillis)
        var state = driver.state
        XCTAssertTrue(AppReducer.reduce(.jobsEvent(.poll), &state).isEmpty, "no refresh behind another screen")
    }

    func testAPollWaitsForTheRefreshInFlight() {
        var state = AppState(size: Size(width: 80, height: 24))
        let first = AppReducer.run(command: "go.jobs", &state)
        XCTAssertEqual(first, [.jobs(.refresh(filter: .all, detail: nil))])
        XCTAssertTrue(AppReducer.reduce(.jobsEvent(.poll), &state).isEmpty)
        _ = AppReducer.reduce(.jobsEvent(.failed("database is locked")), &state)
        XCTAssertEqual(state.toast?.text, "database is locked")
        XCTAssertEqual(AppReducer.reduce(.jobsEvent(.poll), &state).count, 1, "a failed refresh frees the next")
    }

    func testFilterCyclesAndSelectionFollowsTheJob() throws {
        let driver = JobsFixtures.driver(JobsFixtures.service())
        try driver.press("j j")
        XCTAssertEqual(driver.state.jobs.currentJob?.status, .dead)
        try driver.press("f")
        XCTAssertEqual(driver.state.jobs.filter, .failed)
        XCTAssertEqual(driver.state.jobs.recent.map(\.status), [.dead])
        try driver.press("f")
        XCTAssertEqual(driver.state.jobs.filter, .dead)
        try driver.press("f")
        XCTAssertEqual(driver.state.jobs.recent.map(\.kind), ["sleep"])
        try driver.press("f")
        XCTAssertEqual(driver.state.jobs.filter, .all)
        try driver.press("k k k")
        XCTAssertEqual(driver.state.jobs.jobIndex, 0)
    }

    func testDetailShowsAttemptsAndRetryRequeuesTheDeadJob() throws {
        let service = JobsFixtures.service()
        let driver = JobsFixtures.driver(service)
        try driver.press("j j enter")
        XCTAssertTrue(driver.shows("Job 2 · report"))
        XCTAssertTrue(driver.shows("#3"))
        XCTAssertTrue(driver.shows("disk busy"))
        XCTAssertTrue(driver.shows(#"Args {"form":"missing"}"#))
        try driver.press("down up tab")
        XCTAssertEqual(driver.state.jobs.focus, .jobs, "tab waits while the detail is open")
        try driver.press("r")
        XCTAssertEqual(service.status(of: 2), .queued)
        XCTAssertTrue(driver.shows("job 2 queued again"))
        XCTAssertEqual(driver.state.jobs.detail?.summary.status, .queued, "the open detail refreshes too")
        try driver.press("r")
        XCTAssertTrue(driver.shows("only dead or cancelled jobs can be retried"))
        try driver.press("q")
        XCTAssertNil(driver.state.jobs.detail)
        XCTAssertEqual(driver.state.screen, .jobs)
        try driver.press("escape")
        XCTAssertNil(driver.state.jobs.detail)
    }

    func testCancelAsksFirstForARunningJob() throws {
        let service = JobsFixtures.service()
        let driver = JobsFixtures.driver(service)
        try driver.press("c")
        XCTAssertEqual(service.status(of: 4), .cancelled, "a queued job is cancelled at once")
        try driver.press("c")
        XCTAssertTrue(driver.shows("the job is already cancelled"))
        try driver.press("j")
        XCTAssertEqual(driver.state.jobs.currentJob?.status, .running)
        try driver.press("c")
        XCTAssertTrue(driver.shows("Cancel running job"))
        try driver.press("enter")
        XCTAssertEqual(service.status(of: 3), .running, "the safe button keeps it")
        try driver.press("c left enter")
        XCTAssertTrue(driver.shows("cancellation requested"))
        XCTAssertTrue(driver.shows("stopping…"))
        service.finishCancellation(3)
        driver.send(.jobsEvent(.poll))
        XCTAssertEqual(driver.state.jobs.currentJob?.status, .cancelled)
    }

    func testQueueKeysPauseAndRequeueDead() throws {
        let service = JobsFixtures.service()
        let driver = JobsFixtures.driver(service)
        try driver.press("tab")
        XCTAssertEqual(driver.state.jobs.focus, .queues)
        XCTAssertEqual(driver.state.jobs.currentQueue?.name, "default")
        try driver.press("R")
        XCTAssertTrue(driver.shows("no dead jobs in default"))
        try driver.press("p")
        XCTAssertTrue(service.isPaused("default"))
        XCTAssertTrue(driver.shows("paused"))
        try driver.press("p")
        XCTAssertFalse(service.isPaused("default"))
        try driver.press("j R")
        XCTAssertTrue(driver.shows("Requeue dead jobs"))
        try driver.press("left enter")
        XCTAssertEqual(service.status(of: 2), .queued)
        XCTAssertTrue(driver.shows("requeued 1 dead job of reports"))
        try driver.press("k k tab")
        XCTAssertEqual(driver.state.jobs.focus, .jobs)
        XCTAssertEqual(service.log, ["pause default", "resume default", "requeue dead reports"])
    }

    func testEmptyQueueAndErrors() throws {
        let service = InMemoryJobService()
        let driver = JobsFixtures.driver(service)
        XCTAssertTrue(driver.shows("No jobs yet"))
        XCTAssertTrue(driver.shows("Nothing running."))
        try driver.press("enter")
        XCTAssertTrue(driver.shows("no job selected"))
        try driver.press("p")
        XCTAssertTrue(driver.shows("no queue yet"))
        try driver.press("j tab j ctrl+r")
        driver.send(.jobsEvent(.detailLoaded(JobDetail(summary: JobSummary(id: 9, kind: "x", queue: "q", status: .dead, updatedAt: 0), args: "{}", createdAt: 0))))
        XCTAssertNil(driver.state.jobs.detail, "a detail nobody asked for (or asked for before a close) is dropped")
        let answer = driver.runner.perform(.jobs(.retry(9)))
        guard case .jobsEvent(.failed(let message))? = answer.first else { return XCTFail("expected a failure, got \(answer)") }
        XCTAssertEqual(message, "job 9 not found")
        driver.send(answer[0])
        XCTAssertTrue(driver.shows("job 9 not found"))
    }

    func testQuitFromJobsLeavesTheStudio() throws {
        let driver = JobsFixtures.driver(JobsFixtures.service())
        try driver.press("q")
        XCTAssertEqual(driver.hostEffects, [.quit])
    }

    func testFormatting() {
        let job = RunningJob(id: 1, kind: "k", queue: "q", progress: 0.5, startedAt: 0)
        XCTAssertEqual(job.etaMillis(now: 10_000), 10_000)
        XCTAssertNil(RunningJob(id: 1, kind: "k", queue: "q", startedAt: 0).etaMillis(now: 5))
        XCTAssertEqual(JobListFilter.failed.statuses, [.retrying, .dead])
        XCTAssertEqual(JobServiceError.invalidState(id: 3, status: .done, operation: "cancel").description, "cannot cancel job 3: it is done")
        XCTAssertEqual(JobServiceError.failed("disk full").description, "disk full")
    }

    func testDetailOfARunningJobScrollsAndOldJobsShowHours() throws {
        let service = InMemoryJobService(now: JobsFixtures.now)
        service.add(kind: "old", status: .done, changedAt: JobsFixtures.now - 7_500_000)
        for _ in 0..<6 { service.add(kind: "export", queue: "exports", status: .running, changedAt: JobsFixtures.now - 3_000) }
        let driver = JobsFixtures.driver(service, size: Size(width: 60, height: 20))
        XCTAssertTrue(driver.shows("running 3s"), "no progress yet: elapsed time instead of a bar")
        XCTAssertTrue(driver.shows("6 running"))
        try driver.press("tab k tab enter")
        driver.send(.jobsEvent(.detailLoaded(JobDetail(
            summary: JobSummary(id: 7, kind: "export", queue: "exports", status: .running, attempt: 2, maxAttempts: 3, updatedAt: JobsFixtures.now),
            args: #"{"formats":"pdf,docx"}"#, progress: 0.5, note: "wrote pdf", createdAt: JobsFixtures.now - 7_500_000,
            attempts: [JobAttempt(number: 1, at: JobsFixtures.now - 60_000, kind: "retryable", message: "timeout")],
            events: (0..<12).map { JobEventLine(at: JobsFixtures.now - Int64($0) * 1_000, type: "progress", data: "step \($0)") }))))
        XCTAssertTrue(driver.shows("Progress 50% · wrote pdf"))
        XCTAssertTrue(driver.shows("enqueued 2h05m ago"))
        try driver.press("down down down down down down")
        XCTAssertEqual(driver.state.jobs.detailOffset, 6)
        XCTAssertTrue(driver.shows("step 6"))
        XCTAssertFalse(driver.shows("Progress 50%"), "scrolled past the top")
    }

    func testDetailScrollStopsAtTheLastLine() throws {
        let service = InMemoryJobService(now: JobsFixtures.now)
        service.add(kind: "export", queue: "exports", status: .dead, changedAt: JobsFixtures.now - 3_000)
        let driver = JobsFixtures.driver(service, size: Size(width: 60, height: 20))
        try driver.press("enter")
        let id = try XCTUnwrap(driver.state.jobs.detailID)
        driver.send(.jobsEvent(.detailLoaded(JobDetail(
            summary: JobSummary(id: id, kind: "export", queue: "exports", status: .dead, attempt: 1, maxAttempts: 1, updatedAt: JobsFixtures.now),
            args: "{}", createdAt: JobsFixtures.now - 9_000,
            events: (0..<20).map { JobEventLine(at: JobsFixtures.now - Int64($0) * 1_000, type: "progress", data: "step \($0)") }))))
        XCTAssertNotNil(driver.state.jobs.detail)
        try driver.press(Array(repeating: "down", count: 60).joined(separator: " "))
        let bottom = driver.state.jobs.detailOffset
        XCTAssertGreaterThan(bottom, 0)
        XCTAssertLessThan(bottom, 60, "the offset stops at the last line instead of counting every key")
        XCTAssertTrue(driver.shows("step 19"), "the last line is on screen")
        try driver.press("down")
        XCTAssertEqual(driver.state.jobs.detailOffset, bottom)
        try driver.press("up")
        XCTAssertEqual(driver.state.jobs.detailOffset, bottom - 1, "one key up scrolls at once after overshooting")
    }
}
