import ArgumentParser
import Foundation
import Hummingbird
import ProblemRegistry
import ResultStore
import Server

/// `psverify-serve`: the problem set as a web page for students and the class.
@main
struct PSVerifyServe: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "psverify-serve",
    abstract: "Serve the problem set as a page: students post answers, staff see the class.",
    subcommands: [Serve.self, RosterCommand.self], defaultSubcommand: Serve.self)
}

/// Prints a line to standard error.
func warn(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

/// Prints a line to standard output at once (unbuffered, so a script reading the address sees it).
func say(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }

struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the page (loopback only unless --host says otherwise).",
    discussion: """
      Without a roster in the database the page is a single-user local page at /. After \
      `psverify-serve roster import students.csv` each student opens their private link \
      (/s/TOKEN) and the staff the class view (/staff/TOKEN). Attempts are stored in the \
      database (--db, default $PSVERIFY_DB or ./results.db).
      """)

  @Option(help: "Address to listen on. Anything but loopback exposes the page to the network.")
  var host = "127.0.0.1"

  @Option(help: "Port to listen on (0 picks a free one).")
  var port = 8080

  @Option(help: "Results database (default: $PSVERIFY_DB or ./results.db).")
  var db: String?

  @Option(help: "Seed of the graders' random evidence.")
  var seed: UInt64 = 31230

  @Option(help: "Seconds one grading may take before the request is answered 503.")
  var timeLimit = 10.0

  @Option(help: "Monte Carlo samples per grading and figure.")
  var trials = 100_000

  func validate() throws {
    guard (0...65535).contains(port) else {
      throw ValidationError("--port must be 0…65535, not \(port)")
    }
    guard timeLimit > 0 && timeLimit <= 600 else {
      throw ValidationError("--time-limit must be more than 0 and at most 600 seconds")
    }
    guard trials >= 1_000 && trials <= 10_000_000 else {
      throw ValidationError("--trials must be 1000…10000000")
    }
  }

  func run() async throws {
    var settings = ServeSettings()
    settings.host = host
    settings.port = port
    settings.databasePath = db ?? ProcessInfo.processInfo.environment["PSVERIFY_DB"] ?? "results.db"
    settings.seed = seed
    settings.timeLimit = timeLimit
    settings.trials = trials
    settings.slots = max(1, ProcessInfo.processInfo.activeProcessorCount)
    if !settings.isLoopback {
      warn(
        "warning: listening on \(host), not loopback: anyone who can reach this address can "
          + "open the page. The traffic is plain HTTP; use loopback or a TLS proxy you trust.")
    }
    let app: ServeApp
    do { app = try ServeApp(settings: settings, problems: ProblemRegistry.problems) } catch {
      throw ValidationError("\(error)")
    }
    let roster = app.hasRoster
    let staff = app.staffPath
    let shownHost = host.contains(":") ? "[\(host)]" : host
    let path = settings.databasePath
    try await app.application { port in
      let base = "http://\(shownHost):\(port)"
      say(
        roster
          ? "psverify-serve: serving the class at \(base) (students open their private links)"
          : "psverify-serve: serving a single-user page at \(base)/")
      if let staff, roster { say("class view: \(base)\(staff)") }
      say("stored in \(path); Ctrl-C stops")
    }.runService()
  }
}

struct RosterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roster", abstract: "Manage the class's private links.",
    subcommands: [Import.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Give every student on a roster CSV a private link (a new random token).",
      discussion: """
        The CSV has a header row with a student id column (id, student, student id, sis user \
        id) and optionally name, section, email. Prints a CSV of id, name, email and link; the \
        last row is the staff's class view. Importing again replaces the students' links. With \
        --assignment A, each student's page shows and grades their variant from the problem \
        sets recorded by `psverify variant --roster FILE --assignment A --out DIR` (the latest \
        such set in the database); without it, the base problems.
        """)

    @Argument(help: "The roster CSV.")
    var file: String

    @Option(help: "Results database (default: $PSVERIFY_DB or ./results.db).")
    var db: String?

    @Option(help: "The address students reach the server at, for the printed links.")
    var baseURL = "http://127.0.0.1:8080"

    @Option(help: "Serve each student the variants recorded for this assignment.")
    var assignment: String?

    func run() throws {
      let database = db ?? ProcessInfo.processInfo.environment["PSVERIFY_DB"] ?? "results.db"
      let credentials: [ServeCredential]
      do {
        credentials = try RosterImport.run(path: file, database: database, assignment: assignment)
      } catch {
        throw ValidationError("\(error)")
      }
      print("id,name,email,link")
      let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
      for c in credentials {
        let path = c.role == .staff ? "/staff/\(c.token)" : "/s/\(c.token)"
        print([c.student, c.name, c.email, base + path].map(csv).joined(separator: ","))
      }
      let n = credentials.count - 1
      warn(
        "\(n) student\(n == 1 ? "" : "s") imported into \(database); the links are private: "
          + "send each student only their own. Restart psverify-serve to use them.")
    }

    func csv(_ s: String) -> String {
      s.contains(where: { ",\"\n\r".contains($0) })
        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
  }
}
