import ArgumentParser
import Foundation
import Verification

/// The entry point: parses, runs, and maps every error to the exit codes of DESIGN.md
/// (0 pass, 1 a check failed, 2 bad usage or input, 3 results not stored).
public enum PSVerifyMain {
  public static func run() -> Never {
    // A file-size limit (or a full quota) must fail the write, not kill the process: the report
    // is still printed and the exit code is 3.
    signal(SIGXFSZ, SIG_IGN)
    var code = run(arguments: Array(CommandLine.arguments.dropFirst()))
    // Output that never reached standard output (a full disk, a closed descriptor, a file-size
    // limit) is a failure too: the report the user asked for is lost.
    if let reason = OutputFile.flushStandardOutput() {
      Terminal.error("could not write the output to standard output: \(reason)")
      if code == 0 { code = 3 }
    }
    exit(code)
  }

  /// Runs psverify with `arguments` over `problems` instead of the registry's (every command
  /// that lists, runs, grades or reports problems reads them), and returns the exit code.
  public static func run(arguments: [String], problems: [any Problem]) -> Int32 {
    Catalog.$problems.withValue(problems) { run(arguments: arguments) }
  }

  /// Runs psverify with `arguments` and returns the exit code.
  public static func run(arguments: [String]) -> Int32 {
    do {
      var command = try PSVerify.parseAsRoot(arguments)
      try command.run()
      return 0
    } catch let code as ExitCode {
      return code.rawValue
    } catch let error as UsageError {
      Terminal.error(error.message)
      return 2
    } catch {
      let code = PSVerify.exitCode(for: error)
      if code == .success {
        print(PSVerify.fullMessage(for: error))
        return 0
      }
      Terminal.error(PSVerify.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines))
      return 2
    }
  }
}

/// A usage error found after parsing (unknown problem, bad parameter, unusable --db): exit 2.
struct UsageError: Error {
  let message: String
}

struct PSVerify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "psverify",
    abstract: "Verify and solve the TTIC 31230 (winter 2019) CNN problem set.",
    discussion: """
      Exit codes: 0 every check passed; 1 a check failed (or an erratum under --strict); \
      2 bad usage or input; 3 the results could not be stored (the report is still printed).
      """,
    version: Version.current,
    subcommands: [
      ListCommand.self, AllCommand.self, ProblemCommand.self, GradeCommand.self,
      AuditCommand.self, ReportCommand.self, NotationCommand.self, BenchCommand.self,
      HistoryCommand.self,
      CompareCommand.self, ExportCommand.self, ClassCommand.self, RegradeCommand.self,
      VariantCommand.self, CalibrateCommand.self,
    ])
}

enum Terminal {
  static func error(_ message: String) { writeError("psverify: error: \(message)\n") }

  static func warning(_ message: String) { writeError("psverify: \(message)\n") }

  /// Standard error by write(2): a closed or full stderr loses the message, never the process.
  static func writeError(_ text: String) {
    _ = OutputFile.writeAll(STDERR_FILENO, Data(text.utf8))
  }

  /// A one-line status on a terminal's standard error, overwritten by the next; nil clears it.
  static func status(_ message: String?) {
    guard stderrIsTerminal else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K\(message ?? "")".utf8))
  }

  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
  /// Colour only on a terminal, and never with NO_COLOR set (no-color.org).
  static var colour: Bool {
    stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
  }
}
