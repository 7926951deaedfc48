/// A property word that the prose just before it contradicts.
extension AuditRules {
  /// The adjective "invariant" or "equivariant" after a plain statement, in its own sentence or
  /// the one before (or after a colon that follows the word), of what the transformation does
  /// to the output:
  ///
  ///     invariance:   unchanged, unaffected, does not change, (comes out / stays) the
  ///                   same; a map `y ↦ y` in the math
  ///     equivariance: shifts, moves, translates, rotates, permutes, flips, reverses (or the
  ///                   passive: is shifted, moved, …); one set of weights at every
  ///                   position (the same weights, shared weights, weight sharing); a map
  ///                   `y ↦ T y` in the math
  ///
  /// A motion stated together with a reduction ("the maximum over all positions", "the terms of
  /// a sum") may be of what is reduced: it is no evidence of equivariance.
  /// A verb whose object or subject is the input ("shifting the input", "the input is shifted",
  /// "shifts the image") states the transformation, not its effect; a verb after a determiner
  /// or preposition is a noun ("under such shifts"). The finding stands where the statement
  /// names one property and the word the other. Silent on questions, on a negated word ("not
  /// invariant"), on a sentence naming both properties, on statements of both kinds, and on
  /// the sentence before when that sentence names a property itself (it makes its own claim);
  /// the sentence before is read only when the word's own sentence states no effect.
  /// - Complexity: linear in the section's length.
  struct PropertyStatements: AuditRule {
    let id = "property-statements"
    let summary = "invariant or equivariant, contradicted by the sentence that states the effect"
    let kinds: [Finding.Kind] = [.propertyWord]

    /// A word or a punctuation mark of the prose, with its scalar offset in the document.
    struct Token {
      let text: String
      let offset: Int
      var isWord: Bool { text.first?.isLetter ?? false }
    }

    static let properties: Set<String> = ["invariant", "equivariant"]
    static let negations: Set<String> = [
      "not", "never", "no", "nor", "isn't", "aren't", "doesn't", "don't", "neither",
    ]
    static let inputs: Set<String> = ["input", "inputs", "image", "images", "signal", "signals"]
    static let nounMarkers: Set<String> = [
      "a", "an", "the", "such", "under", "of", "to", "these", "those", "all", "by", "for", "with",
      "small", "circular", "cyclic", "and", "or", "its", "their",
    ]
    static let objects: Set<String> = ["every", "each", "all", "the", "its", "their", "both"]
    /// How many tokens before a property word are searched for the effect it names.
    static let reach = 60

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        let math = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        let sentences = Self.sentences(Self.tokens(section, doc))
        let claims = sentences.map { $0.contains(where: { Self.properties.contains($0.text) }) }
        for (s, sentence) in sentences.enumerated() {
          let words = sentence.filter(\.isWord).map(\.text)
          guard sentence.last?.text != "?",
            Set(words).intersection(Self.properties).count == 1
          else { continue }
          for (w, token) in sentence.enumerated() where Self.properties.contains(token.text) {
            // Bounded look-back (a window of the last `reach` tokens), so a long sentence full
            // of property words costs linear time.
            let before = sentence[max(0, w - 6)..<w].filter(\.isWord).suffix(3)
            guard !before.contains(where: { Self.negations.contains($0.text) }) else { continue }
            var window = Array(sentence[max(0, w - Self.reach)..<w])
            let own = s > 0 ? (sentences[s - 1].last?.offset ?? 0) + 1 : section.range.lowerBound
            // A count said to be invariant ("the number of parameters") is no property of the
            // map; a count before a colon or a comma ("by the same number: the filter is …") is
            // in another clause, not the word's subject.
            let clause = window.suffix(6).reversed().prefix { !Self.clauseMarks.contains($0.text) }
            guard !clause.contains(where: { Self.quantities.contains($0.text) }) else {
              continue
            }
            // An equation relating the moved output to the original in the word's own sentence
            // is the statement: property-words judges it.
            let from = max(own, window.first?.offset ?? own)
            guard !Self.showsRelation(math, from: from, to: token.offset, doc) else { continue }
            var mapped = Self.mapCues(math, from: from, to: token.offset, doc)
            var stated = Self.cues(window)
            // The nearest statement wins: the sentence before is read only when the word's own
            // sentence states no effect before it.
            if s > 0, window.count < Self.reach, !claims[s - 1], stated.isEmpty, mapped.isEmpty {
              window = sentences[s - 1].suffix(Self.reach - window.count) + window
              mapped = Self.mapCues(math, from: window.first?.offset ?? own, to: token.offset, doc)
              stated = Self.cues(window)
            }
            // "… is invariant under shifts: <why>": a colon just after the word opens the
            // statement it rests on.
            if let colon = sentence[(w + 1)..<min(sentence.count, w + 5)].firstIndex(where: {
              $0.text == ":"
            }) {
              let after = Array(sentence[(colon + 1)..<min(sentence.count, colon + 1 + Self.reach)])
              window += after
              stated += Self.cues(after)
            }
            var cues = stated + mapped
            // A motion named with a reduction may be of what is reduced.
            if Self.reduces(window) { cues.removeAll { !$0.invariance } }
            guard let cue = cues.first,
              cues.allSatisfy({ $0.invariance == cue.invariance })
            else { continue }
            let says = token.text
            let shows = cue.invariance ? "invariant" : "equivariant"
            guard says != shows else { continue }
            out.append(
              Finding(
                .propertyWord,
                "the text calls it \(says), but it has just stated that "
                  + (cue.invariance
                    ? "the output stays the same (\"\(cue.words)\"): that is invariance"
                    : "the output is transformed along with the input (\"\(cue.words)\"): that is equivariance"),
                at: doc.location(ofOffset: token.offset), in: section, document: doc,
                evidence: "\"\(cue.words)\" at \(doc.location(ofOffset: cue.offset))"))
          }
        }
      }
      return out
    }

    /// The statements of an effect in a run of tokens, in order.
    static func cues(_ tokens: [Token]) -> [(invariance: Bool, words: String, offset: Int)] {
      var out: [(Bool, String, Int)] = []
      for (i, t) in tokens.enumerated() where t.isWord {
        let prev = tokens[max(0, i - 4)..<i].reversed().prefix { $0.isWord }.map(\.text)
        let next = tokens[(i + 1)..<min(tokens.count, i + 3)].prefix { $0.isWord }.map(\.text)
        switch t.text {
        case "unchanged", "unaffected":
          if !prev.prefix(2).contains(where: negations.contains) {
            out.append((true, t.text, t.offset))
          }
        case "change", "changes":
          if let p = prev.first, negations.contains(p) {
            out.append((true, "\(p) \(t.text)", t.offset))
          }
        case "same":
          // "comes out the same.", "stays the same as before", not "by the same amount".
          guard prev.first == "the", next.isEmpty || next.first == "as" else { break }
          let verb = prev.dropFirst().first { $0 != "exactly" }
          if let verb, !nounMarkers.contains(verb), !negations.contains(verb) {
            out.append((true, "\(verb) the same", t.offset))
          }
        case "weights", "weight":
          // One set of weights at every position ("the same weights", "shared weights",
          // "weight sharing", "the weights are shared") makes a layer equivariant.
          let shared =
            ["same", "shared", "tied"].contains(prev.first ?? "")
            || next.first == "sharing"
            || (["are", "is"].contains(next.first ?? "") && next.dropFirst().first == "shared")
          if shared { out.append((false, "shared \(t.text)", t.offset)) }
        case "shifts", "moves", "translates", "rotates", "permutes", "flips", "reverses",
          "shifted", "moved", "translated", "rotated", "permuted", "flipped", "reversed":
          let passive = t.text.hasSuffix("ed")
          if let p = prev.first, negations.contains(p) || (!passive && nounMarkers.contains(p)) {
            break
          }
          if next.prefix(2).contains(where: inputs.contains) { break }
          if passive, prev.prefix(3).contains(where: inputs.contains) { break }
          if !passive, let p = prev.first, inputs.contains(p),
            !(next.first.map(objects.contains) ?? false)
          {
            break
          }
          out.append((false, t.text, t.offset))
        default:
          break
        }
      }
      return out
    }

    /// The maps `y \mapsto T\,y` (the output moved: equivariance) and `y \mapsto y` (unchanged:
    /// invariance) among the fragments that start in `from..<to` (at most eight, found by a
    /// binary search); a map after "if", "when", "under" or "for" states the transformation,
    /// not its effect.
    static func mapCues(_ math: [MathFragment], from: Int, to: Int, _ doc: ProblemSetDocument)
      -> [(invariance: Bool, words: String, offset: Int)]
    {
      var lo = 0
      var hi = math.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if math[mid].location.offset < from { lo = mid + 1 } else { hi = mid }
      }
      var out: [(Bool, String, Int)] = []
      for f in math[lo..<min(math.count, lo + 8)] where f.location.offset < to {
        let text = FragmentReader.trimmed(f.text).replacingOccurrences(of: "↦", with: "\\mapsto")
        let sides = text.components(separatedBy: "\\mapsto").map {
          $0.filter { !$0.isWhitespace }.replacingOccurrences(of: "\\,", with: "")
        }
        // The subject of a sentence (`the map $x \mapsto Wx$ is …`) names a layer, not an effect.
        let end = f.location.offset + f.text.unicodeScalars.count + (f.display ? 2 : 1)
        let verb = doc.slice(end..<(end + 16)).lowercased().split { !$0.isLetter }.first
        guard sides.count == 2, !sides[0].isEmpty,
          !["is", "are", "was", "commutes"].contains(verb.map(String.init) ?? ""),
          !wordsBefore(f, doc).suffix(2).contains(where: transformations.contains)
        else { continue }
        if sides[1] == sides[0] {
          out.append((true, text, f.location.offset))
        } else if sides[1].hasSuffix(sides[0]) {
          out.append((false, text, f.location.offset))
        }
      }
      return out
    }

    /// Words before a map that make it the transformation applied (`under $x \mapsto -x$`, `the
    /// reflection $x \mapsto -x$`), not its effect.
    static let transformations: Set<String> = [
      "if", "when", "under", "for", "reflection", "rotation", "shift", "translation",
      "permutation", "flip", "transformation", "transform", "symmetry",
    ]

    /// Nouns of a count or size: "the number of parameters is invariant" speaks of a count, not
    /// of what the map does to its input.
    static let quantities: Set<String> = [
      "number", "count", "parameters", "multiplies", "cost",
    ]

    /// Marks that end a clause: a count before one is not the subject of the word after it.
    static let clauseMarks: Set<String> = [":", ";", ","]

    /// Whether a fragment that starts in `from..<to` relates a moved tensor to the original
    /// (`y′[t] = y[π(t)]`). One after a setter (`if we set $x′[t] = x[t−1]$`) is the
    /// transformation applied, not its effect: property-words does not judge it either.
    static func showsRelation(
      _ math: [MathFragment], from: Int, to: Int, _ doc: ProblemSetDocument
    ) -> Bool {
      var lo = 0
      var hi = math.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if math[mid].location.offset < from { lo = mid + 1 } else { hi = mid }
      }
      return math[lo..<min(math.count, lo + 8)].contains { f in
        guard f.location.offset < to,
          !AuditRules.wordsBefore(f, doc).suffix(2).contains(where: PropertyWords.setters.contains)
        else { return false }
        let pieces = FragmentReader.topLevelSides(f.text)
        return pieces.count >= 2 && AuditRules.propertyRelation(pieces[0], pieces.last!) != nil
      }
    }

    /// Whether a run of tokens names a reduction ("a sum over all positions", "the terms of the
    /// sum", "the maximum over rotations"): a motion stated with one may be of the terms or the
    /// maps reduced, not of the reduced output, so it is no evidence of equivariance.
    static func reduces(_ tokens: [Token]) -> Bool {
      tokens.contains { reductions.contains($0.text) }
    }

    static let reductions: Set<String> = [
      "sum", "sums", "summed", "maximum", "maxima", "max", "average", "averages", "averaged",
      "mean", "pooled", "pooling", "total",
    ]

    /// A section's prose as words and punctuation, its math blanked.
    static func tokens(_ section: Section, _ doc: ProblemSetDocument) -> [Token] {
      let base = section.range.lowerBound
      var chars = Array(doc.text(of: section).unicodeScalars)
      for f in section.fragments {
        let from = f.location.offset - base
        let to = min(chars.count, from + f.text.unicodeScalars.count)
        if from >= 0, from < to { for k in from..<to { chars[k] = " " } }
      }
      var out: [Token] = []
      var k = 0
      var newlines = 0
      while k < chars.count {
        let c = chars[k]
        if c == "\n" {
          newlines += 1
          if newlines == 2 { out.append(Token(text: "\n", offset: base + k)) }
          k += 1
          continue
        }
        if !c.properties.isWhitespace { newlines = 0 }
        if c.properties.isAlphabetic {
          let start = k
          while k < chars.count,
            chars[k].properties.isAlphabetic
              || (chars[k] == "'" && k + 1 < chars.count && chars[k + 1].properties.isAlphabetic)
          {
            k += 1
          }
          var word = String.UnicodeScalarView()
          word.append(contentsOf: chars[start..<k])
          out.append(Token(text: String(word).lowercased(), offset: base + start))
          continue
        }
        if ".,;:?!".unicodeScalars.contains(c) {
          out.append(Token(text: String(Character(c)), offset: base + k))
        }
        k += 1
      }
      return out
    }

    /// Tokens split into sentences at `.`, `?`, `!` and blank lines (the mark kept last).
    static func sentences(_ tokens: [Token]) -> [[Token]] {
      var out: [[Token]] = []
      var current: [Token] = []
      for t in tokens {
        if t.text != "\n" { current.append(t) }
        if [".", "?", "!", "\n"].contains(t.text) {
          if !current.isEmpty { out.append(current) }
          current = []
        }
      }
      if !current.isEmpty { out.append(current) }
      return out
    }
  }
}
