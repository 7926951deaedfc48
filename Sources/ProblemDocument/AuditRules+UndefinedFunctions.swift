import IndexNotation

/// Functions a problem applies.
extension AuditRules {
  /// A function used in a problem that neither the problem nor the preamble says anything about.
  struct UndefinedFunctions: AuditRule {
    let id = "undefined-functions"
    let summary = "a function used but never said what it is"
    let kinds: [Finding.Kind] = [.undefinedFunction]

    func findings(in reading: AuditReading) -> [Finding] {
      let symbols = reading.symbols
      let doc = reading.document
      let standard: Set<String> = [
        "ReLU", "tanh", "exp", "log", "ln", "softmax", "max", "min", "sin", "cos",
        "sqrt", "sigmoid", "Softmax", "GELU", "ELU", "SiLU", "LeakyReLU",
        "softplus", "abs", "sign", "argmax", "argmin", "Var", "E", "Pr",
        "LayerNorm", "BatchNorm", "RMSNorm", "GroupNorm", "Dropout",
        "dropout", "Attention", "diag", "tr", "det", "clip", "round",
      ]
      let preamble = doc.sections.indices.filter { doc.sections[$0].kind == .preamble }
      var out: [Finding] = []
      var seen = Set<String>()
      for u in symbols.uses
      where u.role == .function && !standard.contains(u.name)
        && !DocumentSymbols.distributions.contains(u.name)
      {
        let scope = DocumentSymbols.scope(doc.sections[u.section])
        guard !seen.contains(scope + u.name) else { continue }
        seen.insert(scope + u.name)
        let sections = doc.sections.indices.filter {
          DocumentSymbols.scope(doc.sections[$0]) == scope
        }
        let prose = doc.prose(in: preamble + sections).lowercased()
        let defined = symbols.uses.contains { v in
          v.name == u.name && v.role == .function && v.introduces
            && (DocumentSymbols.scope(doc.sections[v.section]) == scope
              || DocumentSymbols.scope(doc.sections[v.section]).isEmpty || v.location < u.location)
        }
        // Mentioned by itself in the prose of the problem, the preamble or an earlier problem
        // (`do not count $\sigma$`, `$\sigma$ takes values in (0,1)`): the text talks about it.
        let mentioned = symbols.uses.contains { v in
          v.name == u.name && v.alone
            && (DocumentSymbols.scope(doc.sections[v.section]) == scope
              || DocumentSymbols.scope(doc.sections[v.section]).isEmpty || v.location < u.location)
        }
        let said =
          defined || mentioned
          || [
            "sigmoid", "activation", "nonlinearity", "non-linearity", "logistic",
            "step function", "\(u.name.lowercased()) is",
            "\(u.name.lowercased()) denotes",
          ].contains { prose.contains($0) }
        if !said {
          out.append(
            Finding(
              .undefinedFunction,
              "\(u.name) is applied but the problem never says what it is (a sigmoid, a "
                + "step, any activation?)",
              at: u.location, in: doc.sections[u.section], document: doc))
        }
      }
      return out
    }
  }
}
