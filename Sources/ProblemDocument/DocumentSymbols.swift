import Answers
import Foundation
import IndexNotation

/// Every name of a document with the roles it plays, where each is introduced and used.
public struct DocumentSymbols: Sendable {
  public internal(set) var uses: [SymbolUse] = []
  /// Per problem ("" for the preamble), sizes declared equal (`N_in = N_out = N`): each size's
  /// class representative.
  public internal(set) var sizeClasses: [String: [String: String]] = [:]
  /// The problems in the order the document gives them ("" for the preamble first).
  var scopeOrder: [String] = []
  /// Letters (with their accents) that fragments the engine could not read mention, where and in
  /// which problem.
  public internal(set) var mentions:
    [(location: DocumentLocation, scope: String, letters: Set<String>)] = []

  /// The problem a section belongs to ("" for the preamble): the scope of its names.
  public static func scope(_ section: Section) -> String { section.problem ?? "" }

  /// Builds the table from every fragment and the introducing phrases of the prose.
  public init(_ document: ProblemSetDocument, readings: [ReadFragment]) {
    var previous: (section: Int, introduced: Bool)?
    let closed = listsClosedByIntroducer(readings, document)
    for (k, reading) in readings.enumerated() {
      previous = collect(reading, document, previous: previous, listEnd: closed.contains(k))
    }
    var scopesSeen = Set<String>()
    for (index, section) in document.sections.enumerated() {
      if scopesSeen.insert(DocumentSymbols.scope(section)).inserted {
        scopeOrder.append(DocumentSymbols.scope(section))
      }
      collectProse(section, index, document)
      collectRanges(section, document)
      collectIndexedSizes(section, document)
    }
    dropSubscriptLabels()
    keepFunctionsApplied()
    dropBoldMentions()
    resolveMentions()
    uses.sort { $0.location < $1.location }
  }

  // MARK: Fragments

  /// Collects one fragment's names; returns whether a phrase introduced it, for the next one
  /// ("weights $W^h$ and $W^x$": the second is introduced with the first).
  mutating func collect(
    _ reading: ReadFragment, _ doc: ProblemSetDocument,
    previous: (section: Int, introduced: Bool)?, listEnd: Bool = false
  ) -> (section: Int, introduced: Bool) {
    let f = reading.fragment
    let section = doc.sections[f.section]
    let phrasing = FragmentPhrasing(f, doc, self, previous: previous, listEnd: listEnd)
    let (before, after, listed) = (phrasing.before, phrasing.after, phrasing.listed)
    let (introducedByPhrase, indefinite) = (phrasing.introducedByPhrase, phrasing.indefinite)
    let (aloneIntroduced, copula) = (phrasing.aloneIntroduced, phrasing.copula)
    var result = introducedByPhrase
    let firstUse = uses.count
    let statement = section.kind == .statement
    let scope = DocumentSymbols.scope(section)
    let bold = DocumentSymbols.boldNames(in: f.text)

    func add(
      _ name: String, family: String? = nil, subscripted: Bool = false, _ role: SymbolRole,
      at offset: Int, rowOffset: Int = 0, indices: [String] = [], bare: [String?] = [],
      introduces: Bool, inEquation: Bool = false, onLeft: Bool = false
    ) {
      uses.append(
        SymbolUse(
          name: name, family: family ?? name, subscripted: subscripted, role: role,
          location: doc.location(in: f, characterOffset: rowOffset + offset), section: f.section,
          indices: indices, bare: bare, introduces: introduces, inEquation: inEquation,
          onLeft: onLeft))
      uses[uses.count - 1].bold = bold.contains(String(name.prefix { $0 != "_" }))
    }
    func addReference(
      _ ref: TensorReference, rowOffset: Int, introduces: Bool, inEquation: Bool,
      onLeft: Bool
    ) {
      add(
        DocumentSymbols.key(ref.name), family: DocumentSymbols.family(ref.name),
        subscripted: ref.name.subscriptText != nil, .tensor, at: ref.position.offset,
        rowOffset: rowOffset, indices: ref.indices.map(\.description),
        bare: ref.indices.map { $0.bareVariable?.name }, introduces: introduces,
        inEquation: inEquation, onLeft: onLeft)
      // The letters of a subscript (t in m_t, ℓ in L_{ℓ+1}) are indices of the family.
      if let sub = ref.name.subscriptText {
        for part in sub.split(whereSeparator: { !$0.isLetter }) where part.count == 1 {
          add(
            String(part), .index, at: ref.position.offset, rowOffset: rowOffset, introduces: false,
            inEquation: inEquation)
          uses[uses.count - 1].fromSubscript = true
        }
      }
      for index in ref.indices {
        // A size multiplying an index (P in `Pu + r`) is a letter of the index list too.
        let sizes = index.terms.flatMap(\.parameters).filter {
          IndexVariable($0).isCapital
        }.map(IndexVariable.init)
        for v in index.variables + sizes {
          add(
            v.name, .index, at: index.position.offset, rowOffset: rowOffset, introduces: false,
            inEquation: inEquation)
        }
      }
    }
    func addExpression(
      _ e: IndexNotation.Expression, rowOffset: Int, introduces: Bool,
      inEquation: Bool, decorated: Bool = true
    ) {
      for ref in e.references {
        let named =
          introduces
          && (decorated || !DocumentSymbols.isDecorated(DocumentSymbols.key(ref.name)))
        addReference(
          ref, rowOffset: rowOffset, introduces: named, inEquation: inEquation,
          onLeft: false)
        if e.references.count > 1, let k = uses.lastIndex(where: { $0.role == .tensor }) {
          uses[k].inProduct = true
        }
      }
      for (name, offset) in DocumentSymbols.scalarsAndFunctions(e) where name.name != "∂" {
        // `\psi(g[b,i])`: a letter applied to a parenthesized argument is used as a function; it
        // introduces nothing.
        // A capital applied (`H(m - θ)`) is read the same way but may be a product (`J(I+2)`):
        // it stays a scalar unless the set names it a function.
        let call = !name.isFunction && DocumentSymbols.isApplied(f.text, at: rowOffset + offset)
        let applied = call && name.name.first?.isLowercase == true
        add(
          name.name, name.isFunction ? .function : .scalar, at: offset, rowOffset: rowOffset,
          introduces: introduces && !name.isFunction && !applied
            && (decorated || !DocumentSymbols.isDecorated(name.name)), inEquation: inEquation)
        if call { uses[uses.count - 1].applied = true }
      }
    }

    switch reading.content {
    case .equations(let equations):
      for row in equations {
        let eq = row.equation
        if eq.lhs.name.base != Parser.expressionSide {
          addReference(
            eq.lhs, rowOffset: row.offset, introduces: true, inEquation: true, onLeft: true)
        }
        // A statement's equations define a model: their parameters are introduced with it. A
        // right side that is one tensor names a value (`H[v,i] = q[i]`, "call them q").
        var single = false
        if case .tensor = eq.rhs { single = true }
        // A decorated name (x̃, ŷ, β̄_t) on a model's right side is a quantity derived from
        // another and needs its own definition: the model does not introduce it.
        // The preamble's displayed model (`$$τ[b,n] = \tanh(W^1[a,D]e[b,D])$$`) is the set's
        // model: its parameters are introduced for every problem.
        addExpression(
          eq.rhs, rowOffset: row.offset,
          introduces: statement || single || (section.kind == .preamble && f.display),
          inEquation: true, decorated: single)
      }
    case .expression(let e, _, _):
      // A phrase introduces the one name it stands before (`the thresholds $C[j]$`), not the
      // tensors of a formula built from them (`the differences $h[v,i] - h[u,i]$`).
      var single = false
      if case .tensor = e { single = true }
      // The preamble declares the set's notation: a tensor written there alone with an index
      // list of lowercase letters (`$C_s[b,x,y,i]$`, each position a letter of its own) is the
      // tensor declared, whatever the words around it.
      var declared = false
      if section.kind == .preamble, case .tensor(let ref) = e, !ref.indices.isEmpty {
        declared = ref.indices.allSatisfy { $0.bareVariable.map { !$0.isCapital } ?? false }
      }
      let apposed = DocumentSymbols.pluralNounNames(before) && DocumentSymbols.wordBefore(f, doc)
      // `a dense layer $W[j,I]x[b,I]$`: an indefinite noun introduces each tensor of the formula.
      let exemplified = indefinite && DocumentSymbols.nouns.contains(before.last ?? "")
      addExpression(
        e, rowOffset: 0,
        introduces: (introducedByPhrase || copula || apposed) && single || exemplified
          || declared,
        inEquation: false)
    case .comparisons(_, let symbols):
      // `0 ≤ s ≤ k` introduces s: a lone name bounded on both sides.
      // `replaced by $cX$ with $c > 0$`: a lone name held to a sign or a bound by a clause
      // opened with "with", "for" or "where" is introduced by that condition.
      let bounded =
        DocumentSymbols.boundedName(f.text)
        ?? (["with", "for", "where"].contains(before.last ?? "")
          ? DocumentSymbols.comparedWithNumber(f.text) : nil)
      // `\rho(V) < 1`: a letter that is a function's whole argument is the thing measured,
      // mentioned as a name is alone, not a size compared.
      let arguments = DocumentSymbols.wholeArguments(f.text)
      for name in symbols {
        add(
          name, DocumentSymbols.role(ofName: name), at: 0,
          introduces: name == bounded || introducedByPhrase)
        if arguments.contains(name) && name != bounded { uses[uses.count - 1].alone = true }
      }
    case .sizeEquality(let names):
      var classes = sizeClasses[scope, default: [:]]
      let representative = names.map { classes[$0] ?? $0 }.min { $0.count < $1.count } ?? names[0]
      for name in names {
        let old = classes[name] ?? name
        for (k, v) in classes where v == old { classes[k] = representative }
        classes[name] = representative
        add(name, .size, at: 0, introduces: true)
      }
      sizeClasses[scope] = classes
    case .nameList(let names):
      let valuesOf =
        after.hasPrefix("are the number") || after.hasPrefix("are the numbers")
        || after.hasPrefix("is the number")
      let valuesFor =
        before.suffix(2) == ["values", "for"] || before.suffix(2) == ["values", "of"]
      // `sizes $B, T, C$`: capitals listed after a noun of extent are each a size named there.
      let extent = DocumentSymbols.extentProduct(names, before: before)
      for name in names {
        let role: SymbolRole =
          valuesFor ? .index : (valuesOf || extent ? .size : DocumentSymbols.role(ofName: name))
        add(name, role, at: 0, introduces: valuesOf || introducedByPhrase || extent)
      }
    case .formula(let symbols, _):
      let namedApplication = DocumentSymbols.applicationNamedByBareNounPhrase(f, doc)
      let extent =
        DocumentSymbols.extentProduct(symbols, before: before)
        || DocumentSymbols.sizeProductBeforePlural(f, symbols, after: after)
      let isIndex =
        before.last == "index" || before.last == "indices" || before.last == "positions"
        || before.suffix(2) == ["values", "of"] || before.suffix(2) == ["values", "for"]
      for name in symbols {
        let tensorLike = name.contains("_") && name.contains(",")
        if tensorLike {
          let base = String(name.prefix { $0 != "_" })
          add(name, family: base, subscripted: true, .tensor, at: 0, introduces: false)
        } else {
          let alone = symbols.count == 1
          // A name alone (`compute $Q$`, `the matrix $R$`) is introduced only by a phrase after
          // it (`$K$ is the number …`); followed by a noun (`$K$ terms`, `$k$ samples`) it is
          // a quantity.
          // Counted after a verb or "of" (`a product of $M$ factors`, `keeps $r$ copies`), not after a
          // determiner (`the $z$ axis`), a conjunction or nothing (`$q$ holds`).
          let capital = name.first?.isUppercase == true
          let afterWord =
            alone && DocumentSymbols.quantityFollows(after)
            && before.last.map { w in
              (w == "of" || w == "with" || (w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss"))
                || (capital && DocumentSymbols.countingPrepositions.contains(w)))
                && ![
                  "the", "a", "an", "this", "that", "each", "every", "and", "or", "is", "are",
                  "was", "were",
                  "be", "does", "do",
                ].contains(w)
            } ?? false && DocumentSymbols.wordBefore(f, doc)
          // `has $J$ capsules`, `producing $G$ new channels`, and the next items of a list of
          // such counts (`$Y$ rows, $X$ columns`); `$n$ such layers` whatever its case.
          let commaListed =
            DocumentSymbols.characterBefore(f, doc) == ","
            && previous?.section == f.section && previous?.introduced == true
          // `…; $J$ output channels.`: a count opening a clause.
          let clauseStart = [";", ".", ":"].contains(DocumentSymbols.characterBefore(f, doc))
          let capitalCount =
            alone && capital
            && (DocumentSymbols.pluralNounFollows(after)
              || DocumentSymbols.pluralAfterModifier(after)
              || DocumentSymbols.pluralAfterAdverb(after))
            && before.last.map { !DocumentSymbols.determiners.contains($0) && $0 != "this" }
              ?? clauseStart
            && (DocumentSymbols.wordBefore(f, doc) || commaListed || clauseStart)
          let suchCount = alone && DocumentSymbols.suchPluralFollows(after)
          let quantity =
            (afterWord || capitalCount || suchCount)
            && !DocumentSymbols.arrayNouns.contains(before.last ?? "")
          // `the weight tensor $M$`: the array M when the set writes one (checked once all
          // are read).
          let arrayNamed = alone && DocumentSymbols.arrayNouns.contains(before.last ?? "")
          // `$\sigma$ denotes the logistic function`: a function, named there.
          let namedBefore = alone && DocumentSymbols.functionNouns.contains(before.last ?? "")
          let function = alone && (DocumentSymbols.phraseNamesFunction(after) || namedBefore)
          add(
            name,
            isIndex
              ? .index
              : extent
                ? .size
                : function
                  ? .function
                  : quantity
                    ? .size
                    : arrayNamed ? .tensor : DocumentSymbols.role(ofName: name),
            at: 0,
            introduces: alone
              ? aloneIntroduced || suchCount || extent
              : introducedByPhrase || extent || (name == symbols.first && namedApplication))
          if !alone { uses[uses.count - 1].inProduct = true }
          if alone {
            result = aloneIntroduced || suchCount || extent
            uses[uses.count - 1].alone = true
            uses[uses.count - 1].arrayNamed = arrayNamed
            uses[uses.count - 1].functionNamedBefore =
              namedBefore && !DocumentSymbols.phraseNamesFunction(after)
            uses[uses.count - 1].mentionedInPassing =
              !DocumentSymbols.copulaFollows(after) && !after.hasPrefix("(")
            uses[uses.count - 1].superscripted = DocumentSymbols.superscriptedName(f.text, name)
            uses[uses.count - 1].quantity = quantity
            uses[uses.count - 1].counted = DocumentSymbols.countPhrase(after) || listed || extent
            // A capital counting the noun after it (`over $C$ classes`), or one of a list of
            // capitals that ends before a plural (`take $B$, $X$ and $I$ values`): a size named
            // there.
            if capital
              && (quantity || DocumentSymbols.listBeforePlural(after)
                || (before.last == "and"
                  && (DocumentSymbols.pluralNounFollows(after)
                    || DocumentSymbols.pluralAfterModifier(after))))
            {
              uses[uses.count - 1].countIntroduced = !uses[uses.count - 1].introduces
              uses[uses.count - 1].introduces = true
              result = true
            }
            // `the $m$ smallest weights`, `the $m$ heads`: a number of things, named there.
            if before.last == "the",
              DocumentSymbols.pluralOrSuperlativeFollows(after)
                || (name.first?.isUppercase == true && DocumentSymbols.pluralAfterModifier(after))
            {
              // A capital stays a size and is not made a quantity: `the $W$ weights` may name
              // the tensor W.
              uses[uses.count - 1].quantity = name.first?.isLowercase == true
              uses[uses.count - 1].introduces = true
              result = true
            }
          }
        }
      }
    case .unreadable:
      // What a fragment the engine cannot read still shows: the tensors it defines on the left
      // of each `=` (`μ[i] = \frac{1}{B}…, ν[i] = …`), and the letters it mentions, which keep
      // a later use of them from being called never introduced.
      for (piece, offset) in FragmentReader.definitionPieces(f.text) {
        // `(u[b,x], v[b,x]) = \operatorname{argmax} …`: one equation defines each of a tuple.
        for (ref, at) in FragmentReader.tupleTensors(piece) {
          addReference(
            ref, rowOffset: offset + at, introduces: true, inEquation: true, onLeft: true)
        }
        var parser = Parser(piece)
        if let e = try? parser.parseExpression(), case .tensor(let ref) = e {
          addReference(ref, rowOffset: offset, introduces: true, inEquation: true, onLeft: true)
        } else if let name = FragmentReader.singleName(piece) {
          // `r = σ(…)` defines r by a formula: it stands in an equation. `z = 0` sets a value
          // (a condition on something named elsewhere), not a definition of it.
          let formula = DocumentSymbols.definesByFormula(
            f.text, lhsOffset: offset,
            lhsLength: piece.count)
          add(
            name, DocumentSymbols.role(ofName: name), at: offset, introduces: true,
            inEquation: formula, onLeft: formula)
        } else if let name = DocumentSymbols.appliedDefinitionName(piece),
          name.first?.isLowercase == false || name.contains("_")
        {
          // `\Phi_p(\mathbf{s}) = …`: a capital or subscripted name applied to its arguments on
          // the left of `=` is a function (or a family of them, one per p) defined there; a
          // lowercase letter (`f(t) = …`) is read with the applied letters below.
          add(
            name, DocumentSymbols.role(ofName: name), at: offset, introduces: true,
            inEquation: true, onLeft: true)
          uses[uses.count - 1].applied = name.first?.isUppercase == true
        } else if let head = DocumentSymbols.appliedValueHead(piece),
          let name = DocumentSymbols.appliedDefinitionName(head)
        {
          // `\bar{f}(u)[n,k] = …`: a function whose value is indexed, defined there. A capital
          // so applied (`G(T_uL)[b,j] = G(L)[b,j]`: the map applied to an input) is
          // no size: a size carries no index list.
          let role = DocumentSymbols.role(ofName: name)
          add(
            name, role == .size ? .tensor : role, at: offset, introduces: true,
            inEquation: true, onLeft: true)
        }
      }
      mentions.append((f.location, scope, LenientNames.letters(in: f.text)))
      // The reference that opens it, after an introducing phrase (`Let $M[b,i] \in \{0,1\}$
      // denote the mask`), is introduced there.
      let opening = f.text.prefix { $0 == " " }.count
      for (ref, offset) in FragmentReader.references(in: f.text) {
        addReference(
          ref, rowOffset: offset,
          introduces: offset == opening && (introducedByPhrase || copula),
          inEquation: true, onLeft: false)
      }
      // `\mathrm{Gate}(…)`: a named function applied; on the left of `=` it is defined there.
      // Glossed after the fragment (`$\mathrm{sg}(\cdot)$ = stop-gradient`), the first is named.
      for (k, (name, offset, defined)) in DocumentSymbols.namedFunctions(in: f.text).enumerated() {
        let glossed = k == 0 && DocumentSymbols.glossOrPluralCopula(after)
        add(name, .function, at: offset, introduces: defined || glossed)
      }
      let defining = DocumentSymbols.definedAppliedLetters(in: f.text)
      let named = DocumentSymbols.applicationNamedByBareNounPhrase(f, doc)
      for (k, (letter, offset)) in LenientNames.appliedLetters(in: f.text).enumerated()
      where letter != "σ" && letter.first?.isLowercase == true {
        // `f(t) = …` defines f; an application elsewhere uses it. After a noun phrase that
        // names it (`Log-likelihood $\ln p(v)$`) the first one is introduced.
        add(letter, .scalar, at: offset, introduces: defining.contains(offset) || (named && k == 0))
        uses[uses.count - 1].applied = !defining.contains(offset)
      }
    }
    // `\phi:\mathbb{R}^{D}\to\mathbb{R}^{H}`: a signature declares its name a map.
    if let name = DocumentSymbols.signatureName(f.text) {
      add(name, .scalar, at: 0, introduces: true)
      uses[uses.count - 1].signature = true
    }
    // `a, e \in \{-1, 0, 1\}`: letters given their values by a set introduce themselves.
    for name in DocumentSymbols.setMembers(f.text) {
      let here = uses[firstUse...].indices.filter { uses[$0].name == name }
      if here.isEmpty { add(name, DocumentSymbols.role(ofName: name), at: 0, introduces: true) }
      for k in here { uses[k].introduces = true }
    }
    return (f.section, result)
  }
}
