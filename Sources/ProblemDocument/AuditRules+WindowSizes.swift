import Algebra
import Foundation

/// Output sizes and index ranges stated against the border convention that governs them.
extension AuditRules {
  /// A count of output positions along one axis, read from a range `a ≤ x ≤ b` (b − a + 1
  /// values; b + 1 or b for an upper bound alone), from a factor of `(E) \times (F)` after
  /// "size", "shape" or "output", or from an expression after "size"/"length" or before a unit
  /// ("outputs", "rows", "positions", …) in a sentence that names an output ("output",
  /// "result", "size", "length", …) or with a window letter taken away, compared with what the
  /// border convention gives for a window of extent W along an axis of size X at stride one:
  ///
  ///     valid (no padding, the window must fit):  X − W + 1
  ///     zero padding of p on each side:           X + 2p − W + 1
  ///     "same" padding:                           X
  ///
  /// W is a window letter (a Δ-name such as ΔX, or a capital the problem calls a kernel's,
  /// filter's or window's size or number of taps), read from a count `X − W + c`; or, for a
  /// count `X + c`, the one window side other than one that the problem gives as a square
  /// `K×K`. The convention is the first one stated in the claim's sentence, its paragraph, its
  /// part's question, its problem's statement or the preamble; a level that names both kinds
  /// (no padding and zero padding) ends the search unread. A count `X − W + c` in a sentence
  /// that calls the output the same size as its input is a finding whatever the convention. Problems that
  /// name a stride, dilation, pooling or a stack of layers are read only for symbolic windows.
  /// Under the valid convention an output count `⌈X/S⌉` (a ceiling of an axis over a stride),
  /// in a sentence naming an output, for a window wider than one (the sentence's square, else
  /// every square its problem names), counts windows that do not fit: a finding (they are
  /// dropped, the count rounds down). A 1×1 window fits everywhere, and ⌈X/S⌉ is right.
  /// - Complexity: linear in the document's text (each sentence, paragraph and question read
  ///   once per claim level, the preamble once, fragments walked with one pointer per section).
  struct WindowSizes: AuditRule {
    let id = "window-sizes"
    let summary = "an output size or range that the stated border convention does not give"
    let kinds: [Finding.Kind] = [.borderRule]

    /// A border convention: the padding added on each side, or the output kept at the input's
    /// size.
    enum Convention: Equatable {
      case padded(Int)
      case same
    }

    static let validWords =
      OutputSizes.noPaddingWords + [
        "valid convolution", "valid padding", "valid border", "valid\"", "\"valid", "valid cross",
        "valid mode", "valid convention",
        "fit inside", "fits inside", "fit entirely", "fits entirely", "fit within", "fits within",
        "stay inside", "stays inside", "stay within", "stays within",
      ]
    static let paddedWords = ["zero-pad", "zero pad", "padded", "padding of"]
    /// A grid with no border: the output keeps every position.
    static let wrapWords = [
      "modulo", "circular", "periodic", "wrap around", "wraps around", "wrap-around",
      "wraparound", "wrapping around", "wrapped around", "torus", "toroidal", "cyclic",
    ]
    static let sameWords = ["same padding", "\"same\"", "same convolution"]
    /// Conventions whose sizes are not read here.
    static let otherWords = ["causal", "reflect", "replicat", "mirror"]
    static let sameSizeWords = [
      "same size", "same spatial size", "same shape", "same length", "same spatial shape",
      "same resolution",
    ]
    static let units: Set<String> = [
      "outputs", "output", "rows", "columns", "pixels", "positions", "values", "entries",
      "samples", "steps", "frames", "cells", "elements", "wide", "long", "tall", "high",
    ]
    /// Words of a problem that change the arithmetic of a numeric window (several windows in
    /// turn, a stride, a dilation, a pooling).
    static let numericGuards = [
      "stride", "dilat", "pool", "layers", "stack", "transpose", "upsampl", "atrous",
    ]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      // One pass: each problem's sections and each question's text (a part's, or the
      // problem's shared one under part ""), so nothing below scans the document again.
      var sectionsOf: [String: [Section]] = [:]
      var questionText: [String: String] = [:]
      // The preamble's convention holds in every problem that states none of its own.
      let preamble = Self.convention(
        doc.sections.filter { $0.kind == .preamble }.map { doc.text(of: $0).lowercased() })
      for section in doc.sections {
        guard let problem = section.problem else { continue }
        sectionsOf[problem, default: []].append(section)
        if section.kind == .statement {
          questionText[problem + "\u{0}" + (section.part ?? ""), default: ""] +=
            doc.text(of: section).lowercased() + "\n"
        }
      }
      // Each question's convention, read once.
      var questionConvention: [String: Convention??] = [:]
      func convention(of key: String) -> Convention?? {
        if let known = questionConvention[key] { return known }
        let read = Self.convention([questionText[key] ?? ""])
        questionConvention[key] = read
        return read
      }
      var windowsOf: [String: (letters: Set<String>, sides: Set<Int>, guarded: Bool)] = [:]
      var allSidesOf: [String: Set<Int>] = [:]
      for section in doc.sections where section.kind != .preamble {
        guard let problem = section.problem else { continue }
        if windowsOf[problem] == nil {
          windowsOf[problem] = Self.windows(sectionsOf[problem] ?? [], doc)
        }
        let windows = windowsOf[problem]!
        let partKey = problem + "\u{0}" + (section.part ?? "")
        let sharedKey = problem + "\u{0}"
        let math = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        var next = 0
        for sentence in UnpaddedSizes.sentences(section, doc) {
          while next < math.count, math[next].location.offset < sentence.lowerBound { next += 1 }
          var k = next
          var claims: [(MathFragment, [Polynomial])] = []
          let lower = doc.slice(sentence).lowercased()
          // A count before a unit is an output's size only in a sentence that names one, or
          // when it takes a window letter away (`X − ΔX + 1 positions`).
          let namesOutput = Self.outputWords.contains(where: lower.hasSubstring)
          while k < math.count, sentence.contains(math[k].location.offset) {
            if let (counts, named) = Self.counts(math[k], doc),
              named || namesOutput
                || counts.contains(where: { Self.reduced($0, windows.letters) != nil })
            {
              claims.append((math[k], counts))
            }
            k += 1
          }
          // `⌈X/S⌉` outputs of a window wider than one, in a sentence naming an output. The
          // window is the sentence's own square, else the problem's when every square it
          // names is wider than one: a 1×1 window fits everywhere and ⌈X/S⌉ is right for it.
          let ownSides = Set(OutputSizes.squares(lower).map(\.side))
          if ownSides.isEmpty, allSidesOf[problem] == nil {
            allSidesOf[problem] = Set(
              (sectionsOf[problem] ?? []).flatMap { OutputSizes.squares(doc.text(of: $0)) }
                .map(\.side))
          }
          let sides = ownSides.isEmpty ? allSidesOf[problem] ?? [] : ownSides
          let ceiling =
            namesOutput && !sides.isEmpty && sides.allSatisfy({ $0 > 1 })
            ? math[next..<k].first(where: { Self.roundsUp($0.text) }) : nil
          guard !claims.isEmpty || ceiling != nil else { continue }
          let paragraph = Self.paragraph(before: sentence.upperBound, in: section, doc)
          var stated: Convention?? = Self.convention([lower, paragraph]) ?? convention(of: partKey)
          if stated == nil, section.part != nil { stated = convention(of: sharedKey) }
          let convention = stated ?? preamble
          if let f = ceiling, case .padded(0)?? = convention {
            out.append(
              Finding(
                .borderRule,
                "with no padding a window that does not fit is dropped, so the count of outputs "
                  + "rounds down, not up as \(RangeSizes.trimmedText(f.text)) does",
                at: f.location, in: section, document: doc,
                evidence: "a ceiling of the size over the stride under the valid convention"))
          }
          let same = Self.saysSame(lower)
          // Borders may differ by axis (an angle that wraps, a radius that does not): a
          // sentence with a count that agrees along another axis is not read.
          let agreeing = claims.filter {
            Self.disagreement(
              $0.1, convention, same, windows.letters, windows.sides, guarded: windows.guarded)
              == nil && Self.agrees($0.1, convention, windows.letters)
          }.flatMap { Self.axes($0.1, windows.letters) }
          for (f, counts) in claims {
            guard
              let message = Self.disagreement(
                counts, convention, same, windows.letters, windows.sides,
                guarded: windows.guarded),
              Set(agreeing).isSubset(of: Self.axes(counts, windows.letters))
            else { continue }
            out.append(
              Finding(
                .borderRule, message, at: f.location, in: section, document: doc,
                evidence: "counts read from \(RangeSizes.trimmedText(f.text)): "
                  + counts.map(\.description).joined(separator: " or ")))
            break
          }
        }
      }
      return out
    }

    /// Why no count of a claim agrees with the convention, or nil when one does (or nothing
    /// is read).
    static func disagreement(
      _ counts: [Polynomial], _ convention: Convention??, _ same: Bool, _ letters: Set<String>,
      _ sides: Set<Int>, guarded: Bool
    ) -> String? {
      var reasons: [String] = []
      for n in counts {
        guard let (axis, window, c) = reduced(n, letters) else {
          if case .same?? = convention, let (axis, c) = shifted(n, letters), !guarded {
            guard c != 0 else { return nil }
            reasons.append(
              "a border that keeps every position leaves all \(axis) positions, not \(n)")
            continue
          }
          guard !guarded, case .padded(let p)?? = convention, sides.count == 1, let k = sides.first,
            let (axis, c) = shifted(n, letters)
          else { return nil }
          let expected = 2 * p - k + 1
          // The whole axis is the input's own size, stated beside the output's.
          guard c != expected, c != 0 else { return nil }
          reasons.append(
            "a \(k)-wide window with padding \(p) leaves \(axis) + 2·\(p) − \(k) + 1 = "
              + "\(Polynomial.symbol(axis) + Polynomial(Rational(expected))) positions, not \(n)")
          continue
        }
        if same {
          reasons.append(
            "\(n) positions are fewer than the \(axis) of the input, so the output is not the "
              + "same size")
          continue
        }
        switch convention {
        case .padded(0)??:
          guard c != 1 else { return nil }
          reasons.append(
            "with no padding a window of \(window) taps fits at \(axis) − \(window) + 1 "
              + "positions, not \(n)")
        case .padded(let p)??:
          guard c != 2 * p + 1 else { return nil }
          reasons.append(
            "with padding \(p) a window of \(window) taps fits at \(axis) + \(2 * p) − \(window) "
              + "+ 1 positions, not \(n)")
        case .same??:
          reasons.append("with \"same\" padding the output keeps all \(axis) positions, not \(n)")
        default:
          return nil
        }
      }
      return reasons.isEmpty ? nil : reasons[0]
    }

    /// Whether a count is the whole axis under a border that keeps every position.
    static func agrees(_ counts: [Polynomial], _ convention: Convention??, _ letters: Set<String>)
      -> Bool
    {
      guard case .same?? = convention else { return false }
      return counts.contains { shifted($0, letters).map { $0.1 == 0 } ?? false }
    }

    /// The axes a claim's counts run along: their letters other than windows.
    static func axes(_ counts: [Polynomial], _ letters: Set<String>) -> [String] {
      counts.flatMap(\.symbols).filter { !$0.hasPrefix("Δ") && !letters.contains($0) }
    }

    /// `X − W + c` over an axis X and a window letter W: the axis, the window and c.
    static func reduced(_ n: Polynomial, _ letters: Set<String>) -> (String, String, Int)? {
      guard n.symbols.count == 2 else { return nil }
      for w in n.symbols where w.hasPrefix("Δ") || letters.contains(w) {
        guard let axis = n.symbols.first(where: { $0 != w }),
          let c = (n - .symbol(axis) + .symbol(w)).constantValue, let whole = c.intValue
        else { continue }
        return (axis, w, whole)
      }
      return nil
    }

    /// `X + c` over one capital axis X (not a Δ-name or a window letter: a count of a window's
    /// own taps is no output size): the axis and c.
    static func shifted(_ n: Polynomial, _ letters: Set<String>) -> (String, Int)? {
      guard n.symbols.count == 1, let axis = n.symbols.first,
        axis.first?.isUppercase ?? false, !axis.hasPrefix("Δ"), !letters.contains(axis),
        let c = (n - .symbol(axis)).constantValue, let whole = c.intValue
      else { return nil }
      return (axis, whole)
    }

    /// The first convention stated by the texts in order: `.padded(0)` for words of no
    /// padding, `.padded(p)` for a stated padding p, `.same` for "same" padding or a grid that
    /// wraps around (indices modulo the size); `.some(nil)` when a text names two kinds, a
    /// padding with no width or a convention whose size is not read (causal, reflecting); nil
    /// when none names one.
    static func convention(_ texts: [String]) -> Convention?? {
      for text in texts {
        let valid = validWords.contains { text.hasSubstring($0) }
        let wraps = wrapWords.contains { text.hasSubstring($0) }
        let same = sameWords.contains { text.hasSubstring($0) }
        // A phrase of no padding ("unpadded", "no zero padding") holds a word of padding:
        // padding words are read in the text without those phrases.
        var rest = text
        if valid {
          for word in validWords where rest.hasSubstring(word) {
            rest = rest.replacingOccurrences(of: word, with: " ")
          }
        }
        let padded = paddedWords.contains { rest.hasSubstring($0) }
        let other = otherWords.contains { text.hasSubstring($0) }
        switch [valid, wraps || same, padded, other].filter({ $0 }).count {
        case 0: continue
        case 1: break
        default: return .some(nil)
        }
        if valid { return .some(.padded(0)) }
        if wraps || same { return .some(.same) }
        guard padded, let p = OutputSizes.number(after: ["padding of ", "padded by "], in: text),
          p > 0
        else { return .some(nil) }
        return .some(.padded(p))
      }
      return nil
    }

    /// Whether a sentence calls the output the same size as the input: not negated in the three
    /// words before ("not", "isn't", …) and not in a clause of contrast ("unlike …") among the
    /// eight words before.
    static func saysSame(_ lower: String) -> Bool {
      for word in sameSizeWords {
        guard let r = lower.range(of: word) else { continue }
        let before = lower[..<r.lowerBound].replacingOccurrences(of: "’", with: "'")
          .split(separator: " ").suffix(8).map {
            String($0).trimmingCharacters(in: .punctuationCharacters.subtracting(["'"]))
          }
        let negated = before.suffix(3).contains(where: negations.contains)
        if !negated, !before.contains("unlike") { return true }
      }
      return false
    }

    /// Words that negate a statement of size right after them.
    static let negations: Set<String> = [
      "not", "never", "no", "nor", "neither", "isn't", "aren't", "wasn't", "doesn't", "don't",
      "won't", "cannot", "can't",
    ]
  }
}
