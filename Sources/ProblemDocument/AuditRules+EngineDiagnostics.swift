import IndexNotation

/// The notation engine read over every fragment of a document.
extension AuditRules {
  /// The engine's diagnostics of every equation and expression: missing commas, ranks within an
  /// equation, free indices, unsummed capitals, redundant Σ, threshold signs. A fragment the
  /// engine cannot read is not a defect of the document: the auditor notes it.
  /// A free index on the left only is a defect of a definition (the defined tensor cannot
  /// depend on it); an equation about a tensor introduced before it (`H[v,i] = q[i]`: the same
  /// for every v), or one whose left side is an expression, states a fact instead.
  struct EngineDiagnostics: AuditRule {
    let id = "engine-diagnostics"
    let summary = "the notation engine's diagnostics of every equation and expression"
    let kinds: [Finding.Kind] = [
      .syntax, .missingComma, .rankMismatch, .freeIndexOneSide, .unsummedCapital, .redundantSum,
      .thresholdSign,
    ]

    func findings(in reading: AuditReading) -> [Finding] {
      let readings = reading.readings
      let doc = reading.document
      let thresholds = reading.thresholds
      let symbols = reading.symbols
      var out: [Finding] = []
      var firstIntroduction: [String: DocumentLocation] = [:]
      for u in symbols.uses where u.role == .tensor && u.introduces {
        let key = DocumentSymbols.scope(doc.sections[u.section]) + "\u{0}" + u.name
        if firstIntroduction[key] == nil { firstIntroduction[key] = u.location }
      }
      // The names each scope's prose mentions by themselves (`by $\tau$ steps`), read once.
      var mentionedAlone: [String: Set<String>] = [:]
      for u in symbols.uses where u.alone && !u.inEquation {
        mentionedAlone[DocumentSymbols.scope(doc.sections[u.section]), default: []].insert(u.name)
      }
      // Each problem's tensors, by the names a side written in shorthand would use bare; a
      // letter the problem also uses as a size (`1/X` beside a tensor X[c]) is left out.
      // Each tensor maps to the index letters (lowercased) its index lists carry.
      var tensorsIn: [String: [String: Set<String>]] = [:]
      var sizesIn: [String: Set<String>] = [:]
      for u in symbols.uses where u.role == .tensor || u.role == .size {
        let scope = DocumentSymbols.scope(doc.sections[u.section])
        if u.role == .tensor {
          tensorsIn[scope, default: [:]][u.name, default: []].formUnion(
            u.bareIndices.compactMap { $0?.lowercased() })
        } else {
          sizesIn[scope, default: []].insert(u.name)
        }
      }
      for (scope, sizes) in sizesIn {
        for size in sizes { tensorsIn[scope]?[size] = nil }
      }
      let blockPieces = AuditRules.BlockPieces(readings)
      for r in readings {
        let section = doc.sections[r.fragment.section]
        // `‖v[b,j,E]‖`, `ℓ(h[b,T,J])`: slices handed whole to a norm or a function, read in the
        // fragment as written (the reader blanks the bars, keeping every column).
        let slices = AuditRules.sliceArgumentSpans(r.fragment.text)
        // `S[…,i] = \sum_{i'=\max(0,i-h)}^{…} L[…,i']`: a left index in a sum's bounds.
        let bounds = AuditRules.sumBoundLetters(r.fragment.text)
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
            let offsets = offsetSizes(row.equation)
            let exponents = exponentLetters(row.equation)
            let shifts = namedShifts(row.equation, mentioned: mentionedAlone[scope] ?? [])
            // `s[t,2n] = \sin(ω[n]\,t)`: a left index the right side uses as a number (a time,
            // a position) is on both sides.
            // So is a letter in the subscript of a scalar or function (`E[b,i,g] = β_g(x[b,i])`).
            let scalarNames = DocumentSymbols.scalarsAndFunctions(row.equation.rhs).map {
              $0.0.name
            }
            let numbers = Set(
              scalarNames + scalarNames.flatMap(AuditRules.subscriptLetters(ofName:)))
            let shiftedCopy = AuditRules.shiftedCopyLetters(row.equation)
            // An update (`m[q,i] ← m[q,i] + η x[n,i]`) is applied for the example at hand: an
            // index only its right side carries is that example's, not a free index, when the
            // prose names that letter by itself; any other such letter is still reported.
            let update = FragmentReader.readsAsArrowUpdate(r.fragment.text)
            let exampleLetters = mentionedAlone[scope] ?? []
            let qualified = AuditRules.lettersQualifiedAfter(r.fragment, doc)
            let shorthand = AuditRules.shorthandSides(
              row.equation, tensors: tensorsIn[scope] ?? [:])
            for d in Checker.check(row.equation, thresholdNames: thresholds) {
              if statesFact && d.kind == .freeIndexOneSide && d.side == .left {
                continue
              }
              if d.kind == .freeIndexOneSide, let index = d.index, parameters.contains(index) {
                continue
              }
              if d.kind == .freeIndexOneSide, d.side == .left, let index = d.index,
                bounds.contains(index)
                  || blockPieces.contains(
                    row.equation.lhs, in: r.fragment.section, carrying: index)
              {
                continue
              }
              // An index the other side writes in an exponent (`2^{f}`) is on both sides; a
              // letter the prose names by itself and the equation only adds to an index
              // (`u[t − τ, i]` after "delay by $\tau$ steps") is a shift, not an index.
              if d.kind == .freeIndexOneSide, let index = d.index,
                shifts.union(d.side == .left ? exponents.union(numbers) : []).contains(index)
              {
                continue
              }
              if d.kind == .freeIndexOneSide, d.side == .right, let index = d.index,
                update && exampleLetters.contains(index) || shiftedCopy.contains(index)
                  || qualified.contains(index)
              {
                continue
              }
              // `c(W − μ) = Ŵ[j,i]`: a side that writes the problem's tensors by their bare
              // letters leaves their indices unwritten, so an index those tensors carry, only
              // the other side writing it, is not missing from it. Any other index still is.
              if d.kind == .freeIndexOneSide, let index = d.index,
                let carried = d.side == .right ? shorthand.left : shorthand.right,
                carried.isEmpty || carried.contains(index.lowercased())
              {
                continue
              }
              if d.kind == .unsummedCapital, let index = d.index, offsets.contains(index) {
                continue
              }
              if d.kind == .unsummedCapital,
                slices.contains(where: { $0.contains(row.offset + d.position.offset) })
              {
                continue
              }
              report(d, rowOffset: row.offset)
            }
          }
        case .expression(let e, let text, let diagnostics):
          for d in diagnostics { report(d, rowOffset: 0) }
          for d in Checker.thresholdSigns(in: e, source: text, thresholds: thresholds) {
            report(d, rowOffset: 0)
          }
        default:
          break
        }
      }
      return out
    }
  }

  /// The letters written in an exponent on the right of an equation (`f` in
  /// `\sin(2^{f}\pi\, p[s,d])`): the right side depends on them though no tensor carries them.
  /// - Complexity: linear in the equation's text.
  static func exponentLetters(_ equation: Equation) -> Set<String> {
    guard let eq = equation.source.firstIndex(of: "=") else { return [] }
    let c = Array(equation.source[equation.source.index(after: eq)...])
    var out = Set<String>()
    var k = 0
    while k < c.count {
      defer { k += 1 }
      guard c[k] == "^", k + 1 < c.count else { continue }
      var group: ArraySlice<Character> = c[(k + 1)...(k + 1)]
      if c[k + 1] == "{", let close = c[(k + 1)...].firstIndex(of: "}") {
        group = c[(k + 2)..<close]
      }
      var j = group.startIndex
      while j < group.endIndex {
        if group[j] == "\\" {  // a command (`\pi`): skip its name
          j += 1
          while j < group.endIndex, group[j].isLetter { j += 1 }
          continue
        }
        let alone =
          group[j].isLetter && (j == group.startIndex || !group[j - 1].isLetter)
          && (j + 1 == group.endIndex || !group[j + 1].isLetter)
        if alone { out.insert(String(group[j])) }
        j += 1
      }
    }
    return out
  }

  /// The lowercase letters that stand only beside another index (`t − τ`), never alone at a
  /// position, and that the scope's prose mentions by themselves (`mentioned`, e.g. `by $\tau$
  /// steps`): shifts the text names, not indices.
  static func namedShifts(_ equation: Equation, mentioned: Set<String>) -> Set<String> {
    let letters = indexLetters(equation)
    return letters.lowercaseBeside.subtracting(letters.alone).intersection(mentioned)
  }
}

extension AuditRules {
  /// The one-letter parts of a name's subscript (`β_g` gives g, `α_{t,k}` gives t and k).
  static func subscriptLetters(ofName name: String) -> [String] {
    guard let bar = name.firstIndex(of: "_") else { return [] }
    return name[name.index(after: bar)...].split(whereSeparator: { !$0.isLetter })
      .filter { $0.count == 1 }.map(String.init)
  }

  /// The letters by which an equation shifts a tensor onto its own primed or decorated copy:
  /// the right side is one tensor of the left's letter and subscript (`I′[b,x,y] =
  /// I[b,x+u,y+v]`), and each such letter is one lowercase Latin letter added beside another
  /// index and never standing alone. The equation states the displaced copy for any shift, so
  /// the letter is a shift, not a free index; a copy onto another tensor stays checked. A letter
  /// with its own subscript (`x − t_x`) counts as one letter.
  static func shiftedCopyLetters(_ equation: Equation) -> Set<String> {
    guard case .tensor(let right) = equation.rhs,
      right.name.base.first == equation.lhs.name.base.first,
      right.name.base != equation.lhs.name.base,
      right.name.subscriptText == equation.lhs.name.subscriptText
    else { return [] }
    let letters = indexLetters(equation)
    return letters.lowercaseBeside.subtracting(letters.alone).filter { letter in
      // One Latin or lowercase Greek letter (a delay τ), or one with a subscript of its own
      // (`t_x`, `t_y`: a shift per axis).
      (letter.count == 1 || Array(letter).dropFirst().first == "_")
        && (letter.first!.isASCII || letter.first!.isLowercase)
        && right.indices.allSatisfy { index in
          index.terms.allSatisfy { term in
            term.variable?.name != letter
              || (term.coefficient.magnitude == 1 && term.parameters.isEmpty
                && index.variables.count >= 2)
          }
        }
    }
  }

  /// The index letters (lowercased) each side of an equation leaves unwritten by writing a
  /// tensor of `tensors` by its bare letter, with no index list (`(W − μ)/s` for the weights
  /// W[j,i] and means μ[j] carries j and i): a side in shorthand. Nil for a side that writes
  /// no tensor bare; empty when its bare tensors' indices are never written.
  /// - Complexity: linear in the equation's expression.
  static func shorthandSides(_ equation: Equation, tensors: [String: Set<String>]) -> (
    left: Set<String>?, right: Set<String>?
  ) {
    func bare(_ e: IndexNotation.Expression) -> Set<String>? {
      let named = DocumentSymbols.scalarsAndFunctions(e).filter {
        !$0.0.isFunction && tensors[$0.0.name] != nil
      }
      guard !named.isEmpty else { return nil }
      let letters = named.map { tensors[$0.0.name] ?? [] }
      // A bare tensor whose indices are never written could carry any index.
      return letters.contains(where: \.isEmpty) ? [] : letters.reduce([]) { $0.union($1) }
    }
    if equation.lhs.name.base == Parser.expressionSide, case .sum(let parts) = equation.rhs,
      parts.count == 2
    {
      return (bare(parts[0].term), bare(parts[1].term))
    }
    return (nil, bare(equation.rhs))
  }
}
