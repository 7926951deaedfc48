import Algebra
import IndexNotation

/// The printed counts of solutions and the words of count questions.
extension Auditor {
  /// The printed count of a solution: among its counts (formulas over capital names of degree at
  /// least two), the last one of the first sentence that has any (`sentence`, the solution's
  /// `sentenceCounts` when its caller read them already).
  static func printedCount(
    _ solution: [ReadFragment], _ doc: ProblemSetDocument,
    sentence: [(at: MathFragment, count: Polynomial)]? = nil
  ) -> (at: MathFragment, count: Polynomial)? {
    // A count the solution calls its total ("Total: $3TD + TDK$", "the total is therefore …"),
    // in any names (`THD + TrHD`).
    let totals = solution.sorted { $0.fragment.location < $1.fragment.location }.compactMap {
      r -> (ReadFragment, Polynomial)? in
      guard case .formula(let names, let p?) = countContent(r), p.constantValue == nil,
        p.terms.keys.contains(where: { $0.degree >= 2 }),
        names.contains(where: { $0.first?.isUppercase == true })
      else { return nil }
      return (r, p)
    }
    if let total = totals.last(where: { r, _ in
      let f = r.fragment
      let from = max(doc.sections[f.section].range.lowerBound, f.location.offset - 40)
      let before = DocumentSymbols.words(doc.scalars[from..<f.location.offset]).suffix(4)
      return before.contains {
        $0 == "total" || $0 == "altogether" || $0 == "overall" || $0 == "together"
      }
    }) {
      return (total.0.fragment, total.1)
    }
    return (sentence ?? sentenceCounts(solution, doc)).last
  }

  /// The counts of the first sentence of a solution that has any, in order (`The projection
  /// takes $BXYIK$ and the convolution $BXYKJ$.`), each with the fragment that prints it: each
  /// a formula over capitals of degree two or more. Empty when the solution prints none.
  static func sentenceCounts(_ solution: [ReadFragment], _ doc: ProblemSetDocument)
    -> [(at: MathFragment, count: Polynomial)]
  {
    let counts = solution.sorted { $0.fragment.location < $1.fragment.location }.compactMap {
      r -> (ReadFragment, Polynomial)? in
      guard case .formula(let names, let p?) = countContent(r), p.constantValue == nil,
        p.terms.keys.contains(where: { $0.degree >= 2 }),
        names.allSatisfy({ n in
          n.unicodeScalars.first.map { c in
            c.properties.isUppercase || (c == "Δ" && n.dropFirst().first?.isUppercase == true)
          } ?? false
        }),
        !countsOtherThings(r.fragment, doc)
      else { return nil }
      return (r, p)
    }
    guard var chosen = counts.first else { return [] }
    var sentence = [(chosen.0.fragment, chosen.1)]
    for next in counts.dropFirst() {
      let a = chosen.0.fragment
      let b = next.0.fragment
      guard a.section == b.section else { break }
      let start =
        a.location.offset + a.text.unicodeScalars.count + (a.bare ? 0 : (a.display ? 2 : 1))
      let end = b.location.offset - (b.bare ? 0 : (b.display ? 2 : 1))
      guard end >= start else { break }
      // The prose between them, math dropped: a full stop there ends the sentence.
      var prose = ""
      var inMath = false
      for c in doc.slice(start..<end) {
        if c == "$" {
          inMath.toggle()
          continue
        }
        if !inMath { prose.append(c) }
      }
      if prose.contains(". ") || prose.contains(".\n") || prose.hasSuffix(".") { break }
      chosen = next
      sentence.append((next.0.fragment, next.1))
    }
    return sentence
  }

  /// Nouns that name what a count question counts.
  static let multiplyNouns: Set<String> = [
    "multiplies", "multiply", "multiplications", "multiplication", "mults", "flops", "products",
    "operations", "ops", "macs", "fmas",
  ]

  /// Whether the words right after a formula name other things it counts (`$XYG$ output values`,
  /// `$BT$ positions`): a plural noun, after at most one modifier, that is not a multiply.
  static func countsOtherThings(_ f: MathFragment, _ doc: ProblemSetDocument) -> Bool {
    let start = f.location.offset + f.text.unicodeScalars.count + (f.bare ? 0 : (f.display ? 2 : 1))
    let end = min(doc.scalars.count, start + 40)
    guard start < end, doc.scalars[start] == " " else { return false }
    var text = ""
    for c in doc.scalars[start..<end] {
      guard c.properties.isAlphabetic || c == " " || c == "-" else { break }
      text.unicodeScalars.append(c)
    }
    let words = text.lowercased().split(separator: " ").prefix(2).map(String.init)
    guard let first = words.first else { return false }
    if multiplyNouns.contains(first) || words.dropFirst().contains(where: multiplyNouns.contains) {
      return false
    }
    return DocumentSymbols.pluralNounFollows(first)
      || (words.count == 2 && DocumentSymbols.pluralAfterModifier(words.joined(separator: " ")))
  }

  /// Whether an equation's right side divides by a tensor quantity (`exp(s)/Σ exp(s′)`), not by
  /// a constant such as √D.
  static func dividesOnly(_ eq: Equation) -> Bool {
    func divides(_ e: IndexNotation.Expression) -> Bool {
      switch e {
      case .tensor, .number, .scalar: return false
      case .product(let fs): return fs.contains(where: divides)
      case .sum(let ts): return ts.contains { divides($0.term) }
      case .function(let name, let inner, _):
        return (name == "1/" && !inner.references.isEmpty) || divides(inner)
      case .explicitSum(_, let inner, _): return divides(inner)
      }
    }
    return divides(eq.rhs)
  }

  static func solutionSection(_ item: String, _ doc: ProblemSetDocument) -> Int? {
    doc.item(item)?.solutions.first
  }

  static func firstFormula(_ section: Int, _ doc: ProblemSetDocument) -> DocumentLocation? {
    doc.sections[section].fragments.first { f in
      if case .formula(_, let p) = FragmentReader.content(f.text), p != nil { return true }
      return false
    }?.location
  }

  /// Whether `words` (lowercased, in order) say not to count divisions: "division", "divisions"
  /// or "divide" with a negation or an exclusion among the eight words before it.
  static func excludesDivisions(_ words: [String]) -> Bool {
    let negations: Set<String> = [
      "not", "don", "dont", "no", "ignore", "ignoring", "exclude",
      "excluding", "without", "except", "neglect", "neglecting", "nor",
    ]
    for (i, w) in words.enumerated() where w == "division" || w == "divisions" || w == "divide" {
      if words[max(0, i - 8)..<i].contains(where: negations.contains) { return true }
    }
    return false
  }
}

extension Auditor {
  /// The placeholder subscript a prime is read as (`R'` as `R_qprime`), then renamed `R′`.
  private static let primeMark = "qprime"

  /// A fragment's content read as a count: its reading, or, for a formula the reader leaves
  /// unread because of primes (`BMNR'`), the formula with each primed size named as an index
  /// range names it (`R′`). Linear in the fragment's length.
  static func countContent(_ r: ReadFragment) -> FragmentContent {
    if case .formula(_, _?) = r.content { return r.content }
    let text = r.fragment.text
    guard text.contains("'"), text.count <= 400 else { return r.content }
    var marked = ""
    var previous: Character = " "
    for c in text {
      if c == "'", previous.isLetter || previous == "}" {
        marked += "_{\(primeMark)}"
      } else {
        marked.append(c)
      }
      previous = c
    }
    guard case .formula(let names, let p?) = FragmentReader.content(marked) else {
      return r.content
    }
    let suffix = "_" + primeMark
    let renamed = { (name: String) in
      name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) + "′" : name
    }
    var primes: [String: Polynomial] = [:]
    for symbol in p.symbols where symbol.hasSuffix(suffix) {
      primes[symbol] = .symbol(renamed(symbol))
    }
    guard !primes.isEmpty else { return r.content }
    return .formula(symbols: names.map(renamed), polynomial: p.substituting(primes))
  }
}
