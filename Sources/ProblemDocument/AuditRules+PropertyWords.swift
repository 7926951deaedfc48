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
          guard let (moved, original, same) = AuditRules.relation(pieces[0], pieces.last!)
          else { continue }
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

  /// How an equation's two ends relate a transformed output to the original: the two texts
  /// and whether their index lists are equal. Either a primed tensor and its plain self
  /// (`A′[…] = A[…]`) or one function applied to two different arguments (`f(T u)[…] = f(u)[…]`,
  /// `f(T u) = f(u)`), where index lists of one length, or none on either side, are compared.
  static func relation(_ left: String, _ right: String) -> (String, String, Bool)? {
    var first = Parser(left)
    var last = Parser(right)
    if case .tensor(let moved)? = try? first.parseExpression(),
      case .tensor(let original)? = try? last.parseExpression(),
      moved.name.base == original.name.base + "′",
      moved.name.subscriptText == original.name.subscriptText,
      moved.indices.count == original.indices.count
    {
      let same = zip(moved.indices, original.indices).allSatisfy {
        $0.description == $1.description
      }
      return ("\(moved)", "\(original)", same)
    }
    guard let a = FragmentReader.application(left), let b = FragmentReader.application(right),
      !a.head.isEmpty, a.head == b.head, a.argument != b.argument,
      a.indices.count == b.indices.count
    else { return nil }
    let l = FragmentReader.trimmed(left).filter { !$0.isWhitespace }
    let r = FragmentReader.trimmed(right).filter { !$0.isWhitespace }
    return (l, r, a.indices == b.indices)
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
  /// A function applied to one argument, with an optional index list after it: `f(x)[i,j]`
  /// gives head `f`, argument `x` and indices `["i", "j"]` (spaces and `\,` dropped); nil for
  /// any other shape.
  /// - Complexity: linear in the text's length.
  static func application(_ text: String) -> (head: String, argument: String, indices: [String])? {
    let chars = Array(
      trimmed(text).filter { !$0.isWhitespace }.replacingOccurrences(
        of: "\\,", with: ""))
    guard let open = chars.firstIndex(of: "("), open > 0 else { return nil }
    var depth = 0
    var close: Int?
    for i in open..<chars.count {
      if chars[i] == "(" { depth += 1 }
      if chars[i] == ")" {
        depth -= 1
        if depth == 0 {
          close = i
          break
        }
      }
    }
    guard let close else { return nil }
    let head = String(chars[..<open])
    guard !head.contains(where: { "()[]=+-".contains($0) }) else { return nil }
    let rest = chars[(close + 1)...]
    var indices: [String] = []
    if !rest.isEmpty {
      guard rest.first == "[", rest.last == "]" else { return nil }
      let inner = String(rest.dropFirst().dropLast())
      guard !inner.contains("[") else { return nil }
      indices = inner.split(separator: ",").map(String.init)
    }
    return (head, String(chars[(open + 1)..<close]), indices)
  }

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
