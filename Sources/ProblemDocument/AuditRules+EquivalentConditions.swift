import Answers
import Foundation

/// A condition rewritten as an equivalent one that is not equivalent.
extension AuditRules {
  /// Two comparisons in one sentence joined as the same condition ("$A$ iff $B$", "$A$, i.e.
  /// $B$", "$A$ holds exactly when $B$", `A \iff B` inside one fragment) must hold at the same
  /// points; a comparison drawn from one ("$A$, so … only when $C$", `A \implies C`) must hold
  /// wherever it holds. The two must be over the same names (three at most). Points are tried
  /// over the positive values (whole numbers for a capital, a size or a count), only
  /// where every divisor is positive (`μ/(1-μ)` says `μ < 1`). A point where the two disagree
  /// is the evidence; a comparison the reader cannot evaluate is silent.
  /// - Complexity: one pass over each section's fragments; O(vⁿ) evaluations for n ≤ 3 names
  ///   and v = 19 tried values per link, at most `linksTried` links per document.
  struct EquivalentConditions: AuditRule {
    let id = "equivalent-conditions"
    let summary = "a condition restated as an equivalent one that does not hold at the same points"
    let kinds: [Finding.Kind] = [.premiseCondition]

    /// Links tried per document: each is at most 19³ evaluations.
    static let linksTried = 256
    /// Words that may stand between two comparisons given as one condition.
    static let equivalenceWords: Set<String> = [
      "iff", "i", "e", "exactly", "precisely", "when", "if", "and", "only", "equivalently", "that",
      "is", "holds", "hold", "which", "true", "or", "just", "means", "this", "happens",
    ]
    /// How a link of equivalence ends.
    static let equivalenceTails: [[String]] = [
      ["iff"], ["i", "e"], ["exactly", "when"], ["precisely", "when"],
      ["if", "and", "only", "if"], ["equivalently"], ["that", "is"], ["means"], ["just", "when"],
    ]
    /// How a conclusion drawn from a condition ends ("so … only when").
    static let consequenceTails: [[String]] = [
      ["only", "when"], ["only", "if"], ["exactly", "when"], ["precisely", "when"], ["iff"],
    ]
    static let consequenceOpeners: Set<String> = ["so", "hence", "thus", "therefore"]

    /// How one comparison is tied to the one before it: the same condition, one drawn from the
    /// one before ("so … only when"), or one enough for the one before ("which holds for",
    /// "so … whenever").
    enum Link { case equivalence, consequence, sufficient }

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      var links = 0
      let counts = AuditRules.counts(reading.symbols, doc)
      // Per problem, the formulas that define a name, the latest for each name.
      var definitions: [String: [String: (left: String, right: String)]] = [:]
      var defined = 0
      for section in doc.sections {
        let whole = counts["", default: []].union(
          counts[DocumentSymbols.scope(section), default: []])
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        var previous: Stated?
        var value: MathFragment?
        var values: [MathFragment] = []
        var seen: [Stated] = []
        let scope = DocumentSymbols.scope(section)
        for f in fragments {
          defer {
            if let d = Self.definition(f) {
              definitions[scope, default: [:]][d.name] = (d.left, d.right)
            }
            if let p = previous, seen.last?.fragment.location != p.fragment.location {
              seen = Array((seen + [p]).suffix(3))
            }
          }
          guard links < Self.linksTried else { return out }
          let pieces = Self.pieces(f)
          if pieces.count > 1 {
            for (a, b) in zip(pieces, pieces.dropFirst()) {
              guard links < Self.linksTried else { return out }
              links += 1
              if let hit = Self.check(a.0, b.0, b.1, whole, section, doc) { out.append(hit) }
            }
            previous = pieces.last?.0
            continue
          }
          let here = Self.entryStated(f)
          if here == nil, !f.text.contains("[") {
            value = f
            values = Array((values + [f]).suffix(3))
          } else if let here, let v = value,
            previous.map({ $0.fragment.location < v.location }) ?? true,
            let (a, link) = Self.statedInWords(v, f, doc) ?? Self.comparedCosts(values, f, doc)
              ?? Self.subjectCosts(values, f, doc)
          {
            links += 1
            if let hit = Self.check(a, here, link, whole, section, doc) { out.append(hit) }
            (previous, value) = (here, nil)
            continue
          } else if let here, let v = value,
            previous.map({ $0.fragment.location < v.location }) ?? true,
            let hit = Self.ratioSaving(v, here, whole, section, doc)
          {
            links += 1
            out.append(hit)
            (previous, value) = (here, nil)
            continue
          }
          guard let before = previous else {
            previous = here
            continue
          }
          let gap = ClaimedImplications.between(before.fragment, f, doc)
          guard gap.count < 200, Self.oneSentence(gap) else {
            previous = Self.entryStated(f)
            continue
          }
          guard let next = Self.entryStated(f) else { continue }
          let words = gap.lowercased().split { !$0.isLetter }.map(String.init)
          if let link = Self.link(words) {
            links += 1
            let from = Self.comparable(before, next) ? before : Self.earlier(seen, next, link, doc)
            if let from, let hit = Self.check(from, next, link, whole, section, doc) {
              out.append(hit)
            } else if from == nil, defined < Self.definedLinksTried,
              let put = Self.substituted(before, next, definitions[scope, default: [:]])
            {
              // A condition on a name defined by a formula: read with the formula in its place.
              defined += 1
              if let hit = Self.check(put, next, link, whole, section, doc, shared: 4) {
                out.append(hit)
              }
            }
          }
          previous = next
        }
      }
      return out
    }

    /// The link the words between two comparisons make, if any.
    static func link(_ words: [String]) -> Link? {
      func ends(_ tails: [[String]]) -> Bool {
        tails.contains { words.count >= $0.count && Array(words.suffix($0.count)) == $0 }
      }
      if !words.isEmpty, words.allSatisfy(equivalenceWords.contains), ends(equivalenceTails) {
        return .equivalence
      }
      if words.count <= 12, let first = words.first, consequenceOpeners.contains(first),
        ends(consequenceTails)
      {
        return .consequence
      }
      // "A only if B" draws B from A.
      if !words.isEmpty, words.allSatisfy(equivalenceWords.contains), ends([["only", "if"]]) {
        return .consequence
      }
      return sufficientLink(words) ? .sufficient : nil
    }

    /// The comparisons of a fragment written `A \iff B` (or ⟺, `\Leftrightarrow`) or
    /// `A \implies B` (⟹, `\Rightarrow`), each with the link to the one before it (the first's
    /// is unused), when every piece is one; otherwise none.
    /// - Complexity: linear in the text.
    static func pieces(_ f: MathFragment) -> [(Stated, Link)] {
      var text = f.text
      for sign in ["\\Longleftrightarrow", "\\Leftrightarrow", "\\iff", "⟺", "⇔"] {
        text = text.replacingOccurrences(of: sign, with: "\u{1}")
      }
      for sign in ["\\Longrightarrow", "\\Rightarrow", "\\implies", "⟹", "⇒"] {
        text = text.replacingOccurrences(of: sign, with: "\u{2}")
      }
      var parts: [(String, Link)] = []
      var piece = ""
      var link = Link.equivalence
      for c in text {
        guard c == "\u{1}" || c == "\u{2}" else {
          piece.append(c)
          continue
        }
        parts.append((piece, link))
        piece = ""
        link = c == "\u{1}" ? .equivalence : .consequence
      }
      parts.append((piece, link))
      guard parts.count > 1 else { return [] }
      let read = parts.compactMap { p in entryStated(relabel(f, p.0)).map { ($0, p.1) } }
      return read.count == parts.count ? read : []
    }

    /// A comparison read with each tensor entry as one name: `μ[b]` is read as `μ_{b}`, so a
    /// condition on an entry is tried like a condition on a scalar.
    /// - Complexity: linear in the text.
    static func entryStated(_ f: MathFragment) -> Stated? {
      let exact = withoutRounding(f.text)
      guard exact == f.text else {
        return entryStated(relabel(f, exact)).map {
          Stated(text: $0.text, chains: $0.chains, names: $0.names, fragment: f)
        }
      }
      guard f.text.contains("[") else { return stated(f) }
      var text = ""
      var open = 0
      for c in f.text {
        if c == "[" {
          guard open == 0, let last = text.last, last.isLetter || last == "}" else { return nil }
          open += 1
          text += "_{"
        } else if c == "]" {
          guard open == 1 else { return nil }
          open -= 1
          text += "}"
        } else {
          text.append(c)
        }
      }
      return open == 0 ? stated(relabel(f, text)) : nil
    }

    /// A finding when the two comparisons disagree at a tried point.
    static func check(
      _ a: Stated, _ b: Stated, _ link: Link, _ whole: Set<String>, _ section: Section,
      _ doc: ProblemSetDocument, shared: Int = 3
    ) -> Finding? {
      guard a.names.isSubset(of: b.names) || b.names.isSubset(of: a.names),
        a.names.intersection(b.names).count <= shared,
        a.names.symmetricDifference(b.names).count <= Self.otherNamesTried,
        a.text.count <= 200, b.text.count <= 200,
        let point = disagreement(a, b, link, whole: whole)
      else { return nil }
      let shown = point.sorted { $0.key < $1.key }.map { "\($0.key) = \(format($0.value))" }
        .joined(separator: ", ")
      let first = holds(a, point) == true
      let message =
        switch link {
        case .equivalence:
          "\(b.text) is given as the same condition as \(a.text), but the two do not hold "
            + "at the same points"
        case .consequence:
          "\(b.text) is drawn from \(a.text), but does not hold at every point where it holds"
        case .sufficient:
          "\(b.text) is given as enough for \(a.text), but at some point it holds and "
            + "\(a.text) does not"
        }
      return Finding(
        .premiseCondition, message,
        at: b.fragment.location, in: section, document: doc,
        evidence: "at \(shown), \(a.text) is \(first) and \(b.text) is \(!first)")
    }

    /// A tried point where the link fails: the two differ (equivalence), the first holds
    /// and the second does not (consequence), or the second holds and the first does not
    /// (sufficient). A capital, or a name in `whole` (a size or a count), takes whole values
    /// only. A name only one side writes (a factor the other has divided out) is tried at each
    /// of `otherValues`, and the link must fail at all of them: a condition that is right for
    /// some sizes of the other names (an approximation for large ones) is not evidence.
    static func disagreement(
      _ a: Stated, _ b: Stated, _ link: Link, whole: Set<String> = []
    ) -> [String: Double]? {
      let names = a.names.intersection(b.names).sorted()
      let others = a.names.symmetricDifference(b.names).sorted()
      let divisors =
        a.chains.flatMap { $0.operands.flatMap(AuditRules.divisors) }.map { ($0, a.text) }
        + b.chains.flatMap { $0.operands.flatMap(AuditRules.divisors) }.map { ($0, b.text) }
      var point: [String: Double] = [:]
      let tried = names.count <= 2 ? values(near: b) : ClaimedImplications.values
      func search(_ k: Int) -> Bool {
        if k == names.count {
          return fails(at: point, others, a, b, link, divisors)
        }
        let counted = names[k].first?.isUppercase == true || whole.contains(names[k])
        for v in tried where !counted || v >= 1 {
          point[names[k]] = v
          if search(k + 1) { return true }
        }
        return false
      }
      guard search(0) else { return nil }
      for name in others { point[name] = otherValues[0] }
      return point
    }
  }

  /// Per problem ("" for the preamble), the names its text declares sizes or counts.
  /// - Complexity: linear in the symbol table.
  static func counts(_ symbols: DocumentSymbols, _ doc: ProblemSetDocument) -> [String: Set<String>]
  {
    var out: [String: Set<String>] = [:]
    for use in symbols.uses where use.role == .size || use.counted || use.quantity {
      out[DocumentSymbols.scope(doc.sections[use.section]), default: []].insert(use.name)
    }
    return out
  }

  /// The divisors written in an operand (`N/(K-1)` gives `K-1`).
  static func divisors(_ e: AnswerExpression) -> [AnswerExpression] {
    switch e {
    case .number, .identifier: return []
    case .negate(let x), .squareRoot(let x, _): return divisors(x)
    case .divide(let l, let r, _): return divisors(l) + [r] + divisors(r)
    case .add(let l, let r), .subtract(let l, let r), .multiply(let l, let r),
      .power(let l, let r, _):
      return divisors(l) + divisors(r)
    }
  }
}
