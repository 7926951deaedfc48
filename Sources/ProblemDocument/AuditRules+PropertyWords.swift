import IndexNotation

/// A property word that the set's own equation contradicts.
extension AuditRules {
  /// An equation `A′[…] = … = A[…]` relates a transformed tensor (primed) to the original. Equal
  /// index lists show the transformation leaves A unchanged (invariance); different ones show
  /// it moves A (equivariance, `A′[t] = A[π(t)]`). Each "invariant" or "equivariant" in the
  /// section's prose is judged by the nearest such equation before it — about the tensor its
  /// sentence names (`the output $h$ is invariant`) when it names one that an equation relates
  /// — and each equation judges one word: the word that names the other property is a
  /// finding, with the equation as evidence. A negated word ("not invariant") is no claim.
  /// - Complexity: linear in the section's length (each word looks back over at most eight
  ///   equations).
  struct PropertyWords: AuditRule {
    let id = "property-words"
    let summary = "invariant or equivariant, contradicted by the equation that shows it"
    let kinds: [Finding.Kind] = [.propertyWord]

    /// An equation relating a transformed tensor to the original, and where it ends.
    struct Relation {
      let moved: String
      let original: String
      let same: Bool
      let name: String
      let end: Int
      /// Where the equation starts.
      let start: Int
    }

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      let tensors = Set(
        reading.symbols.uses.filter { $0.role == .tensor }.flatMap { [$0.name, $0.family] })
      for (index, section) in doc.sections.enumerated() {
        let relations = Self.relations(section, doc, tensors: tensors)
        guard !relations.isEmpty else { continue }
        let math = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        var used = Set<Int>()
        var confirmed = Set<Int>()
        var next = 0
        var m = 0
        for sentence in PropertyStatements.sentences(PropertyStatements.tokens(section, doc)) {
          guard let start = sentence.first?.offset else { continue }
          for (w, token) in sentence.enumerated()
          where token.text.hasPrefix("invarian") || token.text.hasPrefix("equivarian") {
            while next < relations.count, relations[next].end <= token.offset { next += 1 }
            // A word followed by a colon and an equation (`invariant: $A′[…] = A[…]$`) is
            // judged by that equation, which says what it means by the word.
            let colon = Self.afterColon(sentence, w, relations, next)
            guard next > 0 || colon != nil else { continue }
            // A question, or a sentence naming both properties, claims neither.
            let words = Set(sentence.filter(\.isWord).map(\.text))
            guard sentence.last?.text != "?",
              words.intersection(PropertyStatements.properties).count < 2
            else { continue }
            // The tensor the word is said of: a name just before it (`$h$ is thus invariant`).
            while m < math.count, math[m].location.offset < start { m += 1 }
            var subject: String?
            var k = m
            while k < math.count, math[k].location.offset < token.offset {
              let end = math[k].location.offset + math[k].text.unicodeScalars.count
              let between = sentence[..<w].filter { $0.offset > end }
              if between.count <= 3, between.allSatisfy(\.isWord),
                let name = AuditRules.bareName(math[k].text)
              {
                subject = name
              }
              k += 1
            }
            let nearest =
              colon
              ?? stride(from: next - 1, through: max(0, next - 8), by: -1).first {
                subject == nil || relations[$0].name == subject
              }
            // A relation judges one word, and again a word whose sentence writes its tensor
            // again (`… since $c[t,t-a]$ … the bias is equivariant`) once it has confirmed a
            // word: one that contradicted a word judges no more (no cascade from one misreading).
            guard let r = nearest,
              !used.contains(r)
                || (confirmed.contains(r)
                  && Self.writes(relations[r].name, math[m...], before: token.offset))
            else { continue }
            used.insert(r)
            let before = sentence[max(0, w - 4)..<w].filter(\.isWord).suffix(3)
            guard !before.contains(where: { PropertyStatements.negations.contains($0.text) })
            else { continue }
            let relation = relations[r]
            let says = token.text.hasPrefix("equivarian") ? "equivariant" : "invariant"
            let shows = relation.same ? "invariant" : "equivariant"
            guard says != shows else {
              confirmed.insert(r)
              continue
            }
            out.append(
              Finding(
                .propertyWord,
                "the text calls it \(says), but its own equation \(relation.moved) = "
                  + "\(relation.original) shows it is \(shows): "
                  + (relation.same
                    ? "the output stays the same"
                    : "the output is transformed along with the input"),
                at: doc.location(ofOffset: token.offset), in: doc.sections[index], document: doc,
                evidence:
                  "\(relation.moved) = \(relation.original) (index lists "
                  + "\(relation.same ? "equal" : "different"))"))
          }
        }
      }
      return out
    }

    /// Words before an equation that make it the transformation applied (`we set $x′ = …$`),
    /// not its effect.
    static let setters: Set<String> = [
      "set", "setting", "let", "define", "defining", "if", "when", "suppose", "poses", "pose",
    ]

    /// The section's equations that relate a transformed tensor to the original, in order. Two
    /// bare names (`N_{cL} = N`) relate outputs only when the plain one is a tensor the document
    /// writes (`tensors`): a size or a scalar with a label (`N_{\text{out}} = N` tokens,
    /// `\mu_t = \mu`) is no output.
    static func relations(
      _ section: Section, _ doc: ProblemSetDocument, tensors: Set<String>
    ) -> [Relation] {
      var out: [Relation] = []
      for f in section.fragments.sorted(by: { $0.location < $1.location }) {
        let pieces = FragmentReader.topLevelSides(f.text)
        guard pieces.count >= 2,
          !AuditRules.wordsBefore(f, doc).suffix(2).contains(where: setters.contains),
          let r = AuditRules.propertyRelation(pieces[0], pieces.last!),
          r.moved.contains("[") || r.original.contains("[") || r.original.contains("(")
            || tensors.contains(r.name)
        else { continue }
        out.append(
          Relation(
            moved: r.moved, original: r.original, same: r.same, name: r.name,
            end: f.location.offset + f.text.unicodeScalars.count, start: f.location.offset))
      }
      return out
    }

    /// The relation (its index, at or after `next`) that starts just after a colon following
    /// the word at `w` (the colon its next token, the equation the next thing in the
    /// sentence); nil otherwise.
    static func afterColon(
      _ sentence: [PropertyStatements.Token], _ w: Int, _ relations: [Relation], _ next: Int
    ) -> Int? {
      guard w + 1 < sentence.count, sentence[w + 1].text == ":", next < relations.count else {
        return nil
      }
      let colon = sentence[w + 1].offset
      let r = relations[next]
      guard r.start > colon, r.start <= colon + 4 else { return nil }
      return next
    }
  }

  /// How an equation's two ends relate a transformed output to the original, read by the
  /// notation engine or, where it cannot read the indices, as text (`textRelation`).
  static func propertyRelation(_ left: String, _ right: String)
    -> (moved: String, original: String, same: Bool, name: String)?
  {
    if let (moved, original, same) = relation(left, right) {
      let name = bracketReference(original)?.name ?? FragmentReader.application(right)?.head
      return (moved, original, same, undecorated(name ?? original).core)
    }
    return textRelation(left, right)
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

  /// The sides of a chain of equalities, split at `=` outside brackets, braces and parentheses.
  static func topLevelSides(_ text: String) -> [String] {
    AuditRules.topLevel(trimmed(text), "=")
  }
}

extension AuditRules.PropertyWords {
  /// Whether a fragment of `math` (sorted, from the sentence's first) before an offset is a
  /// reference to the named tensor (`c[h,t,t-a]`).
  /// - Complexity: linear in the sentence's fragments.
  static func writes(_ name: String, _ math: ArraySlice<MathFragment>, before end: Int) -> Bool {
    for f in math {
      guard f.location.offset < end else { return false }
      if AuditRules.bracketReference(f.text).map({ AuditRules.undecorated($0.name).core == name })
        == true
      {
        return true
      }
    }
    return false
  }
}
