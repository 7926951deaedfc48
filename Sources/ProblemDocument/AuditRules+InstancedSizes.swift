import Algebra
import Foundation

/// A problem's own output-size formula against the sizes it prints at the numbers it gives.
extension AuditRules {
  /// A problem that states the output size along an axis as a formula of the input's,
  ///
  ///     X′ = ⌊(X + 2P − ΔX)/s⌋ + 1      (any expression naming X, read by `NumericValue`)
  ///
  /// and later prints that size as a number (`X′ = 30`, `X′ = ⌊223/2⌋ + 1 = 112`) after giving
  /// every letter of the formula a number (`X = 32`, `\Delta X = \rho = 3`; the last value
  /// given in the problem counts): a finding when no formula the problem has stated for X′ so
  /// far gives the printed number. Silent when a letter has no number, when a formula's value
  /// is not whole (the problem did not say how it rounds), or when any stated formula agrees.
  /// The output's letter is a capital with a prime, the writer's mark of the output size.
  /// - Complexity: linear in the problem's fragments (each at most `longest` characters, at
  ///   most `formulasKept` formulas per letter evaluated at each printed size).
  struct InstancedSizes: AuditRule {
    let id = "instanced-size-formulas"
    let summary = "a printed output size that the problem's own size formula does not give"
    let kinds: [Finding.Kind] = [.borderRule]

    /// Fragments longer than this are not read.
    static let longest = 200
    /// Formulas kept per output letter (the first ones stated).
    static let formulasKept = 8

    /// What one problem has stated so far: the numbers given to letters, each output's
    /// formulas with the border words read up to the formula's section, and those words.
    struct State {
      var values: [String: Rational] = [:]
      var formulas: [String: [(text: String, expression: Expression, words: Set<String>)]] = [:]
      var words: Set<String> = []
      /// Per output size, the values in force (but its own) when a printed size agreed with its
      /// formula: at those values, another printed size is the layer applied again (`the second layer reads
      /// width 30, so X' = 28`), not a slip.
      var agreedAt: [String: [String: Rational]] = [:]
    }

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      var states: [String: State] = [:]
      // The convention words of each answered question, by solution section: one pass.
      var asked: [Int: Set<String>] = [:]
      for item in doc.items {
        let words = item.statements.filter { doc.sections[$0].part == item.part }
          .reduce(into: Set<String>()) {
            $0.formUnion(Self.borderWords(doc.text(of: doc.sections[$1])))
          }
        for k in item.solutions { asked[k, default: []].formUnion(words) }
      }
      for (index, section) in doc.sections.enumerated() {
        let scope = DocumentSymbols.scope(section)
        var state = states[scope] ?? State()
        let scalars = Array(doc.text(of: section).unicodeScalars)
        let marks = Self.wordMarks(scalars)
        let prior = state.words
        let fragments = section.fragments.filter {
          !$0.bare && $0.text.unicodeScalars.count <= Self.longest
        }.sorted { $0.location < $1.location }
        for f in fragments {
          let (sides, relations) = ArithmeticChains.chain(f.text)
          guard sides.count >= 2, relations.allSatisfy({ $0 == "=" }) else { continue }
          let names = sides.map { Expression($0) }
          let printed = NumericValue.read(sides[sides.count - 1])?.exact
          if let left = names[0], left.names.count == 1, left.isName,
            let output = left.names.first, Self.isOutputSize(output)
          {
            let line = Self.line(scalars, f.location.offset - section.range.lowerBound)
            // The words around a printed size: its line's, and its question's when it answers
            // one; those a formula was stated under: the problem's up to the formula's line end.
            let around = Self.words(marks, in: line).union(asked[index] ?? [])
            if let value = printed, value.isInteger,
              state.agreedAt[output] != state.values.filter({ $0.key != output })
            {
              if let finding = Self.judged(output, value, state, around, f, section, doc) {
                out.append(finding)
              } else if state.formulas[output]?.contains(where: {
                $0.expression.value(state.values) == value
              }) ?? false {
                state.agreedAt[output] = state.values.filter { $0.key != output }
              }
            }
            let base = String(output.dropLast())
            if let k = names.indices.dropFirst().first(where: {
              names[$0].map { $0.names.contains(base) && !$0.names.contains(output) } ?? false
            }), let expression = names[k],
              state.formulas[output, default: []].count < Self.formulasKept
            {
              state.formulas[output, default: []].append(
                (
                  InstancedFormulas.trimmed(sides[k]), expression,
                  prior.union(marks.filter { $0.at < line.upperBound }.map(\.word))
                ))
            }
          }
          // `X = Y = 32`: every side but the last one name, the last a number.
          if let value = printed,
            names.dropLast().allSatisfy({ ($0?.isName ?? false) && $0?.names.count == 1 })
          {
            for name in names.dropLast().compactMap({ $0?.names.first }) {
              state.values[name] = value
            }
          }
        }
        state.words.formUnion(marks.map(\.word))
        states[scope] = state
      }
      return out
    }

    /// A finding when every formula stated for `output` is evaluable at the problem's values
    /// and none gives `printed`. A formula is not judged where the words around the printed
    /// size name a border convention (`same`, `stride`, `crop` …) the problem had not named by
    /// the formula: that size may follow another convention than the formula's.
    static func judged(
      _ output: String, _ printed: Rational, _ state: State, _ around: Set<String>,
      _ f: MathFragment, _ section: Section, _ doc: ProblemSetDocument
    ) -> Finding? {
      guard let formulas = state.formulas[output], !formulas.isEmpty,
        formulas.allSatisfy({ around.isSubset(of: $0.words) })
      else { return nil }
      var results: [(String, Rational)] = []
      for (text, e, _) in formulas {
        guard let v = e.value(state.values), v.isInteger else { return nil }
        if v == printed { return nil }
        results.append((text, v))
      }
      let (text, v) = results[0]
      let given = formulas[0].expression.names.sorted().map {
        "\($0) = \(state.values[$0]!)"
      }.joined(separator: ", ")
      return Finding(
        .borderRule,
        "the problem's size formula \(output) = \(text) gives \(v) at \(given), "
          + "not the printed \(printed)",
        at: f.location, in: section, document: doc,
        evidence: results.map { "\(output) = \($0.0) → \($0.1)" }.joined(
          separator: "; "))
    }

    /// The field's words for border conventions (padding, stride, dilation, cropping,
    /// reflection, circular and causal borders, transposed layers), lowercased.
    static let conventionWords: Set<String> = [
      "pad", "padding", "padded", "unpadded", "same", "valid", "full", "stride", "strided",
      "strides", "dilation", "dilated", "crop", "cropped", "cropping", "reflect", "reflection",
      "mirror", "circular", "wrap", "causal", "transposed",
    ]

    /// The convention words a text uses.
    /// - Complexity: linear in the text's length.
    static func borderWords(_ text: String) -> Set<String> {
      Set(wordMarks(Array(text.unicodeScalars)).map(\.word))
    }

    /// The convention words of a text, each with the scalar offset where it starts.
    /// - Complexity: linear in the text's length.
    static func wordMarks(_ scalars: [Unicode.Scalar]) -> [(at: Int, word: String)] {
      var out: [(at: Int, word: String)] = []
      var start = 0
      var word = ""
      var long = false
      for k in 0...scalars.count {
        if k < scalars.count, scalars[k].properties.isAlphabetic {
          if word.isEmpty { start = k }
          // No convention word is longer: a longer run of letters is no match.
          if word.unicodeScalars.count < 16 {
            word.unicodeScalars.append(scalars[k])
          } else {
            long = true
          }
          continue
        }
        if !long, conventionWords.contains(word.lowercased()) {
          out.append((start, word.lowercased()))
        }
        (word, long) = ("", false)
      }
      return out
    }

    /// The words of marks (sorted by offset) that start in `range`.
    /// - Complexity: O(log marks + the marks in the range).
    static func words(_ marks: [(at: Int, word: String)], in range: Range<Int>) -> Set<String> {
      var (lo, hi) = (0, marks.count)
      while lo < hi {
        let mid = (lo + hi) / 2
        if marks[mid].at < range.lowerBound { lo = mid + 1 } else { hi = mid }
      }
      var out = Set<String>()
      while lo < marks.count, marks[lo].at < range.upperBound {
        out.insert(marks[lo].word)
        lo += 1
      }
      return out
    }

    /// The scalar range of the line holding offset `at`, at most `reach` scalars either side.
    static func line(_ scalars: [Unicode.Scalar], _ at: Int) -> Range<Int> {
      let reach = 400
      var (a, b) = (max(0, min(at, scalars.count)), max(0, min(at, scalars.count)))
      while a > 0, at - a < reach, scalars[a - 1] != "\n" { a -= 1 }
      while b < scalars.count, b - at < reach, scalars[b] != "\n" { b += 1 }
      return a..<b
    }

    /// Whether a name is a capital letter with a prime: an output size.
    static func isOutputSize(_ name: String) -> Bool {
      let s = Array(name)
      return s.count == 2 && s[1] == "'" && s[0].isUppercase && s[0].isASCII
    }
  }
}
