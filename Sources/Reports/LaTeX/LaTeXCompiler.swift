import Foundation

/// Compiles a generated `.tex` file to PDF with LuaLaTeX (preferred) or pdfLaTeX, locked down
/// for untrusted text: no shell escape, file reads and writes restricted to the job directory
/// (`openin_any=p`, `openout_any=p`), a throwaway directory, and a wall-clock limit.
public struct LaTeXCompiler {
    /// The engines tried, best first.
    public static let engines = ["lualatex", "pdflatex"]

    /// Environment used to find the engine (PATH) and passed through (SOURCE_DATE_EPOCH).
    public var environment: [String: String]
    /// Seconds per engine run before it is stopped.
    public var timeoutSeconds: Int

    /// Creates a compiler.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, timeoutSeconds: Int = 180) {
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
    }

    /// The first installed engine's path, or nil when none is.
    public func engine() -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in Self.engines {
            for dir in path.split(separator: ":") {
                let candidate = String(dir) + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Compiles `tex` and writes the PDF to `output` (atomically). Runs the engine up to three
    /// times, until the table of contents and longtable widths settle.
    public func compile(tex: URL, to output: URL) throws {
        guard let engine = engine() else { throw ExportError.noTeXEngine }
        let name = URL(fileURLWithPath: engine).lastPathComponent
        let job = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-tex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: job, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: job) }
        let source = job.appendingPathComponent("report.tex")
        try FileManager.default.copyItem(at: tex, to: source)
        for _ in 0..<3 {
            let status = try run(engine, in: job)
            let log = (try? String(contentsOf: job.appendingPathComponent("report.log"), encoding: .utf8)) ?? ""
            guard status == 0 else { throw ExportError.texFailed(engine: name, detail: Self.firstError(in: log) ?? "exit status \(status)") }
            if !log.contains("Rerun") && !log.contains("Table widths have changed") { break }
        }
        let pdf = job.appendingPathComponent("report.pdf")
        guard let data = FileManager.default.contents(atPath: pdf.path) else { throw ExportError.texFailed(engine: name, detail: "no PDF was produced") }
        let writer = try AtomicFileWriter(destination: output)
        do {
            try writer.write([UInt8](data))
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    private func run(_ engine: String, in job: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: engine)
        process.arguments = ["-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "-output-directory=\(job.path)", "report.tex"]
        process.currentDirectoryURL = job
        var env = ["openin_any": "p", "openout_any": "p", "TEXMFOUTPUT": job.path, "shell_escape": "f"]
        for key in ["PATH", "HOME", "SOURCE_DATE_EPOCH", "TEXMFHOME", "TEXMFVAR", "TEXMFCONFIG", "LANG"] {
            if let value = environment[key] { env[key] = value }
        }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + .seconds(5)) == .timedOut { kill(process.processIdentifier, SIGKILL); done.wait() }
            throw ExportError.texTimedOut(engine: URL(fileURLWithPath: engine).lastPathComponent, seconds: timeoutSeconds)
        }
        return process.terminationStatus
    }

    /// The first TeX error line ("! Undefined control sequence.") of a log.
    static func firstError(in log: String) -> String? {
        log.split(separator: "\n").first { $0.hasPrefix("! ") }.map { String($0.dropFirst(2)) }
    }
}
