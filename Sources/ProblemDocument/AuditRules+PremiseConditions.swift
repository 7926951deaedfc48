import Answers
import Foundation
import IndexNotation

/// A condition that a solution states which its own problem's premises rule out.
extension AuditRules {
  /// A comparison written in one fragment: its chains, the names it uses, where it stands.
  struct Stated {
    let text: String
    let chains: [AnswerRelationChain]
    let names: Set<String>
    let fragment: MathFragment
  }

  /// Values tried for each name: multiples of 1/64 up to ±5, then whole numbers up to ±100.
  static let trialValues: [Double] = {
    var v = (-320...320).map { Double($0) / 64 }
    for n in 6...100 { v += [Double(n), -Double(n)] }
    return v
  }()

  /// For each comparison in a solution over at most two names, the comparisons that the
  /// problem's statements (and the preamble) give on those names are premises; when no tried
  /// point satisfies the premises and the solution's comparison together, the solution states a
  /// condition its premises exclude. The evidence is a point where the premises hold and the
  /// stated condition fails.
  /// - Complexity: O(v²) evaluations for v = 737 tried values per distinct comparison and
  ///   premises, at most `JustifiedConditions.reasonsPerProblem` comparisons per question and
  ///   the `JustifiedConditions.premisesTried` last premises on its names.
  struct PremiseConditions: AuditRule {
    let id = "premise-conditions"
    let summary = "a condition a solution states that its problem's premises rule out"
    let kinds: [Finding.Kind] = [.premiseCondition]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      let preamble = doc.sections.indices.filter { doc.sections[$0].kind == .preamble }
      let preamblePremises = preamble.flatMap { doc.sections[$0].fragments }.flatMap {
        statedPieces($0) + statedInWords($0, doc)
      }
      var tried: [String: [String: Double]?] = [:]
      for item in doc.items {
        let own = Set(
          item.statements.filter {
            doc.sections[$0].kind == .statement && doc.sections[$0].problem == item.problem
          }
        ).sorted()
        var texts = Set<String>()
        let premises =
          (preamblePremises
          + own.flatMap { doc.sections[$0].fragments }.flatMap {
            statedPieces($0) + statedInWords($0, doc)
          }).filter { texts.insert($0.text).inserted }
        var claims = 0
        for k in item.solutions {
          for claim in doc.sections[k].fragments.flatMap(statedPieces) {
            guard claims < JustifiedConditions.reasonsPerProblem else { break }
            claims += 1
            let relevant = Array(
              premises.filter { !$0.names.isDisjoint(with: claim.names) }
                .suffix(JustifiedConditions.premisesTried))
            guard !relevant.isEmpty else { continue }
            let key = ([claim.text] + relevant.map(\.text)).joined(separator: "\u{0}")
            let found = tried[key] ?? AuditRules.exclusion(claim, relevant)
            tried[key] = found
            guard let witness = found else { continue }
            let shown = witness.sorted { $0.key < $1.key }.map { "\($0.key) = \(format($0.value))" }
            out.append(
              Finding(
                .premiseCondition,
                "the solution states \(claim.text), which the premise\(relevant.count > 1 ? "s" : "") "
                  + relevant.map(\.text).joined(separator: " and ")
                  + " of the problem rule out: no value "
                  + "satisfies both",
                at: claim.fragment.location, in: doc.sections[k], document: doc,
                evidence:
                  "at \(shown.joined(separator: ", ")) the premises hold and \(claim.text) does not "
                  + "(values tried: multiples of 1/64 up to ±5 and whole numbers up to ±100)"))
          }
        }
      }
      return out
    }
  }

  /// A point where the premises hold and the claim fails, when no tried point satisfies both
  /// (the claim contradicts the premises); nil when some point satisfies both, when the names
  /// are more than two, or when no tried point satisfies the premises.
  /// - Complexity: O(v²) evaluations for v = 737 tried values.
  static func exclusion(_ claim: Stated, _ premises: [Stated]) -> [String: Double]? {
    var names = claim.names
    for p in premises { names.formUnion(p.names) }
    guard names.count <= 2 else { return nil }
    let order = names.sorted()
    var witness: [String: Double]?
    for a in trialValues {
      for b in order.count == 2 ? trialValues : [0] {
        let point = Dictionary(uniqueKeysWithValues: zip(order, [a, b]))
        guard premises.allSatisfy({ holds($0, point) == true }) else { continue }
        if holds(claim, point) == true { return nil }
        if witness == nil { witness = point }
      }
    }
    return witness
  }

  static func format(_ x: Double) -> String {
    x == x.rounded() ? String(Int(x)) : String(x)
  }

  /// The comparisons of a fragment: the whole, or each piece of a display set apart by `\quad`
  /// or `\qquad` (`… = …, \qquad 0 < ρ < 1`: a condition beside an equation).
  static func statedPieces(_ f: MathFragment) -> [Stated] {
    if let whole = stated(f) { return [whole] }
    guard f.text.hasSubstring("\\quad") || f.text.hasSubstring("\\qquad") else { return [] }
    return f.text.replacingOccurrences(of: "\\qquad", with: "\\quad")
      .components(separatedBy: "\\quad").compactMap { piece in
        stated(
          MathFragment(
            text: piece, display: f.display, bare: f.bare, location: f.location,
            section: f.section))
      }
  }

  /// A sign stated in words after a fragment that is one name: "$\lambda$ is positive",
  /// "$T$, which must be strictly negative" (a verb of being before the word, no negation, one
  /// sign word, before the next fragment or the end of the clause) gives `α > 0` or `T < 0`.
  static func statedInWords(_ f: MathFragment, _ doc: ProblemSetDocument) -> [Stated] {
    guard !f.bare else { return [] }
    let name = FragmentReader.trimmed(f.text)
    guard let alone = stated(relabel(f, name + " > 0")), alone.names.count == 1,
      alone.chains.count == 1, alone.chains[0].operands.count == 2
    else { return [] }
    let end = min(doc.scalars.count, f.location.offset + f.text.unicodeScalars.count + 1)
    var clause = doc.slice(end..<(end + 80))
    if let cut = clause.firstIndex(where: { "$.;:?!\n".contains($0) }) {
      clause = String(clause[..<cut])
    }
    let words = clause.lowercased().split { !$0.isLetter }.map(String.init)
    let signs = words.filter { $0 == "positive" || $0 == "negative" }
    guard signs.count == 1, let at = words.firstIndex(of: signs[0]),
      words[..<at].contains(where: { ["is", "are", "be"].contains($0) }),
      !words[..<at].contains(where: { ["not", "never", "non", "nor"].contains($0) })
    else { return [] }
    return stated(relabel(f, name + (signs[0] == "positive" ? " > 0" : " < 0"))).map { [$0] }
      ?? []
  }

  /// A fragment with other text at the same place.
  static func relabel(_ f: MathFragment, _ text: String) -> MathFragment {
    MathFragment(
      text: text, display: f.display, bare: f.bare, location: f.location, section: f.section)
  }

  /// A fragment that is one or more comparisons over names (no tensors).
  static func stated(_ f: MathFragment) -> Stated? {
    // "Much greater" and "much less" (`\gg`, `\ll`, ≫, ≪) imply greater and less.
    let text = plainComparisons(FragmentReader.trimmed(f.text))
    guard !text.contains("["), let parts = try? AnswerParser.parse(text) else { return nil }
    let chains = parts.parts.flatMap(\.conjuncts)
    guard !chains.isEmpty, chains.allSatisfy({ !$0.relations.isEmpty }) else { return nil }
    var names = Set<String>()
    for chain in chains {
      for operand in chain.operands { names.formUnion(FragmentReader.identifiers(operand, text)) }
    }
    guard !names.isEmpty else { return nil }
    return Stated(text: text, chains: chains, names: names, fragment: f)
  }

  /// `\gg`, `\ll` (not followed by a letter), ≫ and ≪ written as > and <.
  /// - Complexity: linear in the text.
  static func plainComparisons(_ text: String) -> String {
    var out = text.replacingOccurrences(of: "≫", with: ">").replacingOccurrences(of: "≪", with: "<")
    for (command, sign) in [("\\gg", ">"), ("\\ll", "<")] where out.contains(command) {
      let pieces = out.components(separatedBy: command)
      var joined = pieces[0]
      for piece in pieces.dropFirst() {
        let longer = piece.first.map { $0.isASCII && $0.isLetter } ?? false
        joined += (longer ? command : sign) + piece
      }
      out = joined
    }
    return out
  }

  /// Whether every relation of a stated comparison holds at a point (nil where a value is not
  /// defined there, a division by zero say). `strict`: each relation holds strictly (a boundary
  /// point is on neither side), and a point where a divisor is not positive is undefined.
  static func holds(_ s: Stated, _ point: [String: Double], strict: Bool = false) -> Bool? {
    for chain in s.chains {
      if strict {
        for d in chain.operands.flatMap(AuditRules.divisors) {
          guard let v = value(d, s.text, point), v > 0 else { return nil }
        }
      }
      var values: [Double] = []
      for operand in chain.operands {
        guard let v = value(operand, s.text, point), v.isFinite else { return nil }
        values.append(v)
      }
      for (k, r) in chain.relations.enumerated() {
        let (l, rr) = (values[k], values[k + 1])
        let ok =
          switch r {
          case .less: l < rr
          case .lessOrEqual: strict ? l < rr : l <= rr
          case .greater: l > rr
          case .greaterOrEqual: strict ? l > rr : l >= rr
          }
        if !ok { return false }
      }
    }
    return true
  }

  static func value(_ e: AnswerExpression, _ text: String, _ point: [String: Double]) -> Double? {
    switch e {
    case .number(let r, _, _): return r.doubleValue
    case .identifier(let run, let sub, let offset):
      guard
        let names = try? SymbolTable.open.resolve(
          run: run, subscript: sub, offset: offset, in: text)
      else { return nil }
      var product = 1.0
      for n in names {
        guard let v = point[n] else { return nil }
        product *= v
      }
      return product
    case .negate(let x): return value(x, text, point).map { -$0 }
    case .add(let l, let r):
      guard let a = value(l, text, point), let b = value(r, text, point) else { return nil }
      return a + b
    case .subtract(let l, let r):
      guard let a = value(l, text, point), let b = value(r, text, point) else { return nil }
      return a - b
    case .multiply(let l, let r):
      guard let a = value(l, text, point), let b = value(r, text, point) else { return nil }
      return a * b
    case .divide(let l, let r, _):
      guard let a = value(l, text, point), let b = value(r, text, point), b != 0 else { return nil }
      return a / b
    case .power(let l, let r, _):
      // A run of letters raised to a power raises its last letter only: `BN^2` is `B·N²`.
      if case .identifier(let run, let sub, let offset) = l,
        let names = try? SymbolTable.open.resolve(
          run: run, subscript: sub, offset: offset, in: text),
        names.count > 1, let last = names.last
      {
        var head = 1.0
        for n in names.dropLast() {
          guard let v = point[n] else { return nil }
          head *= v
        }
        guard let base = point[last], let b = value(r, text, point) else { return nil }
        let p = Foundation.pow(base, b)
        return p.isNaN ? nil : head * p
      }
      guard let a = value(l, text, point), let b = value(r, text, point) else { return nil }
      let p = Foundation.pow(a, b)
      return p.isNaN ? nil : p
    case .squareRoot(let x, _):
      guard let a = value(x, text, point), a >= 0 else { return nil }
      return a.squareRoot()
    }
  }
}
