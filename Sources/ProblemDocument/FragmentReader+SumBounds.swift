/// Sums written with their bounds.
extension FragmentReader {
  /// A sum with bounds read as the sum over its letter: `\sum_{ℓ=0}^{L-1}` becomes `\sum_{ℓ}`
  /// followed by spaces, so columns stay where they were. The notation sums an index over its
  /// whole range; the bounds of a sum over all of it add nothing the engine reads.
  /// - Complexity: O(n) in the fragment's length.
  static func blankingSumBounds(_ text: String) -> String {
    guard text.hasSubstring("\\sum_{") else { return text }
    var c = Array(text)
    let marker = Array("\\sum_{")
    var i = 0
    while i + marker.count <= c.count {
      guard Array(c[i..<(i + marker.count)]) == marker else {
        i += 1
        continue
      }
      let open = i + marker.count - 1
      var k = open + 1
      var depth = 1
      var equals: Int?
      while k < c.count, depth > 0 {
        if c[k] == "{" { depth += 1 }
        if c[k] == "}" { depth -= 1 }
        if c[k] == "=", depth == 1, equals == nil { equals = k }
        if depth > 0 { k += 1 }
      }
      guard k < c.count, let eq = equals else {
        i = open + 1
        continue
      }
      for j in eq..<k { c[j] = " " }
      // The upper bound: `^{…}`, `^\command` or `^x`.
      var j = k + 1
      while j < c.count, c[j] == " " { j += 1 }
      if j < c.count, c[j] == "^" {
        c[j] = " "
        j += 1
        if j < c.count, c[j] == "{" {
          var d = 0
          while j < c.count {
            if c[j] == "{" { d += 1 }
            let close = c[j] == "}"
            if close { d -= 1 }
            c[j] = " "
            j += 1
            if close && d == 0 { break }
          }
        } else if j < c.count, c[j] == "\\" {
          c[j] = " "
          j += 1
          while j < c.count, c[j].isLetter {
            c[j] = " "
            j += 1
          }
        } else if j < c.count {
          c[j] = " "
        }
      }
      i = k + 1
    }
    return String(c)
  }
}
