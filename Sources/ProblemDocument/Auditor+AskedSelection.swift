import IndexNotation

/// An equation of a problem before a count question, with the nouns that introduced it.
struct DefiningEquation {
  let equation: Equation
  /// Words of five letters or more just before it (`the logits are $z[…] = …$`).
  let nouns: [String]
  /// The section that holds it.
  let section: Int
  /// Written in the question's own text for a tensor an equation before the question defines.
  let redefines: Bool

  var key: String { DocumentSymbols.key(equation.lhs.name) }
}

/// Which of a problem's equations a count question asks about.
struct AskedSelection {
  /// Names the question mentions, inputs (`from $x$`) left out.
  let named: Set<String>
  /// The question's words of four letters or more.
  let questionWords: Set<String>
  /// Names the question gives as inputs (`from $x$`).
  let inputs: Set<String>
  /// Whether the question gives any input.
  let fromInput: Bool

  /// The equations that define a tensor the question names; failing those, the ones whose
  /// introducing nouns share the most words with the question; failing those, the ones that use a parameter it names
  /// (a count "by the weights W^a, W^b"). When the question gives inputs, computing a named
  /// tensor takes the equations of the intermediate tensors it needs too, down to those inputs
  /// (`H_{ℓ+1}` from `H_ℓ` takes the message M first), each the last definition before the
  /// question. The chain passes through the definitions in `uncounted` (steps the question
  /// leaves out of its count, such as a division it ignores) to the tensors they read, without
  /// counting them. Quadratic in the number of equations at worst.
  func equations(_ defining: [DefiningEquation], uncounted: [DefiningEquation] = []) -> [Equation] {
    var asked = defining.filter { named.contains($0.key) }.map(\.equation)
    if asked.isEmpty {
      // The equations whose nouns share the most words with the question: "the output layer"
      // names the layer introduced as the output layer more than the hidden layer.
      let shared = defining.map { Set($0.nouns).intersection(questionWords).count }
      if let most = shared.max(), most > 0 {
        asked = zip(defining, shared).filter { $0.1 == most }.map(\.0.equation)
      }
    }
    if asked.isEmpty {
      asked = defining.map(\.equation).filter { eq in
        eq.rhsReferences.contains { named.contains(DocumentSymbols.key($0.name)) }
      }
    }
    var included = Set(asked.map { DocumentSymbols.key($0.lhs.name) })
    var frontier = fromInput ? asked : []
    var lastDefinition: [String: Equation] = [:]
    for d in defining { lastDefinition[d.key] = d.equation }
    var passed: [String: Equation] = [:]
    for d in uncounted where lastDefinition[d.key] == nil { passed[d.key] = d.equation }
    while let eq = frontier.popLast() {
      for ref in eq.rhsReferences {
        let key = DocumentSymbols.key(ref.name)
        guard !included.contains(key), !inputs.contains(key),
          let step = lastDefinition[key] ?? passed[key]
        else { continue }
        included.insert(key)
        if lastDefinition[key] != nil { asked.append(step) }
        frontier.append(step)
      }
    }
    return asked
  }
}
