import ArgumentParser

@main
struct IFlow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iflow",
        abstract: "A self-hostable time-and-attendance server speaking the iFlow API v2.",
        subcommands: [
            Serve.self, Migrate.self, CompanyCommand.self, KeyCommand.self, DeviceCommand.self, DemoCommand.self, RotateDataKeyCommand.self,
            AdminCommand.self, MonthCommand.self,
            CopyCommand.self, BackupCommand.self, RestoreCommand.self,
        ]
    )
}
