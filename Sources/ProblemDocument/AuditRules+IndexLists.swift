import IndexNotation

/// Index lists compared within a problem: ranks, and the letter at each position through the
/// sizes it ranges over.
extension AuditRules {
  /// Sizes of tensor positions that range over the same values, across the set: a use with one
  /// letter at two positions (A[v,v]) or two uses on one line with the same letters reordered
  /// (A[v,u] = A[u,v]) make the sizes seen at those positions one. Each size of a class maps to
  /// the class's least name.
  /// - Complexity: O(u²·r²) for u uses of one tensor of rank r.
  static func positionClasses(_ symbols: DocumentSymbols) -> [String: String] {
    var parent: [String: String] = [:]
    func find(_ x: String) -> String {
      var x = x
      while let p = parent[x], p != x { x = p }
      return x
    }
    func union(_ a: String, _ b: String) {
      let (x, y) = (find(a), find(b))
      if x != y { parent[max(x, y)] = min(x, y) }
    }
    func letterSize(_ letter: String) -> String {
      IndexVariable(letter.replacingOccurrences(of: "′", with: "")).rangeSymbol
    }
    var byName: [String: [SymbolUse]] = [:]
    for u in symbols.uses where u.role == .tensor && !u.bareIndices.isEmpty {
      byName[u.name, default: []].append(u)
    }
    for (_, all) in byName where all.count <= 200 {
      for u in all {
        let letters = u.bareIndices
        for p in letters.indices {
          for q in letters.indices where q > p {
            guard let a = letters[p], a == letters[q] else { continue }
            for v in all where v.bareIndices.count == letters.count {
              if let x = v.bareIndices[p], let y = v.bareIndices[q] {
                union(letterSize(x), letterSize(y))
              }
            }
          }
        }
        for v in all
        where v.location.line == u.location.line && v.bareIndices != letters
          && v.bareIndices.compactMap({ $0 }).sorted() == letters.compactMap({ $0 }).sorted()
        {
          for (x, y) in zip(v.bareIndices, letters) {
            if let x, let y { union(letterSize(x), letterSize(y)) }
          }
        }
      }
    }
    var out: [String: String] = [:]
    for key in parent.keys { out[key] = find(key) }
    return out
  }

  /// One tensor written with different numbers of indices, or different index letters at one
  /// position, within a problem (letters compared through their sizes, with sizes declared equal
  /// treated as one).
  struct IndexLists: AuditRule {
    let id = "index-lists"
    let summary = "one tensor written with different index lists within a problem"
    let kinds: [Finding.Kind] = [.rankMismatch, .indexLists]

    func findings(in reading: AuditReading) -> [Finding] {
      let symbols = reading.symbols
      let doc = reading.document
      var out: [Finding] = []
      var groups: [String: [SymbolUse]] = [:]
      var order: [String] = []
      for u in symbols.uses where u.role == .tensor && !u.bareIndices.isEmpty {
        let key = DocumentSymbols.scope(doc.sections[u.section]) + "\u{0}" + u.name
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(u)
      }
      var parent: [String: String] = [:]
      func find(_ x: String) -> String {
        var x = x
        while let p = parent[x], p != x { x = p }
        return x
      }
      func letterSize(_ letter: String) -> String {
        IndexVariable(letter.replacingOccurrences(of: "′", with: "")).rangeSymbol
      }
      for (size, representative) in positionClasses(symbols) { parent[size] = representative }
      // Sizes the set declares (see `disagree` below); one pass over the uses.
      let declared = Set(
        symbols.uses.filter {
          $0.role == .size && $0.introduces && (!$0.alone || $0.counted)
        }.map(\.name))
      let classesIn = symbols.sizeClasses(in: Set(doc.sections.map(DocumentSymbols.scope)))
      // Each name's ranks across the set, which settle a tie within one problem (the rank a
      // tensor was defined with in an earlier problem is its rank here too).
      var setRanks: [String: [Int: Int]] = [:]
      for uses in groups.values {
        for u in uses { setRanks[u.name, default: [:]][u.indices.count, default: 0] += 1 }
      }
      let pairedIn = Self.pairedLetters(symbols, doc)
      for key in order {
        let uses = Self.outsideRunningStates(groups[key]!)
        guard uses.count > 1 else { continue }
        let scope = DocumentSymbols.scope(doc.sections[uses[0].section])
        let classes = classesIn[scope] ?? [:]
        var counts: [Int: Int] = [:]
        for u in uses { counts[u.indices.count, default: 0] += 1 }
        let most = counts.values.max()!
        let tied = uses.filter { counts[$0.indices.count] == most }
        let inSet = setRanks[uses[0].name] ?? [:]
        let best = tied.map { inSet[$0.indices.count] ?? 0 }.max() ?? 0
        let usual = tied.first { (inSet[$0.indices.count] ?? 0) == best }!.indices.count
        let lists = uses.map { "\(displayName($0.name))[\($0.indices.joined(separator: ","))]" }
        var distinct: [String] = []
        for l in lists where !distinct.contains(l) { distinct.append(l) }
        for u in uses where u.indices.count != usual {
          out.append(
            Finding(
              .rankMismatch,
              "\(displayName(u.name)) is used with \(u.indices.count) indices here and \(usual) elsewhere in "
                + "problem \(scope)",
              at: u.location, in: doc.sections[u.section], document: doc,
              evidence: "written " + distinct.joined(separator: ", ")))
        }
        // Letters, among uses of the usual rank: the first use that differs from the spelling
        // most uses agree with.
        let same = uses.filter { $0.indices.count == usual }
        guard let first = same.first else { continue }
        // The set's equal positions and this problem's sizes declared equal, as one partition.
        var scoped = parent
        func scopedFind(_ x: String) -> String {
          var x = x
          while let p = scoped[x], p != x { x = p }
          return x
        }
        for (k, v) in classes {
          let (x, y) = (scopedFind(k), scopedFind(v))
          if x != y { scoped[x] = y }
        }
        // Two letters paired by one formula of this problem or the preamble, on any tensor
        // (`r[p,c] − r[q,c]`: two points), range over the same values for every tensor.
        for (a, b) in (pairedIn[scope] ?? []) + (scope.isEmpty ? [] : pairedIn[""] ?? []) {
          let (x, y) = (scopedFind(letterSize(a)), scopedFind(letterSize(b)))
          if x != y { scoped[max(x, y)] = min(x, y) }
        }
        /// A letter's size, numbered and primed copies (t_1, t′) merged: renaming a dummy index is
        /// not writing the tensor differently.
        func plainSize(_ letter: String) -> String {
          var letter = letter
          if let u = letter.lastIndex(of: "_"),
            letter[letter.index(after: u)...].allSatisfy(\.isNumber)
          {
            letter = String(letter[..<u])
          }
          return letterSize(letter)
        }
        // `r[p,c] − r[q,c]`: one tensor written twice in one formula, alike but for one
        // lowercase letter, pairs two elements of one range (two points, two times): those
        // letters range over the same values. Two formulas of a sentence are not paired so. At
        // most 200 uses, as below.
        let byFormula = Dictionary(
          grouping: same.prefix(200),
          by: {
            doc.sections[$0.section].fragment(containing: $0.location.offset)?.location.offset ?? -1
          })
        for (formula, row) in byFormula where formula >= 0 && row.count > 1 {
          for a in row {
            for b in row {
              let unlike = zip(a.bareIndices, b.bareIndices).filter { $0 != $1 }
              guard unlike.count == 1, let x = unlike[0].0, let y = unlike[0].1,
                x.first?.isLowercase == true, y.first?.isLowercase == true
              else { continue }
              let (p, q) = (scopedFind(plainSize(x)), scopedFind(plainSize(y)))
              if p != q { scoped[max(p, q)] = min(p, q) }
            }
          }
        }
        func size(_ letter: String?) -> String? { letter.map { scopedFind(plainSize($0)) } }
        // A letter bound by its equation may be renamed in another equation (h[b,t,j], h[b,s,j]):
        // between two equations only sizes the set declares, and differing, are two spellings.
        // A capital letter index is summed where it stands: a dummy, renamed freely like a bound
        // letter (K for j). A written-out name (N_in) at that position is not a renaming.
        func letter(_ s: String) -> Substring { s.drop { $0 == "Δ" }.filter { $0 != "′" }[...] }
        func oneLetter(_ s: String) -> Bool { letter(s).count == 1 }
        func summed(_ s: String) -> Bool { letter(s).first?.isUppercase == true }
        func differ(_ a: String?, _ b: String?, bound: Bool, half: Bool) -> Bool {
          guard let a, let b, let x = size(a), let y = size(b), x != y else { return false }
          // A letter the equation binds, against a mention in prose, is a renaming too when both
          // are single letters.
          let bound = bound || (oneLetter(a) && oneLetter(b) && (half || summed(a) || summed(b)))
          return !bound || (declared.contains(plainSize(a)) && declared.contains(plainSize(b)))
            || (declared.contains(classes[plainSize(a)] ?? "")
              && declared.contains(classes[plainSize(b)] ?? ""))
        }
        func disagree(_ u: SymbolUse, _ r: SymbolUse) -> Bool {
          let bound = u.inEquation && r.inEquation
          let half = u.inEquation || r.inEquation
          return zip(u.bareIndices, r.bareIndices).contains {
            differ($0, $1, bound: bound, half: half)
          }
        }
        // The reference is the first use, unless most uses disagree with it: then the use that
        // the most others agree with (the first on a tie), so one odd spelling early in a problem
        // is the one reported, not the correct ones after it. O(n²) in the uses of one tensor,
        // so only below 200 of them.
        func agreeing(_ r: SymbolUse) -> Int { same.filter { !disagree($0, r) }.count }
        let reference =
          same.count > 200 || 2 * agreeing(first) > same.count
          ? first : same.max { agreeing($0) < agreeing($1) } ?? first
        if let odd = same.first(where: { disagree($0, reference) }) {
          let bound = odd.inEquation && reference.inEquation
          let half = odd.inEquation || reference.inEquation
          let positions = zip(odd.bareIndices, reference.bareIndices).enumerated().compactMap {
            k, pair in
            if let x = pair.0, let y = pair.1, differ(x, y, bound: bound, half: half) {
              return "\(y) → \(x) at position \(k + 1)"
            }
            return nil
          }
          out.append(
            Finding(
              .indexLists,
              "\(displayName(odd.name)) is written with other index letters here than at \(reference.location) "
                + "(\(positions.joined(separator: ", "))): one tensor, two spellings",
              at: odd.location, in: doc.sections[odd.section], document: doc,
              evidence: "written " + distinct.joined(separator: ", ")))
        }
      }
      return out
    }
  }
}

extension AuditRules.IndexLists {
  /// Per scope, the pairs of lowercase letters one formula writes at one position of one tensor
  /// written twice, alike but for that letter (`r[p,c] − r[q,c]` pairs p and q): two elements
  /// of one range, such as two points or two times. At most 200 uses of a tensor per formula;
  /// each pair kept once per scope.
  /// - Complexity: linear in the uses, and quadratic in the uses of one tensor in one formula
  ///   (at most 200).
  static func pairedLetters(_ symbols: DocumentSymbols, _ doc: ProblemSetDocument)
    -> [String: [(String, String)]]
  {
    var byFormula: [String: [SymbolUse]] = [:]
    for u in symbols.uses where u.role == .tensor && !u.bareIndices.isEmpty {
      guard let f = doc.sections[u.section].fragment(containing: u.location.offset) else {
        continue
      }
      byFormula["\(f.location.offset)\u{0}\(u.name)", default: []].append(u)
    }
    // Each pair once per scope (a formula of many alike uses repeats the same pair).
    var seen: [String: Set<String>] = [:]
    var out: [String: [(String, String)]] = [:]
    for (_, row) in byFormula where row.count > 1 {
      let scope = DocumentSymbols.scope(doc.sections[row[0].section])
      for (k, a) in row.prefix(200).enumerated() {
        for b in row.prefix(200).dropFirst(k + 1) where a.bareIndices.count == b.bareIndices.count {
          let unlike = zip(a.bareIndices, b.bareIndices).filter { $0 != $1 }
          guard unlike.count == 1, let x = unlike[0].0, let y = unlike[0].1,
            x.count == 1, y.count == 1, x.first?.isLowercase == true,
            y.first?.isLowercase == true
          else { continue }
          let (p, q) = (min(x, y), max(x, y))
          guard seen[scope, default: []].insert(p + "\u{0}" + q).inserted else { continue }
          out[scope, default: []].append((p, q))
        }
      }
    }
    return out
  }
}
