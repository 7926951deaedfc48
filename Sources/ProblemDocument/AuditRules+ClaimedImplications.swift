/// A conclusion drawn from comparisons that do not imply it.
extension AuditRules {
  /// "Since $P_1$ and $P_2$, we get $C$": comparisons after "since", "because" or "given",
  /// joined by "and", then a comparison after a word of conclusion (get, have, so, hence, thus,
  /// therefore, follows, obtain, implies, gives), in one sentence of any section (an answer is
  /// not always marked as a solution). When the conclusion's names are among the premises'
  /// (three at most) and a point of the tried values satisfies every premise but not the
  /// conclusion, the conclusion does not follow; the point is the evidence.
  /// - Complexity: O(vⁿ) evaluations for n ≤ 3 names and v = 19 tried values, each of at most
  ///   7 comparisons of at most 200 characters.
  struct ClaimedImplications: AuditRule {
    let id = "claimed-implications"
    let summary = "a conclusion that the comparisons it is drawn from do not imply"
    let kinds: [Finding.Kind] = [.premiseCondition]

    /// Positive values: a counterexample among them holds for positive reals. Where every name
    /// is a capital (a size, a count) only the whole numbers are tried.
    static let values: [Double] = [0.25, 0.5, 0.75] + (1...16).map(Double.init)
    /// Claims with more premises, or a comparison longer than this many characters, are not
    /// searched (a bound on the work per sentence).
    static let maximumPremises = 6
    static let maximumLength = 200
    static let openers: Set<String> = ["since", "because", "given"]
    static let connectives: Set<String> = [
      "we", "get", "have", "so", "then", "hence", "thus", "therefore", "it", "follows", "that",
      "obtain", "find", "implies", "gives", "which",
    ]
    static let concluding: Set<String> = [
      "get", "have", "so", "hence", "thus", "therefore", "follows", "obtain", "implies", "gives",
    ]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        let fragments = section.fragments.sorted { $0.location < $1.location }
        var i = 0
        while i < fragments.count {
          defer { i += 1 }
          guard let first = stated(fragments[i]),
            wordsBefore(fragments[i], doc).last.map(Self.openers.contains) ?? false
          else { continue }
          var premises = [first]
          var j = i + 1
          var conclusion: Stated?
          while j < fragments.count, let next = stated(fragments[j]) {
            let between = Self.between(fragments[j - 1], fragments[j], doc)
            guard !between.contains(where: { ".;:?!".contains($0) }) else { break }
            let words = wordsBetween(fragments[j - 1], fragments[j], doc)
            if words == ["and"] {
              premises.append(next)
              j += 1
              continue
            }
            if !words.isEmpty, words.allSatisfy(Self.connectives.contains),
              words.contains(where: Self.concluding.contains)
            {
              conclusion = next
            }
            break
          }
          guard let conclusion, premises.count <= Self.maximumPremises,
            (premises + [conclusion]).allSatisfy({ $0.text.count <= Self.maximumLength })
          else { continue }
          let names = premises.reduce(into: Set<String>()) { $0.formUnion($1.names) }
          guard conclusion.names.isSubset(of: names), names.count <= 3 else { continue }
          guard let point = Self.counterexample(premises, conclusion, names.sorted()) else {
            continue
          }
          let shown = point.sorted { $0.key < $1.key }.map { "\($0.key) = \(format($0.value))" }
            .joined(separator: ", ")
          out.append(
            Finding(
              .premiseCondition,
              "the solution concludes \(conclusion.text) from "
                + premises.map(\.text).joined(separator: " and ")
                + ", which do not imply it",
              at: conclusion.fragment.location, in: section, document: doc,
              evidence: "at \(shown) the premises hold and \(conclusion.text) does not"))
          i = j
        }
      }
      return out
    }

    /// A point of the tried values where every premise holds and the conclusion fails.
    static func counterexample(_ premises: [Stated], _ conclusion: Stated, _ names: [String])
      -> [String: Double]?
    {
      var point: [String: Double] = [:]
      let sizes = names.allSatisfy { $0.first?.isUppercase ?? false }
      func search(_ k: Int) -> Bool {
        if k == names.count {
          return premises.allSatisfy { holds($0, point) == true }
            && holds(conclusion, point) == false
        }
        for v in values where !sizes || v >= 1 {
          point[names[k]] = v
          if search(k + 1) { return true }
        }
        return false
      }
      return search(0) ? point : nil
    }

    /// The document's text between two fragments.
    static func between(_ a: MathFragment, _ b: MathFragment, _ doc: ProblemSetDocument) -> String {
      let delimiter = { (f: MathFragment) in f.bare ? 0 : (f.display ? 2 : 1) }
      let start = a.location.offset + a.text.unicodeScalars.count + delimiter(a)
      let end = b.location.offset - delimiter(b)
      return end > start ? doc.slice(start..<end) : ""
    }
  }
}
