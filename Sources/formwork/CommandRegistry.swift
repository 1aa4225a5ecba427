import ArgumentParser

/// Every subcommand of `formwork`, in the order `--help` lists them.
/// Each feature adds its commands here and nowhere else.
enum CommandRegistry {
    static let subcommands: [ParsableCommand.Type] = [
        StudioCommand.self,
        ValidateCommand.self,
        PreviewCommand.self,
        ExplainCommand.self,
        EvalCommand.self,
        FillCommand.self,
        FormsCommand.self,
        ResponsesCommand.self,
        AICommand.self,
        AuthCommand.self,
        SheetsCommand.self,
        WordCommand.self,
        ExportCommand.self,
        WorkerCommand.self,
        JobsCommand.self,
        ScheduleCommand.self,
    ]
}
