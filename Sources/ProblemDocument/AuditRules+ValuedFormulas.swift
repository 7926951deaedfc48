import Algebra
import Foundation

/// A formula and its value at a value stated for one of its names, in the same paragraph.
extension AuditRules {
  /// "… $\kappa ARM$ … at $\kappa = 1/8$ this gives $ARM/8$": a fragment stating one name equal to a
  /// number, followed in its sentence (a few words between, no other math) by a formula, and
  /// before it, in its sentence or the one before and after any `;`, the last formula that
  /// names that name (the last side of its
  /// chain of `=`; a bare name is no formula). That formula with the number put in must be
  /// the printed one, exactly as polynomials, when both name the same other sizes and only
  /// words saying the value follows stand between; a formula that names other sizes, or one
  /// after another noun (`the memory is`), is a different quantity and is not judged, as is one
  /// whose words name another quantity than the words of the value (memory against a count).
  /// - Complexity: linear in the fragments of each section.
  struct ValuedFormulas: AuditRule {
    let id = "valued-formulas"
    let summary = "a formula's printed value at a stated value that is not the formula's"
    let kinds: [Finding.Kind] = [.countDisagreement]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        let fs = section.fragments.filter { !$0.bare && $0.text.count <= 200 }
        let sentence = AuditRules.sentenceIndices(fs, section, doc)
        // The last formula read in this sentence or the one before, after any `;`, by each
        // name it mentions, with the sentence it stands in and the quantity it is said to be.
        var last: [String: (formula: Polynomial, sentence: Int, quantity: Set<String>)] = [:]
        for k in fs.indices {
          let f = fs[k]
          if k > 0, AuditRules.ClaimedImplications.between(fs[k - 1], f, doc).contains(";") {
            last = [:]
          }
          if k > 0, sentence[k] != sentence[k - 1] {
            last = last.filter { $0.value.sentence >= sentence[k] - 1 }
          }
          if k + 1 < fs.count, let (name, value) = Self.statedValue(f.text),
            let (formula, _, quantity) = last[name], sentence[k + 1] == sentence[k],
            let printed = ItemCosts.formula(fs[k + 1].text)
          {
            let gap = AuditRules.ClaimedImplications.between(f, fs[k + 1], doc)
            let valued = formula.substituting([name: Polynomial(value)])
            let words = gap.lowercased().split { !$0.isLetter }.map(String.init)
            if gap.count <= 30, !gap.contains(where: { ".;?!:".contains($0) }),
              words.allSatisfy(Self.linking.contains),
              !Self.differ(quantity, Self.quantity(words + AuditRules.clauseAfter(fs[k + 1], doc))),
              valued.symbols == printed.symbols, !valued.symbols.isEmpty, valued != printed
            {
              out.append(
                Finding(
                  .countDisagreement,
                  "\(formula) at \(name) = \(value) is \(valued), not the printed \(printed)",
                  at: fs[k + 1].location, in: section, document: doc,
                  evidence: "\(formula) with \(name) = \(value)"))
            }
          }
          let sides = ArithmeticChains.chain(f.text).sides
          if let end = sides.last, let p = ItemCosts.formula(end),
            !p.symbols.contains(where: { p == .symbol($0) })
          {
            let said = Self.quantity(
              AuditRules.clauseBefore(f, doc).suffix(3) + AuditRules.clauseAfter(f, doc).prefix(1))
            for name in p.symbols { last[name] = (p, sentence[k], said) }
          }
        }
      }
      return out
    }

    /// The only words allowed between the stated value and the printed one: words that say the
    /// formula's value follows (`we have`, `this gives`, `the cost becomes`), no other noun.
    static let linking: Set<String> = [
      "we", "have", "get", "this", "it", "is", "gives", "give", "becomes", "that", "so", "which",
      "equals", "yields", "comes", "to", "and", "thus", "hence", "the", "cost", "count", "total",
      "one", "obtains", "in",
    ]

    /// The quantities words name: work (a multiply noun, "cost", "count") or memory ("memory",
    /// "floats", "parameters" …). A closed list of the two quantities a cost is given in.
    static func quantity<S: Sequence>(_ words: S) -> Set<String> where S.Element == String {
      let memory: Set<String> = [
        "memory", "floats", "bytes", "parameters", "params", "weights", "storage", "entries",
      ]
      var out = Set<String>()
      for w in words {
        if Auditor.multiplyNouns.contains(w) || w == "cost" || w == "count" { out.insert("work") }
        if memory.contains(w) { out.insert("memory") }
      }
      return out
    }

    /// Whether two sets of quantities name different ones: both name some, and none in common.
    static func differ(_ a: Set<String>, _ b: Set<String>) -> Bool {
      !a.isEmpty && !b.isEmpty && a.isDisjoint(with: b)
    }

    /// A fragment that states one name equal to a number (`\kappa = 1/8`): the name and value.
    static func statedValue(_ text: String) -> (String, Rational)? {
      let (sides, relations) = ArithmeticChains.chain(text)
      guard sides.count == 2, relations == ["="], let value = NumericValue.read(sides[1])?.exact,
        case .formula(let names, let p?) = FragmentReader.content(sides[0]), names.count == 1,
        let name = names.first, p == .symbol(name)
      else { return nil }
      return (name, value)
    }
  }
}
