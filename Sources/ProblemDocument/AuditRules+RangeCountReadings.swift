import Algebra
import Foundation

/// The readings of `RangeCounts`: the count beside a range, and the two evaluated.
extension AuditRules.RangeCounts {
  /// Words in the gap after a range that make the next fragment something other than its count
  /// (a later step of the computation).
  static let stepWords: Set<String> = [
    "stride", "strides", "pool", "pooling", "per", "each", "after", "then", "next", "layer",
    "layers", "times", "plus", "minus", "padded", "padding", "with", "without",
  ]
  /// The largest value tried for a letter when one letter is free, and when two are.
  static let reachOne = 64
  static let reachTwo = 16

  /// The count `g` states just after the range `f` (a unit after it, or a size word just
  /// before it, with at most four words and no digit between them), as text, or nil.
  static func countAfter(_ f: MathFragment, _ g: MathFragment, _ doc: ProblemSetDocument)
    -> String?
  {
    let end = f.location.offset + f.text.unicodeScalars.count
    guard g.location.offset - end <= gap else { return nil }
    let between = doc.slice(end..<g.location.offset).lowercased()
    guard !between.contains(where: \.isNumber) else { return nil }
    let words = between.split(whereSeparator: { !$0.isLetter }).map(String.init)
    guard words.count <= 4, words.allSatisfy({ !stepWords.contains($0) }),
      let value = lastSide(g.text)
    else { return nil }
    let sized = words.last.map { w in sizeWords.contains(w) } ?? false
    return sized || unitFollows(g, doc) ? value : nil
  }

  /// The count `e` states just before the range `f` when only its unit and punctuation stand
  /// between them ("1008 positions, $t = 0, \ldots$"), as text, or nil.
  static func countBefore(_ e: MathFragment, _ f: MathFragment, _ doc: ProblemSetDocument)
    -> String?
  {
    let end = e.location.offset + e.text.unicodeScalars.count
    guard f.location.offset - end <= gap else { return nil }
    let between = doc.slice(end..<f.location.offset).lowercased()
    let words = between.split(whereSeparator: { !$0.isLetter }).map(String.init)
    guard between.allSatisfy({ $0.isLetter || " ,;:$-—".contains($0) }),
      words.count == 1 || words.count == 2, units.contains(words.last!),
      unitFollows(e, doc)
    else { return nil }
    return lastSide(e.text)
  }

  /// Whether a unit of extent follows a fragment, after at most one other word.
  static func unitFollows(_ g: MathFragment, _ doc: ProblemSetDocument) -> Bool {
    let end = g.location.offset + g.text.unicodeScalars.count
    let after = doc.slice(end..<(end + 30)).lowercased().drop { $0 == "$" || $0 == "}" }
    guard after.first?.isWhitespace ?? false else { return false }
    let words = after.split(whereSeparator: { !$0.isLetter }).prefix(2).map(String.init)
    guard let first = words.first else { return false }
    return units.contains(first) || (words.count == 2 && units.contains(words[1]))
  }

  /// The last side of a fragment's equalities (`T - K + 1 = 1008` → `1008`), or nil when it is
  /// long or holds a comparison.
  static func lastSide(_ text: String) -> String? {
    let t = AuditRules.RangeSizes.trimmedText(text)
    guard t.unicodeScalars.count <= longest, !t.contains("\\le"), !t.contains("<"),
      !t.contains(">"), !t.contains("\\ge"), !t.contains(","), !t.contains("[")
    else { return nil }
    let side = FragmentReader.topLevelSides(t).last!.trimmingCharacters(in: .whitespaces)
    return side.isEmpty ? nil : side
  }

  /// Where a range and a count differ: the values each holds and the letters' values.
  struct Point {
    let held: String
    let stated: String
    let at: String
  }

  /// The first point (the letters' `stated` values, then from 1 up) at which the range and the count are both whole, at
  /// least one, and differ; nil when they agree everywhere tried or cannot be read.
  static func disagreement(
    _ range: StatedRange, _ count: String, preferring stated: [String: Int] = [:]
  ) -> Point? {
    guard let lowerNames = names(range.lower), let upperNames = names(range.upper),
      let countNames = names(count)
    else { return nil }
    let letters = lowerNames.union(upperNames)
    guard letters == countNames, letters.count <= 2, !letters.contains(range.index) else {
      return nil
    }
    let sorted = letters.sorted()
    let reach = sorted.count == 2 ? reachTwo : reachOne
    var points: [[String: Int]] = [[:]]
    for name in sorted {
      points = points.flatMap { p in (1...reach).map { p.merging([name: $0]) { $1 } } }
    }
    // The values the text states for every letter, tried first.
    if !sorted.isEmpty, sorted.allSatisfy({ stated[$0] != nil }) {
      points.insert(stated.filter { letters.contains($0.key) }, at: 0)
    }
    for p in points {
      guard let lo = value(range.lower, p), let up = value(range.upper, p),
        let c = value(count, p), let l = lo.intValue, let u = up.intValue, let n = c.intValue
      else { continue }
      let held = u - l + 1 - range.strict
      guard held >= 1, n >= 1, held != n else { continue }
      let at =
        sorted.isEmpty
        ? "" : " at " + sorted.map { "\($0) = \(p[$0]!)" }.joined(separator: ", ")
      return Point(held: String(held), stated: String(n), at: at)
    }
    return nil
  }

  /// The letters (a letter with an optional subscript, `X_0`) of an expression outside its
  /// commands (`\lfloor`, `\frac`), or nil when it holds something the evaluator cannot read.
  static func names(_ text: String) -> Set<String>? {
    guard let (_, found) = substituted(text, [:]) else { return nil }
    return found
  }

  /// The expression's value with its letters given, exact, or nil.
  static func value(_ text: String, _ values: [String: Int]) -> Rational? {
    guard let (t, _) = substituted(text, values), let v = NumericValue.read(t) else {
      return nil
    }
    return v.exact
  }

  /// The text with each letter replaced by its value in parentheses (left as it is when it has
  /// none), and the letters met.
  static func substituted(_ text: String, _ values: [String: Int]) -> (String, Set<String>)? {
    let cs = Array(text)
    var out = ""
    var found: Set<String> = []
    var i = 0
    while i < cs.count {
      let c = cs[i]
      if c == "\\" {
        var j = i + 1
        if j < cs.count, cs[j].isLetter {
          while j < cs.count, cs[j].isLetter { j += 1 }
        } else {
          j = min(cs.count, j + 1)
        }
        out += String(cs[i..<j])
        i = j
        continue
      }
      guard c.isLetter, c.isASCII else {
        out.append(c)
        i += 1
        continue
      }
      var name = String(c)
      var j = i + 1
      if j + 1 < cs.count, cs[j] == "_" {
        if cs[j + 1].isNumber || cs[j + 1].isLetter {
          name += "_" + String(cs[j + 1])
          j += 2
        } else if cs[j + 1] == "{", j + 3 < cs.count, cs[j + 3] == "}",
          cs[j + 2].isNumber || cs[j + 2].isLetter
        {
          name += "_" + String(cs[j + 2])
          j += 4
        } else {
          return nil
        }
      }
      found.insert(name)
      out += values[name].map { "(\($0))" } ?? name
      i = j
    }
    return (out, found)
  }
}
