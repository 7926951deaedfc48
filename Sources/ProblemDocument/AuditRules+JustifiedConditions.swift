import Foundation

/// A reason given in an answer that the problem's own premises rule out.
extension AuditRules {
  /// A comparison given as a reason ("because $H > D$", "since $K < N$", "whenever
  /// $\beta > 1$") outside a section marked as a solution (answers written as "Answer:",
  /// "Back:" or in a dialogue are not marked), against the comparisons stated before it in its
  /// problem (or the preamble) as facts: not themselves a reason, not a condition ("if", "when",
  /// "unless", "whether") and not in a question. When no tried point satisfies the premises on
  /// the reason's names and the reason together, while some point satisfies the premises, the
  /// reason contradicts them; that point is the evidence. Sections marked as solutions are
  /// read by `PremiseConditions`.
  /// - Complexity: O(v²) evaluations per reason for v = 737 tried values (two names at most),
  ///   and linear in the problem's fragments for the premises.
  struct JustifiedConditions: AuditRule {
    let id = "justified-conditions"
    let summary = "a condition given as a reason that its problem's premises rule out"
    let kinds: [Finding.Kind] = [.premiseCondition]

    static let reasons: Set<String> = ["because", "since", "whenever"]
    static let conditional: Set<String> = [
      "if", "when", "whenever", "unless", "whether", "because", "since", "or", "not", "either",
    ]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      let math = doc.sections.indices.flatMap { k in
        doc.sections[k].fragments.filter { !$0.bare }.map { (k, $0) }
      }.sorted { $0.1.location < $1.1.location }
      for (k, f) in math where doc.sections[k].kind != .solution {
        guard let last = wordsBefore(f, doc).last, Self.reasons.contains(last),
          let claim = stated(f)
        else { continue }
        let scope = DocumentSymbols.scope(doc.sections[k])
        let premises = math.filter { j, g in
          g.location < f.location && doc.sections[j].kind != .solution
            && (doc.sections[j].kind == .preamble
              || DocumentSymbols.scope(doc.sections[j]) == scope)
            && !(wordsBefore(g, doc).last.map(Self.conditional.contains) ?? false)
            && !Self.asks(g, doc)
        }.flatMap { statedPieces($0.1) + statedInWords($0.1, doc) }
        let relevant = premises.filter { !$0.names.isDisjoint(with: claim.names) }
        guard !relevant.isEmpty else { continue }
        guard let witness = AuditRules.exclusion(claim, relevant) else { continue }
        let shown = witness.sorted { $0.key < $1.key }.map { "\($0.key) = \(format($0.value))" }
        out.append(
          Finding(
            .premiseCondition,
            "the answer gives \(claim.text) as a reason, which the premise"
              + (relevant.count > 1 ? "s " : " ") + relevant.map(\.text).joined(separator: " and ")
              + " of the problem rule out: no value satisfies both",
            at: f.location, in: doc.sections[k], document: doc,
            evidence:
              "at \(shown.joined(separator: ", ")) the premises hold and \(claim.text) does not "
              + "(values tried: multiples of 1/64 up to ±5 and whole numbers up to ±100)"))
      }
      return out
    }

    /// Whether the sentence of a fragment ends with a question mark.
    static func asks(_ f: MathFragment, _ doc: ProblemSetDocument) -> Bool {
      let end = min(
        doc.scalars.count, f.location.offset + f.text.unicodeScalars.count + (f.display ? 2 : 1))
      let rest = doc.slice(end..<(end + 200))
      return rest.first { ".?!\n".contains($0) } == "?"
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
}
