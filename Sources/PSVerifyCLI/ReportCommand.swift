import Algebra
import ArgumentParser
import Foundation
import Report
import ResultStore
import Verification

/// `psverify report`: a stored run rendered from results.db alone (nothing recomputed) as one
/// self-contained HTML page, a Jupyter notebook, Markdown, JSON or terminal text.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Render a stored run as HTML, a Jupyter notebook, Markdown, JSON or text.",
    discussion: """
      The run is read from the results database; nothing is recomputed, so the document is the \
      same whatever the machine's load. HTML is one self-contained file (MathML, inline SVG \
      charts, no JavaScript); .ipynb is nbformat 4 with a code cell per problem that reproduces \
      it; Markdown writes its figures into FILE's stem + "-figures/" beside it. JSON and text \
      are what `all --format json|text` printed for the run.
      """)

  @Option(
    name: .customLong("run"), help: "The run to render (default: the last stored run).",
    transform: parseRunID)
  var runID: Int64?

  @Option(
    help: "html, ipynb, markdown, json or text (default: from -o's extension, else markdown).")
  var format: String?

  @Option(name: .shortAndLong, help: "Write to FILE instead of standard output.")
  var output: String?

  @OptionGroup var database: DatabaseOption

  func run() throws {
    let kind = try ReportWriter.format(explicit: format, path: output)
    if let output { try ReportWriter.checkWritable(output) }
    let store = database.store
    let document = try storeQuery { () throws(StoreError) in try store.document(run: runID) }
    let storage = document.id.map { "stored as run \($0) in \(store.path)" } ?? ""
    try ReportWriter.write(document, format: kind, to: output, storage: storage)
  }
}

/// Rendering and writing reports, for `report` and `all --report`.
enum ReportWriter {
  enum Format: String { case html, ipynb, markdown, json, text }

  static func format(explicit: String?, path: String?) throws -> Format {
    if let explicit {
      guard let f = Format(rawValue: explicit == "md" ? "markdown" : explicit) else {
        throw UsageError(
          message:
            "unknown report format '\(explicit)'; accepted: html, ipynb, markdown, json, text")
      }
      return f
    }
    guard let path else { return .markdown }
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "html", "htm": return .html
    case "ipynb": return .ipynb
    case "md", "markdown": return .markdown
    case "json": return .json
    case "txt", "text": return .text
    default:
      throw UsageError(
        message: "cannot tell the report format from '\(path)'; name the file .html, "
          + ".ipynb, .md, .json or .txt, or pass --format html, ipynb, markdown, json or text")
    }
  }

  /// Refuses, before any work, a path that cannot be written: a directory, a missing or
  /// read-only directory.
  static func checkWritable(_ path: String) throws {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue {
        throw UsageError(message: "cannot write the report to '\(path)': it is a directory")
      }
      if !fm.isWritableFile(atPath: path) {
        throw UsageError(message: "cannot write the report to '\(path)': the file is not writable")
      }
      return
    }
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard fm.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw UsageError(
        message: "cannot write the report to '\(path)': the directory '\(parent)' does not exist")
    }
    guard fm.isWritableFile(atPath: parent) else {
      throw UsageError(
        message: "cannot write the report to '\(path)': the directory '\(parent)' is not writable")
    }
  }

  /// Renders `document` as `format` to `path` (standard output when nil); `storage` is where the
  /// run is stored, as JSON and text print it.
  static func write(
    _ document: RunDocument, format: Format, to path: String?, storage: String
  ) throws {
    func save(_ data: Data, _ target: String) throws {
      try OutputFile.write(data, to: target, what: target == path ? "the report" : "a figure")
    }
    let text: String
    switch format {
    case .html: text = HTMLReport.render(document, problems: Catalog.problems)
    case .ipynb: text = NotebookReport.ipynb(document, problems: Catalog.problems)
    case .json: text = JSONReport.render(document, storage: storage)
    case .text:
      // Coloured as a live run's text is, and never in a file.
      text = TextReport(colour: path == nil && Terminal.colour).render(
        document, storage: storage, problems: Catalog.problems)
    case .markdown:
      if let path {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent + "-figures"
        let directory = url.deletingLastPathComponent().appendingPathComponent(name)
        var created = false
        text = try NotebookReport.markdown(
          document, problems: Catalog.problems, figureDirectory: name
        ) { file, data in
          if !created {
            do {
              try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true)
            } catch {
              throw UsageError(
                message: "cannot create '\(directory.path)': \(error.localizedDescription)")
            }
            created = true
          }
          try save(data, directory.appendingPathComponent(file).path)
        }
      } else {
        text = NotebookReport.markdown(
          document, problems: Catalog.problems, figureDirectory: nil
        ) { _, _ in }
      }
    }
    if let path {
      try save(Data(text.utf8), path)
      Terminal.warning("wrote the report of \(document.name) to \(path)")
    } else {
      print(text, terminator: "")
    }
  }
}
