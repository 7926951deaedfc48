import IndexNotation

/// Names compared with themselves within one problem.
extension AuditRules {
  /// One name in two roles within a problem: a tensor that is also a size, an index or a scalar
  /// (B the batch size and B the thresholds), or a function name used otherwise.
  struct RoleClashes: AuditRule {
    let id = "role-clashes"
    let summary = "one name in two roles within a problem"
    let kinds: [Finding.Kind] = [.roleClash]

    func findings(in reading: AuditReading) -> [Finding] {
      let symbols = reading.symbols
      let doc = reading.document
      var out: [Finding] = []
      var byScope: [String: [SymbolUse]] = [:]
      for u in symbols.uses {
        byScope[DocumentSymbols.scope(doc.sections[u.section]), default: []].append(u)
      }
      // Each lowercase letter's role at its first use in a problem's tensor or index list.
      var established: [String: SymbolRole] = [:]
      var locationOf: [String: DocumentLocation] = [:]
      for u in symbols.uses
      where (u.role == .tensor || u.role == .index) && !u.alone
        && u.name.first?.isLowercase == true
        && !DocumentSymbols.scope(doc.sections[u.section]).isEmpty
      {
        let letter = u.role == .tensor ? u.family : u.name
        if established[letter] == nil {
          established[letter] = u.role
          locationOf[letter] = u.location
        }
      }
      // Letters some phrase introduces as sizes anywhere in the set (`where $B$ … are the number`).
      let declaredSizes = Set(
        symbols.uses.filter {
          $0.role == .size && $0.introduces && !$0.inProduct
            && (!$0.alone || $0.counted || $0.quantity)
        }.map(\.name))
      // The names each equation fragment writes bare, by the fragment's offset.
      var bareIn: [Int: Set<String>] = [:]
      for r in reading.readings {
        guard case .equations(let rows) = r.content else { continue }
        for row in rows {
          for ((name, isFunction), _) in DocumentSymbols.scalarsAndFunctions(row.equation.rhs)
          where !isFunction {
            bareIn[r.fragment.location.offset, default: []].insert(name)
          }
        }
      }
      let setTensors = Set(symbols.uses.filter { $0.role == .tensor }.map(\.name))
      for (scope, uses) in byScope.sorted(by: { $0.key < $1.key }) {
        // Tensors are named by their base letter here: L_ℓ and the size L share the letter L.
        var letters: [String: [SymbolUse]] = [:]
        var order: [String] = []
        let tensors = Set(uses.filter { $0.role == .tensor }.map(\.name))
        let families = Set(uses.filter { $0.role == .tensor }.map(\.family))
        // Families the problem writes only with a subscript (λ_ℓ[i] for each layer ℓ).
        let plainFamilies = Set(uses.filter { $0.role == .tensor && !$0.subscripted }.map(\.family))
        let subscriptedOnly = families.subtracting(plainFamilies)
        // Letters the problem uses as a size other than alone in a fragment (in a product, an
        // equation, a declaration such as `$N$ is the number of …`).
        // `D = \frac14 + \frac14 = \frac12`, `N_{cL} = N`: the tensor's letter set equal to a
        // value no size takes, or to a member of its own family, is the tensor's value.
        let valued = Set(
          uses.filter {
            $0.role == .size && families.contains($0.name) && AuditRules.equatedToValue($0, doc)
          }.map(\.location))
        let sizedOtherwise = Set(
          uses.filter {
            $0.role == .size && (!$0.alone || $0.counted || $0.inEquation)
              && !valued.contains($0.location)
          }.map(\.name))
        // Letters the problem's or the preamble's notation uses as sizes: in a product, a
        // formula or an equation, or as the capital of an index letter (`b` runs over B).
        // An equation of bare tensors (`D = P`, a map equal to another) sizes nothing.
        let notation = uses + (scope.isEmpty ? [] : byScope[""] ?? [])
        let sizedInNotation = Set(
          notation.filter {
            $0.role == .size && (!$0.alone || $0.inEquation) && !valued.contains($0.location)
              && !AuditRules.equatesBareTensors($0, doc, tensors: setTensors)
          }.map(\.name)
        ).union(notation.filter { $0.role == .index }.map { $0.name.uppercased() })
        for u in uses {
          if valued.contains(u.location) { continue }
          // `Through $W$ the count is …`: a tensor's letter mentioned alone, with no copula or
          // gloss saying what it is and no noun after it that it counts, is a size only by the
          // words around it. When the notation never uses the letter as a size, the mention is
          // the tensor; the reader cannot tell a count from it.
          if u.role == .size, u.alone, u.mentionedInPassing, !u.quantity, !u.inEquation,
            families.contains(u.name), !sizedInNotation.contains(u.name)
          {
            continue
          }
          // `if $D = P$`: a tensor's letter equated to another tensor of the set written bare is
          // the tensor whole, not a size equal to another.
          if u.role == .size, families.contains(u.name),
            AuditRules.equatesBareTensors(u, doc, tensors: setTensors)
          {
            continue
          }
          // `Define $P$ as the inverse of …` beside `P[K,j]`: a capital alone in its fragment,
          // in a problem that writes the tensor P and uses P as a size nowhere else, is that
          // matrix written whole. A declared count, a count of the noun after it (`$M$
          // filters`) or a size in a product still clashes.
          if u.role == .size, u.alone, !u.counted, !u.quantity, families.contains(u.name),
            !sizedOtherwise.contains(u.name)
          {
            continue
          }
          // `every λ_ℓ[i] equals one scalar λ`: prose naming by its bare letter a family the
          // problem writes only with a subscript, as it may name a tensor by its bare letter
          // (below). A size of the letter (L and the layers' L_ℓ), or the letter in an
          // equation, is still compared.
          if u.role == .scalar, !u.inEquation, !u.subscripted, subscriptedOnly.contains(u.name) {
            continue
          }
          // `y = \mathrm{relu}(\bar{W}x - θ)`: an equation in vector form (no index brackets)
          // that names another of the problem's lowercase tensors by its bare letter writes
          // each tensor so; a bare letter defined there is its tensor, not a scalar.
          // So does `Q = (\mathrm{Id} - A)P`, a matrix written whole by its capital.
          if u.role == .scalar || u.role == .size, u.inEquation, tensors.contains(u.name),
            AuditRules.inVectorForm(u, doc, tensors: tensors)
          {
            continue
          }
          // `c(W − μ) = Ŵ[j,i]`: an equation that also writes another of the problem's tensors
          // by its bare letter is in shorthand; its bare letters are those tensors whole.
          if u.role == .scalar || u.role == .size, u.inEquation, tensors.contains(u.name),
            let f = doc.sections[u.section].fragment(containing: u.location.offset),
            bareIn[f.location.offset]?.contains(where: { $0 != u.name && tensors.contains($0) })
              ?? false
          {
            continue
          }
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
          // The role the letter has in earlier problems, when this problem uses it that way too,
          // is the set's; the clash stands where the other role first appears
          // (`c[b,t,j]` the cell in problems 1 and 2, then an index `z[b,t,c]` in problem 3).
          let earlier = established[letter].flatMap { role in
            group.first { $0.role == role && group[0].location > locationOf[letter]! }
          }
          // A size that is also a summed capital index (`D` and `e[b,D]`) is the convention,
          // not a clash: the clash is with the tensor or function role.
          let named = { (u: SymbolUse) in u.role == .tensor || u.role == .function }
          guard clash, let first = earlier ?? group.first,
            let other = group.first(where: {
              $0.role != first.role && (named(first) || named($0))
            })
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
  }

  /// Whether the fragment holding `u` is an equation with no index brackets that writes
  /// another of `tensors` by its bare letter (`D = P`: one map equal to another).
  /// - Complexity: as `inVectorForm`.
  static func equatesBareTensors(_ u: SymbolUse, _ doc: ProblemSetDocument, tensors: Set<String>)
    -> Bool
  {
    guard let f = doc.sections[u.section].fragment(containing: u.location.offset),
      f.text.contains("=")
    else { return false }
    return inVectorForm(u, doc, tensors: tensors)
  }

  /// Whether the fragment holding `u` has no index brackets and mentions a tensor of `tensors`
  /// besides `u`'s own letter (`y = Wx`, `w = Pv`: matrices and vectors written whole), or sets
  /// the tensor to an infinity (`u = -\infty` at masked positions: its entries there).
  /// - Complexity: linear in the section's fragments and the fragment's length.
  static func inVectorForm(_ u: SymbolUse, _ doc: ProblemSetDocument, tensors: Set<String>)
    -> Bool
  {
    guard let f = doc.sections[u.section].fragment(containing: u.location.offset),
      !f.text.contains("[")
    else { return false }
    if f.text.contains("\\infty") || f.text.contains("∞") { return true }
    return LenientNames.letters(in: f.text).contains { $0 != u.name && tensors.contains($0) }
  }

  /// Whether the fragment holding `u` is a chain of equalities with `u`'s name alone as one side
  /// and, as another, a number no size takes (a fraction, zero, a negative: `D = \frac12`) or
  /// a member of the name's own subscripted family (`N_{cL} = N`).
  /// - Complexity: a binary search over the section's fragments, then linear in the fragment's
  ///   length.
  static func equatedToValue(_ u: SymbolUse, _ doc: ProblemSetDocument) -> Bool {
    guard let f = doc.sections[u.section].fragment(containing: u.location.offset) else {
      return false
    }
    let sides = FragmentReader.topLevelSides(f.text)
    guard sides.count >= 2, sides.contains(where: { FragmentReader.singleName($0) == u.name })
    else { return false }
    return sides.contains { side in
      guard FragmentReader.singleName(side) != u.name else { return false }
      // Integers and rationals only: π or a root has no exact value.
      if let v = NumericValue.read(bracedFractions(side)), v.exact != nil {
        return v.approximate <= 0 || v.approximate.rounded() != v.approximate
      }
      return FragmentReader.singleName(side)?.hasPrefix(u.name + "_") ?? false
    }
  }

  /// `\frac12` written with its braces, `\frac{1}{2}`, as the numeric reader takes it: TeX's
  /// one-digit arguments.
  /// - Complexity: linear in the text's length.
  static func bracedFractions(_ text: String) -> String {
    let c = Array(text)
    var out = ""
    var k = 0
    while k < c.count {
      if k + 6 < c.count, String(c[k..<(k + 5)]) == "\\frac", c[k + 5].isASCII,
        c[k + 5].isNumber, c[k + 6].isASCII, c[k + 6].isNumber
      {
        out += "\\frac{\(c[k + 5])}{\(c[k + 6])}"
        k += 7
      } else {
        out.append(c[k])
        k += 1
      }
    }
    return out
  }
}
