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

extension Auditor {
  /// The speaker of a line that opens with a bold label of one to three words and a colon
  /// (`**Tutor:** …`, `**Reader**: …`), lowercased; nil for any other line.
  static func speaker(_ line: String) -> String? {
    var s = Substring(line)
    while s.first == ">" || s.first == " " { s = s.dropFirst() }
    guard s.hasPrefix("**") || s.hasPrefix("__") else { return nil }
    s = s.dropFirst(2)
    let name = s.prefix(32).prefix { $0.isLetter || $0 == " " }
    let rest = s.dropFirst(name.count)
    guard !name.isEmpty, name.first != " ", (1...3).contains(name.split(separator: " ").count),
      rest.hasPrefix(":**") || rest.hasPrefix(":__") || rest.hasPrefix("**:")
        || rest.hasPrefix("__:")
    else { return nil }
    return name.lowercased()
  }

  /// In a part's own text written as a dialogue (line-opening speaker labels, two speakers at
  /// least), the scalar range of the answer to its count question: the first turn of another
  /// speaker after the first turn that asks for a count, up to the next turn. Nil when the
  /// text is no dialogue or no turn asks. Linear in the sections' prose.
  static func dialogueAnswer(_ sections: [Int], _ doc: ProblemSetDocument) -> Range<Int>? {
    var turns: [(at: Int, speaker: String, prose: String)] = []
    var end = 0
    for index in sections {
      end = max(end, doc.sections[index].range.upperBound)
      for span in doc.sections[index].prose {
        if span.location.column == 1, let who = speaker(span.text) {
          turns.append((span.location.offset, who, span.text))
        } else if !turns.isEmpty {
          turns[turns.count - 1].prose += " " + span.text
        }
      }
    }
    guard Set(turns.map(\.speaker)).count >= 2,
      let asking = turns.firstIndex(where: { isCountQuestion($0.prose) }),
      let answer = turns[(asking + 1)...].firstIndex(where: {
        $0.speaker != turns[asking].speaker
      })
    else { return nil }
    let upper = answer + 1 < turns.count ? turns[answer + 1].at : end
    return turns[answer].at..<max(upper, turns[answer].at)
  }
}
