import Foundation
import XCTest
@testable import JobQueue

final class CronTests: XCTestCase {
    /// 2026-01-05 00:00 UTC, a Monday.
    let monday: Int64 = 1_767_571_200_000
    let minute: Int64 = 60_000

    func testCivilTimeMatchesFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        for millis: Int64 in [0, monday, 951_782_400_000, 4_107_542_400_000, -86_400_000, 1_709_164_800_000] {
            let civil = CivilTime(millis: millis)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday],
                                                from: Date(timeIntervalSince1970: Double(millis) / 1000))
            XCTAssertEqual(civil.year, parts.year)
            XCTAssertEqual(civil.month, parts.month)
            XCTAssertEqual(civil.day, parts.day)
            XCTAssertEqual(civil.hour, parts.hour)
            XCTAssertEqual(civil.minute, parts.minute)
            XCTAssertEqual(civil.weekday + 1, parts.weekday)
        }
    }

    func testParsesFieldsNamesStepsAndMacros() throws {
        let cron = try CronSchedule("*/15 9-17 * jan,jul mon-fri")
        XCTAssertEqual(cron.minutes, [0, 15, 30, 45])
        XCTAssertEqual(cron.hours, Set(9...17))
        XCTAssertEqual(cron.months, [1, 7])
        XCTAssertEqual(cron.daysOfWeek, Set(1...5))
        XCTAssertEqual(try CronSchedule("0 0 * * 7").daysOfWeek, [0])
        XCTAssertEqual(try CronSchedule("5/20 * * * *").minutes, [5, 25, 45])
        XCTAssertEqual(try CronSchedule("@daily").minutes, [0])
        XCTAssertEqual(try CronSchedule("@hourly").hours, Set(0...23))
    }

    func testRejectsBadExpressions() {
        for bad in ["", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "*/0 * * * *",
                    "5-1 * * * *", "a * * * *", "1,,2 * * * *", "1/2/3 * * * *", "1-2-3 * * * *", "* * * foo *"] {
            XCTAssertThrowsError(try CronSchedule(bad), bad) { error in
                guard case .invalidCron? = error as? JobQueueError else { return XCTFail("\(error)") }
            }
        }
    }

    func testNextAndPrevious() throws {
        let weekdays = try CronSchedule("30 9 * * mon-fri")
        XCTAssertEqual(weekdays.next(after: monday), monday + 9 * 60 * minute + 30 * minute)
        let friday = monday + 4 * 86_400_000
        XCTAssertEqual(weekdays.next(after: friday + 10 * 60 * minute), monday + 7 * 86_400_000 + 570 * minute)
        XCTAssertEqual(weekdays.previous(atOrBefore: monday + 5 * 86_400_000), friday + 570 * minute)
        let every = try CronSchedule("* * * * *")
        XCTAssertEqual(every.next(after: monday + 30_000), monday + minute)
        XCTAssertEqual(every.previous(atOrBefore: monday + 30_000), monday)
        XCTAssertNil(try CronSchedule("0 0 30 2 *").next(after: monday))
        XCTAssertNil(try CronSchedule("0 0 30 2 *").previous(atOrBefore: monday))
        let either = try CronSchedule("0 0 13 * fri")
        XCTAssertTrue(either.matches(monday + 4 * 86_400_000), "Friday matches by weekday")
        XCTAssertTrue(either.matches(monday + 8 * 86_400_000), "the 13th matches by day of month")
        XCTAssertFalse(either.matches(monday + 86_400_000))
    }

    func testSchedulerFiresOncePerSlotAcrossSchedulers() throws {
        let clock = ManualClock(monday + 10_000)
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        try store.addSchedule(name: "digest", expression: "*/5 * * * *", request: JobRequest(kind: "noop", queue: "reports"))
        let a = Scheduler(store: store)
        let b = Scheduler(store: try JobStore(path: dir.dbPath, clock: clock))
        XCTAssertEqual(try a.tick(), [], "the slot current at creation is not fired")
        clock.advance(5 * minute)
        let fired = try a.tick() + b.tick()
        XCTAssertEqual(fired.count, 1)
        XCTAssertEqual(try b.tick() + a.tick(), [])
        XCTAssertEqual(try store.job(fired[0])?.queue, "reports")
    }

    func testCatchUpPolicies() throws {
        let clock = ManualClock(monday)
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        try store.addSchedule(name: "once", expression: "* * * * *", request: JobRequest(kind: "noop"), catchUp: .once)
        try store.addSchedule(name: "skip", expression: "0 * * * *", request: JobRequest(kind: "noop"), catchUp: .skip)
        let scheduler = Scheduler(store: store)
        clock.advance(3 * 60 * minute + 30 * minute)
        let fired = try scheduler.tick()
        XCTAssertEqual(fired.count, 1, "once: one catch-up run; skip: the 03:00 slot is long gone")
        let entries = try store.schedules()
        XCTAssertEqual(entries.map(\.lastSlot), [monday + 210 * minute, monday + 180 * minute])
        clock.set(monday + 4 * 60 * minute + 20_000)
        XCTAssertEqual(try scheduler.tick().count, 2, "both fire in a current slot")
    }

    func testDisabledScheduleDoesNotFireAndDoesNotCatchUpWhenSwitchedOn() throws {
        let clock = ManualClock(monday)
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        try store.addSchedule(name: "minutely", expression: "* * * * *", request: JobRequest(kind: "noop"), catchUp: .once)
        try store.setScheduleEnabled(name: "minutely", enabled: false)
        XCTAssertEqual(try store.schedules().map(\.enabled), [false])
        let scheduler = Scheduler(store: store)
        clock.advance(10 * minute)
        XCTAssertEqual(try scheduler.tick(), [], "off: nothing fires")
        try store.setScheduleEnabled(name: "minutely", enabled: true)
        XCTAssertEqual(try scheduler.tick(), [], "the slots missed while off are not caught up")
        clock.advance(minute)
        XCTAssertEqual(try scheduler.tick().count, 1)
        XCTAssertThrowsError(try store.setScheduleEnabled(name: "nope", enabled: true)) { error in
            XCTAssertEqual(error as? JobQueueError, .scheduleNotFound("nope"))
        }
    }

    func testUpdateScheduleKeepsOnOffAndDoesNotFireMissedSlots() throws {
        let clock = ManualClock(monday)
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        try store.addSchedule(name: "digest", expression: "0 6 * * *", request: JobRequest(kind: "noop", queue: "reports"), catchUp: .skip)
        try store.setScheduleEnabled(name: "digest", enabled: false)
        clock.advance(30 * minute)
        try store.updateSchedule(name: "digest", expression: "*/5 * * * *", request: JobRequest(kind: "other", args: Data("{}".utf8), priority: 3))
        let entry = try XCTUnwrap(try store.schedules().first)
        XCTAssertEqual(entry.expression, "*/5 * * * *")
        XCTAssertEqual(entry.request.kind, "other")
        XCTAssertEqual(entry.request.priority, 3)
        XCTAssertEqual(entry.enabled, false, "an edit does not switch a schedule on")
        XCTAssertEqual(entry.catchUp, .skip, "an edit keeps the catch-up policy")
        XCTAssertEqual(entry.lastSlot, monday + 30 * minute, "the new expression's slots before now count as handled")
        try store.setScheduleEnabled(name: "digest", enabled: true)
        XCTAssertEqual(try Scheduler(store: store).tick(), [], "nothing fires at once after an edit")
        XCTAssertThrowsError(try store.updateSchedule(name: "nope", expression: "@daily", request: JobRequest(kind: "noop"))) { error in
            XCTAssertEqual(error as? JobQueueError, .scheduleNotFound("nope"))
        }
        XCTAssertThrowsError(try store.updateSchedule(name: "digest", expression: "61 * * * *", request: JobRequest(kind: "noop")))
    }

    func testUpdateScheduleWithTheSameExpressionKeepsItsLastSlot() throws {
        let clock = ManualClock(monday)
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        try store.addSchedule(name: "hourly", expression: "0 * * * *", request: JobRequest(kind: "noop"))
        let before = try store.schedules()[0].lastSlot
        clock.advance(90 * minute)
        try store.updateSchedule(name: "hourly", expression: "0 * * * *", request: JobRequest(kind: "noop", queue: "q2"))
        XCTAssertEqual(try store.schedules()[0].lastSlot, before)
        XCTAssertEqual(try store.schedules()[0].request.queue, "q2")
        XCTAssertEqual(try Scheduler(store: store).tick().count, 1, "the slot due before the edit still fires")
    }

    func testScheduleManagement() throws {
        let (store, dir) = try makeStore()
        _ = dir
        XCTAssertThrowsError(try store.addSchedule(name: "x", expression: "bad", request: JobRequest(kind: "noop")))
        XCTAssertThrowsError(try store.addSchedule(name: "", expression: "* * * * *", request: JobRequest(kind: "noop")))
        try store.addSchedule(name: "x", expression: "@daily", request: JobRequest(kind: "noop", priority: 1))
        XCTAssertEqual(try store.schedules().map(\.request.priority), [1])
        try store.removeSchedule(name: "x")
        XCTAssertThrowsError(try store.removeSchedule(name: "x")) { error in
            XCTAssertEqual(error as? JobQueueError, .scheduleNotFound("x"))
        }
    }

    func testContentHashIsSHA256OfCanonicalJSON() throws {
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data(String(repeating: "a", count: 1000).utf8)).count, 64)
        let a = try ContentHash.key(parts: ["k"], json: Data(#"{"x":1,"y":[1,2]}"#.utf8))
        let b = try ContentHash.key(parts: ["k"], json: Data(#"{ "y":[1,2], "x":1 }"#.utf8))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, try ContentHash.key(parts: ["k2"], json: Data(#"{"x":1,"y":[1,2]}"#.utf8)))
        XCTAssertThrowsError(try ContentHash.canonicalJSON(Data("{".utf8)))
    }

    func testJobArgsAccessors() throws {
        struct Args: Decodable { let ms: Int }
        let args = JobArgs(Data(#"{"ms": 50, "name": "x", "n": "7"}"#.utf8))
        XCTAssertEqual(args.int("ms"), 50)
        XCTAssertEqual(args.int("n"), 7)
        XCTAssertNil(args.int("name"))
        XCTAssertEqual(args.string("name"), "x")
        XCTAssertEqual(try args.decode(Args.self).ms, 50)
        XCTAssertThrowsError(try JobArgs(Data("[]".utf8)).decode(Args.self))
        XCTAssertTrue(JobArgs(Data("[1]".utf8)).object.isEmpty)
    }
}
