import IndexNotation

/// Names found in fragments read only in part.
extension FragmentReader {
  /// The left sides of the definitions in a fragment: the text before the first `=` of each
  /// piece between top-level `,`, `;`, `\quad` and `\qquad`, with its character offset.
  /// - Complexity: O(n) in the fragment's length.
  static func definitionPieces(_ text: String) -> [(String, Int)] {
    let chars = Array(text)
    var pieces: [(Int, Int)] = []
    var depth = 0
    var start = 0
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if "[{(".contains(c) { depth += 1 }
      if "]})".contains(c) { depth -= 1 }
      if depth == 0 && (c == "," || c == ";") {
        pieces.append((start, i))
        start = i + 1
      } else if depth == 0, c == "\\" {
        var j = i + 1
        while j < chars.count, chars[j].isLetter { j += 1 }
        let command = String(chars[(i + 1)..<j])
        if command == "quad" || command == "qquad" {
          pieces.append((start, i))
          start = j
        }
        i = max(j, i + 1)
        continue
      }
      i += 1
    }
    pieces.append((start, chars.count))
    var out: [(String, Int)] = []
    for (a, b) in pieces where a < b {
      var depth = 0
      var k = a
      while k < b {
        if "[{(".contains(chars[k]) { depth += 1 }
        if "]})".contains(chars[k]) { depth -= 1 }
        if depth == 0 && chars[k] == "=" { break }
        k += 1
      }
      guard k < b else { continue }
      var lo = a
      while lo < k, chars[lo].isWhitespace { lo += 1 }
      let lhs = String(chars[lo..<k]).trimmingCharacters(in: .whitespaces)
      if !lhs.isEmpty { out.append((lhs, lo)) }
    }
    return out
  }
}

extension FragmentReader {
  /// The tensor references a fragment shows even when it cannot be read whole: for each `[`,
  /// the longest name before it that reads, with its index list, as one reference. With the
  /// character offset of each reference's text in the fragment.
  /// - Complexity: O(n · w) for n characters and names of up to w = 40 characters.
  static func references(in text: String) -> [(TensorReference, Int)] {
    let c = Array(text)
    var out: [(TensorReference, Int)] = []
    var i = 0
    while i < c.count {
      guard c[i] == "[" else {
        i += 1
        continue
      }
      var depth = 0
      var close = i
      while close < c.count {
        if c[close] == "[" { depth += 1 }
        if c[close] == "]" {
          depth -= 1
          if depth == 0 { break }
        }
        close += 1
      }
      guard close < c.count else { break }
      for start in max(0, i - 40)..<i
      where c[start] == "\\"
        || (c[start].isLetter && (start == 0 || !c[start - 1].isLetter && c[start - 1] != "\\"))
      {
        var parser = Parser(String(c[start...close]))
        if let e = try? parser.parseExpression(), case .tensor(let ref) = e, parser.atEnd {
          out.append((ref, start))
          break
        }
      }
      i += 1
    }
    return out
  }
}
