import IndexNotation

/// Uses of names checked against their introductions.
extension AuditRules {
  /// A use of a name nothing introduces: its finding, and whether the name is a bare letter
  /// (then a note, not a finding: see `UndefinedNames.findings(in:)`).
  struct Unintroduced: Sendable {
    let finding: Finding
    let bare: Bool
  }

  /// Names used in a question (or in a printed count) that nothing introduces, or that a
  /// question uses when only the printed solution introduces them. A family used without its subscript is left to `missingSubscripts`.
  struct UndefinedNames: AuditRule {
    let id = "undefined-names"
    let summary = "a name used without being introduced, or introduced only by a solution"
    let kinds: [Finding.Kind] = [.undefinedName]

    /// Only names a reader can hold to a definition: a tensor written with indices, or a name
    /// with an accent or a prime (a variant of a letter, made up for the text). A bare letter
    /// (`B`, `c`, `λ`, `ℓ_1`, `ΔY`) that nothing introduces is a note: problem sets take sizes,
    /// constants and hyperparameters as known, and nothing in the text tells such a letter from
    /// one the writer forgot to introduce.
    func findings(in reading: AuditReading) -> [Finding] {
      reading.unintroduced.filter { !$0.bare }.map(\.finding)
    }

    /// The bare letters no text introduces, as notes (see `findings(in:)`).
    static func bareLetterNotes(in reading: AuditReading) -> [String] {
      reading.unintroduced.filter(\.bare).map { u in
        "\(u.finding.item.map { "problem \($0)" } ?? "preamble") (\(u.finding.location)): "
          + u.finding.message + " — a bare letter: read as a size or a constant the text takes "
          + "as known, not reported as a defect"
      }
    }

    /// Whether a name is a bare letter: not a tensor, and written without an accent or a prime
    /// (a subscript and a leading Δ allowed: `ℓ_1`, `ΔY`).
    static func isBareLetter(_ name: String, role: SymbolRole) -> Bool {
      role != .tensor
        && !name.unicodeScalars.contains {
          (0x300...0x36F).contains($0.value) || "′'".unicodeScalars.contains($0)
        }
    }

    /// Every use of a name nothing introduces (or introduces only later, in a solution), once
    /// per problem and name, with whether the name is a bare letter. `Auditor.reading` keeps
    /// them in `AuditReading.unintroduced`, read once for every rule.
    static func unintroduced(in reading: AuditReading) -> [Unintroduced] {
      let symbols = reading.symbols
      let doc = reading.document
      var out: [Unintroduced] = []
      var introduced: [String: DocumentLocation] = [:]  // scope + name → first introduction
      var families: [String: DocumentLocation] = [:]  // scope + family → first subscripted intro
      // A name introduced in the preamble or an earlier problem stays introduced for the problems
      // after it ("x from Problem 1", sizes declared once for the set).
      var anywhere: [String: DocumentLocation] = [:]
      var anyFamily: [String: DocumentLocation] = [:]
      // A letter alone counting the noun after it (`stacks $n$ residual blocks`) says what it
      // stands for: a number of those things.
      for u in symbols.uses where u.introduces || (u.alone && u.quantity && u.role != .tensor) {
        // An example formula of the preamble (`the inner product $e[w,I]h[t,I]$`) introduces
        // nothing for the problems.
        // The preamble's displayed model introduces its parameters.
        if u.role == .tensor && u.inProduct && !u.inEquation
          && DocumentSymbols.scope(doc.sections[u.section]).isEmpty
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
      // An index of a tensor the preamble or an earlier problem writes (`E[b,n,c]`) stays that
      // tensor's index for the problems after it: the shape introduced the letter.
      var firstIndexUse: [String: DocumentLocation] = [:]
      for u in symbols.uses where u.role == .index {
        indexNames.insert(DocumentSymbols.scope(doc.sections[u.section]) + "\u{0}" + u.name)
        if u.name.first?.isLowercase == true, firstIndexUse[u.name] == nil {
          firstIndexUse[u.name] = u.location
        }
      }
      // Families a subscript tells apart (`E_t[b,x,y,i]` for t = 1 … T): `E_1` is one of them.
      var subscriptedFamily: [String: DocumentLocation] = [:]
      for u in symbols.uses where u.role == .tensor && u.subscripted && u.introduces {
        let base = String(u.family.prefix { $0 != "^" })
        if subscriptedFamily[base] == nil { subscriptedFamily[base] = u.location }
      }
      let known = reading.known
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
        if u.role != .tensor
          && (indexNames.contains(DocumentSymbols.scope(section) + "\u{0}" + u.name)
            || (firstIndexUse[u.name].map { $0 < u.location } ?? false))
        {
          continue
        }
        // A family's letter written bare (`$\hat m$: one multiply` for m̂_t[i]) names the family.
        if u.role != .tensor,
          subscriptedFamily[String(u.name.prefix { $0 != "_" })].map({ $0 < u.location }) ?? false
        {
          continue
        }
        if known.standsForItself(u, in: doc) { continue }
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
        let candidates = [anywhere[u.name], u.role == .tensor ? anyFamily[u.family] : nil]
          .compactMap { $0 }
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
            Unintroduced(
              finding: Finding(
                .undefinedName,
                "\(displayName(u.name)) is used but never introduced in problem \(scope): "
                  + "nothing defines it or says what it stands for",
                at: u.location, in: section, document: doc),
              bare: isBareLetter(u.name, role: u.role)))
        } else if let i = intro, i > u.location, i.line != u.location.line, !u.introduces,
          // A name the problem's questions introduce further on (a later sentence, part or
          // display) is introduced: the order of a problem's own text is its writer's. Only an
          // introduction that first comes in a printed solution is late, for a question that
          // uses the name before it.
          section.kind != .solution,
          doc.sections.first(where: { $0.range.contains(i.offset) })?.kind == .solution
        {
          reported.insert(key)
          out.append(
            Unintroduced(
              finding: Finding(
                .undefinedName,
                "\(displayName(u.name)) is used before it is introduced (at \(i))",
                at: u.location, in: section, document: doc),
              bare: isBareLetter(u.name, role: u.role)))
        }
      }
      return out
    }
  }
}
