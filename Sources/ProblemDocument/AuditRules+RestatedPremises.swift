import Foundation

/// An answer that restates its question's supposition the other way round.
extension AuditRules {
  /// A comparison supposed in a question ("Suppose $L < R$", "let $L = 1$", "assume …") and, in
  /// the same paragraph or the next one, a comparison given as a reason ("since $L \ge R$",
  /// "because …", "with …", not in the conditional mood) with the same two sides (any expressions, tensors too, read as
  /// text) or the same left side and a number on both right sides. When no value of the left
  /// side minus the right (or of the left side) satisfies both, the answer states a condition
  /// its supposition excludes; a value where the supposition holds and the reason fails is the
  /// evidence. Only the nearest supposition on the same left side counts, so a question that
  /// supposes again ("suppose instead …") replaces the earlier one.
  /// - Complexity: one pass over the fragments in document order; each comparison is read once
  ///   (linear in its length) and compared with at most one supposition.
  struct RestatedPremises: AuditRule {
    let id = "restated-premises"
    let summary = "a reason in an answer that reverses the comparison its question supposes"
    let kinds: [Finding.Kind] = [.premiseCondition]

    /// Words that suppose ("if" and "when" open a question's condition, which an answer may
    /// reason against, so they are not among them).
    static let supposing: Set<String> = ["suppose", "assume", "assuming", "given", "let"]
    static let reasons: Set<String> = ["since", "because", "as", "with"]
    /// The conditional mood: a clause that says what would happen is a contrast with the
    /// supposition ("with $L = 2$ the cost would double"), not a reason.
    static let conditional: Set<String> = ["would", "could", "might"]
    /// The most text between a supposition and a reason that answers it.
    static let reach = 1500

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      let math = doc.sections.indices.flatMap { k in
        doc.sections[k].fragments.filter { !$0.bare }
      }.sorted { $0.location < $1.location }
      // The latest supposition on each left side, with where it ends.
      var supposed: [String: (Comparison, MathFragment)] = [:]
      for f in math {
        guard f.text.count <= 300, let c = AuditRules.comparison(f.text) else { continue }
        let before = wordsBefore(f, doc)
        if let last = before.last, Self.reasons.contains(last),
          !Self.clauseAfter(f, doc).contains(where: Self.conditional.contains)
        {
          let key = supposed[c.left] != nil ? c.left : c.right
          if let (p, at) = supposed[key], Self.near(at, f, doc),
            let point = AuditRules.excluded(p, c)
          {
            out.append(
              Finding(
                .premiseCondition,
                "the answer gives \(c.text) as a reason, but the question supposes \(p.text): "
                  + "no value satisfies both",
                at: f.location, in: doc.sections[f.section], document: doc,
                evidence: "at \(point) the supposition \(p.text) holds and \(c.text) does not"))
          }
          continue
        }
        if Self.sentenceBefore(f, doc).contains(where: Self.supposing.contains) {
          supposed[c.left] = (c, f)
        }
      }
      return out
    }

    /// The words of a fragment's sentence before it (at most 200 characters back).
    static func sentenceBefore(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
      let end = f.location.offset - (f.display ? 2 : 1)
      var text = doc.slice(max(0, end - 200)..<max(0, end))
      if let cut = text.range(of: "\n\n", options: .backwards) {
        text = String(text[cut.upperBound...])
      }
      if let cut = text.lastIndex(where: { ".?!".contains($0) }) {
        text = String(text[text.index(after: cut)...])
      }
      return text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// The words after a fragment to the end of its sentence (at most 150 characters).
    static func clauseAfter(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
      let start = f.location.offset + f.text.unicodeScalars.count
      var text = doc.slice(start..<(start + 150))
      if let cut = text.firstIndex(where: { ".?!;".contains($0) }) {
        text = String(text[..<cut])
      }
      return text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// Whether a reason stands in its supposition's paragraph or the next one.
    static func near(_ a: MathFragment, _ b: MathFragment, _ doc: ProblemSetDocument) -> Bool {
      let start = a.location.offset + a.text.unicodeScalars.count
      let end = b.location.offset
      guard end > start, end - start <= reach else { return false }
      let lines = doc.slice(start..<end).split(separator: "\n", omittingEmptySubsequences: false)
      let blank = lines.dropFirst().dropLast().filter {
        $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == ">" }
      }.count
      let heading = lines.dropFirst().contains { $0.hasPrefix("#") }
      return blank <= 1 && !heading
    }
  }

  /// A comparison read as text: its two sides (spaces and spacing commands dropped) and the
  /// signs of left minus right it allows.
  struct Comparison {
    let text: String
    let left: String
    let right: String
    /// Of -1, 0, 1: the signs of left minus right where it holds.
    let signs: Set<Int>
  }

  /// A fragment with exactly one comparison (=, <, >, ≤, ≥, ≠) outside brackets, both sides
  /// non-empty and no other relation (≈, ∼, ∈, →); nil otherwise.
  /// - Complexity: linear in the text.
  static func comparison(_ text: String) -> Comparison? {
    let commands: [String: Character] = [
      "le": "≤", "leq": "≤", "leqslant": "≤", "ge": "≥", "geq": "≥", "geqslant": "≥",
      "ne": "≠", "neq": "≠", "lt": "<", "gt": ">",
    ]
    let dropped: Set<String> = [
      "left", "right", "displaystyle", "quad", "qquad", ",", ";", "!", " ",
    ]
    let refused: Set<String> = [
      "approx", "sim", "simeq", "in", "to", "mapsto", "mid", "propto", "equiv", "cong", "iff",
      "implies", "Rightarrow", "Leftrightarrow", "ll", "gg",
    ]
    var sides = ["", ""]
    var relation: Character?
    var depth = 0
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      i += 1
      if c == "\\" {
        var name = ""
        while i < chars.count, chars[i].isLetter {
          name.append(chars[i])
          i += 1
        }
        if name.isEmpty, i < chars.count {
          name = String(chars[i])
          i += 1
        }
        if refused.contains(name) { return nil }
        if dropped.contains(name) { continue }
        if let r = commands[name], depth == 0 {
          guard relation == nil else { return nil }
          relation = r
          continue
        }
        sides[relation == nil ? 0 : 1] += "\\" + name
        continue
      }
      if c.isWhitespace { continue }
      if "({[".contains(c) { depth += 1 }
      if ")}]".contains(c) { depth -= 1 }
      if depth == 0, "=<>≤≥≠".contains(c) {
        guard relation == nil else { return nil }
        relation = c
        continue
      }
      if "∈≈∼→".contains(c) { return nil }
      sides[relation == nil ? 0 : 1].append(c)
    }
    while let last = sides[1].last, ",.;".contains(last) { sides[1].removeLast() }
    guard let relation, !sides[0].isEmpty, !sides[1].isEmpty else { return nil }
    let signs: [Character: Set<Int>] = [
      "<": [-1], "≤": [-1, 0], "=": [0], "≥": [0, 1], ">": [1], "≠": [-1, 1],
    ]
    return Comparison(
      text: FragmentReader.trimmed(text), left: sides[0], right: sides[1],
      signs: signs[relation] ?? [])
  }

  /// A point, shown as text, where a supposition holds and a reason on the same sides does
  /// not, when no point satisfies both; nil when some does or the sides differ.
  static func excluded(_ p: Comparison, _ c: Comparison) -> String? {
    var signs = c.signs
    if c.left == p.right, c.right == p.left, c.left != c.right {
      signs = Set(signs.map { -$0 })
    } else if c.left != p.left {
      return nil
    }
    if c.left == p.left, c.right != p.right {
      // The same left side against two numbers: try the numbers, between them and beyond.
      guard let a = Double(p.right), let b = Double(c.right) else { return nil }
      let tried = [a, b, (a + b) / 2, min(a, b) - 1, max(a, b) + 1]
      func holds(_ x: Double, _ bound: Double, _ s: Set<Int>) -> Bool {
        s.contains(x < bound ? -1 : (x == bound ? 0 : 1))
      }
      guard !tried.contains(where: { holds($0, a, p.signs) && holds($0, b, c.signs) }),
        let x = tried.first(where: { holds($0, a, p.signs) })
      else { return nil }
      return "\(p.left) = \(format(x))"
    }
    guard signs.isDisjoint(with: p.signs), let s = p.signs.sorted().first else { return nil }
    return "\(p.left) − (\(p.right)) = \(s)"
  }
}
