import Foundation

/// Bindings read once the whole document is read: sizes that index letters range over,
/// mentions resolved against the tensors the set writes, signatures and applied definitions.
extension DocumentSymbols {
  /// Lone mentions resolved against the tensors the set writes (`$V^1$` for the tensor V^1,
  /// `the weight tensor $M$` for M), and counts undone where the capital names a tensor
  /// (`of $S$ requires`: a verb read as a noun).
  mutating func resolveMentions() {
    let written = Set(uses.filter { $0.role == .tensor && !$0.arrayNamed }.map(\.family))
    for k in uses.indices where uses[k].arrayNamed && !written.contains(uses[k].name) {
      uses[k].role = DocumentSymbols.role(ofName: uses[k].name)
    }
    for k in uses.indices {
      guard let family = uses[k].superscripted, written.contains(family) else { continue }
      (uses[k].name, uses[k].family, uses[k].role) = (family, family, .tensor)
      uses[k].quantity = false
    }
    for k in uses.indices where uses[k].countIntroduced && written.contains(uses[k].name) {
      uses[k].introduces = false
      uses[k].countIntroduced = false
    }
  }

  /// `$i$ and $j$ both range over the $N$ units`, `$t$ runs over $T$ steps`, `$k$ also takes
  /// $J$ values`: each index letter listed before "range(s)/run(s) over" or "take(s)" counts its
  /// values with the size after it, so the
  /// letter's capital (I, J, T) is declared equal to that size in the section's problem.
  ///
  /// - Complexity: linear in the section's text.
  mutating func collectRanges(_ section: Section, _ doc: ProblemSetDocument) {
    let source = doc.text(of: section)
    let letter = #"\$\s*([a-z])\s*\$"#
    // The verb phrase and its size are found first (linear); the letters before it are read
    // within `rangesReach` characters, so a long run of fragments costs linear time.
    let verb =
      #"\s+(?:both\s+|all\s+|each\s+|also\s+)?"#
      + #"(?:(?:ranges?|runs?)\s+over\s+(?:the\s+)?|takes?\s+(?:the\s+)?)"#
      + #"\$\s*([A-Z](?:_\{?[A-Za-z0-9]+\}?)?)\s*\$"#
    let list =
      "(" + letter + #"(?:(?:\s*,\s*|\s*,?\s*and\s+|\s*,?\s*or\s+)"# + letter + ")*)$"
    guard let verbs = ShortPatterns.compiled(verb),
      let lists = ShortPatterns.compiled(list),
      let single = ShortPatterns.compiled(letter)
    else { return }
    let ns = source as NSString
    var groups: [[String]] = []
    for match in verbs.matches(in: source, range: NSRange(location: 0, length: ns.length)) {
      let size = ns.substring(with: match.range(at: 1))
        .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
      let from = max(0, match.range.location - DocumentSymbols.rangesReach)
      let before = NSRange(location: from, length: match.range.location - from)
      guard let listed = lists.firstMatch(in: source, range: before) else { continue }
      var names: [String] = [size]
      for m in single.matches(in: source, range: listed.range) {
        names.append(ns.substring(with: m.range(at: 1)).uppercased())
      }
      guard names.count > 1 else { continue }
      groups.append(names)
    }
    guard !groups.isEmpty else { return }
    DocumentSymbols.merge(groups, into: &sizeClasses[DocumentSymbols.scope(section), default: [:]])
  }

  /// How far before its verb phrase a list of ranging letters is read.
  static let rangesReach = 300

  /// `$N$ nodes indexed by $u$ and $v$`, `$T$ steps numbered by $t$`: a size, one to three
  /// words, then "indexed/numbered/labelled by" and a list of index letters declares each
  /// letter's capital equal to that size in the section's problem.
  ///
  /// - Complexity: linear in the section's text.
  mutating func collectIndexedSizes(_ section: Section, _ doc: ProblemSetDocument) {
    let source = doc.text(of: section)
    let letter = #"\$\s*([a-z])\s*\$"#
    let phrase =
      #"\$\s*([A-Z](?:_\{?[A-Za-z0-9]+\}?)?)\s*\$\s+(?:[A-Za-z-]+\s+){1,3}"#
      + #"(?:indexed|numbered|labell?ed)\s+by\s+"# + letter
      + #"((?:(?:\s*,\s*|\s*,?\s*and\s+)"# + letter + ")*)"
    guard let phrases = ShortPatterns.compiled(phrase), let single = ShortPatterns.compiled(letter)
    else { return }
    let ns = source as NSString
    var groups: [[String]] = []
    for match in phrases.matches(in: source, range: NSRange(location: 0, length: ns.length)) {
      let size = ns.substring(with: match.range(at: 1))
        .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
      var names = [size, ns.substring(with: match.range(at: 2)).uppercased()]
      if match.range(at: 3).length > 0 {
        for m in single.matches(in: source, range: match.range(at: 3)) {
          names.append(ns.substring(with: m.range(at: 1)).uppercased())
        }
      }
      // A size that is its own letter's capital (`$T$ steps indexed by $t$`) declares nothing.
      if Set(names).count > 1 { groups.append(names) }
    }
    guard !groups.isEmpty else { return }
    DocumentSymbols.merge(groups, into: &sizeClasses[DocumentSymbols.scope(section), default: [:]])
  }

  /// The name a signature declares a map (`f: A \to B`, `\phi\colon X \rightarrow Y`,
  /// `g: ℝ → ℝ`): a single name before the first colon and an arrow after it; nil otherwise.
  static func signatureName(_ text: String) -> String? {
    let colon = text.range(of: "\\colon") ?? text.range(of: ":")
    guard let colon, !text[..<colon.lowerBound].contains("="),
      ["\\to", "\\rightarrow", "→"].contains(where: { text[colon.upperBound...].contains($0) })
    else { return nil }
    return FragmentReader.singleName(String(text[..<colon.lowerBound]))
  }

  /// `W^1`, `W^{q}` for the letter `W` read from it: the letter with its superscript, braces
  /// dropped, as a tensor family is keyed; nil for anything else.
  static func superscriptedName(_ text: String, _ letter: String) -> String? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard t.hasPrefix(letter + "^") else { return nil }
    var sup = t.dropFirst(letter.count + 1)
    if sup.hasPrefix("{") && sup.hasSuffix("}") { sup = sup.dropFirst().dropLast() }
    guard !sup.isEmpty, sup.count <= 3, sup.allSatisfy({ $0.isLetter || $0.isNumber })
    else { return nil }
    return letter + "^" + sup
  }

  /// `\Phi_p(\mathbf{s})`, `g\left(x, y\right)` → the name applied: a single name (with its
  /// subscript) followed by one parenthesized argument list that ends the piece; nil otherwise.
  static func appliedDefinitionName(_ piece: String) -> String? {
    var chars = Array(piece.trimmingCharacters(in: .whitespaces))
    guard chars.last == ")" else { return nil }
    var depth = 0
    var open: Int?
    for k in stride(from: chars.count - 1, through: 0, by: -1) {
      if chars[k] == ")" { depth += 1 }
      if chars[k] == "(" { depth -= 1 }
      if depth == 0 {
        open = k
        break
      }
    }
    guard let open, open > 0 else { return nil }
    chars = Array(chars[..<open])
    var head = String(chars).trimmingCharacters(in: .whitespaces)
    if head.hasSuffix("\\left") { head = String(head.dropLast(5)) }
    guard head.contains(where: \.isLetter) else { return nil }
    return FragmentReader.singleName(head)
  }

  /// Declares each group's names equal sizes in `classes`: the classes they touch are joined,
  /// each under the shortest (then first in order) of its names as representative.
  /// - Complexity: near-linear in the classes' and groups' names (union–find).
  static func merge(_ groups: [[String]], into classes: inout [String: String]) {
    var parent: [String: String] = [:]
    func find(_ x: String) -> String {
      var root = x
      while let p = parent[root], p != root { root = p }
      var y = x
      while let p = parent[y], p != root {
        parent[y] = root
        y = p
      }
      return root
    }
    func union(_ a: String, _ b: String) {
      let (x, y) = (find(a), find(b))
      guard x != y else { return }
      // The smaller representative by (length, text) stays the root.
      if (x.count, x) < (y.count, y) { parent[y] = x } else { parent[x] = y }
    }
    for (name, representative) in classes { union(name, representative) }
    for names in groups { for name in names.dropFirst() { union(names[0], name) } }
    var members = Set(classes.keys)
    for names in groups { members.formUnion(names) }
    for name in members { classes[name] = find(name) }
  }

  /// A name the set applies as a function (`σ(ξ) = …`, `\sigma\left(…\right)`) that a lone
  /// mention would make a count only by the word after it (`the argument of $σ$ tends to`) is
  /// still that function; a phrase that counts it (`$σ$ is the number of …`) keeps it a size.
  /// A signature of a name the equations apply as a function declares that function, and a
  /// letter applied to an argument is the function a phrase names it; a script capital of a
  /// distribution is a function.
  mutating func keepFunctionsApplied() {
    // `the logistic function $\sigma$`: a function when the set applies σ (a function of the
    // engine, or a letter before a parenthesis), else the name its spelling implies.
    let calls = Set(
      uses.filter { ($0.role == .function && !$0.alone) || $0.applied }.map(\.name))
    for k in uses.indices where uses[k].functionNamedBefore && !calls.contains(uses[k].name) {
      uses[k].role = DocumentSymbols.role(ofName: uses[k].name)
    }
    let functions = Set(uses.filter { $0.role == .function }.map(\.name))
    // `with $\sigma$ the identity`: a lowercase letter mentioned in passing, with no copula
    // saying what it is, is the function the set's equations apply.
    for k in uses.indices
    where uses[k].alone && uses[k].mentionedInPassing && uses[k].role == .scalar
      && !uses[k].quantity && !uses[k].counted && !uses[k].inEquation
      && calls.contains(uses[k].name) && functions.contains(uses[k].name)
    {
      uses[k].role = .function
    }
    for k in uses.indices where uses[k].signature && functions.contains(uses[k].name) {
      uses[k].role = .function
    }
    for k in uses.indices
    where uses[k].alone && uses[k].quantity && !uses[k].counted && uses[k].role == .size
      && functions.contains(uses[k].name)
    {
      uses[k].role = .function
      uses[k].quantity = false
    }
    // `\phi(U[j,I]\,a[n,I])` beside `$\phi$ the hyperbolic tangent function`: the letter
    // applied is the function the prose names.
    // `H(z) = 1` beside `$H$ is the step function`: a capital applied on the left of `=` is
    // that function too.
    for k in uses.indices
    where uses[k].applied && (uses[k].role == .scalar || uses[k].role == .size)
      && functions.contains(uses[k].name)
    {
      uses[k].role = .function
    }
    // `\mathcal{N}(0,\gamma^{-2})`: the field's names of distributions applied to parameters.
    for k in uses.indices where DocumentSymbols.distributions.contains(uses[k].name) {
      uses[k].role = .function
    }
  }

  /// The field's script capitals for distributions (normal, uniform).
  static let distributions: Set<String> = ["𝒩", "𝒰"]
}
