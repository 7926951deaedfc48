import IndexNotation

/// Decorated names (x̂, x̄, x̃) that nothing defines.
extension AuditRules {
  /// A tensor written with an accent (`\hat`, `\bar`, `\tilde`, `\check`, `\dot`) is a name of its
  /// own, not its letter: when the set has the plain family (q[m]) but no equation defines the
  /// accented one (its left side, with a right side that computes: a tensor, a scalar or a
  /// function, not a bare size or number as in `q̂[m] = N`) and no prose introduces it, its first
  /// use is a finding. Places `undefinedNames` reports already are left to it.
  /// - Complexity: linear in the document's uses and equations.
  struct DecoratedNames: AuditRule {
    let id = "decorated-names"
    let summary = "an accented name used while only its plain letter is defined"
    let kinds: [Finding.Kind] = [.undefinedName]

    func findings(in reading: AuditReading) -> [Finding] {
      let symbols = reading.symbols
      let doc = reading.document
      let already = Set(reading.unintroduced.filter { !$0.bare }.map(\.finding.location.line))
      var defined = Set<String>()
      // Left sides read on their own, so that an equation the engine cannot read whole
      // (`h̃[b,n,j] = h[b,π(n),j]`) still defines its left side.
      for section in doc.sections {
        for f in section.fragments {
          let sides = FragmentReader.topLevelSides(f.text)
          guard sides.count >= 2, !Self.constantRight("=" + sides.dropFirst().joined()) else {
            continue
          }
          var parser = Parser(sides[0])
          if case .tensor(let ref)? = try? parser.parseExpression() {
            defined.insert(DocumentSymbols.family(ref.name))
          }
          for (ref, _) in FragmentReader.tupleTensors(sides[0]) {
            defined.insert(DocumentSymbols.family(ref.name))
          }
        }
      }
      for r in reading.readings {
        guard case .equations(let rows) = r.content else { continue }
        for row in rows where !Self.constantRight(row.text) {
          defined.insert(DocumentSymbols.family(row.equation.lhs.name))
        }
      }
      // A name introduced in prose in any role (`where $\bar{W}$ and $\bar{a}$ are integer
      // tensors`).
      for u in symbols.uses where u.introduces && !u.onLeft {
        defined.insert(u.family)
        defined.insert(u.name)
      }
      let families = Set(symbols.uses.filter { $0.role == .tensor }.map(\.family))
      var out: [Finding] = []
      var reported = Set<String>()
      for u in symbols.uses where u.role == .tensor && !reported.contains(u.family) {
        let plain = Self.withoutAccents(u.family)
        guard plain != u.family, families.contains(plain), !defined.contains(u.family) else {
          continue
        }
        reported.insert(u.family)
        guard !already.contains(u.location.line) else { continue }
        out.append(
          Finding(
            .undefinedName,
            "\(displayName(u.name)) is used but never defined: an accented name is a name of its "
              + "own, and only \(displayName(plain)) is defined in the set",
            at: u.location, in: doc.sections[u.section], document: doc))
      }
      return out
    }

    /// A name without its combining accents (U+0300–U+036F): `q̂` → `q`.
    static func withoutAccents(_ name: String) -> String {
      String(
        String.UnicodeScalarView(
          name.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }))
    }

    /// Whether an equation row's right side is only sizes and numbers (`= N`, `= 1`,
    /// `= \frac{N}{2}`): a condition on the left, not its definition.
    static func constantRight(_ row: String) -> Bool {
      guard let eq = row.firstIndex(of: "=") else { return false }
      var right = String(row[row.index(after: eq)...])
      for command in ["\\frac", "\\cdot", "\\,", "\\;", "\\left", "\\right"] {
        right = right.replacingOccurrences(of: command, with: "")
      }
      return right.allSatisfy { c in
        (c.isASCII && (c.isUppercase || c.isNumber)) || c.isWhitespace
          || "+-−*/.(){}^_,".contains(c)
      }
    }
  }
}
