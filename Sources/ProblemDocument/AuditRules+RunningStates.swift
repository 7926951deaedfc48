/// Running states: a tensor updated from its own previous value (`h[b,t,j] = h[b,t − 1,j] + …`)
/// is a new tensor with one index more than the total it accumulates.
extension AuditRules.IndexLists {
  /// `uses` (one tensor's, in one problem, in reading order) without the uses of a running state:
  /// an equation whose left side is the tensor and whose right side reads the same tensor with as
  /// many indices, equal at every position but one, where the right one is the left one's letter
  /// plus or minus a term (`t − 1`), introduces the tensor at that rank as a recurrence; its uses
  /// at that rank from the recurrence on are that new tensor's, not a rank mismatch with the
  /// earlier one.
  /// - Complexity: linear in the uses, plus the uses on one line for each use on a left side.
  static func outsideRunningStates(_ uses: [SymbolUse]) -> [SymbolUse] {
    var byLine: [Int: [SymbolUse]] = [:]
    for u in uses where !u.onLeft && u.inEquation { byLine[u.location.line, default: []].append(u) }
    var starts: [Int: DocumentLocation] = [:]
    for left in uses where left.onLeft && left.inEquation {
      let rank = left.indices.count
      guard starts[rank] == nil, rank > 0 else { continue }
      let right = byLine[left.location.line, default: []].prefix(16)
      if right.contains(where: { isPreviousStep($0, of: left) }) { starts[rank] = left.location }
    }
    guard !starts.isEmpty else { return uses }
    return uses.filter { u in
      guard let start = starts[u.indices.count] else { return true }
      return u.location < start
    }
  }

  /// Whether `right` reads the same positions as `left` but one, where it steps from the left's
  /// lone letter by a sum (`t` against `t − 1`, `t+1`).
  static func isPreviousStep(_ right: SymbolUse, of left: SymbolUse) -> Bool {
    guard right.indices.count == left.indices.count, right.location > left.location else {
      return false
    }
    var stepped = 0
    for (k, (l, r)) in zip(left.indices, right.indices).enumerated() where l != r {
      guard left.bareIndices[k] != nil, r.hasPrefix(l) else { return false }
      let rest = r.dropFirst(l.count).drop { $0 == " " }
      guard let sign = rest.first, "+-−".contains(sign), rest.count > 1 else { return false }
      stepped += 1
    }
    return stepped == 1
  }
}
