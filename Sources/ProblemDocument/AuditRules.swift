import IndexNotation

/// The rules an audit applies across a document. Each is silent on a document that does not
/// have the defect it names: none looks at a particular problem set's wording.
enum AuditRules {
  /// The engine's diagnostics of every equation and expression: missing commas, ranks within an
  /// equation, free indices, unsummed capitals, redundant Σ, threshold signs. A fragment the
  /// engine cannot read is not a defect of the document: the auditor notes it.
  /// A free index on the left only is a defect of a definition (the defined tensor cannot
  /// depend on it); an equation about a tensor introduced before it (`H[v,i] = q[i]`: the same
  /// for every v), or one whose left side is an expression, states a fact instead.
  static func engine(
    _ readings: [ReadFragment], _ doc: ProblemSetDocument,
    thresholds: Set<String>, symbols: DocumentSymbols? = nil
  ) -> [Finding] {
    var out: [Finding] = []
    var firstIntroduction: [String: DocumentLocation] = [:]
    for u in symbols?.uses ?? [] where u.role == .tensor && u.introduces {
      let key = DocumentSymbols.scope(doc.sections[u.section]) + "\u{0}" + u.name
      if firstIntroduction[key] == nil { firstIntroduction[key] = u.location }
    }
    for r in readings {
      let section = doc.sections[r.fragment.section]
      func report(_ d: Diagnostic, rowOffset: Int) {
        out.append(
          Finding(
            Finding.Kind(d.kind), d.message,
            at: doc.location(in: r.fragment, characterOffset: rowOffset + d.position.offset),
            in: section, document: doc))
      }
      switch r.content {
      case .equations(let rows):
        for row in rows {
          for d in row.parseDiagnostics { report(d, rowOffset: row.offset) }
          let lhs = row.equation.lhs
          let scope = DocumentSymbols.scope(section)
          let statesFact =
            lhs.name.base == Parser.expressionSide
            || [scope, ""].contains { scope in
              firstIntroduction[scope + "\u{0}" + DocumentSymbols.key(lhs.name)].map {
                $0 < doc.location(in: r.fragment, characterOffset: row.offset)
                  && $0.line != r.fragment.location.line
              } ?? false
            }
          let parameters = subscriptParameters(row.equation)
          for d in Checker.check(row.equation, thresholdNames: thresholds) {
            if statesFact && d.kind == .freeIndexOneSide
              && d.message.hasSuffix("left-hand side only")
            {
              continue
            }
            if d.kind == .freeIndexOneSide,
              parameters.contains(where: { d.message.hasPrefix("free index \($0) ") })
            {
              continue
            }
            report(d, rowOffset: row.offset)
          }
        }
      case .expression(_, _, let diagnostics):
        for d in diagnostics { report(d, rowOffset: 0) }
      default:
        break
      }
    }
    return out
  }

  /// One name in two roles within a problem: a tensor that is also a size, an index or a scalar
  /// (B the batch size and B the thresholds), or a function name used otherwise.
  static func roleClashes(_ symbols: DocumentSymbols, _ doc: ProblemSetDocument) -> [Finding] {
    var out: [Finding] = []
    var byScope: [String: [SymbolUse]] = [:]
    for u in symbols.uses {
      byScope[DocumentSymbols.scope(doc.sections[u.section]), default: []].append(u)
    }
    for (_, uses) in byScope.sorted(by: { $0.key < $1.key }) {
      // Tensors are named by their base letter here: L_ℓ and the size L share the letter L.
      var letters: [String: [SymbolUse]] = [:]
      var order: [String] = []
      let tensors = Set(uses.filter { $0.role == .tensor }.map(\.name))
      let families = Set(uses.filter { $0.role == .tensor }.map(\.family))
      // Letters some phrase introduces as sizes anywhere in the set (`where $B$ … are the number`).
      let declaredSizes = Set(
        symbols.uses.filter {
          $0.role == .size && $0.introduces && !$0.inProduct
            && (!$0.alone || $0.counted || $0.quantity)
        }.map(\.name))
      for u in uses {
        // `a product of $o$ and $E$`, `do not count $\sigma$`: a name mentioned alone, with no
        // phrase introducing it, refers to what it names elsewhere.
        if u.alone && !u.introduces && !u.quantity { continue }
        // `the scaled weights $λW$`: a tensor's letter in a formula, never declared a size, is
        // the tensor.
        if u.role == .size && (!u.introduces || u.inProduct || u.alone)
          && (!u.quantity || u.name.first?.isUppercase == true) && !u.inEquation
          && families.contains(u.name) && !declaredSizes.contains(u.name)
        {
          continue
        }
        // "Where $z$ is near one": prose naming a tensor of the problem by its bare name.
        if u.role == .scalar && !u.inEquation && tensors.contains(u.name)
          && u.name.first?.isLowercase == true
        {
          continue
        }
        let letter = u.role == .tensor ? u.family : u.name
        if letters[letter] == nil { order.append(letter) }
        letters[letter, default: []].append(u)
      }
      for letter in order {
        let group = letters[letter]!
        let roles = Set(group.map(\.role))
        let clash = roles.count > 1 && (roles.contains(.tensor) || roles.contains(.function))
        guard clash, let first = group.first,
          let other = group.first(where: { $0.role != first.role })
        else { continue }
        let describe = { (u: SymbolUse) in
          "\(u.role == .tensor ? "the tensor \(u.name)" : "\(article(u.role)) \(u.role.rawValue) \(u.name)") (\(u.location))"
        }
        out.append(
          Finding(
            .roleClash,
            "\(letter) names two things in \(doc.sections[other.section].problem.map { "problem \($0)" } ?? "the preamble"): "
              + "\(describe(first)) and \(describe(other))",
            at: other.location, in: doc.sections[other.section], document: doc))
      }
    }
    return out
  }

  static func article(_ role: SymbolRole) -> String { role == .index ? "an" : "a" }

  /// `L_ℓ+1,s` → `L_{ℓ+1,s}` for messages.
  static func displayName(_ key: String) -> String {
    var out = ""
    var script = ""
    var inScript: Character?
    func flush() {
      guard let s = inScript else { return }
      out += script.count == 1 ? "\(s)\(script)" : "\(s){\(script)}"
      script = ""
      inScript = nil
    }
    for c in key {
      if c == "_" || c == "^" {
        flush()
        inScript = c
      } else if inScript != nil {
        script.append(c)
      } else {
        out.append(c)
      }
    }
    flush()
    return out
  }

  /// Names used in a question (or in a printed count) that nothing introduces, or that are used
  /// before their introduction. A family used without its subscript is left to `missingSubscripts`.
  static func undefinedNames(_ symbols: DocumentSymbols, _ doc: ProblemSetDocument) -> [Finding] {
    var out: [Finding] = []
    var introduced: [String: DocumentLocation] = [:]  // scope + name → first introduction
    var families: [String: DocumentLocation] = [:]  // scope + family → first subscripted intro
    // A name introduced in the preamble or an earlier problem stays introduced for the problems
    // after it ("x from Problem 1", sizes declared once for the set).
    var anywhere: [String: DocumentLocation] = [:]
    var anyFamily: [String: DocumentLocation] = [:]
    for u in symbols.uses where u.introduces {
      // An example formula of the preamble (`the inner product $e[w,I]h[t,I]$`) introduces
      // nothing for the problems.
      if u.role == .tensor && u.inProduct && DocumentSymbols.scope(doc.sections[u.section]).isEmpty
      {
        continue
      }
      if anywhere[u.name] == nil { anywhere[u.name] = u.location }
      if u.role == .tensor, anyFamily[u.family] == nil { anyFamily[u.family] = u.location }
      let scope = DocumentSymbols.scope(doc.sections[u.section])
      let key = scope + "\u{0}" + u.name
      if introduced[key] == nil { introduced[key] = u.location }
      if u.role == .tensor {
        let fkey = scope + "\u{0}" + u.family
        if families[fkey] == nil { families[fkey] = u.location }
      }
    }
    var indexNames = Set<String>()
    for u in symbols.uses where u.role == .index {
      indexNames.insert(DocumentSymbols.scope(doc.sections[u.section]) + "\u{0}" + u.name)
    }
    var reported = Set<String>()
    let scalarFamily = scalarFamilies(symbols)
    let functions = Set(symbols.uses.filter { $0.role == .function }.map(\.name))
    for u in symbols.uses {
      let section = doc.sections[u.section]
      guard section.kind != .preamble, u.role == .tensor || u.role == .scalar || u.role == .size
      else {
        continue
      }
      // `do not count $\sigma$`: a mention of a function the set applies.
      if u.role != .tensor && functions.contains(u.name) { continue }
      // An index letter (t_1, d) is introduced by the tensors it indexes.
      if u.role != .tensor && indexNames.contains(DocumentSymbols.scope(section) + "\u{0}" + u.name)
      {
        continue
      }
      // Solutions may bring their own parameters; only their counts and formulas are read here.
      // Their own variables (e^a ≥ 1 + a for every real a) too: only sizes are checked there.
      // A solution's own tensors are defined there; one used on a right side or in its prose that
      // nothing in the set introduces is still a finding.
      if section.kind == .solution
        && (u.onLeft || u.role == .scalar
          || (u.role != .tensor && u.name.first?.isLowercase == true)
          || (u.role == .tensor && (anywhere[u.name] != nil || anyFamily[u.family] != nil)))
      {
        continue
      }
      let scope = DocumentSymbols.scope(section)
      let key = scope + "\u{0}" + u.name
      var intro = introduced[key]
      let candidates = [anywhere[u.name], u.role == .tensor ? anyFamily[u.family] : nil].compactMap
      { $0 }
      if let earlier = candidates.min(), earlier < u.location,
        doc.sections.first(where: { $0.range.contains(earlier.offset) })
          .map({ DocumentSymbols.scope($0) != scope }) ?? false
      {
        intro = intro.map { min($0, earlier) } ?? earlier
      }
      if u.role == .tensor {
        let fkey = scope + "\u{0}" + u.family
        if u.subscripted, let f = families[fkey] { intro = intro.map { min($0, f) } ?? f }
        if !u.subscripted, intro == nil, families[fkey] != nil { continue }  // missingSubscripts
      }
      if u.role != .tensor, let f = scalarFamily(u.name), f < u.location {
        intro = intro.map { min($0, f) } ?? f
      }
      guard !reported.contains(key) else { continue }
      // A fragment the engine could not read, earlier in the problem or the set, that mentions
      // the letter may be what introduces it: nothing can be said.
      let letter =
        u.role == .tensor
        ? String(u.family.prefix { $0 != "^" })
        : String(u.name.prefix { $0 != "_" })
      if intro == nil,
        symbols.mentions.contains(where: { m in
          m.letters.contains(letter) && m.location < u.location
            && (m.scope == scope || m.scope.isEmpty
              || (Int(m.scope) ?? 0) < (Int(scope) ?? 0))
        })
      {
        continue
      }
      if intro == nil {
        reported.insert(key)
        out.append(
          Finding(
            .undefinedName,
            "\(displayName(u.name)) is used but never introduced in problem \(scope): "
              + "nothing defines it or says what it stands for",
            at: u.location, in: section, document: doc))
      } else if let i = intro, i > u.location, i.line != u.location.line, !u.introduces,
        // A model's equations followed by what their names stand for ("…, where $V[k,d]$
        // are the value weights"): introduced in a later sentence of the same text.
        !(section.kind == .statement && section.range.contains(i.offset))
      {
        reported.insert(key)
        out.append(
          Finding(
            .undefinedName,
            "\(displayName(u.name)) is used before it is introduced (at \(i))",
            at: u.location, in: section, document: doc))
      }
    }
    return out
  }

  /// A layer- or scale-indexed family used without its subscript: (i) a use with no subscript of
  /// a family that is otherwise always subscripted and not introduced on its own (L̂[n] beside
  /// L̂_ℓ); (ii) in an equation, a parameter tensor without the layer subscript its fellow
  /// parameters carry (B[n_out] beside K_{ℓ+1}).
  static func missingSubscripts(
    _ symbols: DocumentSymbols, _ readings: [ReadFragment],
    _ doc: ProblemSetDocument
  ) -> [Finding] {
    var out: [Finding] = []
    var subscripted: [String: SymbolUse] = [:]
    var introducedPlain = Set<String>()
    for u in symbols.uses where u.role == .tensor {
      let scope = DocumentSymbols.scope(doc.sections[u.section])
      if u.subscripted, subscripted[scope + "\u{0}" + u.family] == nil {
        subscripted[scope + "\u{0}" + u.family] = u
      }
      if !u.subscripted && u.introduces { introducedPlain.insert(scope + "\u{0}" + u.name) }
    }
    // (In solutions a derivative is often taken by the family's plain name: not counted there.)
    for u in symbols.uses
    where u.role == .tensor && !u.subscripted && doc.sections[u.section].kind != .solution {
      let scope = DocumentSymbols.scope(doc.sections[u.section])
      guard !introducedPlain.contains(scope + "\u{0}" + u.name),
        let other = subscripted[scope + "\u{0}" + u.family]
      else { continue }
      out.append(
        Finding(
          .missingSubscript,
          "\(displayName(u.name)) is written without the subscript its family carries elsewhere "
            + "(\(displayName(other.name)) at \(other.location))",
          at: u.location, in: doc.sections[u.section], document: doc))
    }
    for r in readings {
      guard case .equations(let rows) = r.content else { continue }
      for row in rows {
        let eq = row.equation
        let lhsBase = eq.lhs.name.base
        let parameters = eq.rhsReferences.filter { $0.name.base != lhsBase }
        let layered = parameters.filter { $0.name.subscriptText.map(isLayerSubscript) ?? false }
        guard let example = layered.first else { continue }
        let scope = DocumentSymbols.scope(doc.sections[r.fragment.section])
        // A tensor the preamble or this problem introduces without a subscript (an adjacency, a
        // fixed input) is one tensor for every layer by definition.
        for p in parameters
        where p.name.subscriptText == nil
          && !introducedPlain.contains(scope + "\u{0}" + DocumentSymbols.key(p.name))
          && !introducedPlain.contains("\u{0}" + DocumentSymbols.key(p.name))
        {
          out.append(
            Finding(
              .missingSubscript,
              "the \(p.name) of this equation has no layer subscript while \(example.name) has one: as "
                + "written one \(p.name) serves every layer",
              at: doc.location(in: r.fragment, characterOffset: row.offset + p.position.offset),
              in: doc.sections[r.fragment.section], document: doc))
        }
      }
    }
    return out
  }

  /// A subscript naming a layer or a scale: it mentions ℓ or s.
  static func isLayerSubscript(_ s: String) -> Bool {
    s.contains("ℓ") || s.split(separator: ",").contains { $0.hasPrefix("l") && $0.count <= 3 }
  }

  /// In a question "compute T[…, j] from S[…, j]", an input written with the index letter the
  /// question gives the output's last (channel) position.
  static func inputLetters(_ readings: [ReadFragment], _ doc: ProblemSetDocument) -> [Finding] {
    var out: [Finding] = []
    let bySection = Dictionary(grouping: readings, by: \.fragment.section)
    for (index, section) in doc.sections.enumerated() where section.kind == .statement {
      let fragments = (bySection[index] ?? []).sorted {
        $0.fragment.location < $1.fragment.location
      }
      var k = 0
      while k < fragments.count {
        guard case .expression(let target, _, _) = fragments[k].content,
          let t = target.references.first, target.references.count == 1,
          wordsBefore(fragments[k].fragment, doc).last.map({ $0 == "compute" || $0 == "computing" })
            ?? false,
          let outLetter = t.indices.last?.bareVariable?.name
        else {
          k += 1
          continue
        }
        var sources: [(TensorReference, ReadFragment)] = []
        var j = k + 1
        var expect = ["from"]
        while j < fragments.count {
          let words = wordsBetween(fragments[j - 1].fragment, fragments[j].fragment, doc)
          guard !words.isEmpty,
            expect.contains(words.last!) || words.last == "tensor" && words.contains("from")
          else { break }
          guard case .expression(let e, _, _) = fragments[j].content, e.references.count == 1 else {
            break
          }
          sources.append((e.references[0], fragments[j]))
          expect = ["and", "or"]
          j += 1
        }
        var same = sources.filter { $0.0.indices.last?.bareVariable?.name == outLetter }
        // An equation of the problem that already computes the output from the input with the
        // same channel letter (an elementwise step) shows the letter is right there.
        let scope = DocumentSymbols.scope(section)
        let defining = readings.filter {
          DocumentSymbols.scope(doc.sections[$0.fragment.section]) == scope
            && doc.sections[$0.fragment.section].kind == .statement
        }
        .flatMap { r -> [Equation] in
          if case .equations(let rows) = r.content { return rows.map(\.equation) }
          return []
        }.filter { $0.lhs.name == t.name }
        same = same.filter { source in
          !defining.contains { eq in
            eq.rhsReferences.contains {
              $0.name == source.0.name
                && $0.indices.last?.bareVariable?.name == eq.lhs.indices.last?.bareVariable?.name
            }
          }
        }
        if let first = same.first {
          let names = same.map { "\($0.0)" }.joined(separator: " and ")
          out.append(
            Finding(
              .inputLetter,
              "the inputs \(names) are written with \(outLetter), the letter the question gives the output "
                + "\(t); an input's channel needs its own letter (the weights map one to the other)",
              at: doc.location(in: first.1.fragment, characterOffset: first.0.position.offset),
              in: section, document: doc))
        }
        k = max(j, k + 1)
      }
    }
    return out
  }

  static func wordsBefore(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
    let section = doc.sections[f.section]
    let end = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1))
    var text = doc.slice(
      max(section.range.lowerBound, end - 60)..<max(section.range.lowerBound, end))
    if let dollar = text.lastIndex(of: "$") { text = String(text[text.index(after: dollar)...]) }
    return text.lowercased().split { !$0.isLetter }.map(String.init)
  }

  static func wordsBetween(_ a: MathFragment, _ b: MathFragment, _ doc: ProblemSetDocument)
    -> [String]
  {
    let start = a.location.offset + a.text.unicodeScalars.count + (a.bare ? 0 : (a.display ? 2 : 1))
    let end = b.location.offset - (b.bare ? 0 : (b.display ? 2 : 1))
    guard end >= start, end - start < 200 else { return [] }
    return doc.slice(start..<end).lowercased().split { !$0.isLetter }.map(String.init)
  }

  /// A function used in a problem that neither the problem nor the preamble says anything about.
  static func undefinedFunctions(_ symbols: DocumentSymbols, _ doc: ProblemSetDocument) -> [Finding]
  {
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
    for u in symbols.uses where u.role == .function && !standard.contains(u.name) {
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

extension FragmentContent {
  /// Whether a comparison or formula mentions a name (`0 ≤ Δx < F` mentions Δx).
  func mentions(_ name: String) -> Bool {
    switch self {
    case .comparisons(_, let symbols), .formula(let symbols, _): symbols.contains(name)
    default: false
    }
  }
}
