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

    /// What one problem has stated so far.
    struct State {
      var values: [String: Rational] = [:]
      var formulas: [String: [(text: String, expression: Expression)]] = [:]
    }

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      var states: [String: State] = [:]
      for section in doc.sections {
        let scope = DocumentSymbols.scope(section)
        var state = states[scope] ?? State()
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
            if let value = printed, value.isInteger,
              let finding = Self.judged(output, value, state, f, section, doc)
            {
              out.append(finding)
            }
            let base = String(output.dropLast())
            if let k = names.indices.dropFirst().first(where: {
              names[$0].map { $0.names.contains(base) && !$0.names.contains(output) } ?? false
            }), let expression = names[k],
              state.formulas[output, default: []].count < Self.formulasKept
            {
              state.formulas[output, default: []].append((Self.shown(sides[k]), expression))
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
        states[scope] = state
      }
      return out
    }

    /// A finding when every formula stated for `output` is evaluable at the problem's values
    /// and none gives `printed`.
    static func judged(
      _ output: String, _ printed: Rational, _ state: State, _ f: MathFragment,
      _ section: Section, _ doc: ProblemSetDocument
    ) -> Finding? {
      guard let formulas = state.formulas[output], !formulas.isEmpty else { return nil }
      var results: [(String, Rational)] = []
      for (text, e) in formulas {
        guard let v = e.value(state.values), v.isInteger else { return nil }
        if v == printed { return nil }
        results.append((text, v))
      }
      let (text, v) = results[0]
      let given = formulas[0].expression.names.sorted().map {
        "\(shown(name: $0)) = \(state.values[$0]!)"
      }.joined(separator: ", ")
      return Finding(
        .borderRule,
        "the problem's size formula \(shown(name: output)) = \(text) gives \(v) at \(given), "
          + "not the printed \(printed)",
        at: f.location, in: section, document: doc,
        evidence: results.map { "\(shown(name: output)) = \($0.0) → \($0.1)" }.joined(
          separator: "; "))
    }

    /// Whether a name is a capital letter with a prime: an output size.
    static func isOutputSize(_ name: String) -> Bool {
      let s = Array(name)
      return s.count == 2 && s[1] == "'" && s[0].isUppercase && s[0].isASCII
    }

    /// A side's text without its surrounding spaces.
    static func shown(_ side: String) -> String {
      side.trimmingCharacters(in: .whitespaces)
    }

    /// A name as printed in a message.
    static func shown(name: String) -> String { name }
  }
}
