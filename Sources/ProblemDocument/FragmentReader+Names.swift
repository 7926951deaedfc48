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
  /// character offset of each reference's text in the fragment. A letter the fragment only ever
  /// glues before an index (`Parser.gluedFactorLetters`) is read as a factor of it.
  /// - Complexity: O(n · w) for n characters and names of up to w = 40 characters.
  static func references(in text: String) -> [(TensorReference, Int)] {
    let c = Array(text)
    // `A[b,rx+U,…]` beside `S[b,x,…]`: a letter only ever glued before an index scales it.
    let factors = Parser.gluedFactorLetters(in: text).union(Parser.defaultParameters)
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
        var parser = Parser(String(c[start...close]), parameters: factors)
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

extension FragmentReader {
  /// The elements of a tuple written as one left side (`(a[i], b[i]) = …`, also with
  /// `\left( … \right)`), each with its character offset in `lhs`: one equation defines every
  /// element. Nil unless `lhs` is one parenthesized list of two or more elements.
  /// - Complexity: O(n) in the length of `lhs`.
  static func tupleElements(_ lhs: String) -> [(String, Int)]? {
    let chars = Array(lhs)
    var open = 0
    while open < chars.count, chars[open].isWhitespace { open += 1 }
    if chars[open...].starts(with: Array("\\left")) { open += 5 }
    guard open < chars.count, chars[open] == "(" else { return nil }
    var depth = 0
    var starts = [open + 1]
    var close = -1
    var k = open - 1
    while k + 1 < chars.count {
      k += 1
      let c = chars[k]
      // A spacing command (`\,`) is not a separator.
      if c == "\\" {
        k += 1
        continue
      }
      if "[{(".contains(c) { depth += 1 }
      if "]})".contains(c) {
        depth -= 1
        if depth == 0 {
          close = k
          break
        }
      }
      if depth == 1 && c == "," { starts.append(k + 1) }
    }
    guard close > open, starts.count >= 2,
      chars[(close + 1)...].allSatisfy(\.isWhitespace)
    else { return nil }
    var out: [(String, Int)] = []
    for (n, a) in starts.enumerated() {
      var lo = a
      var hi = n + 1 < starts.count ? starts[n + 1] - 1 : close
      // Spacing commands between elements (`,\,`, `,\;`) and a closing `\right`.
      while lo < hi {
        if chars[lo].isWhitespace {
          lo += 1
        } else if chars[lo] == "\\", lo + 1 < hi, ",;:! ".contains(chars[lo + 1]) {
          lo += 2
        } else {
          break
        }
      }
      if n + 1 == starts.count, hi - lo >= 6, String(chars[(hi - 6)..<hi]) == "\\right" {
        hi -= 6
      }
      let element = String(chars[lo..<hi]).trimmingCharacters(in: .whitespaces)
      guard !element.isEmpty else { return nil }
      out.append((element, lo))
    }
    return out
  }
}

extension FragmentReader {
  /// The tensor references of a tuple left side (`(\hat{u}[b,x], \hat{v}[b,x]) = …`), each with
  /// the character offset of its text in `lhs`; empty when `lhs` is not such a tuple or an
  /// element is not one tensor reference.
  /// - Complexity: O(n) in the length of `lhs`.
  static func tupleTensors(_ lhs: String) -> [(TensorReference, Int)] {
    guard let elements = tupleElements(lhs) else { return [] }
    var out: [(TensorReference, Int)] = []
    for (text, offset) in elements {
      var parser = Parser(text)
      guard case .tensor(let ref)? = try? parser.parseExpression() else { return [] }
      out.append((ref, offset))
    }
    return out
  }
}
