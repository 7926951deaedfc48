import Algebra
import Foundation

/// The readings `WindowRanges` compares: a stated range, an offset's values, and the point at
/// which the range stops short of the valid positions.
extension AuditRules.WindowRanges {
  /// A range `p ≤ x ≤ q` (either bound may be strict) of one lowercase index.
  struct Stated {
    let index: String
    let lower: String
    let upper: String
    let lowerStrict: Bool
    let upperStrict: Bool
    let text: String
  }

  /// A chain `p ≤ x ≤ q` (`\le`, `\leq`, `≤` or `<` on either side) of one lowercase letter
  /// that neither bound holds; nil for anything else.
  static func chain(_ t: String) -> Stated? {
    let s = normalized(t, spaces: false)
    guard !s.contains("["), s.unicodeScalars.count <= 60,
      let (parts, relations) = AuditRules.RangeCounts.chainParts(s)
    else { return nil }
    let x = parts[1]
    guard x.count == 1, let c = x.first, c.isLowercase, c.isLetter, c.isASCII,
      !parts[0].contains(c), !parts[2].contains(c), !parts[0].isEmpty, !parts[2].isEmpty
    else { return nil }
    return Stated(
      index: x, lower: parts[0], upper: parts[2], lowerStrict: relations[0] == "<",
      upperStrict: relations[1] == "<", text: t)
  }

  /// The text with LaTeX relations, sets and Δ written as single characters (`≤`, `∈`, `{`,
  /// `Δ`), sizing commands dropped, and (unless `spaces`) spaces removed.
  static func normalized(_ t: String, spaces: Bool) -> String {
    var s = t
    for (from, to) in [
      ("\\left", ""), ("\\right", ""), ("\\leq", "≤"), ("\\le", "≤"), ("\\lt", "<"),
      ("\\infty", "∞"), ("\\in", "∈"), ("\\{", "{"), ("\\}", "}"), ("\\Delta", "Δ"),
      ("\\delta", "δ"), ("\\ldots", "…"), ("\\dots", "…"), ("\\,", " "),
    ] {
      s = s.replacingOccurrences(of: from, with: to)
    }
    return spaces ? s : s.replacingOccurrences(of: " ", with: "")
  }

  /// The farthest, in scalars, a set of offsets is read as stated beside its equation.
  static let paragraphReach = 1500

  /// The values an offset takes: its least and largest as expressions, and how they read.
  struct OffsetValues {
    let least: String
    let most: String
    let text: String
  }

  /// The statements of an offset's values in a problem, in document order, and a bare set.
  struct OffsetStatements {
    let ordered: [(at: Int, values: OffsetValues)]
    let bare: OffsetValues?
  }

  /// The values the problem (or the preamble) states for the offset `name` (`ΔX` or `Δx`): a
  /// set `Δx, Δy \in \{a, …, b\}` of whole numbers or a chain `a \le Δt < K`, or, when neither
  /// is written, a bare set of whole numbers right after the word "over", with the
  /// offset in the `lead` scalars before it. The nearest stated in the equation's own paragraph (at `near`; before it, then
  /// after it) is taken first, then the nearest before it, else the first; nil when none is
  /// stated. The statements are read once per problem and offset (`cache`, keyed by `key`).
  /// - Complexity: linear in the problem's fragments on the first call for a key, then
  ///   logarithmic in its statements.
  static func offsetValues(
    _ name: String, _ sections: [Int], _ doc: ProblemSetDocument, near: Int,
    key: String, cache: inout [String: OffsetStatements]
  ) -> OffsetValues? {
    let found: OffsetStatements
    if let known = cache[key + "\u{0}" + name] {
      found = known
    } else {
      found = offsetStatements(name, sections, doc)
      cache[key + "\u{0}" + name] = found
    }
    let ordered = found.ordered
    // The first statement at or after `near`, by bisection.
    var (lo, hi) = (0, ordered.count)
    while lo < hi {
      let mid = (lo + hi) / 2
      if ordered[mid].at < near { lo = mid + 1 } else { hi = mid }
    }
    let before = lo > 0 ? ordered[lo - 1] : nil
    let after = lo < ordered.count ? ordered[lo] : nil
    let sameParagraph = { (s: (at: Int, values: OffsetValues)) in
      abs(s.at - near) <= paragraphReach
        && !doc.slice(min(s.at, near)..<max(s.at, near)).contains("\n\n")
    }
    if let before, sameParagraph(before) { return before.values }
    if let after, sameParagraph(after) { return after.values }
    return (before ?? ordered.first)?.values ?? found.bare
  }

  /// Every statement of the offset's values in the sections' fragments (`offsetValues`).
  static func offsetStatements(_ name: String, _ sections: [Int], _ doc: ProblemSetDocument)
    -> OffsetStatements
  {
    guard let letter = name.drop(while: { $0 == "Δ" || $0 == "δ" }).first else {
      return OffsetStatements(ordered: [], bare: nil)
    }
    let names = ["Δ" + letter.lowercased(), "δ" + letter.lowercased(), name]
    var stated: [(at: Int, values: OffsetValues)] = []
    var bare: OffsetValues?
    for f in doc.fragments(in: sections) {
      let s = normalized(f.text, spaces: false)
      guard s.unicodeScalars.count <= 80 else { continue }
      if let cut = s.firstIndex(of: "∈") {
        let members = s[..<cut].split(separator: ",").map(String.init)
        guard members.contains(where: names.contains),
          let (a, b) = wholeSet(String(s[s.index(after: cut)...]))
        else { continue }
        stated.append(
          (f.location.offset, OffsetValues(least: String(a), most: String(b), text: "\(a) … \(b)")))
      } else if let range = offsetChain(s, names) {
        stated.append((f.location.offset, range))
      } else if bare == nil, let (a, b) = wholeSet(s) {
        let start = f.location.offset
        let raw = doc.slice(max(0, start - lead)..<start)
        let before = normalized(raw, spaces: false)
        if names.contains(where: { before.contains($0) }), Self.endsWithOver(raw) {
          bare = OffsetValues(least: String(a), most: String(b), text: "\(a) … \(b)")
        }
      }
    }
    return OffsetStatements(ordered: stated.sorted { $0.at < $1.at }, bare: bare)
  }

  /// Whether the text before a set ends with the word "over" (`… range over $\{`): the set
  /// is the object of the relation, not a set some later clause names.
  static func endsWithOver(_ before: String) -> Bool {
    let t = before.lowercased().reversed().drop { $0 == "$" || $0.isWhitespace }
    return t.starts(with: "revo") && !(t.dropFirst(4).first?.isLetter ?? false)
  }

  /// A chain `a ≤ Δt < K` of the offset: its least and largest values as expressions.
  static func offsetChain(_ s: String, _ names: [String]) -> OffsetValues? {
    guard let (parts, relations) = AuditRules.RangeCounts.chainParts(s),
      names.contains(parts[1]), !parts[0].isEmpty, !parts[2].isEmpty
    else { return nil }
    let least = relations[0] == "<" ? "(\(parts[0]))+1" : parts[0]
    let most = relations[1] == "<" ? "(\(parts[2]))-1" : parts[2]
    return OffsetValues(least: least, most: most, text: "\(parts[0]) … \(parts[2])")
  }

  /// The least and largest of a set `{a, b, …}` of whole numbers (an ellipsis allowed
  /// between two of them).
  static func wholeSet(_ s: String) -> (Int, Int)? {
    guard s.hasPrefix("{"), s.hasSuffix("}"), s.count >= 3 else { return nil }
    let items = s.dropFirst().dropLast().split(separator: ",").map(String.init)
      .filter { $0 != "…" && $0 != "..." }
    let numbers = items.compactMap { Int($0) }.filter { $0.magnitude <= Window.largest.magnitude }
    guard numbers.count == items.count, let a = numbers.min(), let b = numbers.max(), a < b
    else { return nil }
    return (a, b)
  }

  /// Where a range stops short of the valid positions, as text for the message.
  struct Shortfall {
    let size: String
    let valid: String
    let at: String
    let stated: String
  }

  /// The first point at which the range, starting at or below the first valid output (the
  /// output's full range, not a subset of it), ends before the last valid one, when it does so
  /// at every point tried where the bounds are whole and the valid positions number at
  /// least two (and there are at least three such points); nil otherwise.
  static func shortfall(
    _ range: Stated, _ w: Window, _ values: OffsetValues,
    _ budget: inout AuditRules.RangeCounts.Evaluations
  ) -> Shortfall? {
    typealias Expr = AuditRules.RangeCounts.Expression
    guard let lower = Expr(range.lower), let upper = Expr(range.upper),
      let least = Expr(values.least), let most = Expr(values.most)
    else { return nil }
    let own = Set(w.strideLetters + w.dilationLetters).union(least.names).union(most.names)
    let sizes = lower.names.union(upper.names).subtracting(own)
    guard sizes.count == 1, let size = sizes.first, size.first?.isUppercase == true,
      !own.contains(range.index)
    else { return nil }
    let letters = own.union(sizes).sorted()
    guard letters.count <= 3 else { return nil }
    let reach = [64, 16, 8][letters.count - 1]
    var points: [[String: Int]] = [[:]]
    for name in letters {
      points = points.flatMap { p in (1...reach).map { p.merging([name: $0]) { $1 } } }
    }
    var first: Shortfall?
    var tried = 0
    for p in points {
      guard budget.take(4) else { return nil }
      let s = w.stride * w.strideLetters.reduce(1) { $0 * p[$1]! }
      let k = w.dilation * w.dilationLetters.reduce(1) { $0 * p[$1]! }
      guard let a = least.value(p)?.intValue, let b = most.value(p)?.intValue, a <= b,
        let lo = lower.value(p), let up = upper.value(p),
        let q = (up - Rational(range.upperStrict ? 1 : 0)).intValue,
        let r = (lo + Rational(range.lowerStrict ? 1 : 0)).intValue, s >= 1
      else { continue }
      let n = p[size]!
      guard let valid = w.validPositions(size: n, stride: s, dilation: k, offsets: a...b),
        valid.count > 1
      else { continue }
      let (validMin, validMax) = (valid.lowerBound, valid.upperBound)
      tried += 1
      // A range that starts above the first valid output names some of the outputs (those
      // away from a border, those that read one input), not the output's full range.
      guard r <= validMin, q < validMax else { return nil }
      if first == nil {
        let shown = letters.map { "\($0) = \(p[$0]!)" }.joined(separator: ", ")
        first = Shortfall(
          size: "\(size)", valid: "\(validMin) ≤ \(range.index) ≤ \(validMax)",
          at: " (at \(shown))", stated: "\(q)")
      }
    }
    return tried >= 3 ? first : nil
  }

}

extension AuditRules.WindowRanges.Window {
  /// The largest figure (size, stride, dilation, shift, offset) the valid positions are
  /// computed with: products of two stay far inside Int.
  static let largest = 1_000_000_000

  /// The output positions whose every read a·x + k·δ + c (δ over `offsets`) falls in an input
  /// of `size` positions: ⌈(−c − min k·δ)/a⌉ … ⌊(size − 1 − c − max k·δ)/a⌋; nil when the
  /// stride is not positive, no position is valid, or a figure is beyond `Self.largest` in
  /// size (numbers read from hostile text: the arithmetic below then stays within Int).
  func validPositions(size: Int, stride a: Int, dilation k: Int, offsets: ClosedRange<Int>)
    -> ClosedRange<Int>?
  {
    let figures = [size, a, k, shift, offsets.lowerBound, offsets.upperBound]
    guard a >= 1, figures.allSatisfy({ $0.magnitude <= Self.largest.magnitude }) else {
      return nil
    }
    let reads = [k * offsets.lowerBound, k * offsets.upperBound]
    let low = -AuditRules.StatedBounds.floorDivide(shift + reads.min()!, a)
    let high = AuditRules.StatedBounds.floorDivide(size - 1 - shift - reads.max()!, a)
    return low <= high ? low...high : nil
  }
}
