import Answers
import Foundation

/// How two comparisons are tied in a sentence, and where a tie fails.
extension AuditRules.EquivalentConditions {
  /// Names written by one side only (a factor the other side has divided out) at most.
  static let otherNamesTried = 4
  /// The values a name only one side writes is tried at: small, medium and large.
  static let otherValues: [Double] = [1, 3, 1000]

  /// Whether the text between two comparisons stays in one sentence: no sentence end, no
  /// paragraph break, except a sentence that opens with a word of consequence ("… $A$. So all
  /// … with $C$") — one break at most.
  /// - Complexity: linear in the gap.
  static func oneSentence(_ gap: String) -> Bool {
    let plain = gap.replacingOccurrences(of: "i.e.", with: " ie ")
      .replacingOccurrences(of: "e.g.", with: " eg ")
    let ends = plain.indices.filter { ".;:?!".contains(plain[$0]) }
    if ends.isEmpty { return !plain.contains("\n\n") }
    guard ends.count == 1, let end = ends.first else { return false }
    let before = plain[..<end]
    let after = plain[plain.index(after: end)...]
    guard before.allSatisfy(\.isWhitespace), !after.contains("\n\n") else { return false }
    let first = after.lowercased().split { !$0.isLetter }.first.map(String.init) ?? ""
    return consequenceOpeners.contains(first)
  }

  /// The sufficient links: "$A$, which holds for $C$"; "$A$ …, so … whenever $C$" (the clause
  /// after the last word of consequence); "$A$. So all … with $C$" (every case with C is a
  /// case of A).
  static func sufficientLink(_ words: [String]) -> Bool {
    guard !words.isEmpty else { return false }
    // "… which holds for every $C$": the quantifier before C is part of the link.
    let held = AuditRules.quantifiers.contains(words.last ?? "") ? Array(words.dropLast()) : words
    if !held.isEmpty, held.allSatisfy({ equivalenceWords.contains($0) || $0 == "for" }),
      Array(held.suffix(2)) == ["holds", "for"] || Array(held.suffix(2)) == ["hold", "for"]
    {
      return true
    }
    // "… so … whenever": the clause after the last word of consequence.
    if words.last == "whenever", let so = words.lastIndex(where: consequenceOpeners.contains),
      words.count - so <= 10
    {
      return true
    }
    guard words.count <= 12, let first = words.first, consequenceOpeners.contains(first) else {
      return false
    }
    return words.last == "with" && words.count <= 5
      && words.contains { $0 == "all" || $0 == "every" || $0 == "any" }
  }

  /// Whether the link fails at a point of the shared names, at every tried value of the names
  /// only one side writes (each divisor positive).
  static func fails(
    at point: [String: Double], _ others: [String], _ a: AuditRules.Stated,
    _ b: AuditRules.Stated, _ link: Link, _ divisors: [(AnswerExpression, String)]
  ) -> Bool {
    var full = point
    func each(_ k: Int) -> Bool {
      if k == others.count {
        guard divisors.allSatisfy({ (AuditRules.value($0.0, $0.1, full) ?? 0) > 0 }),
          let x = AuditRules.holds(a, full), let y = AuditRules.holds(b, full)
        else { return false }
        switch link {
        case .equivalence: return x != y
        case .consequence: return x && !y
        case .sufficient: return y && !x
        }
      }
      for v in otherValues {
        full[others[k]] = v
        if !each(k + 1) { return false }
      }
      return true
    }
    return each(0)
  }

  /// A chain without its rounded values at the end: `r/4 \ge 2^{2.5} \approx 5.66` is read as
  /// `r/4 \ge 2^{2.5}` (the exact side says the same, the rounded ones are not read), and a
  /// comparison continued by an equation (`r/4 \ge 2^{5/2} = 2^{2.5}`) is read up to the equals
  /// sign: the sides after it are one value. Every trailing rounding is removed, so the reading
  /// of its own result is the same text.
  /// - Complexity: linear in the text (one backward pass per trimming, each character once).
  static func withoutRounding(_ text: String) -> String {
    let cut = withoutRoundedTail(text[...])
    let signs = ["\\geq", "\\leq", "\\ge ", "\\le ", "<", ">", "≤", "≥"]
    guard let first = signs.compactMap({ cut.range(of: $0)?.upperBound }).min(),
      let equals = cut[first...].firstIndex(of: "="),
      !"<>!".contains(cut[cut.index(before: equals)])
    else { return String(cut) }
    return String(withoutRoundedTail(cut[..<equals]))
  }

  /// The text without every trailing `\approx <number>` or `≈ <number>`: read backwards, a run of
  /// digits, points and braces preceded by a rounding sign is dropped, until the end is anything
  /// else.
  /// - Complexity: linear in the part removed plus the longest sign.
  static func withoutRoundedTail(_ text: Substring) -> Substring {
    var end = text.endIndex
    while true {
      var i = end
      var digits = 0
      while i > text.startIndex {
        let c = text[text.index(before: i)]
        guard c.isWhitespace || c.isNumber || c == "." || c == "{" || c == "}" else { break }
        if !c.isWhitespace { digits += 1 }
        i = text.index(before: i)
      }
      let head = text[..<i]
      guard digits > 0, let sign = ["\\approx", "≈"].first(where: { head.hasSuffix($0) }) else {
        return text[..<end]
      }
      end = head.index(head.endIndex, offsetBy: -sign.count)
    }
  }

  /// The constants a printed condition writes at most.
  static let constantsTried = 4

  /// The tried values and, around each constant the printed condition writes (its first
  /// `constantsTried`, up to a million), the constant, its neighbours, its half and its double:
  /// a bound printed as `r ≥ 64` is wrong, if at all, near 64.
  static func values(near b: AuditRules.Stated) -> [Double] {
    var constants: [Double] = []
    func collect(_ e: AnswerExpression) {
      guard constants.count < constantsTried else { return }
      switch e {
      case .number(let r, _, _):
        let v = r.doubleValue
        if v > 0, v <= 1_000_000 { constants.append(v) }
      case .identifier: break
      case .negate(let x), .squareRoot(let x, _): collect(x)
      case .add(let l, let r), .subtract(let l, let r), .multiply(let l, let r),
        .divide(let l, let r, _), .power(let l, let r, _):
        collect(l)
        collect(r)
      }
    }
    for chain in b.chains { chain.operands.forEach(collect) }
    var out = AuditRules.ClaimedImplications.values
    for c in constants {
      for v in [c - 1, c, c + 1, c / 2, c * 2] where v > 0 && !out.contains(v) { out.append(v) }
    }
    return out
  }

  /// Whether one comparison's names are among the other's.
  static func comparable(_ a: AuditRules.Stated, _ b: AuditRules.Stated) -> Bool {
    a.names.isSubset(of: b.names) || b.names.isSubset(of: a.names)
  }

  /// For a conclusion drawn after an aside on other names ("$E < f(N)$. Since $J \gg N$ …, so
  /// … whenever $E \le N$"), the latest comparison before the aside that is over the
  /// conclusion's names, in the same paragraph and at most 300 characters before it; only for a
  /// conclusion (not a restatement).
  static func earlier(
    _ seen: [AuditRules.Stated], _ next: AuditRules.Stated, _ link: Link,
    _ doc: ProblemSetDocument
  ) -> AuditRules.Stated? {
    guard link != .equivalence else { return nil }
    for s in seen.reversed() where comparable(s, next) {
      let gap = AuditRules.ClaimedImplications.between(s.fragment, next.fragment, doc)
      return gap.count < 300 && !gap.contains("\n\n") ? s : nil
    }
    return nil
  }
}
