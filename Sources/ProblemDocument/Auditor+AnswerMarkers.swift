/// Answers written inside a part's own text, after an answer marker line.
extension Auditor {
  /// Labels that open a written answer: `Answer:`, `*Answer.*`, `**A.**`, `A:`, `Ans:`,
  /// `**Ans (grader):**`, `**Model answer.**`, `Sample answer:`.
  static let answerLabels: Set<String> = [
    "answer", "ans", "a", "model answer", "sample answer", "short answer", "worked answer",
  ]

  /// The scalar offset where a part's written answer starts: the first prose line of `sections`
  /// that opens (after markup `*`, `_`, `#`, `>` and spaces) with an answer label
  /// (`answerLabels`) followed by `:`, `.`, ` (`, markup or the line's end (`*Answer.*`,
  /// `Answer: …`, `**A.** …`, `**Ans (instructor):**`), not by a word ("Answer the
  /// following", "A layer …"). Nil when no line does. Linear in the sections' prose.
  static func answerStart(_ sections: [Int], _ doc: ProblemSetDocument) -> Int? {
    for index in sections {
      for span in doc.sections[index].prose where span.location.column == 1 {
        var s = Substring(span.text)
        let markup: Set<Character> = ["*", "_", "#", " ", ">"]
        while let c = s.first, markup.contains(c) { s = s.dropFirst() }
        // The label: letters and single spaces, at most two words, up to its end mark.
        let label = s.prefix(24).prefix { $0.isLetter || $0 == " " }
        let words = label.lowercased().split(separator: " ")
        guard (1...2).contains(words.count), answerLabels.contains(words.joined(separator: " "))
        else { continue }
        let rest = s.dropFirst(label.count)
        guard let next = rest.first else {
          if label.last != " " { return span.location.offset }
          continue
        }
        if label.last == " " {
          // `Ans (instructor):` — a parenthesized note, then the end mark.
          guard next == "(", let close = rest.firstIndex(of: ")") else { continue }
          let after = rest[rest.index(after: close)...].first
          if after == ":" || after == "." || after == "*" || after == "_" {
            return span.location.offset
          }
          continue
        }
        if next == ":" || next == "." || next == "*" || next == "_" { return span.location.offset }
      }
    }
    return nil
  }
}
