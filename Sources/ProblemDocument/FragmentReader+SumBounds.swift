/// Sums written with their bounds.
extension FragmentReader {
  /// A sum with bounds read as the sum over its letter: `\sum_{ℓ=0}^{L-1}` becomes `\sum_{ℓ}`
  /// followed by spaces, so columns stay where they were. The notation sums an index over its
  /// whole range; the bounds of a sum over all of it add nothing the engine reads.
  /// - Complexity: O(n) in the fragment's length (braces are matched once, in one pass).
  static func blankingSumBounds(_ text: String) -> String {
    guard text.hasSubstring("\\sum_{") else { return text }
    var c = Array(text)
    // One pass: each brace's match, and the first `=` directly inside each brace.
    var close: [Int: Int] = [:]
    var firstEquals: [Int: Int] = [:]
    var stack: [Int] = []
    for (k, ch) in c.enumerated() {
      if ch == "{" {
        stack.append(k)
      } else if ch == "}", let open = stack.popLast() {
        close[open] = k
      } else if ch == "=", let open = stack.last, firstEquals[open] == nil {
        firstEquals[open] = k
      }
    }
    let marker = Array("\\sum_{")
    var i = 0
    while i + marker.count <= c.count {
      guard c[i] == "\\", Array(c[i..<(i + marker.count)]) == marker else {
        i += 1
        continue
      }
      let open = i + marker.count - 1
      guard let k = close[open], let eq = firstEquals[open] else {
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
