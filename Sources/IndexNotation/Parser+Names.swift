/// Tensor names with their sub- and superscripts, references and index expressions.
extension Parser {
  // MARK: Names and references

  mutating func tensorName() throws(NotationError) -> TensorName {
    var decoration: Character?
    if case .decoration(let d) = current.kind {
      decoration = d
      advance()
      let braced = accept("{")
      guard case .letter = current.kind else { throw error("expected a letter to decorate") }
      var name = try tensorName()
      if braced { try expect("}") }
      name = TensorName(
        base: name.base, subscript: name.subscriptText, superscript: name.superscriptText)
      return try scripts(
        on: name.base + String(decoration!), sub: name.subscriptText,
        sup: name.superscriptText)
    }
    guard case .letter(let base) = current.kind else { throw error("expected a name") }
    advance()
    var b = base
    while accept("′") { b += "′" }
    return try scripts(on: b, sub: nil, sup: nil)
  }

  mutating func scripts(on base: String, sub: String?, sup: String?) throws(NotationError)
    -> TensorName
  {
    var base = base
    var sub = sub
    var sup = sup
    while true {
      if isSymbol("′") && sup == nil {
        // `U_1'`: a prime after the subscript marks the letter, as `U'_1` does.
        advance()
        base += "′"
      } else if isSymbol("_") && sub == nil {
        advance()
        sub = try scriptText()
      } else if isSymbol("^") && sup == nil {
        advance()
        sup = try scriptText()
      } else {
        return TensorName(base: base, subscript: sub, superscript: sup)
      }
    }
  }

  /// The text of a sub- or superscript: `{ℓ+1}`, `{\ell,s+1}`, `ℓ`, `{b,1}`.
  /// Plain-text arrows in a script: `<-` is ←, `->` is →, and a `^` standing alone after a
  /// comma is ↑ (`W_{l+1,<-}`, `W_{l+1,^}`).
  static func arrows(_ text: String) -> String {
    var t = text.replacingOccurrences(of: "<-", with: "←").replacingOccurrences(of: "->", with: "→")
    if t.hasSuffix(",^") { t = String(t.dropLast()) + "↑" }
    return t
  }

  mutating func scriptText() throws(NotationError) -> String {
    if accept("{") {
      var text = ""
      var nesting = 0
      while true {
        switch current.kind {
        case .end: throw error("expected '}' to close the script")
        case .symbol("}") where nesting == 0:
          advance()
          return Parser.arrows(text)
        case .symbol(let c):
          if c == "{" { nesting += 1 }
          if c == "}" { nesting -= 1 }
          text.append(c)
        case .letter(let s), .word(let s): text += s
        case .number(let n): text += String(n)
        case .decimal(let r): text += r.description
        case .decoration(let d): text.append(d)
        case .sum: text += "Σ"
        case .frac: throw error("unexpected \\frac in a script")
        }
        advance()
      }
    }
    switch current.kind {
    case .letter(let s), .word(let s):
      // Unbraced: a run of adjacent letters (N_in, n_out).
      var text = s
      var end = current.position.offset + s.count
      advance()
      while case .letter(let t) = current.kind, current.position.offset == end, t.count == 1,
        t.first!.isASCII
      {
        text += t
        end += 1
        advance()
      }
      return text
    case .number(let n):
      advance()
      return String(n)
    default:
      throw error("expected a subscript or superscript")
    }
  }

  mutating func reference() throws(NotationError) -> TensorReference {
    let start = current.position
    let name = try tensorName()
    return try referenceIndices(name, start)
  }

  mutating func referenceIndices(_ name: TensorName, _ start: SourcePosition) throws(NotationError)
    -> TensorReference
  {
    try expect("[")
    var indices: [IndexExpression] = []
    repeat { indices += try indexExpressions() } while accept(",")
    try expect("]")
    // A transpose `^{⊤}` after the indices changes nothing in index notation.
    if isSymbol("^") {
      let caret = index
      advance()
      let braced = accept("{")
      let transposed = accept("⊤") || current.kind == .letter("T")
      if current.kind == .letter("T") { advance() }
      if transposed {
        if braced { try expect("}") }
      } else {
        index = caret
      }
    }
    return TensorReference(name: name, indices: indices, position: start)
  }

  mutating func indexVariable() throws(NotationError) -> IndexVariable {
    guard case .letter(var l) = current.kind else { throw error("expected an index") }
    advance()
    // A primed index (t′, T′) is a letter of its own with the same range.
    while accept("′") { l += "′" }
    if isSymbol("_") {
      advance()
      return IndexVariable(l + "_" + (try scriptText()))
    }
    return IndexVariable(l)
  }

  /// One index position; two or more when adjacent terms were probably meant to be separated by
  /// a comma (reported as a diagnostic, and read as separate indices so checking can go on).
  mutating func indexExpressions() throws(NotationError) -> [IndexExpression] {
    let gatheredBefore = gatheredReferences.count
    let start = current.position
    var terms: [IndexExpression.Term] = []
    var sign = 1
    if accept("-") { sign = -1 } else { _ = accept("+") }
    var split: [IndexExpression] = []
    var lastStart = start
    while true {
      var coefficient = sign
      var parameters: [String] = []
      var variables: [(IndexVariable, SourcePosition)] = []
      var sawAtom = false
      // An explicit product sign (`d·ΔT`) read since the last letter.
      var productSign = false
      // `s·(x + ΔX)`: a multiple of a parenthesized sum, distributed over its terms.
      var distributed: [IndexExpression.Term] = []
      while true {
        if isSymbol("("), variables.isEmpty, distributed.isEmpty {
          advance()
          try enter()
          defer { depth -= 1 }
          let inner = try indexExpressions()
          try expect(")")
          for e in inner {
            // A tensor read inside the parentheses (`(g[b,t])`) is still read by this position.
            gatheredReferences += e.gathered
            for t in e.terms {
              let (product, overflow) = coefficient.multipliedReportingOverflow(by: t.coefficient)
              guard !overflow else { throw error("the index coefficient is too large") }
              distributed.append(
                .init(
                  coefficient: product, parameters: parameters + t.parameters,
                  variable: t.variable))
            }
          }
          sawAtom = true
          continue
        }
        if !distributed.isEmpty { break }
        if variables.isEmpty, parameters.isEmpty, let gathered = try nestedReference() {
          // `E[w[b,t],i]`, `u[π[n],x]`: a position read from another tensor depends on that
          // tensor's indices.
          distributed = gathered.map {
            .init(coefficient: coefficient, parameters: [], variable: $0)
          }
          if distributed.isEmpty {
            distributed = [.init(coefficient: coefficient, parameters: [], variable: nil)]
          }
          sawAtom = true
          continue
        }
        if case .number(let n) = current.kind {
          let (product, overflow) = coefficient.multipliedReportingOverflow(by: n)
          guard !overflow else {
            throw error("the index coefficient \(coefficient)·\(n) is too large")
          }
          coefficient = product
          advance()
        } else if case .letter = current.kind {
          let p = current.position
          // `d·ΔT`, or `t + d\,ΔT` (a spaced product in a later term of a sum): the letter before
          // the sign is a coefficient of this one, not an index of its own.
          // `t + rΔT`: a letter glued to an offset in a later term of a sum is its dilation.
          var offsetAfter = false
          if case .letter(let l) = current.kind { offsetAfter = l.hasPrefix("Δ") }
          let factor =
            variables.count == 1 && parameters.count < 4
            && (productSign
              || ((current.spacedBefore
                || (offsetAfter && !leftIndices.contains(variables[0].0.name)))
                && !terms.isEmpty))
          let product = factor && Self.isCoefficientLetter(variables[0].0.name)
          productSign = false
          let adjacent = variables.count == 1 && p.offset == variables[0].1.offset + 1
          let v = try indexVariable()
          // A parameter letter that is the whole index (`α[t,s]`) is an index variable there.
          let wholeIndex =
            terms.isEmpty && sign == 1 && coefficient == 1 && parameters.isEmpty
            && (isSymbol("]") || isSymbol(","))
          if parameters.count < 4 && self.parameters.contains(v.name) && variables.isEmpty
            && (startsIndexAtom && !isSymbol("]") && !isSymbol(",") || !startsIndexAtom)
            && !wholeIndex
          {
            // `sx`, `s·t`: a coefficient; `− p` alone: a constant term; `r^2c`: a power of one.
            parameters.append(v.name)
            parameters += powerRepeats(of: v.name)
          } else if factor && self.parameters.contains(v.name) {
            // `x·s`, `x*s`: the parameter after the sign multiplies the variable before it.
            parameters.append(v.name)
          } else if product {
            parameters.append(variables[0].0.name)
            variables = [(v, p)]
          } else if adjacent, parameters.count < 4,
            let size = Self.sizeFactor(variables[0].0, v), startsOrContinuesSum(terms, sign)
          {
            // `nG + g`, `Rx + p`, `pR + q`: a size written against an index, in a sum of terms,
            // is a multiple of it (a mixed-radix position), not two indices.
            parameters.append(size.name)
            if size == variables[0].0 { variables = [(v, p)] }
            parameters += powerRepeats(of: size.name)
          } else {
            variables.append((v, p))
          }
        } else if accept("·") {
          productSign = true
          continue
        } else {
          break
        }
        sawAtom = true
      }
      guard sawAtom else { throw error("expected an index") }
      if !distributed.isEmpty {
        terms += distributed
        if accept("+") {
          sign = 1
          continue
        } else if accept("-") {
          sign = -1
          continue
        }
        break
      }
      if variables.count > 1 && diagnostics.count < Parser.maximumDiagnostics {
        let names = variables.prefix(4).map(\.0.name) + (variables.count > 4 ? ["…"] : [])
        diagnostics.append(
          Diagnostic(
            .missingComma,
            "index terms \(names.joined(separator: " and ")) stand side by side; a comma is probably "
              + "missing between them", at: variables[1].1, source: source))
        adjacentLeads.append(
          AdjacentLead(
            name: variables[0].0.name,
            alone: terms.isEmpty && coefficient == 1 && parameters.isEmpty))
        // Recover: the leading term keeps its coefficient, each later variable is its own index.
        terms.append(
          .init(coefficient: coefficient, parameters: parameters, variable: variables[0].0))
        split.append(IndexExpression(terms: terms, position: start))
        for (v, p) in variables.dropFirst().dropLast() {
          split.append(
            IndexExpression(
              terms: [.init(coefficient: 1, parameters: [], variable: v)],
              position: p))
        }
        terms = [.init(coefficient: 1, parameters: [], variable: variables.last!.0)]
        lastStart = variables.last!.1
      } else {
        terms.append(
          .init(
            coefficient: coefficient, parameters: parameters,
            variable: variables.first?.0))
      }
      if accept("+") {
        sign = 1
      } else if accept("-") {
        sign = -1
      } else {
        break
      }
    }
    var last = IndexExpression(terms: terms, position: lastStart)
    last.gathered = Array(gatheredReferences[gatheredBefore...])
    gatheredReferences.removeSubrange(gatheredBefore...)
    return split + [last]
  }

  /// The index variables of a tensor reference standing as an index (`w[b,t]` in `E[w[b,t],i]`),
  /// kept in `gatheredReferences`; nil, with nothing read, when no name followed by `[` starts
  /// here.
  mutating func nestedReference() throws(NotationError) -> [IndexVariable]? {
    switch current.kind {
    case .letter, .decoration: break
    default: return nil
    }
    let saved = index
    guard (try? tensorName()) != nil, isSymbol("[") else {
      index = saved
      return nil
    }
    index = saved
    try enter()
    defer { depth -= 1 }
    let ref = try reference()
    gatheredReferences.append(ref)
    return ref.indices.flatMap(\.variables)
  }

  /// Of two letters written against each other (`nG`, `Rx`), the one that is a size: exactly one
  /// is a plain Latin capital and the other a plain lowercase letter; nil otherwise.
  static func sizeFactor(_ a: IndexVariable, _ b: IndexVariable) -> IndexVariable? {
    func plain(_ v: IndexVariable) -> Bool {
      v.name.count == 1 && v.name.first!.isASCII && v.name.first!.isLetter
    }
    guard plain(a), plain(b), a.isCapital != b.isCapital else { return nil }
    return a.isCapital ? a : b
  }

  /// Whether the index position being read is a sum of terms: a term was read before, the term
  /// is subtracted, or a sign follows (after a power such as `R^2`).
  func startsOrContinuesSum(_ terms: [IndexExpression.Term], _ sign: Int) -> Bool {
    if !terms.isEmpty || sign < 0 { return true }
    var k = index
    if case .symbol("^") = tokens[k].kind, k + 1 < tokens.count,
      case .number = tokens[k + 1].kind
    {
      k += 2
    }
    return tokens[k].kind == .symbol("+") || tokens[k].kind == .symbol("-")
  }

  /// A whole-number power written after a size in an index (`cR^2`): the size repeated as a
  /// coefficient, the power's exponent less one more times (at most three), the power read.
  mutating func powerRepeats(of size: String) -> [String] {
    guard isSymbol("^"), index + 1 < tokens.count, case .number(let n) = tokens[index + 1].kind,
      (2...4).contains(n)
    else { return [] }
    advance()
    advance()
    return Array(repeating: size, count: n - 1)
  }

  /// A letter that can multiply an index (the dilation d, a rate r): one plain lowercase letter,
  /// not an offset (Δx) and not primed or subscripted.
  static func isCoefficientLetter(_ name: String) -> Bool {
    name.count == 1 && name.first!.isLowercase && name != "δ"
  }

  var startsIndexAtom: Bool {
    switch current.kind {
    case .letter, .number: return true
    case .symbol("·"): return true
    default: return false
    }
  }
}
