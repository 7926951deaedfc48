import Foundation
import Hummingbird
import HummingbirdTesting
import ProblemRegistry
import ResultStore
import Server
import XCTest

/// A server on a fresh results.db in a temporary directory, driven through Hummingbird's
/// in-process test client.
struct ServerHarness {
  let directory: URL
  let settings: ServeSettings

  init(timeLimit: Double = 60) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psverify-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var s = ServeSettings()
    s.databasePath = directory.appendingPathComponent("results.db").path
    s.trials = 2_000
    s.timeLimit = timeLimit
    settings = s
  }

  var database: String { settings.databasePath }

  /// Writes a roster CSV and imports it; returns the credentials (the staff's last).
  func importRoster(_ csv: String, assignment: String? = nil) throws -> [ServeCredential] {
    let file = directory.appendingPathComponent("students.csv")
    try csv.write(to: file, atomically: true, encoding: .utf8)
    return try RosterImport.run(path: file.path, database: database, assignment: assignment)
  }

  func app() throws -> ServeApp {
    try ServeApp(settings: settings, problems: ProblemRegistry.problems)
  }

  func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let serve = try app()
    try await Application(router: serve.router()).test(.router, body)
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension TestResponse {
  var text: String { String(buffer: body) }
}

/// A form body, percent-encoded as a browser would send it.
func form(_ fields: [(String, String)]) -> ByteBuffer {
  var allowed = CharacterSet.alphanumerics
  allowed.insert(charactersIn: "-._~")
  let encoded = fields.map { name, value in
    name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
  }.joined(separator: "&")
  return ByteBuffer(string: encoded)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// The CSRF token in a problem page's form.
func csrfToken(in page: String, file: StaticString = #filePath, line: UInt = #line) -> String {
  guard let r = page.range(of: #"name="csrf" value="([0-9a-f]{64})""#, options: .regularExpression)
  else {
    XCTFail("no CSRF token in the page", file: file, line: line)
    return ""
  }
  return String(page[r].dropFirst(#"name="csrf" value=""#.count).dropLast())
}
