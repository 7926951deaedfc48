import Algebra
import Foundation

/// Printed arithmetic in numbers that does not compute.
extension AuditRules {
  /// A chain of `=` or `≈` in one fragment whose neighbouring sides are both numbers worked
  /// out (`768\cdot 64 = 40{,}960`) is evaluated side by side with `NumericValue`: two sides
  /// joined by `=` must be equal exactly (integers and rationals), and within one unit of the
  /// last digit printed when a side is a rounded decimal or the sides are joined by `≈`
  /// (`2\pi/4096 \approx 1.53\times 10^{-3}`). A side with a letter is no number and breaks the
  /// chain; sides with a floor or a ceiling are `rounded-sizes`' to judge. A wrong count of
  /// multiplies (the words after or before the chain name multiplies, or the question it
  /// answers asks for a count: `countQuestions`) is a count disagreement, any other wrong
  /// number is arithmetic.
  /// - Complexity: linear in each fragment's length.
  struct ArithmeticChains: AuditRule {
    let id = "arithmetic-chains"
    let summary = "printed arithmetic in numbers that does not compute"
    let kinds: [Finding.Kind] = [.countDisagreement, .arithmetic]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      // The count questions, and each section's part labels, read only once a chain is wrong.
      var asksCount: Set<String>?
      var labelCache: [Int: [(offset: Int, part: String)]] = [:]
      let answersCount = { (f: MathFragment) -> Bool in
        if asksCount == nil { asksCount = Self.countQuestions(doc) }
        let key = Self.answeredQuestion(f, doc) {
          if let known = labelCache[f.section] { return known }
          let labels = Auditor.partLabels(f.section, doc)
          labelCache[f.section] = labels
          return labels
        }
        return key.map { asksCount?.contains($0) == true } ?? false
      }
      // Sizes stated in numbers so far: the preamble's, and each problem's own.
      var shared: [String: Rational] = [:]
      var own: [String: [String: Rational]] = [:]
      for section in doc.sections {
        let scope = DocumentSymbols.scope(section)
        let preamble = section.kind == .preamble
        // A size this section states with a second value (`T = 3` in force, then `… holds when
        // T = 5`) is not worked out anywhere in it: which value a formula means is not decided
        // by position.
        var seen: [String: Rational] = [:]
        var restated: Set<String> = []
        for f in section.fragments where !f.bare {
          for (name, value) in Self.statedNumbers(f.text) {
            if let was = seen[name] ?? own[scope]?[name] ?? shared[name], was != value {
              restated.insert(name)
            }
            seen[name] = value
          }
        }
        for f in section.fragments where !f.bare {
          // Looked up, not merged: a merge per fragment would be quadratic in the sizes.
          let mine = own[scope] ?? [:]
          let stated: (String) -> Rational? = {
            restated.contains($0) ? nil : mine[$0] ?? shared[$0]
          }
          if let wrong = Self.firstWrong(f.text, stated: stated) {
            let kind: Finding.Kind =
              Self.countsMultiplies(f, doc) || answersCount(f) ? .countDisagreement : .arithmetic
            out.append(
              Finding(
                kind,
                "\(Self.shown(wrong.left)) = \(wrong.value), not \(Self.shown(wrong.right))",
                at: f.location, in: section, document: doc,
                evidence: "\(Self.shown(wrong.left)) \(wrong.relation) "
                  + "\(Self.shown(wrong.right))"))
          }
          for (name, value) in Self.statedNumbers(f.text) {
            if preamble { shared[name] = value } else { own[scope, default: [:]][name] = value }
          }
        }
      }
      return out
    }

    /// The first pair of neighbouring sides of `text` that disagree, numeric or formulas of
    /// the same sizes: the left side, its value as shown, the relation and the right side.
    static func firstWrong(_ text: String, stated: (String) -> Rational? = { _ in nil }) -> (
      left: String, value: String, relation: String, right: String
    )? {
      guard text.contains("=") || text.hasSubstring("\\approx") || text.contains("≈") else {
        return nil
      }
      let (sides, relations) = Self.chain(text)
      guard sides.count >= 2 else { return nil }
      var last: (String, NumericValue)?
      for (k, side) in sides.enumerated() {
        guard let value = NumericValue.read(side) ?? Self.evaluated(side, stated) else {
          if k > 0, relations[k - 1] == "=", let wrong = Self.symbolicWrong(sides[k - 1], side) {
            return (sides[k - 1], wrong, "=", side)
          }
          last = nil
          continue
        }
        defer { last = (side, value) }
        guard let (previous, was) = last, !was.rounds, !value.rounds else { continue }
        if !Self.agree(was, value, approximately: relations[k - 1] != "=") {
          return (previous, Self.shown(was.approximate), relations[k - 1], side)
        }
      }
      return nil
    }

    /// Two formulas joined by `=` that name the same sizes (capital letters, `ΔX`), neither a bare
    /// name (a size stated), read as polynomials: their difference worked out
    /// (`B\cdot\frac{XY}{4}\cdot 2C\cdot 4C = 4BXYC^2` is 2·B·C²·X·Y), or nil when they are
    /// equal, unread, or name different sizes (a substitution this rule cannot check).
    static func symbolicWrong(_ a: String, _ b: String) -> String? {
      guard case .formula(let names, let p?) = FragmentReader.content(a),
        case .formula(let others, let q?) = FragmentReader.content(b),
        !names.isEmpty, Set(names) == Set(others), p != q,
        names.allSatisfy({ $0.first?.isUppercase == true || $0.hasPrefix("Δ") }),
        [p, q].allSatisfy({ x in
          x.constantValue == nil && !names.contains { x == .symbol($0) }
        })
      else { return nil }
      return p.description
    }

    /// Whether two values joined by a relation agree: exactly for `=` between exact values,
    /// else within one unit of the coarser printed last digit (or to 1e-9 of their size when
    /// neither side is one printed number). An `≈` with no printed digit to judge by
    /// (`2^{20} \approx 10^6`) is not judged, and one whose printed side agrees once scaled by a
    /// power of a thousand (`≈ 16.8` followed by a word of scale in the prose) agrees.
    static func agree(_ a: NumericValue, _ b: NumericValue, approximately: Bool) -> Bool {
      if let x = a.exact, let y = b.exact, !approximately, !a.decimal, !b.decimal {
        return x == y
      }
      let units = [a.printedUnit, b.printedUnit].compactMap { $0 }
      if approximately && units.isEmpty { return true }
      let scale = max(1, abs(a.approximate), abs(b.approximate))
      let tolerance =
        (approximately || a.decimal || b.decimal) && !units.isEmpty
        ? units.max()! * (1 + 1e-9) : 1e-9 * scale
      guard approximately else { return abs(a.approximate - b.approximate) <= tolerance }
      var thousands = 1.0
      for _ in 0...4 {
        if abs(a.approximate - b.approximate * thousands) <= tolerance * thousands
          || abs(a.approximate * thousands - b.approximate) <= tolerance * thousands
        {
          return true
        }
        thousands *= 1000
      }
      return false
    }

    /// The sides of a fragment split at top-level `=`, `≈` and `\approx`, with the relation
    /// between each pair of neighbours (`=` or `≈`).
    static func chain(_ text: String) -> (sides: [String], relations: [String]) {
      let t = text.replacingOccurrences(of: "\\approx", with: "≈")
      var sides: [String] = []
      var relations: [String] = []
      var depth = 0
      var current = ""
      for c in t {
        if "[{(".contains(c) { depth += 1 }
        if "]})".contains(c) { depth -= 1 }
        if (c == "=" || c == "≈") && depth == 0 {
          sides.append(current)
          relations.append(String(c))
          current = ""
        } else {
          current.append(c)
        }
      }
      sides.append(current)
      return (sides, relations)
    }

    /// Whether the words right after the fragment (up to three) or the prose of its sentence
    /// before it name multiplies: the chain counts them.
    static func countsMultiplies(_ f: MathFragment, _ doc: ProblemSetDocument) -> Bool {
      let start =
        f.location.offset + f.text.unicodeScalars.count + (f.bare ? 0 : (f.display ? 2 : 1))
      let end = min(doc.scalars.count, start + 60)
      var after = ""
      if start < end {
        after = doc.slice(start..<end)
        if let dollar = after.firstIndex(of: "$") { after = String(after[..<dollar]) }
      }
      let next = after.lowercased().split { !$0.isLetter }.prefix(3).map(String.init)
      return next.contains(where: Auditor.multiplyNouns.contains)
        || Auditor.sentenceWords(f, doc).map { $0.lowercased() }.contains(
          where: Auditor.multiplyNouns.contains)
    }

    /// A side's LaTeX shown plainly: `768\cdot 64` → `768·64`, `40{,}960` → `40960`.
    static func shown(_ side: String) -> String {
      var t = side.trimmingCharacters(in: .whitespaces)
      for (from, to) in [
        ("{,}", ""), ("\\,", ""), ("\\cdot", "·"), ("\\times", "×"), ("\\approx", "≈"),
      ] {
        t = t.replacingOccurrences(of: from, with: to)
      }
      return t.replacingOccurrences(of: " ·", with: "·").replacingOccurrences(of: "· ", with: "·")
    }

    /// A value shown as a whole number when it is one, else to six significant digits.
    static func shown(_ value: Double) -> String {
      if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
      return String(format: "%.6g", value)
    }
  }
}
