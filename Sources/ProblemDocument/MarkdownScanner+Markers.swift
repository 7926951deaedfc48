/// The markers that open a part or a solution inside an item, read on a line's leading
/// characters (at most 64, trailing spaces removed).
extension MarkdownScanner {
  /// The index after leading spaces and quote marks (`> `, `>> `).
  static func afterQuote(_ chars: [Character]) -> Int {
    var i = 0
    while i < chars.count, chars[i] == " " || chars[i] == ">" { i += 1 }
    return i
  }

  /// The leading word after spaces, quote marks, `#` and emphasis: its letters (at most 12) and
  /// the index after it.
  static func leadingWord(_ chars: [Character]) -> (word: String, end: Int) {
    var i = afterQuote(chars)
    while i < chars.count, chars[i] == "#" { i += 1 }
    while i < chars.count, chars[i] == " " { i += 1 }
    while i < chars.count, chars[i] == "*" || chars[i] == "_" { i += 1 }
    var word = ""
    while i < chars.count, chars[i].isASCII, chars[i].isLetter, word.count <= 12 {
      word.append(chars[i])
      i += 1
    }
    return (word, i)
  }

  /// Whether the word ending at `end` closes a marker: the line ends, or `:` or `.` follows, or
  /// closing emphasis does (`**Solution**`, `*Answer.*`, `Ans:`), not a further word ("Answer
  /// the following").
  static func closesMarker(_ chars: [Character], at end: Int) -> Bool {
    var j = end
    while j < chars.count, chars[j] == "*" || chars[j] == "_" { j += 1 }
    return j == chars.count || chars[j] == ":" || chars[j] == "." || j > end
  }

  /// An answer marker: `**Solution**:`, `Solution.`, `> **Solution.**` (in a quote). Only the
  /// word "Solution": answer markers ("Answer:", "A:") opening solution sections were measured
  /// and left out (they added findings on controls and found nothing more; README, fourth round).
  static func isAnswerMarker(_ chars: [Character]) -> Bool {
    let (word, end) = leadingWord(chars)
    return word.lowercased() == "solution" && closesMarker(chars, at: end)
  }

  /// The letter after `previous` in a sequence of parts (`a` first).
  static func follows(_ letter: Character, _ previous: String?) -> Bool {
    guard let previous, let p = previous.unicodeScalars.first, previous.count == 1 else {
      return letter == "a"
    }
    return letter.unicodeScalars.first.map { $0.value == p.value + 1 } ?? false
  }

  /// A part opened after markup at `i`: `(b)` and `(b.)` anywhere in a problem; `b)` and `b.`
  /// only as the next letter of the problem's parts (a list item "a." in prose is not a part
  /// unless the letters run in sequence); `Part (b)` / `Part b`; and the problem's own number
  /// before the letter (`1(b)`, `C1(b).`).
  static func partLetter(
    _ chars: [Character], at start: Int, problem: String?, previous: String?
  ) -> String? {
    func lower(_ k: Int) -> Character? {
      k < chars.count && chars[k].isASCII && chars[k].isLowercase ? chars[k] : nil
    }
    func ends(_ k: Int) -> Bool { k >= chars.count || chars[k] == " " || chars[k] == "*" }
    var i = start
    // `Part (b)`, `Part b`.
    if i + 5 < chars.count, String(chars[i..<(i + 4)]) == "Part", chars[i + 4] == " " {
      var k = i + 5
      let open = chars[k] == "("
      if open { k += 1 }
      guard let letter = lower(k) else { return nil }
      k += 1
      if open { return k < chars.count && chars[k] == ")" ? String(letter) : nil }
      if k < chars.count, [":", ".", ")"].contains(chars[k]) { k += 1 }
      return ends(k) && follows(letter, previous) ? String(letter) : nil
    }
    // The problem's number before the letter: `1(b)`, `C1(b)`, `Q1(b)`.
    if let problem {
      var k = i
      while k < chars.count, k - i < 16, chars[k].isASCII, chars[k].isLetter { k += 1 }
      let digits = k
      while k < chars.count, k - digits < 12, chars[k].isASCII, chars[k].isNumber || chars[k] == "."
      {
        k += 1
      }
      if k > digits, String(chars[digits..<k]) == problem, k < chars.count, chars[k] == "(" {
        i = k
      }
    }
    if i < chars.count, chars[i] == "(", let letter = lower(i + 1) {
      var k = i + 2
      if k < chars.count, chars[k] == "." { k += 1 }
      return k < chars.count && chars[k] == ")" ? String(letter) : nil
    }
    guard i == start, let letter = lower(i), i + 1 < chars.count,
      chars[i + 1] == ")" || chars[i + 1] == "."
    else { return nil }
    return ends(i + 2) && follows(letter, previous) ? String(letter) : nil
  }
}
