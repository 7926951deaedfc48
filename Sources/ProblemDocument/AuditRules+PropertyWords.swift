import IndexNotation

/// A property word that the set's own equation contradicts.
extension AuditRules {
  /// An equation `A′[…] = … = A[…]` relates a transformed tensor (primed) to the original. Equal
  /// index lists show the transformation leaves A unchanged (invariance); different ones show
  /// it moves A (equivariance). The first "invariant" or "equivariant" in the prose after the
  /// equation, in the same section, that names the other property is a finding, with the
  /// equation as evidence.
  struct PropertyWords: AuditRule {
    let id = "property-words"
    let summary = "invariant or equivariant, contradicted by the equation that shows it"
    let kinds: [Finding.Kind] = [.propertyWord]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for (index, section) in doc.sections.enumerated() {
        for f in section.fragments {
          let pieces = FragmentReader.topLevelSides(f.text)
          guard pieces.count >= 2 else { continue }
          var first = Parser(pieces.first!)
          var last = Parser(pieces.last!)
          guard case .tensor(let moved)? = try? first.parseExpression(),
            case .tensor(let original)? = try? last.parseExpression(),
            moved.name.base == original.name.base + "′",
            moved.name.subscriptText == original.name.subscriptText,
            moved.indices.count == original.indices.count
          else { continue }
          let same = zip(moved.indices, original.indices).allSatisfy {
            $0.description == $1.description
          }
          let end = f.location.offset + f.text.unicodeScalars.count
          guard let (word, at) = firstPropertyWord(section, after: end, doc) else { continue }
          let says = word.hasPrefix("equivariant") ? "equivariant" : "invariant"
          let shows = same ? "invariant" : "equivariant"
          guard says != shows else { continue }
          out.append(
            Finding(
              .propertyWord,
              "the text calls it \(says), but its own equation \(moved) = \(original) shows it is \(shows): "
                + (same ? "the output does not change" : "the output moves with the input"),
              at: doc.location(ofOffset: at), in: doc.sections[index], document: doc,
              evidence: "\(moved) = \(original) (index lists \(same ? "equal" : "different"))"))
        }
      }
      return out
    }
  }

  /// The first "invariant"/"equivariant" (any inflection) in a section's prose after an offset.
  static func firstPropertyWord(_ section: Section, after offset: Int, _ doc: ProblemSetDocument)
    -> (String, Int)?
  {
    for span in section.prose where span.location.offset + span.text.unicodeScalars.count > offset {
      let lower = span.text.lowercased()
      for (word, start) in Spelling.words(lower) where span.location.offset + start >= offset {
        if word.hasPrefix("invarian") || word.hasPrefix("equivarian") {
          return (word, span.location.offset + start)
        }
      }
    }
    return nil
  }
}

extension FragmentReader {
  /// The sides of a chain of equalities, split at `=` outside brackets and braces.
  static func topLevelSides(_ text: String) -> [String] {
    var out: [String] = []
    var depth = 0
    var current = ""
    for c in trimmed(text) {
      if "[{(".contains(c) { depth += 1 }
      if "]})".contains(c) { depth -= 1 }
      if c == "=" && depth == 0 {
        out.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    out.append(current)
    return out
  }
}
