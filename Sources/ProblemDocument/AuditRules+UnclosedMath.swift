/// Math delimiters the scanner could not match.
extension AuditRules {
  /// A `$` or `$$` that the document never closes: the scanner's reading issues, each at its
  /// place.
  struct UnclosedMath: AuditRule {
    let id = "unclosed-math"
    let summary = "a $ or $$ that is never closed"
    let kinds: [Finding.Kind] = [.unclosedMath]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var findings: [Finding] = []
      for issue in doc.readingIssues {
        let section = doc.sections.firstIndex { $0.range.contains(issue.location.offset) } ?? 0
        findings.append(
          Finding(
            .unclosedMath, issue.message, at: issue.location,
            in: doc.sections[section], document: doc))
      }
      return findings
    }
  }
}
