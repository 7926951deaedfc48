/// Answers written inside a part's own text, after an answer marker line.
extension Auditor {
  /// The scalar offset where a part's written answer starts: the first prose line of `sections`
  /// that opens (after markup `*`, `_`, `#` and spaces) with the word "Answer" followed by `:`,
  /// `.`, markup or the line's end (`*Answer.*`, `Answer: …`, `**Answer: (A).**`), not by a
  /// word ("Answer the following"). Nil when no line does. Linear in the sections' prose.
  static func answerStart(_ sections: [Int], _ doc: ProblemSetDocument) -> Int? {
    for index in sections {
      for span in doc.sections[index].prose where span.location.column == 1 {
        var s = Substring(span.text)
        while let c = s.first, c == "*" || c == "_" || c == "#" || c == " " { s = s.dropFirst() }
        guard s.prefix(6).lowercased() == "answer" else { continue }
        let rest = s.dropFirst(6)
        guard let next = rest.first else { return span.location.offset }
        if next == ":" || next == "." || next == "*" || next == "_" { return span.location.offset }
      }
    }
    return nil
  }
}
