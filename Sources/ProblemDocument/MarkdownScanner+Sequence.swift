/// Items recognized by their numbering when no line carries a problem marker: headings or
/// paragraph openings that print a number (`### 1.`, `## 2 Title`, `## Problem I.`,
/// `Exercise 6.2 (…)`, `**3. Title.**`, `## Slide 5 — practice problem 2`) where the numbers of
/// one form run in sequence from the first (1, 2, 3 / 6.1, 6.2 / I, II, III). A lone numbered
/// heading, a number in prose and a numbered list item (`1. Compute`) are not items.
///
/// `scan` takes these lines as items when no line opens a problem the usual way. Reading them
/// as problems puts the per-problem rules on what used to be preamble, so the preamble's
/// introductions (definition-list entries, a displayed model, counted products of sizes) are
/// read in the forms writers give them and hold in every item after.
extension MarkdownScanner {
  /// One numbered opening: its form (heading level and word, or paragraph word) and number.
  struct NumberedOpening {
    let line: Int
    let form: String
    let number: String
  }

  /// The lines that open items by their numbering, with the number as printed; empty when any
  /// line already opens a problem the usual way, or when no form's numbers run in sequence.
  /// One pass over the lines.
  static func sequencedItems(_ doc: ProblemSetDocument, itemWord: String) -> [Int: String] {
    var openings: [NumberedOpening] = []
    var inFence = false
    let lineCount = doc.lineStarts.count
    for line in 0..<lineCount {
      let start = doc.lineStarts[line]
      let end = line + 1 < lineCount ? doc.lineStarts[line + 1] : doc.scalars.count
      let slice = doc.scalars[start..<end]
      let kind = classify(slice, inProblem: false, itemWord: itemWord)
      if kind == .fence { inFence.toggle() }
      if inFence { continue }
      if case .problem = kind { return [:] }
      let chars = Array(slice.prefix(96).map(Character.init))
      for (form, number) in numberedForms(chars) {
        openings.append(NumberedOpening(line: line, form: form, number: number))
      }
    }
    var byForm: [String: [NumberedOpening]] = [:]
    var order: [String] = []
    for opening in openings {
      if byForm[opening.form] == nil { order.append(opening.form) }
      byForm[opening.form, default: []].append(opening)
    }
    var best: [NumberedOpening] = []
    var bestNamed = false
    for form in order {
      let run = byForm[form]!
      guard run.count >= 2, runsInSequence(run.map(\.number)) else { continue }
      // A plain paragraph form (`Figure 1.`, `Table 2`) is a sequence of items only when some
      // opening's paragraph asks something; captions and labels ask nothing.
      if form.hasPrefix("p "), !run.contains(where: { paragraphAsks(doc, from: $0.line) }) {
        continue
      }
      // A form that names the item ("problem 2" after a dash) outranks a bare count of slides
      // or sections; otherwise the longer run wins.
      let named = form.hasPrefix("named")
      if (named && !bestNamed) || (named == bestNamed && run.count > best.count) {
        (best, bestNamed) = (run, named)
      }
    }
    var out: [Int: String] = [:]
    for opening in best { out[opening.line] = opening.number }
    return out
  }

  /// Whether the paragraph opening at a line (up to a blank line; at most 8 lines of 400
  /// characters) asks something: it holds a question mark, or one of its sentences opens with a
  /// verb and its object (`Find $y$.`, `Compute the sum.`).
  static func paragraphAsks(_ doc: ProblemSetDocument, from first: Int) -> Bool {
    let lineCount = doc.lineStarts.count
    var line = first
    var labelAlone = false
    while line < lineCount, line < first + 8 {
      let start = doc.lineStarts[line]
      let end = line + 1 < lineCount ? doc.lineStarts[line + 1] : doc.scalars.count
      let text = String(String.UnicodeScalarView(doc.scalars[start..<min(end, start + 400)]))
      if line > first, text.allSatisfy(\.isWhitespace) {
        // A label alone on its line (`Question 1.`) opens the paragraph below it.
        guard line == first + 1, labelAlone else { return false }
        line += 1
        continue
      }
      if line == first { labelAlone = text.split(whereSeparator: \.isWhitespace).count <= 2 }
      if text.contains("?") { return true }
      var rest = Substring(text)
      while let stop = rest.firstIndex(where: { $0 == "." || $0 == ":" || $0 == ")" }) {
        rest = rest[rest.index(after: stop)...].drop { $0 == " " }
        if let c = rest.first, c.isUppercase,
          DocumentSymbols.opensWithImperative(Substring(rest.prefix(80).lowercased()))
        {
          return true
        }
      }
      line += 1
    }
    return false
  }

  /// The numbered forms a line opens with (at most its first 96 characters): `h3` for
  /// `### 1.`, `h2 problem` for `## Problem I.`, `p question` for an unmarked `Question 1.`,
  /// `b` for `**2. Title.**`, and `named h2` for a heading naming `problem N` after a dash.
  static func numberedForms(_ chars: [Character]) -> [(String, String)] {
    var i = 0
    while i < chars.count, chars[i] == " " { i += 1 }
    let hashes = i
    while i < chars.count, chars[i] == "#" { i += 1 }
    let level = i - hashes
    guard level <= 6 else { return [] }
    if level > 0 {
      guard i < chars.count, chars[i] == " " else { return [] }
      while i < chars.count, chars[i] == " " { i += 1 }
    }
    let emphasisStart = i
    while i < chars.count, chars[i] == "*" || chars[i] == "_" { i += 1 }
    let bold = i > emphasisStart
    let marked = level > 0 ? "h\(level)" : (bold ? "b" : "p")
    var out: [(String, String)] = []
    // A number first: `### 1.`, `## 2 Title`, `**3. Title.**`; not a plain list item.
    if marked != "p", let (number, _) = numberToken(chars, at: i) {
      out.append((marked, number))
    }
    // A capitalized word and a number: `## Problem I.`, `Question 2.`, `Exercise 6.1 (…)`.
    var j = i
    var word = ""
    while j < chars.count, chars[j].isASCII, chars[j].isLetter, word.count < 16 {
      word.append(chars[j])
      j += 1
    }
    if let first = word.first, first.isUppercase, j < chars.count, chars[j] == " " {
      while j < chars.count, chars[j] == " " { j += 1 }
      if let (number, _) = numberToken(chars, at: j) {
        out.append(("\(marked) \(word.lowercased())", number))
      }
    }
    // A heading or bold opening that names `problem N` after a dash: `## Topic — problem 2`.
    if marked != "p" {
      var k = i
      while k < chars.count, chars[k] != "—" && chars[k] != "–" { k += 1 }
      while k < chars.count, !(chars[k].isASCII && chars[k].isLetter) { k += 1 }
      while k + 8 < chars.count {
        if String(chars[k..<(k + 8)]).lowercased() == "problem ", k == 0 || chars[k - 1] == " " {
          if let (number, _) = numberToken(chars, at: k + 8) {
            out.append(("named \(marked)", number))
          }
          break
        }
        k += 1
      }
    }
    return out
  }

  /// A printed item number at `i`: digits with inner dots (`6.2`) or a Roman numeral of `I`,
  /// `V`, `X`, ending the line or followed by `.`, `:`, `)`, closing emphasis, a space or a
  /// dash; a Roman numeral only before `.`, `:`, emphasis or the line's end (so "I think" is
  /// not one). Returns the number and the index after it.
  static func numberToken(_ chars: [Character], at start: Int) -> (String, Int)? {
    var j = start
    var number = ""
    while j < chars.count, number.count < 12, chars[j].isASCII,
      chars[j].isNumber
        || (chars[j] == "." && !number.isEmpty && j + 1 < chars.count && chars[j + 1].isASCII
          && chars[j + 1].isNumber)
    {
      number.append(chars[j])
      j += 1
    }
    if !number.isEmpty {
      guard j == chars.count || !(chars[j].isLetter || chars[j].isNumber) else { return nil }
      return (number, j)
    }
    while j < chars.count, number.count < 6, "IVX".contains(chars[j]) {
      number.append(chars[j])
      j += 1
    }
    guard !number.isEmpty, romanValue(number) != nil else { return nil }
    guard j == chars.count || [".", ":", "*", "_"].contains(chars[j]) else { return nil }
    return (number, j)
  }

  /// The value of a Roman numeral of `I`, `V`, `X` (up to 39), or nil.
  static func romanValue(_ text: String) -> Int? {
    let values: [Character: Int] = ["I": 1, "V": 5, "X": 10]
    var total = 0
    let digits = text.compactMap { values[$0] }
    guard digits.count == text.count, !digits.isEmpty else { return nil }
    for (k, v) in digits.enumerated() {
      total += k + 1 < digits.count && v < digits[k + 1] ? -v : v
    }
    return total
  }

  /// Whether printed numbers run in sequence from the first: `1, 2, 3`, `6.1, 6.2`, `I, II`.
  static func runsInSequence(_ numbers: [String]) -> Bool {
    func split(_ n: String) -> (String, Int)? {
      if let roman = romanValue(n) { return ("roman", roman) }
      let pieces = n.split(separator: ".", omittingEmptySubsequences: false)
      guard let last = pieces.last, let value = Int(last) else { return nil }
      return (pieces.dropLast().joined(separator: "."), value)
    }
    guard let (prefix, firstValue) = split(numbers[0]), firstValue == 1 else { return false }
    var previous = firstValue
    for n in numbers.dropFirst() {
      guard let (p, v) = split(n), p == prefix, v == previous + 1 else { return false }
      previous = v
    }
    return true
  }
}
