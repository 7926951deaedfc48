import Algebra
import Foundation

/// A product of numbers printed as an earlier formula at the document's stated sizes.
extension AuditRules {
  /// A product formula printed in sizes (`BX'Y'I(\Delta X\,\Delta Y-1)`: its top-level factors)
  /// and, later in the document, a product written in numbers (`27\cdot 27\cdot 96\cdot 9`).
  /// Each size of the formula has one value in force where the product stands (`X'=Y'=27`,
  /// `B = 1`): the one its problem states, else the one the preamble and the problems before it
  /// state; a size stated there with two values has none, and a later problem's values do not
  /// count. So each factor of the formula has a value. The printed product is that formula's
  /// instance when its factors are the formula's factor values
  /// up to order, to factors of 1, and to a factor of one side being the product of two of the
  /// other's (`3·3` printed `9`): then it is silent. When no earlier formula matches so, but one
  /// matches in at least three factors and the rest are one value `a` of the formula printed as
  /// one other value `b` (the same number of times), and `b` is the value in force of a size
  /// of `a`'s own factor or its kin (X for X′; or the product of two), the printed product put a
  /// replaced value in: a count
  /// disagreement. Likewise a sum of numbers against a sum formula of its section
  /// (`sumFinding`). A chain whose numbers do not compute is `arithmetic-chains`' to report.
  /// - Complexity: per product, linear in the formulas printed before it (formulas and
  ///   factors are capped, so each match costs a bounded amount).
  struct InstancedFormulas: AuditRule {
    let id = "instanced-formulas"
    let summary = "a formula evaluated in numbers with one value or one term not the formula's"
    let kinds: [Finding.Kind] = [.countDisagreement]

    /// The most factors a formula or a product may have to be matched.
    static let mostFactors = 12
    /// The most formulas kept (the latest) to match a product against.
    static let mostFormulas = 40

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      // Each problem's own stated sizes (the preamble's under ""), and the sizes it states
      // with two values.
      var own: [String: [String: Rational]] = [:]
      var ownTwice: [String: Set<String>] = [:]
      for section in doc.sections {
        let key = section.problem ?? ""
        for f in section.fragments where !f.bare && f.text.count <= NumericValue.longest {
          for (name, value) in ArithmeticChains.statedNumbers(Self.primed(f.text)) {
            if let was = own[key]?[name], was != value { ownTwice[key, default: []].insert(name) }
            own[key, default: [:]][name] = value
          }
        }
      }
      guard !own.isEmpty else { return [] }
      // The sizes stated before the problem at hand (one value each), and those stated twice.
      var earlier: [String: Rational] = [:]
      var earlierTwice: Set<String> = []
      var merged: Set<String> = []
      var current: String?
      var scope: [String: Rational] = [:]
      var out: [Finding] = []
      var formulas: [(text: String, pieces: [Polynomial], whole: Polynomial)] = []
      // The formulas evaluated at the scope's values, kept until either changes.
      var evaluated: [(String, [Rational], [Polynomial])]?
      for section in doc.sections {
        let key = section.problem ?? ""
        if key != current {
          if let done = current, merged.insert(done).inserted {
            for (name, value) in own[done] ?? [:] {
              if let was = earlier[name], was != value { earlierTwice.insert(name) }
              earlier[name] = value
            }
            earlierTwice.formUnion(ownTwice[done] ?? [])
          }
          current = key
          evaluated = nil
          // The problem's own values first, then the earlier ones.
          scope = earlier.filter { !earlierTwice.contains($0.key) }
          for (name, value) in own[key] ?? [:] { scope[name] = value }
          for name in ownTwice[key] ?? [] { scope[name] = nil }
        }
        let valued = scope.mapValues { Polynomial($0) }
        // The sum formulas printed so far in this section.
        var sums: [SumFormula] = []
        var sectionValues: Set<Rational>?
        for f in section.fragments where !f.bare && f.text.count <= NumericValue.longest {
          let sides = ArithmeticChains.chain(f.text).sides
          if ArithmeticChains.firstWrong(f.text) == nil,
            let k = sides.firstIndex(where: { Self.numericFactors($0) != nil }),
            let printed = Self.numericFactors(sides[k])
          {
            // The formulas' factor values change only with a new formula or a new problem.
            let candidates =
              evaluated
              ?? formulas.compactMap { formula -> (String, [Rational], [Polynomial])? in
                guard formula.whole.symbols.allSatisfy({ scope[$0] != nil }) else { return nil }
                let factors = formula.pieces.compactMap { $0.substituting(valued).constantValue }
                return factors.count == formula.pieces.count
                  ? (formula.text, factors, formula.pieces) : nil
              }
            evaluated = candidates
            guard !candidates.contains(where: { Self.match($0.1, printed) == .exact }) else {
              continue
            }
            for (text, factors, pieces) in candidates.reversed() {
              // The value put in is one of the replaced factor's own sizes, or its unprimed or
              // primed kin (56 for X' = 54 when X = 56; 9 = ΔX·ΔY for ΔXΔY − 1): a size of
              // another factor (64 = D for I = 512 in BTD·D beside BTDI) is another product.
              guard case .replaced(let a, let b) = Self.match(factors, printed) else { continue }
              let letters = Set(
                pieces.indices.filter { factors[$0] == a }.flatMap { pieces[$0].symbols })
              guard Self.isStated(b, Self.kin(of: letters, in: scope)) else { continue }
              out.append(
                Finding(
                  .countDisagreement,
                  "\(ArithmeticChains.shown(sides[k])) is \(Self.trimmed(text)) at the "
                    + "stated sizes with \(b) in place of \(a)",
                  at: f.location, in: section, document: doc,
                  evidence: "\(Self.trimmed(text)) at the stated sizes: "
                    + factors.map(\.description).joined(separator: "·")))
              break
            }
            continue
          }
          if ArithmeticChains.firstWrong(f.text) == nil,
            let finding = Self.sumFinding(
              f, sides, sums, scope, section, doc, sectionValues: &sectionValues)
          {
            out.append(finding)
            continue
          }
          for side in sides {
            if let sum = Self.sumFormula(side), sums.count < Self.mostFormulas { sums.append(sum) }
            guard let (pieces, whole) = Self.formulaPieces(Self.primed(side)) else { continue }
            formulas.append((side, pieces, whole))
            evaluated = nil
            if formulas.count > Self.mostFormulas { formulas.removeFirst() }
          }
        }
      }
      return out
    }

    /// How a printed product relates to a formula's factor values.
    enum Match: Equatable {
      /// The same factors (up to order, ones, and two merged into one).
      case exact
      /// At least three factors the same, the others one value `a` printed as `b`.
      case replaced(Rational, Rational)
      /// Neither.
      case unrelated
    }

    /// The relation of a printed product's factors to a formula's factor values.
    static func match(_ formula: [Rational], _ printed: [Rational]) -> Match {
      var f = formula.filter { $0 != 1 }
      var p = printed.filter { $0 != 1 }
      var matched = 0
      for v in p {
        if let i = f.firstIndex(of: v) {
          f.remove(at: i)
          p.remove(at: p.firstIndex(of: v)!)
          matched += 1
        }
      }
      matched += merge(&f, into: &p) + merge(&p, into: &f)
      if f.isEmpty && p.isEmpty { return .exact }
      guard matched >= 3, let a = f.first, let b = p.first, f.count == p.count, f.count <= 2,
        f.allSatisfy({ $0 == a }), p.allSatisfy({ $0 == b }), a != b
      else { return .unrelated }
      return .replaced(a, b)
    }

    /// Removes each value of `whole` that is the product of two values of `parts` (and the
    /// two): the number of values so removed.
    static func merge(_ parts: inout [Rational], into whole: inout [Rational]) -> Int {
      var merged = 0
      var k = 0
      while k < whole.count {
        var found: (Int, Int)?
        search: for i in parts.indices {
          for j in parts.indices where j > i && parts[i] * parts[j] == whole[k] {
            found = (i, j)
            break search
          }
        }
        if let (i, j) = found {
          parts.remove(at: j)
          parts.remove(at: i)
          whole.remove(at: k)
          merged += 1
        } else {
          k += 1
        }
      }
      return merged
    }

    /// The values in `scope` of the sizes `letters` name and of their kin: the same letter
    /// primed, unprimed or subscripted (X, X′, X_0 are kin).
    static func kin(of letters: Set<String>, in scope: [String: Rational]) -> [Rational] {
      func stem(_ name: String) -> Substring { name.prefix { $0 != "_" } }
      let stems = Set(letters.map(stem))
      return scope.filter { stems.contains(stem($0.key)) }.map(\.value)
    }

    /// Whether `b` is a stated value or the product of two (`3·3` for `\Delta X=\Delta Y=3`).
    static func isStated(_ b: Rational, _ values: [Rational]) -> Bool {
      values.contains(b) || values.contains { x in values.contains { x * $0 == b } }
    }

    /// The factors of a side written in numbers joined by `\cdot` or `\times` (at least three,
    /// each a whole number), or nil.
    static func numericFactors(_ side: String) -> [Rational]? {
      let pieces = topLevelProduct(side)
      guard pieces.count >= 3, pieces.count <= mostFactors else { return nil }
      var out: [Rational] = []
      for piece in pieces {
        guard let v = NumericValue.read(piece)?.exact, v.denominator == 1, v > 0 else {
          return nil
        }
        out.append(v)
      }
      return out
    }

    /// A side split at top-level `\cdot`, `\times`, `×`, `·`.
    static func topLevelProduct(_ side: String) -> [String] {
      var t = side
      for mark in ["\\cdot", "\\times", "×", "·", "⋅"] {
        t = t.replacingOccurrences(of: mark, with: "\u{1F}")
      }
      return AuditRules.topLevel(t, "\u{1F}")
    }

    /// The top-level factors of a product formula in sizes (at least three, two sizes or more),
    /// read as polynomials, with the whole formula; nil when they do not multiply back to it.
    static func formulaPieces(_ side: String) -> (pieces: [Polynomial], whole: Polynomial)? {
      guard let whole = ItemCosts.formula(side), whole.symbols.count >= 2,
        let texts = SizeFactors.split(side), texts.count >= 3, texts.count <= mostFactors
      else { return nil }
      var pieces: [Polynomial] = []
      var product = Polynomial(Rational(1))
      for text in texts {
        guard let p = SizeFactors.polynomial(text) else { return nil }
        product = product * p
        pieces.append(p)
      }
      return product == whole ? (pieces, whole) : nil
    }

    /// The text with each primed letter written as a subscripted name the reader reads
    /// (`X'` → `X_{pr}`, `X''` → `X_{prpr}`): a primed size is a size of its own.
    /// - Complexity: linear in the text's length.
    static func primed(_ text: String) -> String {
      guard text.contains("'") else { return text }
      var out = ""
      var primes = 0
      for c in text {
        if c == "'", let last = out.last, primes > 0 || last.isLetter {
          primes += 1
          continue
        }
        if primes > 0 {
          out += "_{" + String(repeating: "pr", count: primes) + "}"
          primes = 0
        }
        out.append(c)
      }
      if primes > 0 { out += "_{" + String(repeating: "pr", count: primes) + "}" }
      return out
    }

    /// A formula's text for a message, trimmed.
    static func trimmed(_ text: String) -> String {
      text.trimmingCharacters(in: .whitespaces)
    }
  }
}
