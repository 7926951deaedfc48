import Foundation
import IndexNotation

/// Letters an equation's sentence qualifies right after it.
extension AuditRules {
  /// The single letters written alone in math (`$g$`) in the clause that follows a fragment when
  /// that clause opens with "for" or "where" (`… + k[b,g]$ for $c$ in group $g$`): the sentence
  /// says which value the letter takes, so an index only one side carries is named there, not
  /// left free. A letter after "every", "each", "all" or "any" (`for every class $k$`) ranges
  /// over all its values and is not taken. The clause ends at the sentence's end or after 160
  /// characters.
  /// - Complexity: linear in the clause (at most 160 scalars).
  static func lettersQualifiedAfter(_ f: MathFragment, _ doc: ProblemSetDocument) -> Set<String> {
    let section = doc.sections[f.section]
    var k = f.location.offset + f.text.unicodeScalars.count + (f.bare ? 0 : (f.display ? 2 : 1))
    let end = min(section.range.upperBound, doc.scalars.count, k + 160)
    while k < end, doc.scalars[k] == " " || doc.scalars[k] == "," || doc.scalars[k] == "\n" {
      k += 1
    }
    guard k < end else { return [] }
    var opening = String.UnicodeScalarView()
    opening.append(contentsOf: doc.scalars[k..<min(end, k + 6)])
    let lead = String(opening).lowercased()
    guard lead.hasPrefix("for ") || lead.hasPrefix("where ") else { return [] }
    var out = Set<String>()
    var inMath = false
    var content = String.UnicodeScalarView()
    var prose = String.UnicodeScalarView()
    var quantified = false
    while k < end {
      let c = doc.scalars[k]
      k += 1
      if c == "$" {
        if inMath {
          let text = String(content).trimmingCharacters(in: .whitespaces)
          if text.count == 1, text.first!.isLetter, !quantified { out.insert(text) }
          content = String.UnicodeScalarView()
        } else {
          // `for every class $k$` ranges the letter over all its values: that states the
          // free index, it does not fix it.
          let words = String(prose).lowercased().split(separator: " ").suffix(2)
          quantified = words.contains { Self.quantifiers.contains(String($0)) }
          prose = String.UnicodeScalarView()
        }
        inMath.toggle()
        continue
      }
      if inMath {
        content.append(c)
      } else if c == "." || c == "\n" {
        break
      } else {
        prose.append(c)
      }
    }
    return out
  }

  /// Words that range a letter over all its values.
  static let quantifiers: Set<String> = ["every", "each", "all", "any"]
}
