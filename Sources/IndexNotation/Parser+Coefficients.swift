/// Coefficients written against an index (`s_t t`, `d_ℓΔT`, `r x`): a factor that is not an
/// index of the equation, standing right before an index term, multiplies it.
extension Parser {
  /// A letter read first of several index terms side by side, and whether it was read as an
  /// index position of its own (nothing else before it in that position).
  struct AdjacentLead {
    /// The letter, with its script (`s_t`).
    let name: String
    /// Whether the recovery gave it a position of its own.
    let alone: Bool
  }

  /// Parses an equation `LHS = RHS`; where two index terms stand side by side and the first is no
  /// index of the equation (not on the left, not an offset Δ, not bound by a Σ, not a capital
  /// read in two tensors, never an index position alone), the equation is read again with that
  /// letter as a coefficient of the term after it, and the missing comma is not reported.
  /// - Throws: `NotationError` with a syntax diagnostic at the first unreadable token.
  public mutating func parseEquation() throws(NotationError) -> Equation {
    let equation = try parseEquationOnce()
    let coefficients = coefficientLetters(equation)
    guard !coefficients.isEmpty else { return equation }
    var again = Parser(source, parameters: parameters.union(coefficients), aliases: aliases)
    guard let reread = try? again.parseEquationOnce(),
      !Self.ranksSplit(reread, beyond: equation)
    else { return equation }
    self = again
    return reread
  }

  /// The leads of side-by-side index terms that are no index of `equation`.
  func coefficientLetters(_ equation: Equation) -> Set<String> {
    let leads = adjacentLeads.filter { !$0.name.hasPrefix("Δ") && !$0.name.hasPrefix("δ") }
    guard !leads.isEmpty else { return [] }
    var indices = Set(equation.lhs.indices.flatMap(\.variables).map(\.name))
    Self.bound(in: equation.rhs, into: &indices)
    // A letter at a position of its own is an index, unless only the recovery put it there.
    var alone: [String: Int] = [:]
    var tensors: [String: Int] = [:]
    for ref in equation.rhsReferences {
      for name in Set(ref.indices.flatMap(\.variables).map(\.name)) {
        tensors[name, default: 0] += 1
      }
      for e in ref.indices { if let v = e.bareVariable { alone[v.name, default: 0] += 1 } }
    }
    for lead in leads where lead.alone { alone[lead.name, default: 0] -= 1 }
    var out = Set<String>()
    for lead in leads {
      let name = lead.name
      if indices.contains(name) || alone[name, default: 0] > 0 { continue }
      // A capital read by two tensors is summed: an index of the equation.
      if IndexVariable(name).isCapital && tensors[name, default: 0] > 1 { continue }
      out.insert(name)
    }
    return out
  }

  /// Whether `reading` writes some tensor with two numbers of indices in the equation where
  /// `other` writes it with one (`h[t,j] = … h[t − n j]`: read as a product, the right side's h
  /// loses an index the left side's has, so the comma reading is the consistent one).
  static func ranksSplit(_ reading: Equation, beyond other: Equation) -> Bool {
    func ranks(_ e: Equation) -> [String: Set<Int>] {
      var out: [String: Set<Int>] = [:]
      for ref in [e.lhs] + e.rhsReferences {
        out[ref.name.description, default: []].insert(ref.indices.count)
      }
      return out
    }
    let before = ranks(other)
    return ranks(reading).contains { name, counts in
      counts.count > 1 && (before[name]?.count ?? 0) <= 1
    }
  }

  /// The letters an explicit Σ (or a max or min over a script) binds in `expression`.
  static func bound(in expression: Expression, into names: inout Set<String>) {
    switch expression {
    case .tensor, .number, .scalar: return
    case .product(let factors): for f in factors { bound(in: f, into: &names) }
    case .sum(let terms): for t in terms { bound(in: t.term, into: &names) }
    case .function(_, let e, _): bound(in: e, into: &names)
    case .explicitSum(let variables, let e, _):
      names.formUnion(variables.map(\.name))
      bound(in: e, into: &names)
    }
  }

  /// The plain lowercase letters raised to a power of 2 to 4 inside brackets (`r` in
  /// `H[b,r^2c + ru]`): an index letter never carries a power, so such a letter is a scale of
  /// the equation, a coefficient wherever it is written against an index (`rx + u`).
  /// - Complexity: linear in the tokens.
  func poweredIndexLetters() -> Set<String> {
    var out = Set<String>()
    var depth = 0
    for k in tokens.indices {
      switch tokens[k].kind {
      case .symbol("["): depth += 1
      case .symbol("]"): depth = max(0, depth - 1)
      case .letter(let l) where depth > 0 && Self.isCoefficientLetter(l) && k + 2 < tokens.count:
        if tokens[k + 1].kind == .symbol("^"), case .number(let n) = tokens[k + 2].kind,
          (2...4).contains(n)
        {
          out.insert(l)
        }
      default: break
      }
    }
    return out
  }
}

extension Parser {
  /// The lowercase letters that a fragment writes only as factors glued before an index (`r` in
  /// `A[b,rx+U,ry+V,C]` beside `S[b,x,y,U,V,C]`): inside brackets, each stands right before
  /// another letter with no space or sign between them, never as a position of its own, never
  /// bound by a Σ, and each letter it stands before is a position of its own somewhere in the
  /// fragment (an index). Such a letter scales the index after it (a stride, a block size); read
  /// as a parameter, `rx` is one index, not two with a comma missing. Letters of a fragment that
  /// reads as one equation are judged by `parseEquation` instead.
  /// - Complexity: linear in the fragment's tokens.
  public static func gluedFactorLetters(in text: String) -> Set<String> {
    var lexer = Lexer(text)
    guard let tokens = try? lexer.tokens() else { return [] }
    var alone = Set<String>()
    var bound = Set<String>()
    // Each glued lead with the letters it stands before.
    var glued: [String: Set<String>] = [:]
    // Per open bracket, the tokens of its current position.
    var positions: [[Token]] = []
    func close(_ position: [Token]) {
      if position.count == 1, case .letter(let l) = position[0].kind { alone.insert(l) }
    }
    for (k, token) in tokens.enumerated() {
      switch token.kind {
      case .sum:
        // `\sum_{u,v}`, `\sum_u`: the letters of its script are bound.
        var j = k + 1
        guard j < tokens.count, tokens[j].kind == .symbol("_") else { break }
        j += 1
        if j < tokens.count, case .letter(let l) = tokens[j].kind { bound.insert(l) }
        if j < tokens.count, tokens[j].kind == .symbol("(") {
          j += 1
          while j < tokens.count, tokens[j].kind != .symbol(")") {
            if case .letter(let l) = tokens[j].kind { bound.insert(l) }
            j += 1
          }
        }
      case .symbol("["): positions.append([])
      case .symbol("]"):
        if let last = positions.popLast() { close(last) }
      case .symbol(","):
        if let last = positions.popLast() {
          close(last)
          positions.append([])
        }
      default:
        guard !positions.isEmpty else { break }
        positions[positions.count - 1].append(token)
        if case .letter(let l) = token.kind, isCoefficientLetter(l), l.unicodeScalars.count == 1,
          k + 1 < tokens.count, case .letter(let next) = tokens[k + 1].kind,
          tokens[k + 1].position.offset == token.position.offset + 1
        {
          glued[l, default: []].insert(next)
        }
      }
    }
    var out = Set<String>()
    for (lead, after) in glued
    where !alone.contains(lead) && !bound.contains(lead) && after.isSubset(of: alone) {
      out.insert(lead)
    }
    return out
  }
}
