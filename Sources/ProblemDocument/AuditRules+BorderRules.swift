import Foundation
import IndexNotation

/// The border rule: offsets read past a layer's edge with no rule stated.
extension AuditRules {
  /// Equations that read a tensor at offsets (x + Δx, s·x + ΔX) in a problem that states neither
  /// the offsets' range nor what is read past the border, in its own text or the preamble's,
  /// nor in an earlier sentence that states the border of that tensor (`every read of
  /// $u$ wraps around modulo X`).
  struct BorderRules: AuditRule {
    let id = "border-rules"
    let summary = "offsets read across a border that the problem never states"
    let kinds: [Finding.Kind] = [.borderRule]
    /// Sets of offset names read per problem; a problem with more is left unjudged.
    static let nameSetsRead = 16

    func findings(in reading: AuditReading) -> [Finding] {
      let readings = reading.readings
      let doc = reading.document
      var out: [Finding] = []
      var done = Set<String>()
      let words = [
        "padding", "padded", "border", "boundary", "out of range", "outside the",
        "zero outside", "zeros outside", "valid convolution", "same convolution",
        // Conventions with no border at all (a torus, indices taken modulo the size) or with
        // nothing read past one end (causal: only earlier positions).
        "torus", "toroidal", "modulo", "wrap", "periodic", "circular", "cyclic", "causal",
      ]
      let bordered = Self.borderedTensors(doc, words: words)
      // Per problem and offset names, whether a border or a range is stated; per problem, how
      // many name sets were read (each read scans the problem's fragments once).
      var statedFor: [String: Bool] = [:]
      var readsPer: [String: Int] = [:]
      // The offset reads (`L[b,x+ΔX,y+ΔY,I]`) of problems that state their border, with the
      // first such problem.
      var borderedReads: [String: String] = [:]
      /// Whether the problem's text (with the preamble's and the earlier problems it names)
      /// states a border, or a range of every offset.
      func statesRange(_ scope: String, _ names: [String]) -> Bool {
        // A problem that names an earlier one (`the layer of Problem 1`) builds on it: its
        // stated ranges and borders hold here too.
        let own = doc.sections.indices.filter {
          DocumentSymbols.scope(doc.sections[$0]) == scope
        }
        let named = AuditRules.earlierProblemsNamed(in: own, doc)
        let sections = doc.sections.indices.filter {
          let s = DocumentSymbols.scope(doc.sections[$0])
          return s == scope || named.contains(s)
        }
        // The preamble's conventions hold in every problem; "out-of-range" reads as words.
        let preamble = doc.sections.indices.filter { doc.sections[$0].kind == .preamble }
        let prose = doc.prose(in: preamble + sections).lowercased()
          .replacingOccurrences(of: "-", with: " ")
        // A bound (`0 \le \Delta x < \Delta X`) or a set (`\Delta x \in \{-1, 0, 1\}`) on the
        // offset, written with its slice name or its lowercase index.
        let ranged = Set(names).allSatisfy { v in
          doc.fragments(in: sections).contains { f in
            guard
              f.text.hasSubstring("\\le") || f.text.hasSubstring("<") || f.text.hasSubstring("≤")
                || f.text.hasSubstring("\\in") || f.text.hasSubstring("∈")
            else { return false }
            // `\Delta x, \Delta y \in \{-1, 0, 1\}`: the names before the set.
            let members =
              f.text.replacingOccurrences(of: "∈", with: "\\in")
              .components(separatedBy: "\\in").first ?? ""
            return Self.mentions(FragmentReader.content(f.text), v)
              || Self.mentions(FragmentReader.content(members), v)
          }
        }
        // "Δx and Δy go from $0$ to $P-1$", "$\Delta u$ runs over $K$ taps": a range
        // stated in words.
        let spelled = doc.fragments(in: sections).contains { f in
          let content = FragmentReader.content(f.text)
          guard names.contains(where: { Self.mentions(content, $0) }) else {
            return false
          }
          let end = f.location.offset + f.text.unicodeScalars.count
          let after = doc.slice(end..<(end + 60))
          if after.hasSubstring("from $") && after.hasSubstring("$ to $") { return true }
          let verb = after.prefix(20).lowercased()
          return ["ranges over", "range over", "runs over", "run over"].contains {
            verb.hasSubstring($0)
          }
        }
        return ranged || spelled || words.contains(where: { prose.contains($0) })
      }
      for r in readings {
        guard case .equations(let rows) = r.content else { continue }
        let section = doc.sections[r.fragment.section]
        let scope = DocumentSymbols.scope(section)
        guard !done.contains(scope) else { continue }
        for row in rows {
          let offsets = row.equation.rhsReferences.flatMap { ref in
            ref.indices.filter { $0.bareVariable == nil }.flatMap { index in
              index.variables.filter { $0.name.hasPrefix("Δ") || $0.name.hasPrefix("δ") }.map {
                (ref, index, $0)
              }
            }
          }
          guard let (_, firstIndex, _) = offsets.first else { continue }
          // Whether the problem states a border or the offsets' range depends only on the
          // problem and the offsets' names: read once per pair, so each equation costs a lookup.
          let key = scope + "\u{0}" + Set(offsets.map(\.2.name)).sorted().joined(separator: "\u{0}")
          let stated: Bool
          if let known = statedFor[key] {
            stated = known
          } else {
            // A problem with many offset names is read for its first few only (bounded work).
            readsPer[scope, default: 0] += 1
            guard readsPer[scope, default: 0] <= Self.nameSetsRead else {
              done.insert(scope)
              break
            }
            stated = statesRange(scope, offsets.map(\.2.name))
            statedFor[key] = stated
          }
          // `L[b,x+ΔX,y+ΔY,I]` read as an earlier problem whose border is stated reads it: the
          // same layer again (a variant of it, say with a threshold), with that border.
          let reads = offsets.map { ref, _, _ in
            "\(ref.name)[\(ref.indices.map { "\($0)" }.joined(separator: ","))]"
          }
          if stated {
            for read in reads where borderedReads[read] == nil { borderedReads[read] = scope }
            continue
          }
          if reads.contains(where: { borderedReads[$0].map { $0 != scope } ?? false }) { continue }
          // A tensor whose border an earlier sentence states (`every read of $u$ wraps
          // around modulo X`) keeps that border in later problems.
          let start = r.fragment.location.offset
          if offsets.contains(where: { (bordered[$0.0.name.base] ?? .max) < start }) { continue }
          done.insert(scope)
          let names = Array(Set(offsets.map(\.2.name))).sorted().joined(separator: ", ")
          out.append(
            Finding(
              .borderRule,
              "the offsets \(names) are read at positions such as \(firstIndex), but problem \(scope) never "
                + "says over which values they range nor what is read past a layer's border (zeros, or only "
                + "positions whose window fits)",
              at: doc.location(
                in: r.fragment, characterOffset: row.offset + firstIndex.position.offset),
              in: section, document: doc))
          break
        }
      }
      return out
    }

    /// The tensors named in a sentence that states a border convention (one of `words`), each
    /// with where the first such sentence names it: the names of references (`u[b,x]`) and of
    /// bare names (`$u$`). The sentence is read at most 150 scalars before the fragment and 100
    /// after it, cut at ". " and at blank lines.
    /// - Complexity: linear in the document's text.
    static func borderedTensors(_ doc: ProblemSetDocument, words: [String]) -> [String: Int] {
      var out: [String: Int] = [:]
      for section in doc.sections {
        for f in section.fragments where !f.bare {
          guard
            let name = AuditRules.bracketReference(f.text)?.name ?? AuditRules.bareName(f.text),
            out[name] == nil
          else { continue }
          let start = f.location.offset
          let end = start + f.text.unicodeScalars.count
          var before = doc.slice(max(section.range.lowerBound, start - 150)..<start)
          var after = doc.slice(end..<min(section.range.upperBound, end + 100))
          for stop in [". ", "\n\n"] {
            if let r = before.range(of: stop, options: .backwards) {
              before = String(before[r.upperBound...])
            }
            if let r = after.range(of: stop) { after = String(after[..<r.lowerBound]) }
          }
          let sentence = (before + " " + after).lowercased().replacingOccurrences(
            of: "-", with: " ")
          if words.contains(where: sentence.hasSubstring) { out[name] = start }
        }
      }
      return out
    }

    /// Whether a fragment names the offset `ΔX` or its lowercase index `Δx`.
    static func mentions(_ content: FragmentContent, _ name: String) -> Bool {
      guard let last = name.last else { return false }
      let names = [name, name.dropLast() + last.lowercased()]
      if case .nameList(let list) = content { return names.contains(where: list.contains) }
      return names.contains(where: content.mentions)
    }
  }
}

extension AuditRules {
  /// The earlier problems that the prose of `sections` names by their heading's word and number
  /// (`Problem 1`, `Exercise 7.1`, `problem 2`).
  static func earlierProblemsNamed(in sections: [Int], _ doc: ProblemSetDocument) -> Set<String> {
    guard let first = sections.first else { return [] }
    let earlier = Set(
      doc.sections[..<first].compactMap(\.problem))
    let words = ["problem", "problems", "exercise", "exercises", "question", "questions"]
    var out = Set<String>()
    let prose = doc.prose(in: sections).lowercased()
    for word in words {
      var rest = prose[...]
      while let r = rest.range(of: word + " ") {
        // The word itself, not the end of a longer one ("subproblem 1" names no problem).
        if r.lowerBound > prose.startIndex, prose[prose.index(before: r.lowerBound)].isLetter {
          rest = rest[r.upperBound...]
          continue
        }
        let number = rest[r.upperBound...].prefix { $0.isNumber || $0 == "." }
        let trimmed = String(number.hasSuffix(".") ? number.dropLast() : number)
        if earlier.contains(trimmed) { out.insert(trimmed) }
        rest = rest[r.upperBound...]
      }
    }
    return out
  }
}
