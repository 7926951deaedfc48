import ArgumentParser
import Foundation
import ProblemDocument
import Report
import ResultStore
import ShippedProblemSet
import Verification

/// `psverify audit [FILE]`: a problem set in the course's style read whole.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract:
      "Audit a problem-set document: notation, names across the document, counts, spelling.",
    discussion: """
      Reads Markdown problem sets written like the shipped one (**Problem N.**, parts (a), \
      **Solution**:, $…$ math). Without FILE, audits the shipped set. Exit 0 no findings, 1 \
      findings, 2 the file cannot be read.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
  }

  @Argument(help: "A Markdown problem set (default: the shipped TTIC 31230 CNN problems).")
  var file: String?

  @Option(help: "Output format: text, json or sarif.")
  var format: Format = .text

  @Flag(help: "Do not check spelling.")
  var noSpelling = false

  @Option(help: "A file of words the spelling check accepts, one per line (UTF-8).")
  var words: String?

  @OptionGroup var storage: StorageOptions

  func run() throws {
    let document: ProblemSetDocument
    let bytes: [UInt8]
    if let file {
      do { document = try ProblemSetDocument.read(path: file) } catch {
        throw UsageError(message: error.description)
      }
      bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
    } else {
      document = Catalog.document
      bytes = Array(ShippedProblemSet.text.utf8)
    }
    let store = try storage.checkedStore()
    let started = Date()
    var accepted: [String] = []
    if let words {
      guard let data = FileManager.default.contents(atPath: words),
        let text = String(data: data, encoding: .utf8)
      else {
        throw UsageError(
          message: "cannot read the word list '\(words)'; --words takes a UTF-8 text file "
            + "with one word per line")
      }
      accepted = text.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: {
        $0 == "\n" || $0 == "\r" || $0 == "\r\n"
      })
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
    let report = Auditor.audit(document, spelling: !noSpelling, words: accepted)
    let sha = SHA256.hex(bytes)
    let status: Int32 = report.findings.isEmpty ? 0 : 1
    let stored = StoreAttempt(
      storing: {
        var record = RunRecord(
          startedAt: started, finishedAt: Date(), version: Version.current, seed: 0,
          trials: nil, parameters: .object([]),
          commandLine: (["psverify"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
          reports: [])
        record.kind = .audit
        record.exitStatus = status
        record.machine = Machine.description
        record.audits = [
          AuditRecord(
            name: document.name, sha256: sha, bytes: bytes.count,
            problems: Set(document.items.map(\.problem)).count,
            findings: report.findings, notes: report.notes)
        ]
        return record
      }(), in: store)
    if document.items.isEmpty && format == .text {
      print(
        "no problems found in \(document.name): psverify audit reads problems headed **Problem N.** "
          + "(or **Problem N:**, ## Question N, **Exercise 9.1**), or numbered headings that run in "
          + "sequence (### 1., ### 2.), parts (a), (b) and solutions after **Solution**:")
    }
    switch format {
    case .text:
      print(AuditRendering.text(report, sha256: sha, storage: stored.storage), terminator: "")
    case .json:
      print(AuditRendering.json(report, sha256: sha, storage: stored.storage), terminator: "")
    case .sarif:
      print(
        AuditRendering.sarif(
          report, sha256: sha, uri: file ?? "Problems/\(ShippedProblemSet.fileName)",
          version: Version.current), terminator: "")
    }
    try stored.finish()
    if status != 0 { throw ExitCode(status) }
  }
}
