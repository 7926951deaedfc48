import Foundation

/// A value compared with a bound in words, then given a condition: a share `1/(2K+1)` said to
/// fall under 5% iff `K ≥ 10`; a ratio `R/S` said to be the lesser one whenever `R < S`.
extension AuditRules.EquivalentConditions {
  /// Words of comparison with a bound after them, and the sign they give.
  static let boundWords: [([String], String)] = [
    (["less", "than"], "<"), (["smaller", "than"], "<"), (["lower", "than"], "<"),
    (["fewer", "than"], "<"), (["below"], "<"), (["under"], "<"), (["at", "most"], "\\le"),
    (["greater", "than"], ">"), (["larger", "than"], ">"), (["more", "than"], ">"),
    (["above"], ">"), (["over"], ">"), (["exceeds"], ">"), (["at", "least"], "\\ge"),
  ]
  /// Comparatives that, said of a ratio or a fraction, compare it with one.
  static let belowOne: Set<String> = ["smaller", "less", "cheaper", "fewer", "lower", "shorter"]
  static let aboveOne: Set<String> = ["larger", "greater", "bigger", "dearer", "more", "longer"]
  /// Words that name a ratio just before its value.
  static let ratioWords: Set<String> = ["ratio", "fraction", "share", "proportion"]

  /// The comparison the words between a value (the last side of `value`) and a condition
  /// state, and how the condition is tied to it; nil unless the words are a bound word and a
  /// number (under 2%, at most 0.5) or a comparative said of a ratio (cheaper, fewer), then a
  /// tie of equivalence (iff, precisely when) or of sufficiency (whenever). One sentence, or
  /// a new one whose first word points back at the value (this, it, that).
  /// - Complexity: linear in the text between the two and the value.
  static func statedInWords(
    _ value: MathFragment, _ condition: MathFragment, _ doc: ProblemSetDocument
  ) -> (AuditRules.Stated, Link)? {
    let gap = AuditRules.ClaimedImplications.between(value, condition, doc)
    guard gap.count < 160 else { return nil }
    var tokens = gap.lowercased().split { $0.isWhitespace || $0 == "," }.map(String.init)
    if let first = tokens.first, first.allSatisfy({ ".;:".contains($0) }) {
      tokens.removeFirst()
      guard let next = tokens.first, ["this", "it", "that"].contains(next) else { return nil }
    } else if gap.contains("\n\n") {
      return nil
    }
    guard tokens.count <= 14, !tokens.contains(where: { ["not", "never", "no"].contains($0) }),
      tokens.allSatisfy({ !$0.contains(where: { ".;:?!".contains($0) }) || number($0) != nil })
    else { return nil }
    let link: Link
    var body = tokens
    if tokens.last == "whenever" {
      link = .sufficient
      body.removeLast()
    } else if let tail = [["exactly", "when"], ["precisely", "when"], ["iff"], ["just", "when"]]
      .first(where: { tokens.count > $0.count && Array(tokens.suffix($0.count)) == $0 })
    {
      link = .equivalence
      body.removeLast(tail.count)
    } else {
      return nil
    }
    guard let (sign, bound) = comparison(body, value, doc) else { return nil }
    let side = FragmentReader.trimmed(value.text).components(separatedBy: "=").last ?? ""
    guard !side.isEmpty, side.count <= 160,
      let stated = AuditRules.stated(AuditRules.relabel(value, side + " " + sign + " " + bound))
    else { return nil }
    return (stated, link)
  }

  /// The sign and the bound the words give: a bound word and a number, or a comparative said
  /// of a ratio (named in the few words before the value) against one.
  static func comparison(
    _ body: [String], _ value: MathFragment, _ doc: ProblemSetDocument
  ) -> (String, String)? {
    for k in body.indices {
      for (phrase, sign) in boundWords
      where k + phrase.count < body.count && Array(body[k..<(k + phrase.count)]) == phrase {
        guard k + phrase.count == body.count - 1, let n = number(body[k + phrase.count]) else {
          continue
        }
        return (sign, n)
      }
    }
    guard let last = body.last, belowOne.contains(last) || aboveOne.contains(last) else {
      return nil
    }
    guard namesRatio(value, doc) else { return nil }
    return (belowOne.contains(last) ? "<" : ">", "1")
  }

  /// A number written in words' place: `5%` or `5\%` (a hundredth of it), `0.25`, `3`.
  static func number(_ token: String) -> String? {
    var t = token
    var percent = false
    for mark in ["\\%", "%"] where t.hasSuffix(mark) {
      t.removeLast(mark.count)
      percent = true
    }
    guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      t.first?.isNumber == true, t.last?.isNumber == true, let v = Double(t)
    else { return nil }
    return percent ? "\(v / 100)" : t
  }
}
