import Answers
import Foundation

/// A condition on a name the problem defined by a formula, tied to a condition on the
/// formula's own names: the first is read with the formula in the name's place.
extension AuditRules.EquivalentConditions {
  /// Links with a formula put in a name's place tried per document: each is at most 19⁴
  /// evaluations (four names).
  static let definedLinksTried = 8

  /// A formula defining one name, `γ = \frac{p}{S^2}…`: exactly two sides, the left one name
  /// alone, the right an expression over other names (not a value at stated sizes, not a
  /// tensor entry); the left text, the right text and the name.
  static func definition(_ f: MathFragment) -> (name: String, left: String, right: String)? {
    let sides = FragmentReader.topLevelSides(f.text)
    guard sides.count == 2, !f.text.contains("[") else { return nil }
    let left = FragmentReader.trimmed(sides[0]).trimmingCharacters(in: .whitespaces)
    let right = FragmentReader.trimmed(sides[1]).trimmingCharacters(in: .whitespaces)
    guard !left.isEmpty, right.count <= 160,
      let l = AuditRules.stated(AuditRules.relabel(f, left + " > 0")), l.names.count == 1,
      let name = l.names.first, case .identifier? = l.chains.first?.operands.first,
      let r = AuditRules.stated(AuditRules.relabel(f, right + " > 0")),
      !r.names.contains(name)
    else { return nil }
    return (name, left, right)
  }

  /// The comparison `a` with a defining formula in place of the one name it writes that `b`
  /// does not (`γ ≤ 1` read as `\frac{p}{S^2}… ≤ 1`), when that gives a comparison over names
  /// among `b`'s; nil otherwise.
  /// - Complexity: linear in the text.
  static func substituted(
    _ a: AuditRules.Stated, _ b: AuditRules.Stated,
    _ definitions: [String: (left: String, right: String)]
  ) -> AuditRules.Stated? {
    let extra = a.names.subtracting(b.names)
    guard extra.count == 1, let name = extra.first, let d = definitions[name] else { return nil }
    var text = ""
    var rest = Substring(a.text)
    while let r = rest.range(of: d.left) {
      let next = rest[r.upperBound...].first
      let joined = next.map { $0.isLetter && d.left.last?.isLetter == true } ?? false
      text += rest[..<r.lowerBound] + (joined ? d.left : "(" + d.right + ")")
      rest = rest[r.upperBound...]
    }
    text += rest
    guard text != a.text, let s = AuditRules.stated(AuditRules.relabel(a.fragment, text)),
      !s.names.contains(name), s.names.isSubset(of: b.names)
    else { return nil }
    return s
  }
}
