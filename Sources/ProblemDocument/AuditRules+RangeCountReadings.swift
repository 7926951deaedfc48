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

  /// The count `g` states just after the range `f`, as text, or nil: at most four words and no
  /// digit between them, none of them a `stepWords` word, and either a size word just before
  /// `g` or `g` in apposition to the range (`appositive`) with a unit after it.
  static func countAfter(_ f: MathFragment, _ g: MathFragment, _ doc: ProblemSetDocument)
    -> String?
  {
    let end = f.location.offset + f.text.unicodeScalars.count
    guard end <= g.location.offset, g.location.offset - end <= gap else { return nil }
    let between = doc.slice(end..<g.location.offset).lowercased()
    guard !between.contains(where: \.isNumber) else { return nil }
    let words = between.split(whereSeparator: { !$0.isLetter }).map(String.init)
    guard words.count <= 4, words.allSatisfy({ !stepWords.contains($0) }),
      let value = lastSide(g.text)
    else { return nil }
    let sized = words.last.map { w in sizeWords.contains(w) } ?? false
    return sized || (appositive(words) && unitFollows(g, doc)) ? value : nil
  }

  /// Words that restate a range as its count: the count is in apposition to the range.
  static let restating: Set<String> = ["that", "i", "e", "ie", "namely"]
  /// Verbs of being or having that make the count the range's own ("is", "so there are").
  static let copulas: Set<String> = ["is", "are", "has", "have", "makes", "make"]

  /// Whether the words between a range and a count set the count in apposition to the range:
  /// none (punctuation only: a comma, a dash, a colon), a restating phrase (", that is",
  /// "i.e.", "namely"), or a clause ending in a copula ("so there are", "the output has").
  static func appositive(_ words: [String]) -> Bool {
    guard let last = words.last else { return true }
    return copulas.contains(last) || words.allSatisfy(restating.contains)
  }

  /// The count `e` states just before the range `f` when only its unit and punctuation stand
  /// between them ("1008 positions, $t = 0, \ldots$"), as text, or nil.
  static func countBefore(_ e: MathFragment, _ f: MathFragment, _ doc: ProblemSetDocument)
    -> String?
  {
    let end = e.location.offset + e.text.unicodeScalars.count
    guard end <= f.location.offset, f.location.offset - end <= gap else { return nil }
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

  /// The first point (the letters' `stated` values, then from 1 up) at which the range and the
  /// count are both whole, at least one, and differ; nil when they agree everywhere tried, the
  /// document's evaluations are spent, or they cannot be read.
  static func disagreement(
    _ range: StatedRange, _ count: String, preferring stated: [String: Int] = [:],
    budget: inout Evaluations
  ) -> Point? {
    guard let lower = Expression(range.lower), let upper = Expression(range.upper),
      let counted = Expression(count)
    else { return nil }
    let letters = lower.names.union(upper.names)
    guard letters == counted.names, letters.count <= 2, !letters.contains(range.index) else {
      return nil
    }
    let sorted = letters.sorted()
    for p in points(sorted, stated: stated) {
      guard budget.take(3) else { return nil }
      // In rationals: the bounds' difference can leave Int where each bound fits.
      guard let lo = lower.value(p), let up = upper.value(p), let c = counted.value(p),
        let held = (up - lo + Rational(1 - range.strict)).intValue, let n = c.intValue
      else { continue }
      guard held >= 1, n >= 1, held != n else { continue }
      return Point(held: String(held), stated: String(n), at: shown(sorted, p, "at "))
    }
    return nil
  }

  /// The letters' values at a point as text (` at A = 1, B = 2`), empty with no letter.
  static func shown(_ sorted: [String], _ p: [String: Int], _ lead: String) -> String {
    sorted.isEmpty ? "" : " " + lead + sorted.map { "\($0) = \(p[$0]!)" }.joined(separator: ", ")
  }

  /// The points at which expressions of the letters `sorted` (at most two) are compared: the
  /// values the text states, first, when it states one for every letter, then every letter
  /// from 1 to `reachOne` (one letter) or `reachTwo` (two). Shared by `RangeCounts` and
  /// `Lookbacks`.
  static func points(_ sorted: [String], stated: [String: Int]) -> [[String: Int]] {
    let reach = sorted.count == 2 ? reachTwo : reachOne
    var points: [[String: Int]] = [[:]]
    for name in sorted.prefix(2) {
      points = points.flatMap { p in (1...reach).map { p.merging([name: $0]) { $1 } } }
    }
    if !sorted.isEmpty, sorted.allSatisfy({ stated[$0] != nil }) {
      points.insert(stated.filter { sorted.contains($0.key) }, at: 0)
    }
    return points
  }

  /// The evaluations a rule may still make in one document: hostile text with thousands of
  /// ranges is read only up to this many.
  struct Evaluations {
    var left: Int

    /// Takes `n` evaluations; false once they are spent.
    mutating func take(_ n: Int) -> Bool {
      guard left >= n else { return false }
      left -= n
      return true
    }
  }

  /// An expression read once: its letters, each replaced by a slot character, and its text
  /// normalized for `NumericValue`, so that a point costs one pass of the reader.
  struct Expression {
    let names: Set<String>
    let slots: [String: Character]
    let chars: [Character]

    /// The expression of `text`, or nil when the evaluator cannot read it.
    init?(_ text: String) {
      // The letters become private-use characters: text holding one already is not read.
      guard !text.unicodeScalars.contains(where: { (0xE000...0xF8FF).contains($0.value) }),
        let (_, found) = AuditRules.RangeCounts.substituted(text, [:])
      else { return nil }
      var slots: [String: Character] = [:]
      for (k, name) in found.sorted().enumerated() {
        guard let scalar = Unicode.Scalar(0xE000 + k) else { return nil }
        slots[name] = Character(scalar)
      }
      guard
        let (t, _) = AuditRules.RangeCounts.substituted(text, slots.mapValues { String($0) }),
        let chars = NumericValue.normalized(t)
      else { return nil }
      (names, self.slots, self.chars) = (found, slots, chars)
    }

    /// The exact value with the letters given, or nil (a letter without a value included).
    func value(_ values: [String: Int]) -> Rational? {
      var given: [Character: Rational] = [:]
      for (name, slot) in slots {
        guard let v = values[name] else { return nil }
        given[slot] = Rational(v)
      }
      return NumericValue.exact(chars, slots: given)
    }
  }

  /// The letters (a letter with an optional subscript, `X_0`) of an expression outside its
  /// commands (`\lfloor`, `\frac`), or nil when it holds something the evaluator cannot read.
  static func names(_ text: String) -> Set<String>? {
    guard let (_, found) = substituted(text, [:]) else { return nil }
    return found
  }

  /// The text with each letter replaced by its text in `values` (left as it is when it has
  /// none), and the letters met.
  static func substituted(_ text: String, _ values: [String: String]) -> (String, Set<String>)? {
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
      out += values[name] ?? name
      i = j
    }
    return (out, found)
  }
}

extension AuditRules {
  /// Whether the document numbers positions from 1: a word of numbering ("numbered",
  /// "indexed", "counted") followed by "from 1" or "at one", or "1-based" / "one-indexed". Positions are numbered from 0 otherwise.
  /// - Complexity: linear in the document's length.
  static func numbersFromOne(_ doc: ProblemSetDocument) -> Bool {
    let words = doc.text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    let numbering: Set<Substring> = ["numbered", "indexed", "counted"]
    let one: Set<Substring> = ["1", "one"]
    for (i, w) in words.enumerated() where one.contains(w) {
      if i + 1 < words.count, words[i + 1] == "based" || words[i + 1] == "indexed" { return true }
      if i >= 2, words[i - 1] == "from" || words[i - 1] == "at", numbering.contains(words[i - 2]) {
        return true
      }
    }
    return false
  }
}
