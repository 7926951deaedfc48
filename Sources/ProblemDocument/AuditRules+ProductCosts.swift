import Algebra
import Foundation
import IndexNotation

/// A product written in the prose with its cost printed beside it.
extension AuditRules {
  /// A product of two tensors written on its own (`$A[b,I]C[I,j]$`) next to a count of the
  /// same sentence that prices it: the count after the product with a verb of cost between
  /// ("costs", "takes", "needs"), or before it with a multiply noun and "each" or "per" between
  /// (`$NK$, a multiply per term of`). The product takes one multiply per term, one term per
  /// value of its distinct indices, each ranging over its capital (`b` over B, `I` over I), so
  /// its count is the product of those sizes. A printed monomial that names only those sizes
  /// and differs is a count disagreement; a count naming another size (a batch, a number of
  /// layers) counts something else and is not judged, nor is a product with a third factor,
  /// a number or a gathered position.
  /// - Complexity: linear in the fragments of each section (gaps at most 80 characters).
  struct ProductCosts: AuditRule {
    let id = "product-costs"
    let summary = "a product's printed cost that is not one multiply per term of it"
    let kinds: [Finding.Kind] = [.countDisagreement]

    /// Verbs that put a cost on what comes before them.
    static let costVerbs: Set<String> = [
      "costs", "cost", "takes", "take", "needs", "need", "requires", "require", "uses",
    ]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        let fragments = section.fragments.filter { !$0.bare && $0.text.count <= 200 }
        let sentence = AuditRules.sentenceIndices(fragments, section, doc)
        for k in fragments.indices.dropFirst() {
          let (a, b) = (fragments[k - 1], fragments[k])
          guard sentence[k - 1] == sentence[k] else { continue }
          let gap = AuditRules.ClaimedImplications.between(a, b, doc)
          guard gap.count <= 80, !gap.contains(where: { ".;?!".contains($0) }) else { continue }
          let words = gap.lowercased().split { !$0.isLetter }.map(String.init)
          // A cost per item (`per step, …`, `needs $K$ multiplies per row`) is not the
          // product's whole count.
          let lead = Self.sentenceLead(a, doc)
          guard !lead.contains(where: Self.perWords.contains) else { continue }
          if let counted = Self.productCount(a.text), let printed = Self.printedMonomial(b.text),
            words.contains(where: Self.costVerbs.contains), Self.countsMultiplies(b, doc)
          {
            guard !ItemCosts.wordsAfter(b, doc).contains(where: Self.perWords.contains) else {
              continue
            }
            out += Self.judged(printed, counted, a, b, section, doc)
          } else if let printed = Self.printedMonomial(a.text),
            let counted = Self.productCount(b.text),
            words.contains(where: Auditor.multiplyNouns.contains),
            words.contains("each") || words.contains("per")
          {
            out += Self.judged(printed, counted, b, a, section, doc)
          }
        }
      }
      return out
    }

    /// Words that make a cost one item's.
    static let perWords: Set<String> = ["per", "each", "every"]

    /// Words of grammar that may follow a count that names no unit (`costs $N$ in all`,
    /// `needs $N$, since …`): a closed list of prepositions and conjunctions.
    static let unitless: Set<String> = [
      "in", "and", "or", "but", "for", "to", "since", "because", "as", "so", "which", "while",
      "if", "when", "with", "at", "on", "over", "then", "thus", "hence", "here", "there",
    ]

    /// Whether a count's unit is a multiply: its clause names a multiply in its first two
    /// words (`$N$ multiplies`, `$N$ scalar multiplications`) or names no unit at all (a mark
    /// or a word of grammar right after it). `$N$ stored weights` counts something else.
    static func countsMultiplies(_ count: MathFragment, _ doc: ProblemSetDocument) -> Bool {
      let after = AuditRules.clauseAfter(count, doc)
      guard let first = after.first else { return true }
      return unitless.contains(first)
        || after.prefix(2).contains(where: Auditor.multiplyNouns.contains)
    }

    /// The words of the sentence before a fragment (at most 200 characters back, up to a full
    /// stop, `?`, `!`, `;` or a blank line).
    static func sentenceLead(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
      AuditRules.clauseBefore(f, doc, reach: 200, marks: ".;?!")
    }

    /// The finding at the printed count when it names only the product's sizes and differs.
    static func judged(
      _ printed: Polynomial, _ counted: Polynomial, _ product: MathFragment,
      _ count: MathFragment, _ section: Section, _ doc: ProblemSetDocument
    ) -> [Finding] {
      guard printed.symbols.isSubset(of: counted.symbols), printed != counted else { return [] }
      return [
        Finding(
          .countDisagreement,
          "the printed count \(printed) is not the \(counted) multiplies of the product "
            + "\(FragmentReader.trimmed(product.text)) written beside it (one per term)",
          at: count.location, in: section, document: doc,
          evidence: "one multiply for each value of the product's indices: \(counted)")
      ]
    }

    /// The multiplies of a fragment that is one product of exactly two tensors whose positions
    /// are affine in their indices: the product of the ranges of its distinct indices.
    static func productCount(_ text: String) -> Polynomial? {
      guard case .expression(let e, _, _) = FragmentReader.content(text),
        case .product(let factors) = e, factors.count == 2
      else { return nil }
      var variables: Set<IndexVariable> = []
      for factor in factors {
        guard case .tensor(let t) = factor else { return nil }
        for position in t.indices {
          guard position.gathered.isEmpty, !position.variables.isEmpty else { return nil }
          variables.formUnion(position.variables)
        }
      }
      // A primed index runs over its letter's range (`c′` over C, as `c` does).
      return variables.reduce(Polynomial(.one)) {
        $0 * .symbol($1.rangeSymbol.filter { $0 != "′" && $0 != "'" })
      }
    }

    /// A printed count read as one monomial in sizes with a positive whole coefficient.
    static func printedMonomial(_ text: String) -> Polynomial? {
      guard case .formula(let names, let p?) = FragmentReader.content(text), !names.isEmpty,
        names.allSatisfy({ $0.first?.isUppercase == true || $0.hasPrefix("Δ") }),
        p.terms.count == 1, let c = p.terms.values.first, c > .zero, c.denominator == 1
      else { return nil }
      return p
    }
  }
}
