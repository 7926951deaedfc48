import Charts
import Foundation
import ResultStore
import Verification

/// Helpers the HTML, notebook and Markdown renderers share: values as text, z-scores, the
/// summary line, MathML that passes a whitelist, errata placed in the printed solution.
enum ReportText {
  static func html(_ s: String) -> String { HTMLText.escape(s) }

  /// A stored JSON value as a short text.
  static func value(_ v: JSONValue) -> String {
    switch v {
    case .null: "—"
    case .bool(let b): b ? "true" : "false"
    case .integer(let i): String(i)
    case .number(let d): number(d)
    case .string(let s): s
    case .array(let items): items.map(value).joined(separator: ", ")
    case .object(let members): members.map { "\($0.0): \(value($0.1))" }.joined(separator: ", ")
    }
  }

  static func number(_ d: Double) -> String {
    guard d.isFinite else { return "—" }
    if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) }
    let a = abs(d)
    if a >= 1e6 || a < 1e-4 { return String(format: "%.4g", d) }
    return String(format: "%.6g", d)
  }

  /// Three significant digits: standard errors, durations.
  static func short(_ d: Double) -> String {
    guard d.isFinite else { return "—" }
    return String(format: "%.3g", d)
  }

  /// (measured − expected) / SE, when both are numbers and SE > 0.
  static func z(_ c: RunDocument.Check) -> Double? {
    guard let m = c.measuredValue, let se = c.standardError, se > 0,
      let e = c.expected.number
    else { return nil }
    return (m - e) / se
  }

  static func tolerance(_ t: JSONValue) -> (rule: String, reason: String) {
    let kind = t.member("kind")?.string ?? "?"
    let v = t.member("value")?.number
    let rule: String
    switch kind {
    case "exact": rule = "exact"
    case "z": rule = "|z| ≤ \(v.map(number) ?? "?")"
    case "absolute": rule = "|Δ| ≤ \(v.map(number) ?? "?")"
    case "relative": rule = "relative ≤ \(v.map(number) ?? "?")"
    default: rule = kind
    }
    return (rule, t.member("reason")?.string ?? "")
  }

  /// "6 problems · 32/32 checks passed · 28 errata".
  static func tally(_ doc: RunDocument) -> String {
    switch doc.kind {
    case .grade:
      let correct = doc.submissions.filter { $0.verdict == "correct" }.count
      return "\(doc.submissions.count) answer(s) graded · \(correct) correct"
    case .audit:
      return doc.audits.map {
        "\($0.name): \($0.problems) problem(s), \($0.findings.count) finding(s)"
      }
      .joined(separator: " · ")
    case .bench:
      return "\(doc.bench.filter { $0.tool == "psverify" }.count) psverify rows, "
        + "\(doc.bench.filter { $0.tool != "psverify" }.count) anchor rows"
    default: break
    }
    let checks = doc.problems.flatMap(\.checks)
    let passed = checks.filter { $0.status == .pass }.count
    let errata = doc.problems.reduce(0) { $0 + $1.errata.count }
    return
      "\(doc.problems.count) problem(s) · \(passed)/\(checks.count) checks passed · \(errata) errata"
  }

  static let mathElements: Set<String> = [
    "math", "mi", "mn", "mo", "mrow", "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mtext",
    "mspace", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded",
    "mphantom",
  ]
  static let mathAttributes: Set<String> = [
    "width", "display", "mathvariant", "stretchy", "fence", "form",
  ]

  /// `mathML` when it consists only of MathML presentation elements with harmless attributes
  /// (a results.db is a file anyone may have edited); nil otherwise.
  static func safeMathML(_ mathML: String?) -> String? {
    guard let mathML, mathML.hasPrefix("<math") else { return nil }
    var rest = Substring(mathML)
    while let open = rest.firstIndex(of: "<") {
      guard let close = rest[open...].firstIndex(of: ">") else { return nil }
      var tag = rest[rest.index(after: open)..<close]
      if tag.hasPrefix("/") { tag = tag.dropFirst() }
      if tag.hasSuffix("/") { tag = tag.dropLast() }
      let parts = tag.split(separator: " ", omittingEmptySubsequences: true)
      guard let name = parts.first, mathElements.contains(String(name)) else { return nil }
      for attribute in parts.dropFirst() {
        let pieces = attribute.split(separator: "=", maxSplits: 1)
        guard pieces.count == 2, mathAttributes.contains(String(pieces[0])),
          pieces[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "\"" || $0 == "." })
        else {
          return nil
        }
      }
      rest = rest[rest.index(after: close)...]
    }
    return mathML
  }

  /// The line of the document the printed solution starts on, from its stored location
  /// ("problem 1, solution (line 11)").
  static func solutionLine(_ location: String?) -> Int? {
    guard let location, let r = location.range(of: "(line ") else { return nil }
    return Int(location[r.upperBound...].prefix { $0.isNumber })
  }

  /// Errata numbered from 1 within a problem, with their place in the printed solution's text
  /// (line index within it, scalar column) when they point into it.
  static func placed(_ p: RunDocument.Problem) -> [(
    number: Int, erratum: RunDocument.Erratum, line: Int?, column: Int?
  )] {
    let start = solutionLine(p.printedLocation)
    let lines =
      p.printedText.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count } ?? 0
    return p.errata.enumerated().map { i, e in
      if let start, let line = e.line, let column = e.column, line >= start, line < start + lines {
        return (i + 1, e, line - start, column)
      }
      return (i + 1, e, nil, nil)
    }
  }

  /// The printed solution as HTML, each erratum that points into it marked where it stands: the
  /// word at its column highlighted, with the erratum's number.
  static func markedSolution(_ p: RunDocument.Problem, anchor: String) -> String {
    guard let text = p.printedText else { return "" }
    let marks = placed(p).filter { $0.line != nil }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      Array(String($0).unicodeScalars)
    }
    var rendered: [String] = []
    for (index, scalars) in lines.enumerated() {
      let here = marks.filter { $0.line == index }.sorted { $0.column! < $1.column! }
      var out = ""
      var position = 0
      for mark in here {
        let start = max(position, min(scalars.count, mark.column! - 1))
        out += html(String(String.UnicodeScalarView(scalars[position..<start])))
        // The token at the column: up to white space, or a bracket, comma or backslash after
        // its first character, 16 characters at most.
        var end = start
        while end < scalars.count && end - start < 16
          && !CharacterSet.whitespaces.contains(scalars[end])
          && (end == start || !"[](),$\\".unicodeScalars.contains(scalars[end]))
        { end += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<max(start, end)]))
        out +=
          "<mark id=\"\(anchor)-m\(mark.number)\" title=\"\(html(mark.erratum.message))\">"
          + html(word)
          + "<sup><a href=\"#\(anchor)-e\(mark.number)\">\(mark.number)</a></sup></mark>"
        position = max(start, end)
      }
      out += html(String(String.UnicodeScalarView(scalars[position...])))
      rendered.append(out)
    }
    lines.removeAll()
    return rendered.joined(separator: "\n")
  }
}
