import Foundation

/// A formula said to hold over a range that reaches a point where it divides by zero.
extension AuditRules {
  /// A formula with a divisor (`…/(J-n)`, `\frac{…}{K-1}`) followed, within two sentences, by a
  /// sentence that says it holds for every point of a comparison ("holds for every $n \le J$",
  /// "valid for all $K \ge 1$"). When a tried point satisfies the comparison and makes a divisor
  /// over the comparison's names zero, the range claimed is wider than the formula; that
  /// point is the evidence. A divisor the reader cannot evaluate is silent.
  /// - Complexity: one pass over each section's fragments, each fragment's text scanned once;
  ///   O(vⁿ) evaluations for n ≤ 3 names and v = 19 tried values per range claimed, at most
  ///   `rangesTried` ranges per document.
  struct DefinedRanges: AuditRule {
    let id = "defined-ranges"
    let summary = "a formula said to hold over a range that contains a zero of its divisor"
    let kinds: [Finding.Kind] = [.premiseCondition]

    static let holding: Set<String> = [
      "holds", "hold", "valid", "true", "applies", "apply", "defined", "works",
    ]
    /// The most text between a formula and the range claimed for it.
    static let reach = 300
    /// Ranges tried per document: each is at most 19³ evaluations per divisor.
    static let rangesTried = 256

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      var tried = 0
      for section in doc.sections {
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        var formula: (divisors: [Stated], end: Int)?
        for f in fragments {
          if let (divisors, end) = formula, f.location.offset - end <= Self.reach,
            tried < Self.rangesTried, Self.claimsRange(f, doc), let range = stated(f),
            range.names.count <= 3
          {
            tried += 1
            for d in divisors where d.names.isSubset(of: range.names) {
              guard let point = Self.zero(of: d, in: range) else { continue }
              let shown = point.sorted { $0.key < $1.key }
                .map { "\($0.key) = \(format($0.value))" }.joined(separator: ", ")
              let divisor = FragmentReader.trimmed(d.text.replacingOccurrences(of: "> 0", with: ""))
              out.append(
                Finding(
                  .premiseCondition,
                  "the formula before is said to hold for every \(range.text), but it divides by "
                    + "\(divisor), which is zero at a point of that range",
                  at: f.location, in: section, document: doc,
                  evidence: "at \(shown), \(range.text) holds and \(divisor) = 0"))
              break
            }
          }
          // A later equation without a divisor is the formula a range then speaks of.
          let own = Self.divisors(f)
          if !own.isEmpty {
            formula = (own, f.location.offset + f.text.unicodeScalars.count)
          } else if f.text.contains("=") {
            formula = nil
          }
        }
      }
      return out
    }

    /// Whether the words before a comparison claim a formula for all of it: "for" and a
    /// quantifier among the last four words, a word of holding in its sentence.
    static func claimsRange(_ f: MathFragment, _ doc: ProblemSetDocument) -> Bool {
      let words = RestatedPremises.sentenceBefore(f, doc)
      let tail = Array(words.suffix(4))
      let quantified = zip(tail, tail.dropFirst()).contains {
        $0.0 == "for" && AuditRules.quantifiers.contains($0.1)
      }
      return quantified && words.contains(where: holding.contains)
    }

    /// The divisors written in a fragment (after `/` a bracketed group, the second argument of
    /// `\frac`), each read as `d > 0`; those the reader cannot read are left out.
    /// - Complexity: linear in the text.
    static func divisors(_ f: MathFragment) -> [Stated] {
      guard f.text.count <= 400 else { return [] }
      var text = f.text
      for size in ["\\bigg", "\\Bigg", "\\big", "\\Big", "\\left", "\\right"] {
        text = text.replacingOccurrences(of: size, with: "")
      }
      let chars = Array(text)
      var found: [String] = []
      var i = 0
      while i < chars.count {
        if chars[i] == "/" {
          var j = i + 1
          while j < chars.count, chars[j] == " " { j += 1 }
          if let (inside, end) = group(chars, j) {
            found.append(inside)
            i = end
            continue
          }
        }
        if chars[i] == "\\", String(chars[i..<min(chars.count, i + 5)]) == "\\frac",
          let (_, end) = group(chars, i + 5), let (below, after) = group(chars, end)
        {
          found.append(below)
          i = after
          continue
        }
        i += 1
      }
      return found.compactMap { stated(relabel(f, "(" + $0 + ") > 0")) }
    }

    /// The text inside a bracketed group opening at `start` and the index after it.
    static func group(_ chars: [Character], _ start: Int) -> (String, Int)? {
      guard start < chars.count,
        let close = (["(": ")", "{": "}"] as [Character: Character])[chars[start]]
      else { return nil }
      var depth = 0
      var k = start
      while k < chars.count {
        if chars[k] == chars[start] { depth += 1 }
        if chars[k] == close {
          depth -= 1
          if depth == 0 { return (String(chars[(start + 1)..<k]), k + 1) }
        }
        k += 1
      }
      return nil
    }

    /// A tried point where the range holds and the divisor is zero.
    static func zero(of d: Stated, in range: Stated) -> [String: Double]? {
      guard let divisor = d.chains.first?.operands.first else { return nil }
      let names = range.names.sorted()
      let sizes = names.allSatisfy { $0.first?.isUppercase ?? false }
      var point: [String: Double] = [:]
      func search(_ k: Int) -> Bool {
        if k == names.count {
          return holds(range, point) == true && value(divisor, d.text, point) == 0
        }
        for v in ClaimedImplications.values where !sizes || v >= 1 {
          point[names[k]] = v
          if search(k + 1) { return true }
        }
        return false
      }
      return search(0) ? point : nil
    }
  }
}
