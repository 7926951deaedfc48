import Foundation

import Verification

/// The run as a Markdown notebook, for sharing.
public enum MarkdownReport {
  public static func render(_ run: RunSummary) -> String {
    var out = "# psverify report\n\n"
    out += "seed \(run.seed)" + (run.trials.map { " · trials \($0)" } ?? "")
      + " · psverify \(run.version) · \(run.startedAt)\n\n"
    for r in run.reports {
      out += "## Problem \(r.id): \(r.title)\n\n\(r.question)\n\n"
      if let d = r.derivation {
        out += "### Derivation\n\n"
        for (i, s) in d.steps.enumerated() {
          out += "\(i + 1). \(s.text)" + (s.latex.map { " $\($0)$" } ?? "") + "\n"
        }
        out += "\n**Answer:** $\(d.answer.latex)$ (\(d.summary))\n\n"
      } else {
        out += "**The derivation failed:** \(r.derivationError ?? "")\n\n"
      }
      if let a = r.audit {
        out += "**Printed answer:** `\(a.printed.answer ?? "none found")` (\(a.printed.location)) — read as "
          + "\(a.reading); " + (a.agrees ? "agrees" : "**disagrees**") + "\n\n"
      }
      out += "### Checks\n\n| | check | kind | expected | measured | tolerance | detail |\n"
      out += "|---|---|---|---|---|---|---|\n"
      for o in r.outcomes {
        let m = o.measurement
        out += "| \(o.status == .pass ? "✓" : "✗") | `\(o.id)` | \(o.kind.rawValue) | "
          + "\(cell(m.expected.description)) | \(cell(m.measured.description)) | "
          + "\(cell(m.tolerance.reason)) | \(cell(m.detail)) |\n"
      }
      let errata = r.errata
      if !errata.isEmpty {
        out += "\n### Errata\n\n"
        for e in errata {
          out += "- **\(e.kind.rawValue)** (\(e.location)): \(e.message)"
            + (e.evidence.map { ". Evidence: \($0)" } ?? "") + "\n"
        }
      }
      if !r.notes.isEmpty {
        out += "\n### Notes\n\n" + r.notes.map { "- \($0)\n" }.joined()
      }
      out += "\n**Verdict:** \(r.status.rawValue)\n\n"
    }
    out += "## Summary\n\n\(run.checkCount - run.failedChecks)/\(run.checkCount) checks passed, "
      + "\(run.errataCount) errata. \(run.storage)\n"
    return out
  }

  static func cell(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
