import Foundation

/// Output sizes worked out in numbers with a floor or a ceiling, against their printed value.
extension AuditRules {
  /// A chain of equalities in one fragment whose sides are numbers worked out with a floor or
  /// a ceiling (`\lfloor (65 + 2 - 3)/2 \rfloor + 1 = 32`, the output size of a strided layer)
  /// is evaluated side by side: two neighbouring numeric sides that differ are a finding (here
  /// ⌊64/2⌋ + 1 = 33). Sides with a letter are skipped; a chain with no floor or ceiling is
  /// left to `arithmetic-chains`. Sides are read by the one numeric evaluator, `NumericValue`.
  /// - Complexity: linear in each fragment's length.
  struct RoundedSizes: AuditRule {
    let id = "rounded-sizes"
    let summary = "an output size worked out with a floor or ceiling that does not compute"
    let kinds: [Finding.Kind] = [.borderRule]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        for f in section.fragments where !f.bare {
          let text = f.text
          guard text.hasSubstring("\\lfloor") || text.hasSubstring("\\lceil") else { continue }
          let sides = FragmentReader.topLevelSides(text).map(FragmentReader.trimmed)
          guard sides.count >= 2 else { continue }
          var last: (String, Double)?
          for side in sides {
            guard let value = Self.value(side) else {
              last = nil
              continue
            }
            if let (previous, was) = last, abs(was - value) > 1e-9 * max(1, abs(value)),
              Self.rounds(previous) || Self.rounds(side)
            {
              out.append(
                Finding(
                  .borderRule,
                  "\(Self.shown(previous)) is \(Self.shown(was)), not \(Self.shown(value))",
                  at: f.location, in: section, document: doc,
                  evidence: "\(previous.trimmingCharacters(in: .whitespaces)) = "
                    + "\(side.trimmingCharacters(in: .whitespaces))"))
              break
            }
            last = (side, value)
          }
        }
      }
      return out
    }

    /// Whether a side takes a floor or a ceiling.
    static func rounds(_ side: String) -> Bool {
      side.hasSubstring("\\lfloor") || side.hasSubstring("\\lceil")
    }

    /// A side's text without its surrounding spaces.
    static func shown(_ side: String) -> String {
      side.trimmingCharacters(in: .whitespaces)
    }

    /// A number without a needless ".0".
    static func shown(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The value of a side made of numbers, `+ − · × /`, parentheses, `\frac{a}{b}`,
    /// `\lfloor … \rfloor` and `\lceil … \rceil`, read by the audit's one numeric evaluator;
    /// nil for anything else (a letter, a word).
    static func value(_ text: String) -> Double? {
      NumericValue.read(text).map { $0.exact?.doubleValue ?? $0.approximate }
    }
  }
}
