import Algebra
import Answers
import Foundation

/// The readings of `StatedBounds`: the inequality, the numbers stated, the conclusion.
extension AuditRules.StatedBounds {
  /// A chain of two or three polynomials joined by `≤` or `<` whose last operand but one is of
  /// degree one in exactly one lowercase letter (the index) and the others free of it; the
  /// polynomials, the relations, the index. Nil for anything else.
  static func chain(_ text: String) -> ((operands: [Polynomial], strict: [Bool]), String)? {
    let t = trim(text)
    guard t.unicodeScalars.count <= 120, !t.contains("["), !t.contains(","),
      let parts = try? AnswerParser.parse(t), parts.parts.count == 1,
      parts.parts[0].conjuncts.count == 1
    else { return nil }
    let c = parts.parts[0].conjuncts[0]
    guard c.operands.count == 2 || c.operands.count == 3,
      c.relations.allSatisfy({ $0 == .less || $0 == .lessOrEqual }),
      let ps = try? c.operands.map({ e throws(AnswerSyntaxError) in
        try AnswerReading.polynomial(e, symbols: .open, text: t)
      })
    else { return nil }
    let middle = ps[ps.count - 2]
    let indices = middle.symbols.filter { $0.count == 1 && $0.first!.isLowercase }
    guard indices.count == 1, let x = indices.first, middle.degree(in: x) == 1,
      ps.enumerated().allSatisfy({ $0.offset == ps.count - 2 || $0.element.degree(in: x) == 0 })
    else { return nil }
    return ((ps, c.relations.map { $0 == .less }), x)
  }

  /// The whole numbers the chain admits for `x` once `known` numbers are put in; nil when a
  /// letter other than `x` is left, the coefficient of `x` is not a positive whole number, or
  /// nothing is admitted.
  static func bound(
    _ chain: (operands: [Polynomial], strict: [Bool]), _ x: String, _ known: [String: Rational]
  ) -> Bound? {
    let values = known.filter { $0.key != x }.mapValues { Polynomial($0) }
    let ps = chain.operands.map { $0.substituting(values) }
    let middle = ps[ps.count - 2]
    let parts = middle.coefficients(in: x)
    guard let kr = parts[1]?.constantValue, let k = whole(kr), k >= 1,
      let c = whole(parts[0]?.constantValue ?? .zero),
      let dr = ps.last!.constantValue, let d = whole(dr)
    else { return nil }
    // k·x + c ≤ d (or < d): x ≤ ⌊(d − c) / k⌋, or ⌊(d − c − 1) / k⌋ when strict.
    let top = d - c - (chain.strict.last! ? 1 : 0)
    let largestX = floorDivide(top, k)
    var lowest = 0
    if ps.count == 3 {
      guard let ar = ps[0].constantValue, let a = whole(ar) else { return nil }
      // a ≤ k·x + c: x ≥ ⌈(a − c) / k⌉, or ⌈(a − c + 1) / k⌉ when strict.
      let bottom = a - c + (chain.strict[0] ? 1 : 0)
      lowest = -floorDivide(-bottom, k)
    }
    guard largestX >= lowest else { return nil }
    return Bound(index: x, lowest: lowest, largest: largestX, lowerStated: ps.count == 3)
  }

  /// ⌊a / b⌋ for b > 0.
  static func floorDivide(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }

  /// A rational that is a whole number of at most `largest` in size, as an Int.
  static func whole(_ r: Rational) -> Int? {
    guard let n = r.intValue, n.magnitude <= largest.magnitude else { return nil }
    return n
  }

  /// The numbers each fragment states for letters: `X = 32`, `X = Y = 56` (names of one letter,
  /// or a command such as `\Delta X`).
  static func assignments(_ fragments: [MathFragment]) -> [[String: Rational]] {
    fragments.map { f in
      let t = trim(f.text)
      guard t.unicodeScalars.count <= 60, t.contains("=") else { return [:] }
      let sides = t.components(separatedBy: "=").map { $0.trimmingCharacters(in: .whitespaces) }
      guard sides.count >= 2, let n = Int(sides.last!), n.magnitude <= largest.magnitude else {
        return [:]
      }
      var out: [String: Rational] = [:]
      for name in sides.dropLast() {
        guard let p = try? PolynomialParser.polynomial(name), p.symbols.count == 1,
          p == .symbol(p.symbols.first!)
        else { return [:] }
        out[p.symbols.first!] = Rational(n)
      }
      return out
    }
  }

  /// What a fragment concludes about `x`: a list `x = a, \ldots, b` or `a, \dots, b`, a chain
  /// `a ≤ x ≤ b`, a square `n \times n` after a size word, or a number before a unit.
  static func stated(
    _ g: MathFragment, _ x: String, _ known: [String: Rational], _ doc: ProblemSetDocument
  ) -> Stated? {
    var t = trim(g.text).replacingOccurrences(of: " ", with: "")
    if let list = self.list(t, x) { return list }
    if let (c, y) = chain(t), y == x, c.operands.count == 3,
      let b = bound(c, x, known), c.operands[1] == .symbol(x)
    {
      return .range(b.lowest, b.largest)
    }
    t = t.replacingOccurrences(of: "×", with: "\\times")
    let start = g.location.offset
    let before = doc.slice(max(0, start - 30)..<start).lowercased()
    if t.contains("\\times") {
      let sides = t.components(separatedBy: "\\times").compactMap { Int($0) }
      guard sides.count >= 2, sides.count == t.components(separatedBy: "\\times").count,
        sides[sides.count - 1] == sides[sides.count - 2],
        ["output", "size", " is ", "gives", "shape"].contains(where: { before.contains($0) })
      else { return nil }
      return .count(sides.last!)
    }
    let end = start + g.text.unicodeScalars.count
    if let n = Int(t), n >= 0, n <= largest, unit(doc.slice(end..<(end + 30)).lowercased()) {
      return .count(n)
    }
    return nil
  }

  /// A list `x = a, \ldots, b` (or without `x =`) of whole numbers, as the range a to b.
  static func list(_ t: String, _ x: String) -> Stated? {
    var body = Substring(t)
    if body.hasPrefix(x + "=") { body = body.dropFirst(x.count + 1) }
    let items = body.components(separatedBy: ",")
    guard items.count >= 3,
      items.contains(where: AuditRules.ellipses.contains),
      let a = Int(items.first!), let b = Int(items.last!), a.magnitude <= largest.magnitude,
      b.magnitude <= largest.magnitude
    else { return nil }
    return .range(a, b)
  }

  /// Words of extent a count is stated in.
  static let units: Set<String> = [
    "frames", "positions", "outputs", "windows", "rows", "columns", "pixels", "values", "steps",
    "entries", "samples", "locations", "centres", "centers",
  ]

  /// Whether the text starts with a unit, after at most one other word ("output frames").
  static func unit(_ text: String) -> Bool {
    let words = text.split(whereSeparator: { !$0.isLetter }).prefix(2).map(String.init)
    guard let first = words.first, text.first?.isWhitespace ?? false else { return false }
    return units.contains(first) || (words.count == 2 && units.contains(words[1]))
  }

  /// The first number of the prose between `from` and `to` that is followed by a unit.
  static func proseCount(_ prose: ArraySlice<ProseSpan>, from: Int, to: Int)
    -> (offset: Int, value: Int)?
  {
    for p in prose {
      let start = p.location.offset
      let scalars = Array(p.text.unicodeScalars)
      guard start + scalars.count > from else { continue }
      guard start < to else { break }
      var i = max(0, from - start)
      while i < scalars.count, start + i < to {
        guard ("0"..."9").contains(scalars[i]), i == 0 || !isWordScalar(scalars[i - 1]) else {
          i += 1
          continue
        }
        var j = i
        while j < scalars.count, ("0"..."9").contains(scalars[j]), j - i < 8 { j += 1 }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[j..<min(scalars.count, j + 30)])
        if let n = Int(String(String.UnicodeScalarView(scalars[i..<j]))), unit(String(rest)) {
          return (start + i, n)
        }
        i = j
      }
    }
    return nil
  }

  /// A letter, digit or one of `.,` that joins a number to what precedes it.
  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "," || s == "\\"
  }
}
