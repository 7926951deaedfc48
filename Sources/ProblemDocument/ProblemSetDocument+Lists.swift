extension ProblemSetDocument {
  /// Whether only commas, "and" and spaces stand between two fragments of one section: the
  /// second continues a list the first began (`$A^1$, $A^2$ and $A^3$`).
  func joinedAsList(_ a: MathFragment, _ b: MathFragment) -> Bool {
    guard a.section == b.section else { return false }
    let start =
      a.location.offset + a.text.unicodeScalars.count + (a.bare ? 0 : (a.display ? 2 : 1))
    let end = b.location.offset - (b.bare ? 0 : (b.display ? 2 : 1))
    guard start <= end, end - start <= 8 else { return false }
    let between = String(String.UnicodeScalarView(scalars[start..<end]))
    let words = between.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" })
    return (between.contains(",") || words == ["and"]) && words.allSatisfy { $0 == "and" }
  }
}
