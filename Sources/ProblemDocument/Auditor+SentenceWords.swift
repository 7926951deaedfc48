/// The prose words of the sentence before a fragment.
extension Auditor {
  /// The words of five letters or more of the prose of the sentence before a fragment, in its
  /// section: back to the last `.`, `?`, `!` or blank line outside math, math left out (up to
  /// 400 scalars back). Empty for a fragment right after other math.
  static func sentenceWords(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
    let section = doc.sections[f.section]
    let end = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1))
    let start = max(section.range.lowerBound, end - 400)
    guard start < end else { return [] }
    var prose: [Unicode.Scalar] = []
    var inMath = false
    var seen = false  // anything but white space yet: a blank line before the display ends nothing
    var k = end - 1
    while k >= start {
      let c = doc.scalars[k]
      // A display right after other math (no prose between) shares that math's nouns.
      if !seen && c == "$" { return [] }
      if !(c == " " || c == "\n") { seen = true }
      if c == "$" {
        if k > start && doc.scalars[k - 1] == "$" { k -= 1 }  // `$$` opens or closes once
        inMath.toggle()
      } else if !inMath {
        if (c == "." || c == "?" || c == "!") && k + 1 < end && doc.scalars[k + 1] == " " {
          break
        }
        if seen && c == "\n" && k > start && doc.scalars[k - 1] == "\n" { break }
        prose.append(c)
      }
      k -= 1
    }
    return DocumentSymbols.words(prose.reversed()).filter { $0.count >= 5 }
  }
}

extension Auditor {
  /// Whether a sentence of `prose` that ends in `?` asks for a cost ("What does it cost?",
  /// "And the cost?"): the price of a computation is its multiplies. A cost function is a loss,
  /// and "show that it costs less" asks for no number. A cost in memory ("what does storing
  /// the activations cost?", "the cost in parameters") counts numbers kept, not multiplies.
  /// Linear in the prose's length.
  static func asksCost(_ prose: String) -> Bool {
    var sentence: [Unicode.Scalar] = []
    for c in prose.unicodeScalars {
      guard c == "." || c == "?" || c == "!" else {
        sentence.append(c)
        continue
      }
      if c == "?" {
        let words = DocumentSymbols.words(sentence)
        if let at = words.firstIndex(where: { $0 == "cost" || $0 == "costs" }),
          words.dropFirst(at + 1).first != "function",
          !words.contains(where: memoryWords.contains)
        {
          return true
        }
      }
      sentence.removeAll(keepingCapacity: true)
    }
    return false
  }

  /// Words that make a cost one of memory: what is kept, not what is computed.
  static let memoryWords: Set<String> = [
    "memory", "storage", "store", "stores", "stored", "storing", "bytes", "parameter",
    "parameters",
  ]
}
