import IndexNotation

/// The letters a question gives its output and its inputs.
extension AuditRules {
  /// In a question "compute T[…, j] from S[…, j]", an input written with the index letter the
  /// question gives the output's last (channel) position.
  struct InputLetters: AuditRule {
    let id = "input-letters"
    let summary = "an input written with the index letter the question uses for the output"
    let kinds: [Finding.Kind] = [.inputLetter]

    func findings(in reading: AuditReading) -> [Finding] {
      let readings = reading.readings
      let doc = reading.document
      var out: [Finding] = []
      let bySection = Dictionary(grouping: readings, by: \.fragment.section)
      for (index, section) in doc.sections.enumerated() where section.kind == .statement {
        let fragments = (bySection[index] ?? []).sorted {
          $0.fragment.location < $1.fragment.location
        }
        var k = 0
        while k < fragments.count {
          guard case .expression(let target, _, _) = fragments[k].content,
            let t = target.references.first, target.references.count == 1,
            asksToCompute(wordsBefore(fragments[k].fragment, doc)),
            let outLetter = t.indices.last?.bareVariable?.name
          else {
            k += 1
            continue
          }
          var sources: [(TensorReference, ReadFragment)] = []
          var j = k + 1
          var expect = ["from"]
          while j < fragments.count {
            let words = wordsBetween(fragments[j - 1].fragment, fragments[j].fragment, doc)
            guard !words.isEmpty,
              expect.contains(words.last!) || words.last == "tensor" && words.contains("from")
            else { break }
            guard case .expression(let e, _, _) = fragments[j].content, e.references.count == 1
            else {
              break
            }
            sources.append((e.references[0], fragments[j]))
            expect = ["and", "or"]
            j += 1
          }
          var same = sources.filter { $0.0.indices.last?.bareVariable?.name == outLetter }
          // An equation of the problem that already computes the output from the input with the
          // same channel letter (an elementwise step) shows the letter is right there.
          let scope = DocumentSymbols.scope(section)
          let defining = readings.filter {
            DocumentSymbols.scope(doc.sections[$0.fragment.section]) == scope
              && doc.sections[$0.fragment.section].kind == .statement
          }
          .flatMap { r -> [Equation] in
            if case .equations(let rows) = r.content { return rows.map(\.equation) }
            return []
          }.filter { $0.lhs.name == t.name }
          same = same.filter { source in
            !defining.contains { eq in
              eq.rhsReferences.contains {
                $0.name == source.0.name
                  && $0.indices.last?.bareVariable?.name == eq.lhs.indices.last?.bareVariable?.name
              }
            }
          }
          if let first = same.first {
            let names = same.map { "\($0.0)" }.joined(separator: " and ")
            out.append(
              Finding(
                .inputLetter,
                "the inputs \(names) are written with \(outLetter), the letter the question gives "
                  + "the output \(t); an input's channel needs its own letter (the weights map one "
                  + "to the other)",
                at: doc.location(in: first.1.fragment, characterOffset: first.0.position.offset),
                in: section, document: doc))
          }
          k = max(j, k + 1)
        }
      }
      return out
    }
  }

  /// Whether words end with "compute" or "computing", optionally followed by a noun naming
  /// what is computed, with or without a determiner ("computing the output").
  static func asksToCompute(_ words: [String]) -> Bool {
    let verbs: Set<String> = ["compute", "computing"]
    let tail = Array(words.suffix(3))
    if let last = tail.last, verbs.contains(last) { return true }
    if tail.count >= 2, verbs.contains(tail[tail.count - 2]) { return true }
    return tail.count == 3 && verbs.contains(tail[0])
      && ["the", "a", "an", "its"].contains(tail[1])
  }

  static func wordsBefore(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
    let section = doc.sections[f.section]
    let end = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1))
    var text = doc.slice(
      max(section.range.lowerBound, end - 60)..<max(section.range.lowerBound, end))
    if let dollar = text.lastIndex(of: "$") { text = String(text[text.index(after: dollar)...]) }
    return text.lowercased().split { !$0.isLetter }.map(String.init)
  }

  static func wordsBetween(_ a: MathFragment, _ b: MathFragment, _ doc: ProblemSetDocument)
    -> [String]
  {
    let start = a.location.offset + a.text.unicodeScalars.count + (a.bare ? 0 : (a.display ? 2 : 1))
    let end = b.location.offset - (b.bare ? 0 : (b.display ? 2 : 1))
    guard end >= start, end - start < 200 else { return [] }
    return doc.slice(start..<end).lowercased().split { !$0.isLetter }.map(String.init)
  }
}
