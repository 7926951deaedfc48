/// The relation of a transformed tensor to the original, read from the text of an equation when
/// the notation engine cannot read its indices (`π(t)`, `(x+p) \bmod X`).
extension AuditRules {
  /// A tensor reference written as a name and one bracketed index list (`\tilde{h}'[n,\pi(j)]`):
  /// the name with `'` and `^\prime` written `′`, and the indices split at commas outside
  /// brackets, spaces and `\,` dropped; nil for any other shape.
  /// - Complexity: linear in the text's length.
  static func bracketReference(_ text: String) -> (name: String, indices: [String])? {
    var t = FragmentReader.trimmed(text).filter { !$0.isWhitespace }
    for (from, to) in [("\\,", ""), ("^{\\prime}", "′"), ("^\\prime", "′"), ("'", "′")] {
      t = t.replacingOccurrences(of: from, with: to)
    }
    t = t.replacingOccurrences(of: "\\left[", with: "[").replacingOccurrences(
      of: "\\right]", with: "]")
    guard let open = t.firstIndex(of: "["), open > t.startIndex, t.last == "]" else { return nil }
    let name = String(t[..<open])
    guard !name.contains(where: { "()[]=+-*/,".contains($0) }) else { return nil }
    var indices: [String] = []
    var depth = 0
    var current = ""
    for c in t[t.index(after: open)..<t.index(before: t.endIndex)] {
      if "[{(".contains(c) { depth += 1 }
      if "]})".contains(c) { depth -= 1 }
      if depth < 0 { return nil }
      if c == ",", depth == 0 {
        indices.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    indices.append(current)
    guard depth == 0, !indices.contains(where: \.isEmpty) else { return nil }
    return (name, indices)
  }

  /// A name without its decorations: primes, `\tilde`/`\widetilde` and font wrappers
  /// (`\mathbf{h}`), with how many marks of a transformed copy (primes, tildes) it had.
  static func undecorated(_ name: String) -> (core: String, marks: Int) {
    var core = name
    var marks = core.filter { $0 == "′" }.count
    core.removeAll { $0 == "′" }
    for wrapper in ["\\tilde", "\\widetilde", "\\mathbf", "\\boldsymbol", "\\bm", "\\mathrm"] {
      guard let r = core.range(of: wrapper) else { continue }
      var rest = core[r.upperBound...]
      if rest.first == "{", let close = rest.firstIndex(of: "}") {
        rest =
          rest[rest.index(after: rest.startIndex)..<close]
          + rest[rest.index(after: close)...]
      }
      core = String(core[..<r.lowerBound] + rest)
      if wrapper.hasSuffix("tilde") { marks += 1 }
    }
    return (core, marks)
  }

  /// `A′[…] = A[…]` read as text: a copy of the same tensor with more marks (a prime, a tilde,
  /// or a subscript naming the map applied to the original's indices, `u_\pi[j] = u[\pi(j)]`)
  /// on the left. Returns the two ends, whether their index lists are equal, and the
  /// original's undecorated name.
  static func textRelation(_ left: String, _ right: String)
    -> (moved: String, original: String, same: Bool, name: String)?
  {
    if let label = labelledCopy(left, right) {
      return (label.moved, label.original, true, label.name)
    }
    guard let moved = bracketReference(left), let original = bracketReference(right),
      moved.indices.count == original.indices.count
        || moved.indices.count == mappedWidth(original.indices)
    else { return nil }
    var a = undecorated(moved.name)
    let b = undecorated(original.name)
    if a.core != b.core, let bar = a.core.lastIndex(of: "_"), !b.core.contains("_") {
      // A subscript that names the map the original's indices apply: `u_\pi` beside `\pi(j)`.
      var sub = String(a.core[a.core.index(after: bar)...])
      if sub.first == "{", sub.last == "}" { sub = String(sub.dropFirst().dropLast()) }
      // Or a label of the move the original's indices show: `h_1[b,x,y] = h[b,x-1,y]`.
      if !sub.isEmpty,
        original.indices.contains(where: { $0.hasSubstring(sub + "(") })
          || shiftedTogether(original.indices, moved.indices)
      {
        a = (String(a.core[..<bar]), a.marks + 1)
      }
    }
    let show = { (r: (name: String, indices: [String])) in
      "\(r.name)[\(r.indices.joined(separator: ", "))]"
    }
    if a.core == b.core, !a.core.isEmpty, a.marks == b.marks,
      shiftedTogether(moved.indices, original.indices)
    {
      // `c[t+a, s+a] = c[t, s]`: the tensor itself, at indices moved by one shift, is unchanged.
      return (show(moved), show(original), true, b.core)
    }
    guard a.core == b.core, !a.core.isEmpty, a.marks > b.marks else { return nil }
    let same = moved.indices == original.indices
    return (show(moved), show(original), same, b.core)
  }

  /// The undecorated name that an inline fragment is, when it is nothing but a name (`$h$`,
  /// `$\mathbf{h}'$`, `$z_t$`); nil for an expression.
  static func bareName(_ text: String) -> String? {
    let t = FragmentReader.trimmed(text).filter { !$0.isWhitespace }.replacingOccurrences(
      of: "'", with: "′")
    guard !t.isEmpty, t.count <= 24,
      !t.contains(where: { "()[]=+-,<>|&".contains($0) }), !t.hasSubstring("\\in")
    else { return nil }
    let core = undecorated(t).core
    return core.isEmpty ? nil : core
  }

  /// Whether one index list is the other with one shift added to (or taken from) some of its
  /// indices and the rest unchanged: `[h, t+a, s+a]` beside `[h, t, s]`.
  static func shiftedTogether(_ moved: [String], _ original: [String]) -> Bool {
    guard moved.count == original.count, moved != original else { return false }
    var shift: String?
    for (m, o) in zip(moved, original) where m != o {
      guard m.hasPrefix(o), m.count > o.count + 1 else { return false }
      let rest = String(m.dropFirst(o.count))
      guard rest.first == "+" || rest.first == "-", shift == nil || shift == rest else {
        return false
      }
      shift = rest
    }
    return shift != nil
  }

  /// Two ends that are bare names, the left the right with a subscript label added
  /// (`N_{cL} = N`): the transformed output written equal to the original, unchanged. A label
  /// without a letter (`x_0 = x`, a first value) or a right end with a subscript is no such
  /// copy.
  static func labelledCopy(_ left: String, _ right: String)
    -> (moved: String, original: String, name: String)?
  {
    let l = FragmentReader.trimmed(left).filter { !$0.isWhitespace }
    let r = FragmentReader.trimmed(right).filter { !$0.isWhitespace }
    guard !r.isEmpty, !r.contains("_"), let lb = bareName(l), let rb = bareName(r), lb != rb,
      l.hasPrefix(r + "_")
    else { return nil }
    var sub = String(l.dropFirst(r.count + 1))
    if sub.first == "{", sub.last == "}" { sub = String(sub.dropFirst().dropLast()) }
    guard sub.contains(where: \.isLetter), !sub.contains("_"), !sub.contains("^") else {
      return nil
    }
    return (l, r, rb)
  }

  /// How many indices a list covers when each index written as a map of several
  /// (`\pi(x,y)`: a function name, then its arguments in parentheses) counts as its arguments.
  /// - Complexity: linear in the list's text.
  static func mappedWidth(_ indices: [String]) -> Int {
    indices.reduce(0) { total, index in
      guard let open = index.firstIndex(of: "("), open > index.startIndex, index.last == ")",
        !index[..<open].contains(where: { "+-*/".contains($0) })
      else { return total + 1 }
      let inside = index[index.index(after: open)..<index.index(before: index.endIndex)]
      guard !inside.contains("(") else { return total + 1 }
      return total + inside.split(separator: ",").count
    }
  }
}
