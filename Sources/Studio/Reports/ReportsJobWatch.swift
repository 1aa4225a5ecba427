/// The report job queued last from this screen, followed through the job service so its state
/// shows above the results without switching to Jobs.
public struct ReportsJobWatch: Hashable, Sendable {
    /// The job's id.
    public var id: Int64
    /// Its status, once read (nil until the first answer).
    public var status: JobStatus?
    /// Progress 0…1 while running, when the handler reports it.
    public var progress: Double?

    /// Starts watching job `id`.
    public init(id: Int64, status: JobStatus? = nil, progress: Double? = nil) {
        self.id = id
        self.status = status
        self.progress = progress
    }

    /// True once the job reached an end state: it is no longer read.
    public var finished: Bool { status == .done || status == .dead || status == .cancelled }

    /// `job #12 running 40%`, `job #12 done`, `job #12 failed — see Jobs (4)`.
    public var text: String {
        switch status {
        case nil, .queued?: return "job #\(id) queued"
        case .running?: return "job #\(id) running" + (progress.map { " \(JobsFormat.percent($0))" } ?? "")
        case .done?: return "job #\(id) done"
        case .dead?: return "job #\(id) failed — see Jobs (4)"
        case .retrying?: return "job #\(id) retrying"
        case .cancelled?: return "job #\(id) cancelled"
        case let other?: return "job #\(id) \(other.rawValue)"
        }
    }

}
