import Algebra
import Foundation
import IndexNotation

/// A number of outputs printed under the valid convention, against the equation's own index
/// arithmetic with the sizes the text gives.
extension AuditRules {
  /// Where no padding is stated (`valid`, "no padding") in the count's own sentence or in the
  /// line of the equation it follows, an equation `Y[…, x, …] = … X[…, a·x + k·Δ + c, …]`
  /// (`WindowRanges.window`) computes exactly the valid positions
  /// ⌈(−c − min k·δ)/a⌉ … ⌊(X − 1 − c − max k·δ)/a⌋, X the size of x's axis (the capital of
  /// the index, as the notation counts it). When the paragraph of the count and the two before
  /// it give every letter a number (`X = 56`, `\Delta X = 3`; offsets 0 … ΔX − 1 when the
  /// problem states no set for them, ΔX counting the offset's values), a whole number printed
  /// as the output's extent — before a unit of extent ("rows", "frames") or after a word of
  /// size ("width", "length") — must be that count.
  /// - Complexity: linear in each section's fragments; the text read around each is bounded.
  struct WindowCounts: AuditRule {
    let id = "window-counts"
    let summary = "an output count that the equation's valid positions do not give"
    let kinds: [Finding.Kind] = [.borderRule]

    /// The scalars read before a count for the border convention and the count's clause.
    static let lead = 200
    /// Paragraphs read back for the sizes' values.
    static let paragraphs = 2
    /// The fragments read at the end of the section before (the part's question) for sizes,
    /// and read back from a count for the tensor its clause names.
    static let reach = 12

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      let windows = WindowRanges.windows(reading)
      guard !windows.isEmpty else { return [] }
      let outputs = Self.outputs(reading)
      var out: [Finding] = []
      var question: [String: Int] = [:]
      var statements: [String: WindowRanges.OffsetStatements] = [:]
      // The document's lines, split once.
      let lines = doc.text.split(separator: "\n", omittingEmptySubsequences: false)
      var previousScope: String?
      for section in doc.sections where section.kind != .preamble {
        let scope = DocumentSymbols.scope(section)
        // The sizes the problem's earlier part gives (its question before a solution section).
        if scope != previousScope { question = [:] }
        defer {
          previousScope = scope
          question = Self.sizes(section.fragments.filter { !$0.bare }, doc)
        }
        // The preamble's equations hold in every problem.
        let own = WindowRanges.windows(windows, scope)
        guard !own.isEmpty else { continue }
        let sections = doc.sections.indices.filter {
          DocumentSymbols.scope(doc.sections[$0]) == scope || doc.sections[$0].kind == .preamble
        }
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        let paragraph = RangeSizes.paragraphNumbers(fragments, doc)
        let values = StatedBounds.assignments(fragments)
        // The sizes of the count's paragraph (up to it) and of the `paragraphs` before it, the
        // later first: each fragment's sizes are read once, as the loop moves forward.
        var layers: [(paragraph: Int, sizes: [String: Int])] = []
        for (i, f) in fragments.enumerated() {
          if layers.last?.paragraph != paragraph[i] { layers.append((paragraph[i], [:])) }
          layers.removeAll { paragraph[i] - $0.paragraph > Self.paragraphs }
          layers[layers.count - 1].sizes.merge(Self.stated(values[i], f.text)) { _, new in new }
          // The axes of the last windowed equation before the count (a 2-D window has two).
          guard let n = Self.count(f.text), Self.cued(f, doc),
            let last = own.last(where: { $0.at < f.location.offset })
          else { continue }
          let axes = own.filter { $0.at == last.at && $0.output == last.output }
          let w = axes[0]
          let start = f.location.offset
          var sentence = doc.slice(max(section.range.lowerBound, start - Self.lead)..<start)
          if let cut = sentence.range(of: "\n\n", options: .backwards) {
            sentence = String(sentence[cut.upperBound...])
          }
          // The count's clause names another tensor of the problem (`the pooled $p$ has …`):
          // it is that tensor's extent, not this window's.
          let clause = sentence.unicodeScalars.count - Self.clauseStart(sentence)
          if let named = Self.nameBefore(i, fragments, paragraph, outputs, within: clause, start),
            named != w.output
          {
            continue
          }
          guard
            Self.unpadded(sentence) ?? Self.unpadded(Self.line(w.line, lines), equationLine: true)
              == true
          else {
            continue
          }
          let known = { (name: String) -> Int? in
            layers.reversed().lazy.compactMap { $0.sizes[name] }.first ?? question[name]
          }
          // Each axis the text gives sizes for is judged; a count one of them gives, or the
          // window's own span (a filter's length), is not a wrong output.
          let judged = axes.compactMap {
            Self.validCount($0, known, sections, doc, key: scope, cache: &statements)
          }
          guard let (expected, used, _) = judged.first, expected >= 1,
            !judged.contains(where: { $0.count == n || $0.span == n })
          else { continue }
          out.append(
            Finding(
              .borderRule,
              "\(w.output) reads \(w.read): with no padding it has \(expected) positions along "
                + "\(w.index) at "
                + used.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(
                  separator: ", ")
                + ", not \(n)",
              at: f.location, in: section, document: doc,
              evidence: "the equation at line \(w.line); ⌊(X − 1 − c − max kδ)/a⌋ − "
                + "⌈(−c − min kδ)/a⌉ + 1"))
        }
      }
      return out
    }

    /// The names the document's equations define (the text of each left side before its
    /// bracket), as `WindowRanges` names a window's output.
    static func outputs(_ reading: AuditReading) -> Set<String> {
      var out: Set<String> = []
      for r in reading.readings {
        guard case .equations(let rows) = r.content else { continue }
        for row in rows {
          guard let cut = row.text.firstIndex(of: "[") else { continue }
          let name = RangeSizes.trimmedText(String(row.text[..<cut]))
          if !name.isEmpty { out.insert(name) }
        }
      }
      return out
    }

    /// Where the last clause of a text begins, in scalars: after its last ". ", "; " or
    /// ", and".
    static func clauseStart(_ text: String) -> Int {
      let marks = [". ", "; ", ", and "]
      let ends = marks.compactMap { text.range(of: $0, options: .backwards)?.upperBound }
      guard let end = ends.max() else { return 0 }
      return text.unicodeScalars.distance(from: text.startIndex, to: end)
    }

    /// The nearest fragment before fragment `i`, in its paragraph and within the last
    /// `within` characters before `start`, that is the name of an equation's left side; at
    /// most `reach` fragments back.
    static func nameBefore(
      _ i: Int, _ fragments: [MathFragment], _ paragraph: [Int], _ outputs: Set<String>,
      within: Int, _ start: Int
    ) -> String? {
      for j in stride(from: i - 1, through: max(0, i - reach), by: -1) {
        guard paragraph[j] == paragraph[i], fragments[j].location.offset >= start - within else {
          return nil
        }
        let name = RangeSizes.trimmedText(fragments[j].text)
        if outputs.contains(name) { return name }
      }
      return nil
    }

    /// A whole number, or a chain `E = n` ending in one whose first side is not a lone letter
    /// (`X = 56` gives a size, `X/2 = 28` states a count).
    static func count(_ text: String) -> Int? {
      let t = RangeSizes.trimmedText(text).replacingOccurrences(of: " ", with: "")
      let sides = t.components(separatedBy: "=")
      guard t.unicodeScalars.count <= 40, let n = Int(sides.last!), n >= 1 else { return nil }
      if sides.count == 1 { return n }
      guard let first = sides.first, !first.isEmpty,
        first.contains(where: { !$0.isLetter && $0 != "_" && $0 != "\\" })
      else { return nil }
      return n
    }

    /// The sizes the last `reach` fragments of a section give whole numbers, the later first.
    static func sizes(_ fragments: [MathFragment], _ doc: ProblemSetDocument) -> [String: Int] {
      let last = Array(fragments.sorted { $0.location < $1.location }.suffix(reach))
      var out: [String: Int] = [:]
      for (k, values) in StatedBounds.assignments(last).enumerated().reversed() {
        out.merge(stated(values, last[k].text)) { earlier, _ in earlier }
      }
      return out
    }

    /// The whole numbers one fragment gives letters (`X = Y = 56`, or `d_\ell = 4`).
    static func stated(_ values: [String: Rational], _ text: String) -> [String: Int] {
      var out = values.compactMapValues(\.intValue)
      if let (name, v) = subscripted(text), out[name] == nil { out[name] = v }
      return out
    }

    /// A letter with a subscript given a whole number (`d_\ell = 4` as `d_ℓ`), as the index
    /// notation spells the letter; nil for anything else.
    static func subscripted(_ text: String) -> (String, Int)? {
      let t = RangeSizes.trimmedText(text).replacingOccurrences(of: " ", with: "")
      let sides = t.components(separatedBy: "=")
      guard t.unicodeScalars.count <= 30, sides.count == 2, let n = Int(sides[1]) else {
        return nil
      }
      let name = sides[0].replacingOccurrences(of: "\\ell", with: "ℓ")
        .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
      let parts = name.split(separator: "_", omittingEmptySubsequences: false)
      guard parts.count == 2, parts[0].count == 1, parts[1].count == 1,
        parts.allSatisfy({ $0.allSatisfy(\.isLetter) || $0.allSatisfy(\.isNumber) })
      else { return nil }
      return (name, n)
    }

    /// Whether a unit of extent follows the fragment, or a word of size stands among the
    /// eight words before it.
    static func cued(_ f: MathFragment, _ doc: ProblemSetDocument) -> Bool {
      let start = f.location.offset
      let end = start + f.text.unicodeScalars.count
      let after = doc.slice(end..<(end + 30)).lowercased()
        .split(whereSeparator: { !$0.isLetter }).prefix(1).map(String.init)
      if after.contains(where: RangeCounts.units.contains) { return true }
      let before = doc.slice(max(0, start - 80)..<start).lowercased()
        .split(whereSeparator: { !$0.isLetter }).suffix(8)
      return before.contains { RangeCounts.sizeWords.contains(String($0)) }
    }

    /// Whether a text states no padding (true), some padding (false), or neither (nil). Only a
    /// convention's phrase counts: "same" or "valid" alone ("the same stride", "a valid answer")
    /// names no border. On the line that writes the window's equation (`equationLine`), the
    /// word "valid" alone is that equation's convention ("still valid: $Z[…] = …$").
    static func unpadded(_ text: String, equationLine: Bool = false) -> Bool? {
      let lower = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
      let none =
        OutputSizes.noPaddingWords + ["valid padding", "valid convolution", "'valid'", "\"valid\""]
      var rest = none.reduce(lower) { $0.replacingOccurrences(of: $1, with: "") }
      if equationLine, rest.split(whereSeparator: { !$0.isLetter }).contains("valid") {
        rest = rest.replacingOccurrences(of: "valid", with: "")
      }
      let some = ["'same'", "\"same\"", "'causal'", "\"causal\"", "causal convolution"]
      if rest.contains("pad") || some.contains(where: rest.contains) { return false }
      if rest != lower { return true }
      return nil
    }

    /// The text of line `n` (1-based), at most 2000 scalars of it.
    static func line(_ n: Int, _ lines: [Substring]) -> String {
      guard n >= 1, n <= lines.count else { return "" }
      return String(lines[n - 1].prefix(2000))
    }

    /// The number of valid positions of the window's output with the letters' values, and the
    /// values it used; nil when a letter has none.
    static func validCount(
      _ w: WindowRanges.Window, _ known: (String) -> Int?, _ sections: [Int],
      _ doc: ProblemSetDocument, key: String,
      cache: inout [String: WindowRanges.OffsetStatements]
    ) -> (count: Int, used: [String: Int], span: Int)? {
      var used: [String: Int] = [:]
      func value(_ name: String) -> Int? {
        if let v = used[name] ?? known(name) {
          used[name] = v
          return v
        }
        return nil
      }
      guard let size = value(IndexVariable(w.index).rangeSymbol) else { return nil }
      var least: Int
      var most: Int
      if let stated = WindowRanges.offsetValues(
        w.offset, sections, doc, near: w.at, key: key, cache: &cache)
      {
        guard let first = RangeCounts.Expression(stated.least),
          let last = RangeCounts.Expression(stated.most)
        else { return nil }
        for name in first.names.union(last.names) where value(name) == nil { return nil }
        guard let a = first.value(used)?.intValue, let b = last.value(used)?.intValue else {
          return nil
        }
        (least, most) = (a, b)
      } else {
        guard let span = value(IndexVariable(w.offset).rangeSymbol), span >= 1 else { return nil }
        (least, most) = (0, span - 1)
      }
      guard least <= most else { return nil }
      var s = w.stride
      var k = w.dilation
      for name in w.strideLetters {
        guard let v = value(name), case (let p, false) = s.multipliedReportingOverflow(by: v)
        else { return nil }
        s = p
      }
      for name in w.dilationLetters {
        guard let v = value(name), case (let p, false) = k.multipliedReportingOverflow(by: v)
        else { return nil }
        k = p
      }
      guard let valid = w.validPositions(size: size, stride: s, dilation: k, offsets: least...most)
      else { return nil }
      return (valid.count, used, most - least + 1)
    }
  }
}
