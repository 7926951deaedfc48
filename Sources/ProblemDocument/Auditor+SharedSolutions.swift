/// Solutions that several parts of a problem share, read part by part.
extension Auditor {
  /// The part labels that open lines of a section (`(a) …`, `**Solution.** (b) …`, `*(c)*`):
  /// each line's start offset with its label's letters, in order. A label is `(`, one to four
  /// letters, `)`, with nothing before it on its line but emphasis marks, spaces and at most one
  /// word closed by `.` or `:` (a marker such as "Solution."). Linear in the section's length.
  static func partLabels(_ section: Int, _ doc: ProblemSetDocument) -> [(offset: Int, part: String)]
  {
    let range = doc.sections[section].range
    let s = doc.scalars
    var out: [(offset: Int, part: String)] = []
    var lineStart = range.lowerBound
    while lineStart < range.upperBound {
      var k = lineStart
      let skipMarks = {
        while k < range.upperBound, s[k] == " " || s[k] == "*" || s[k] == "_" { k += 1 }
      }
      skipMarks()
      // One marker word closed by `.` or `:`.
      var w = k
      while w < range.upperBound, s[w].properties.isAlphabetic, w - k < 24 { w += 1 }
      if w > k, w < range.upperBound, s[w] == "." || s[w] == ":" {
        k = w + 1
        skipMarks()
      }
      if k < range.upperBound, s[k] == "(" {
        var e = k + 1
        var letters = ""
        while e < range.upperBound, s[e].properties.isLowercase, e - k <= 4 {
          letters.unicodeScalars.append(s[e])
          e += 1
        }
        if !letters.isEmpty, e < range.upperBound, s[e] == ")" {
          out.append((lineStart, letters))
        }
      }
      // On to the next line.
      while k < range.upperBound, s[k] != "\n" { k += 1 }
      lineStart = k + 1
    }
    return out
  }

  /// The paragraph of a solution section shared by several parts that answers `part`: from the
  /// line labelled `(part)` to the next line labelled with another part (or the section's end),
  /// in the first of `sections` whose labels name two or more of the problem's `parts`, `part`
  /// among them. Labels that are not parts of the problem (`(i)` steps) are left out.
  static func sharedSolution(
    part: String, parts: Set<String>, _ sections: [Int],
    _ labelsOf: (Int) -> [(offset: Int, part: String)], _ doc: ProblemSetDocument
  ) -> (section: Int, range: Range<Int>)? {
    for section in sections {
      let labels = labelsOf(section).filter { parts.contains($0.part) }
      guard Set(labels.map(\.part)).count >= 2,
        let at = labels.firstIndex(where: { $0.part == part })
      else { continue }
      let next = labels[(at + 1)...].first { $0.part != part }
      let end = next?.offset ?? doc.sections[section].range.upperBound
      return (section, labels[at].offset..<end)
    }
    return nil
  }
}
