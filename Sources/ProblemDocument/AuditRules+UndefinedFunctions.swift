import IndexNotation

/// Functions a problem applies.
extension AuditRules {
  /// A function used in a problem that neither the problem nor the preamble says anything about.
  struct UndefinedFunctions: AuditRule {
    let id = "undefined-functions"
    let summary = "a function used but never said what it is"
    let kinds: [Finding.Kind] = [.undefinedFunction]

    /// The letter the course's notation writes for the activation (`σ(W·x − β)`): the course's
    /// own set and every set written for the corpus apply it without saying which function it
    /// is, so leaving it unsaid is the notation's convention, not a defect — the audit notes it.
    static let conventionalActivation = "σ"

    func findings(in reading: AuditReading) -> [Finding] {
      Self.unexplained(in: reading).filter { $0.name != Self.conventionalActivation }.map(\.finding)
    }

    /// One note per problem that applies the conventional activation without saying what it is.
    static func conventionNotes(in reading: AuditReading) -> [String] {
      unexplained(in: reading).filter { $0.name == conventionalActivation }.map { u in
        "\(u.finding.item.map { "problem \($0)" } ?? "preamble") (\(u.finding.location)): "
          + "\(u.name) is applied and never said what it is; read as the activation the notation "
          + "writes σ (a sigmoid or any nonlinearity), not reported as a defect"
      }
    }

    /// Every function applied in a problem that neither the problem nor the preamble says
    /// anything about, once per problem and name.
    /// - Complexity: linear in the uses and the sections (the places a name is defined or
    ///   mentioned are indexed once; each problem's prose is read once).
    static func unexplained(in reading: AuditReading) -> [(name: String, finding: Finding)] {
      let symbols = reading.symbols
      let doc = reading.document
      let standard: Set<String> = [
        "ReLU", "tanh", "exp", "log", "ln", "softmax", "max", "min", "sin", "cos",
        "sqrt", "sigmoid", "Softmax", "GELU", "ELU", "SiLU", "LeakyReLU",
        "softplus", "abs", "sign", "argmax", "argmin", "Var", "E", "Pr",
        "LayerNorm", "BatchNorm", "RMSNorm", "GroupNorm", "Dropout",
        "dropout", "Attention", "diag", "tr", "det", "clip", "round",
      ]
      // The field writes these names in either case (`\mathrm{relu}`, `Tanh`).
      let standardLower = Set(standard.map { $0.lowercased() })
      let preamble = doc.sections.indices.filter { doc.sections[$0].kind == .preamble }
      let scopeOf = doc.sections.map { DocumentSymbols.scope($0) }
      let sectionsOf = Dictionary(grouping: doc.sections.indices, by: { scopeOf[$0] })
      // Per name, where it is defined as a function and where it is mentioned alone: the scopes
      // and the earliest place (a use is said in its scope, in the preamble or anywhere before).
      var defining: [String: (scopes: Set<String>, first: DocumentLocation)] = [:]
      var alone: [String: (scopes: Set<String>, first: DocumentLocation)] = [:]
      func note(
        _ v: SymbolUse, in table: inout [String: (scopes: Set<String>, first: DocumentLocation)]
      ) {
        let scope = scopeOf[v.section]
        if var entry = table[v.name] {
          entry.scopes.insert(scope)
          if v.location < entry.first { entry.first = v.location }
          table[v.name] = entry
        } else {
          table[v.name] = ([scope], v.location)
        }
      }
      for v in symbols.uses {
        if v.role == .function && v.introduces { note(v, in: &defining) }
        if v.alone { note(v, in: &alone) }
      }
      func said(
        _ u: SymbolUse, _ scope: String,
        in table: [String: (scopes: Set<String>, first: DocumentLocation)]
      ) -> Bool {
        guard let entry = table[u.name] else { return false }
        return entry.scopes.contains(scope) || entry.scopes.contains("") || entry.first < u.location
      }
      var proseOf: [String: String] = [:]
      var out: [(name: String, finding: Finding)] = []
      var seen = Set<String>()
      for u in symbols.uses
      where u.role == .function && !standard.contains(u.name)
        && !standardLower.contains(u.name.lowercased())
        && !DocumentSymbols.distributions.contains(u.name)
      {
        let scope = scopeOf[u.section]
        // A letter applied to an index in a problem about permuting (`X[b,ρ(t),d]`).
        if reading.known.standsForItself(u, in: doc) { continue }
        guard !seen.contains(scope + u.name) else { continue }
        seen.insert(scope + u.name)
        if proseOf[scope] == nil {
          proseOf[scope] = doc.prose(in: preamble + (sectionsOf[scope] ?? [])).lowercased()
        }
        let prose = proseOf[scope] ?? ""
        let defined = said(u, scope, in: defining)
        // Mentioned by itself in the prose of the problem, the preamble or an earlier problem
        // (`do not count $\sigma$`, `$\sigma$ takes values in (0,1)`): the text talks about it.
        let mentioned = said(u, scope, in: alone)
        let said =
          defined || mentioned
          || [
            "sigmoid", "activation", "nonlinearity", "non-linearity", "logistic",
            "step function", "\(u.name.lowercased()) is",
            "\(u.name.lowercased()) denotes",
          ].contains { prose.contains($0) }
        if !said {
          let finding = Finding(
            .undefinedFunction,
            "\(u.name) is applied but the problem never says what it is (a sigmoid, a "
              + "step, any activation?)",
            at: u.location, in: doc.sections[u.section], document: doc)
          out.append((u.name, finding))
        }
      }
      return out
    }
  }
}
