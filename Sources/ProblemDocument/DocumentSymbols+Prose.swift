import Foundation
import IndexNotation

/// Reading the prose around fragments: letters introduced by words, and the words just before and
/// after a fragment.
extension DocumentSymbols {
  /// Single letters named by an introducing word in prose: "the number of layers L",
  /// "a stride s", "where s is the scale".
  mutating func collectProse(_ section: Section, _ index: Int, _ doc: ProblemSetDocument) {
    let lead: Set<String> = [
      "layers", "layer", "stride", "where", "scale", "constant", "size",
      "dimension", "steps", "number",
    ]
    for span in section.prose {
      let scalars = Array(span.text.unicodeScalars)
      var words: [(String, Int)] = []
      var i = 0
      while i < scalars.count {
        guard scalars[i].properties.isAlphabetic else {
          i += 1
          continue
        }
        let start = i
        while i < scalars.count, scalars[i].properties.isAlphabetic { i += 1 }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<i])
        words.append((String(s), start))
      }
      // `N, K are the sizes of n, k`: the single letters listed
      // before "is/are the number(s)" or "… the sizes" are sizes.
      for (k, (word, _)) in words.enumerated()
      where k > 0 && k + 2 < words.count
        && (word == "are" || word == "is") && words[k + 1].0 == "the"
        && ["number", "numbers", "size", "sizes"].contains(words[k + 2].0)
      {
        var j = k - 1
        while j >= 0,
          words[j].0 == "and"
            || (words[j].0.count == 1 && words[j].0.unicodeScalars.first!.isASCII
              && words[j].0.first!.isUppercase)
        {
          if words[j].0 != "and" {
            uses.append(
              SymbolUse(
                name: words[j].0, family: words[j].0, subscripted: false, role: .size,
                location: doc.location(ofOffset: span.location.offset + words[j].1), section: index,
                indices: [], bare: [], introduces: true, inEquation: false, onLeft: false))
          }
          j -= 1
        }
      }
      for (k, (word, offset)) in words.enumerated() where k > 0 {
        guard word.count == 1, word != "a", word != "A", word.unicodeScalars.first!.isASCII,
          lead.contains(words[k - 1].0.lowercased())
        else { continue }
        uses.append(
          SymbolUse(
            name: word, family: word, subscripted: false, role: DocumentSymbols.role(ofName: word),
            location: doc.location(ofOffset: span.location.offset + offset), section: index,
            indices: [], bareIndices: [], introduces: true, inEquation: false, onLeft: false))
      }
    }
  }

  /// The lowercased words just before a fragment in its section (up to 80 scalars back,
  /// stopping at the previous `$`).
  func precedingWords(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
    let section = doc.sections[f.section]
    let end = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1))
    let start = max(section.range.lowerBound, end - 80)
    var scalars = Array(doc.scalars[start..<max(start, end)])
    if let dollar = scalars.lastIndex(of: "$") { scalars.removeSubrange(...dollar) }
    return DocumentSymbols.words(scalars)
  }

  /// The words before a fragment as `precedingWords` reads them, but with a hyphenated compound
  /// one word (`a per-example loss` is three words, `a`, `per-example`, `loss`): a compound
  /// modifier is one word of a noun phrase.
  func precedingCompoundWords(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
    let section = doc.sections[f.section]
    let end = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1))
    let start = max(section.range.lowerBound, end - 80)
    var scalars = Array(doc.scalars[start..<max(start, end)])
    if let dollar = scalars.lastIndex(of: "$") { scalars.removeSubrange(...dollar) }
    return DocumentSymbols.words(scalars, joiningHyphens: true)
  }

  /// Lowercased letter runs of scalars (ASCII fast, other letters by their Unicode property);
  /// with `joiningHyphens`, a hyphen between two letters stays inside the word.
  static func words<C: Collection>(_ scalars: C, joiningHyphens: Bool = false) -> [String]
  where C.Element == Unicode.Scalar {
    var out: [String] = []
    var word = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    for c in scalars {
      defer { previous = c }
      let letter =
        c.isASCII ? (c >= "a" && c <= "z" || c >= "A" && c <= "Z") : c.properties.isAlphabetic
      if joiningHyphens, c == "-", !word.isEmpty, previous.map({ $0 != "-" }) ?? false {
        word.append(c)
        continue
      }
      if letter {
        word.append(c.isASCII && c >= "A" && c <= "Z" ? Unicode.Scalar(c.value + 32)! : c)
      } else if !word.isEmpty {
        out.append(String(word))
        word = String.UnicodeScalarView()
      }
    }
    if !word.isEmpty { out.append(String(word)) }
    return out
  }

  /// The lowercased text just after a fragment (up to 60 scalars), spaces collapsed.
  func followingText(_ f: MathFragment, _ doc: ProblemSetDocument) -> String {
    let section = doc.sections[f.section]
    let start = f.location.offset + f.text.unicodeScalars.count + (f.bare ? 0 : (f.display ? 2 : 1))
    let end = min(section.range.upperBound, start + 60)
    var out = String.UnicodeScalarView()
    var space = false
    for c in doc.scalars[start..<max(start, end)] {
      if c == " " || c == "\n" || c == "\t" || c == "\r" {
        space = !out.isEmpty
        continue
      }
      if space { out.append(" ") }
      space = false
      out.append(c.isASCII && c >= "A" && c <= "Z" ? Unicode.Scalar(c.value + 32)! : c)
    }
    return String(out)
  }
}

extension SymbolUse {
  init(
    name: String, family: String, subscripted: Bool, role: SymbolRole, location: DocumentLocation,
    section: Int, indices: [String], bare: [String?], introduces: Bool, inEquation: Bool,
    onLeft: Bool
  ) {
    self.init(
      name: name, family: family, subscripted: subscripted, role: role, location: location,
      section: section, indices: indices, bareIndices: bare, introduces: introduces,
      inEquation: inEquation, onLeft: onLeft)
  }
}
