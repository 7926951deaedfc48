import IndexNotation

/// A running letter written only as a subscript on an equation's right side.
extension AuditRules {
  /// An equation whose right side writes a tensor with a lowercase subscript letter v
  /// (`r_t[b,d]`, `q_{t−1}[b,k]`) that the left side does not carry (neither in its index list
  /// nor its subscript) and that no Σ, Π, max or min of the equation binds, while the equation
  /// uses v's capital V outside index lists (`\frac{1}{T}`): the equation averages or totals
  /// over v's range yet leaves v free on one side.
  ///
  ///     r̄[b,d] = (1/T) r_t[b,d]        t free on the right only: a finding
  ///     r̄[b,d] = (1/T) Σ_t r_t[b,d]    t bound: none
  /// - Complexity: linear in the length of the equation's row.
  struct FreeSubscripts: AuditRule {
    let id = "free-subscripts"
    let summary = "a subscript letter free on the right only, beside its range's capital"
    let kinds: [Finding.Kind] = [.freeIndexOneSide]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for r in reading.readings {
        guard case .equations(let rows) = r.content else { continue }
        for row in rows {
          let eq = row.equation
          let leftLetters = Set(
            eq.lhs.indices.flatMap(\.variables).map(\.name)
              + (eq.lhs.name.subscriptText.map(Self.letters) ?? []))
          for ref in eq.rhsReferences {
            guard let sub = ref.name.subscriptText, let v = Self.runningLetter(sub),
              !leftLetters.contains(v), !Self.binds(row.text, v),
              Self.capitalOutsideBrackets(row.text, v.uppercased())
            else { continue }
            out.append(
              Finding(
                .freeIndexOneSide,
                "free index \(v) (in the subscript of \(ref.name)) on the right-hand side only, "
                  + "while the equation uses its range \(v.uppercased()): nothing sums over \(v)",
                at: doc.location(in: r.fragment, characterOffset: row.offset + ref.position.offset),
                in: doc.sections[r.fragment.section], document: doc))
            break
          }
        }
      }
      return out
    }

    /// The letter of a subscript that is one lowercase Latin letter, alone or with a whole-number
    /// offset (`t`, `t−1`, `t+1`); nil for labels of several letters and for anything else.
    static func runningLetter(_ sub: String) -> String? {
      let s = Array(sub.filter { !$0.isWhitespace })
      guard let first = s.first, first.isASCII, first.isLowercase else { return nil }
      let rest = s.dropFirst()
      if rest.isEmpty { return String(first) }
      guard let sign = rest.first, "+-−".contains(sign), rest.count >= 2,
        rest.dropFirst().allSatisfy(\.isNumber)
      else { return nil }
      return String(first)
    }

    /// The single-letter variables of a subscript (`ℓ+1,t` → ℓ, t).
    static func letters(_ sub: String) -> [String] {
      sub.split(whereSeparator: { !$0.isLetter }).filter { $0.count == 1 }.map(String.init)
    }

    /// Whether a big operator of the row binds v: `\sum_t`, `\sum_{t=1}^{T}`, `\prod_{t}`,
    /// `\max_t`, `\min_t`, `∑_t`.
    static func binds(_ text: String, _ v: String) -> Bool {
      ["\\sum", "\\prod", "\\max", "\\min", "\\arg", "∑", "∏"].contains { op in
        text.components(separatedBy: op + "_").dropFirst().contains { tail in
          let bound =
            tail.hasPrefix("{")
            ? String(tail.dropFirst().prefix { $0 != "}" })
            : String(
              tail.prefix(1))
          return letters(bound).contains(v)
        }
      }
    }

    /// Whether the capital stands in the row as a letter of its own outside square brackets (not
    /// in a command such as `\Theta`, not an offset ΔT, not inside a sub- or superscript brace).
    static func capitalOutsideBrackets(_ text: String, _ capital: String) -> Bool {
      let c = Array(text)
      var depth = 0
      for (i, ch) in c.enumerated() {
        if ch == "[" { depth += 1 }
        if ch == "]" { depth -= 1 }
        guard depth == 0, String(ch) == capital else { continue }
        if i + 1 < c.count, c[i + 1].isLetter { continue }
        var j = i - 1
        while j >= 0, c[j].isLetter { j -= 1 }
        if j < i - 1 { continue }  // inside a word or a command
        if j >= 0, c[j] == "\\" || c[j] == "Δ" || c[j] == "_" || c[j] == "^" { continue }
        if j >= 0, c[j] == " ", i >= 7, String(c[(i - 7)..<i]) == "\\Delta " { continue }
        return true
      }
      return false
    }
  }
}
