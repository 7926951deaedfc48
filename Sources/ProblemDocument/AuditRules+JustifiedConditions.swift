import Foundation

/// A reason given in an answer that the problem's own premises rule out.
extension AuditRules {
  /// A comparison given as a reason ("because $H > D$", "since $K < N$") outside a section
  /// marked as a solution (answers written as "Answer:", "Back:" or in a dialogue are not
  /// marked), against the comparisons stated before it in its
  /// problem (or the preamble) as facts: not themselves a reason, not a condition ("if", "when",
  /// "unless", "whether") and not in a question. When no tried point satisfies the premises on
  /// the reason's names and the reason together, while some point satisfies the premises, the
  /// reason contradicts them; that point is the evidence. Sections marked as solutions are
  /// read by `PremiseConditions`.
  /// ("Whenever" opens a hypothesis, not a reason; a reason inside a question is not an answer.)
  /// - Complexity: one pass over the fragments; O(v²) evaluations for v = 737 tried values per
  ///   distinct reason and premises, at most `reasonsPerProblem` reasons per problem and the
  ///   `premisesTried` nearest premises on its names.
  struct JustifiedConditions: AuditRule {
    let id = "justified-conditions"
    let summary = "a condition given as a reason that its problem's premises rule out"
    let kinds: [Finding.Kind] = [.premiseCondition]

    static let reasons: Set<String> = ["because", "since"]
    static let conditional: Set<String> = [
      "if", "when", "whenever", "unless", "whether", "because", "since", "or", "not", "either",
    ]
    /// The nearest premises on a reason's names that are tried together, and the reasons tried
    /// per problem: each trial is O(v²) evaluations, so a document of many comparisons stays
    /// linear in its length.
    static let premisesTried = 8
    static let reasonsPerProblem = 64

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      let math = doc.sections.indices.flatMap { k in
        doc.sections[k].fragments.filter { !$0.bare }.map { (k, $0) }
      }.sorted { $0.1.location < $1.1.location }
      // The premises stated so far, per problem (the preamble's under ""), each text once; one
      // pass in document order, so a reason sees exactly the premises before it.
      var premises: [String: [Stated]] = [:]
      var premiseTexts: [String: Set<String>] = [:]
      var reasonsTried: [String: Int] = [:]
      var tried: [String: [String: Double]?] = [:]
      for (k, f) in math where doc.sections[k].kind != .solution {
        let section = doc.sections[k]
        let scope = section.kind == .preamble ? "" : DocumentSymbols.scope(section)
        let last = wordsBefore(f, doc).last
        if let last, Self.reasons.contains(last), !Self.asks(f, doc),
          reasonsTried[scope, default: 0] < Self.reasonsPerProblem, let claim = stated(f)
        {
          reasonsTried[scope, default: 0] += 1
          let known = (scope.isEmpty ? [] : premises[""] ?? []) + (premises[scope] ?? [])
          let relevant = Array(
            known.filter { !$0.names.isDisjoint(with: claim.names) }.suffix(Self.premisesTried))
          if !relevant.isEmpty {
            let key = ([claim.text] + relevant.map(\.text)).joined(separator: "\u{0}")
            let witness = tried[key] ?? AuditRules.exclusion(claim, relevant)
            tried[key] = witness
            if let witness {
              out.append(finding(claim, relevant, witness, f, section, doc))
            }
          }
        }
        guard !(last.map(Self.conditional.contains) ?? false), !Self.asks(f, doc) else { continue }
        for piece in statedPieces(f) + statedInWords(f, doc)
        where premiseTexts[scope, default: []].insert(piece.text).inserted {
          premises[scope, default: []].append(piece)
        }
      }
      return out
    }

    func finding(
      _ claim: Stated, _ relevant: [Stated], _ witness: [String: Double], _ f: MathFragment,
      _ section: Section, _ doc: ProblemSetDocument
    ) -> Finding {
      let shown = witness.sorted { $0.key < $1.key }.map { "\($0.key) = \(format($0.value))" }
      return Finding(
        .premiseCondition,
        "the answer gives \(claim.text) as a reason, which the premise"
          + (relevant.count > 1 ? "s " : " ") + relevant.map(\.text).joined(separator: " and ")
          + " of the problem rule out: no value satisfies both",
        at: f.location, in: section, document: doc,
        evidence:
          "at \(shown.joined(separator: ", ")) the premises hold and \(claim.text) does not "
          + "(values tried: multiples of 1/64 up to ±5 and whole numbers up to ±100)")
    }

    /// Whether the sentence of a fragment ends with a question mark.
    static func asks(_ f: MathFragment, _ doc: ProblemSetDocument) -> Bool {
      let end = min(
        doc.scalars.count, f.location.offset + f.text.unicodeScalars.count + (f.display ? 2 : 1))
      let rest = doc.slice(end..<(end + 200))
      return rest.first { ".?!\n".contains($0) } == "?"
    }
  }
}
