import Algebra
import Foundation

/// A formula and its value at a value stated for one of its names, in the same paragraph.
extension AuditRules {
  /// "… $\kappa ARM$ … at $\kappa = 1/8$ this gives $ARM/8$": a fragment stating one name equal to a
  /// number, followed in its sentence (a few words between, no other math) by a formula, and
  /// before it on the same line the last formula that names that name (the last side of its
  /// chain of `=`; a bare name is no formula). That formula with the number put in must be
  /// the printed one, exactly as polynomials, when both name the same other sizes and only
  /// words saying the value follows stand between; a formula that names other sizes, or one
  /// after another noun (`the memory is`), is a different quantity and is not judged.
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
        // The last formula read on the current line, by each name it mentions.
        var last: [String: Polynomial] = [:]
        var line = -1
        for k in fs.indices {
          let f = fs[k]
          if f.location.line != line {
            last = [:]
            line = f.location.line
          }
          if k + 1 < fs.count, let (name, value) = Self.statedValue(f.text),
            let formula = last[name], fs[k + 1].location.line == line,
            let printed = ItemCosts.formula(fs[k + 1].text)
          {
            let gap = AuditRules.ClaimedImplications.between(f, fs[k + 1], doc)
            let valued = formula.substituting([name: Polynomial(value)])
            let words = gap.lowercased().split { !$0.isLetter }.map(String.init)
            if gap.count <= 30, !gap.contains(where: { ".;?!:".contains($0) }),
              words.allSatisfy(Self.linking.contains),
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
            for name in p.symbols { last[name] = p }
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
