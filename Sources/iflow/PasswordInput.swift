import ArgumentParser
import Foundation
import IFlowStore

/// Reads a password: prompted twice without echo on a terminal, or the first line of standard input when piped.
enum PasswordInput {
    static func read(confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password on standard input") }
            return line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        let password = try prompt("Password (at least \(AdministratorCredentials.minimumPasswordLength) characters): ")
        if confirm, try prompt("Repeat the password: ") != password { throw ValidationError("the passwords differ") }
        return password
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password entered") }
        return line
    }
}
