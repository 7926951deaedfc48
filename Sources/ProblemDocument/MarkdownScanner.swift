/// Splits a document into sections by its headings and markers, then each section into math
/// fragments and prose. One pass over the lines, one over each section's scalars: linear in the
/// document.
enum MarkdownScanner {
  enum LineKind: Equatable {
    case problem(String)
    case part(String)
    case solution
    case fence
    case text
  }

  static func scan(_ doc: inout ProblemSetDocument) {
    var sections: [Section] = []
    var currentKind = SectionKind.preamble
    var problem: String?
    var part: String?
    var sectionStart = 0
    var inFence = false
    let lineCount = doc.lineStarts.count

    func close(at end: Int) {
      guard end > sectionStart || sections.isEmpty else { return }
      sections.append(
        Section(
          kind: currentKind, problem: problem, part: part,
          start: doc.location(ofOffset: sectionStart), range: sectionStart..<end))
    }

    let word = itemWord(doc)
    let numbered = sequencedItems(doc, itemWord: word)
    for line in 0..<lineCount {
      let start = doc.lineStarts[line]
      let end = line + 1 < lineCount ? doc.lineStarts[line + 1] : doc.scalars.count
      let kind =
        numbered[line].map { LineKind.problem($0) }
        ?? classify(
          doc.scalars[start..<end], inProblem: problem != nil, itemWord: word,
          context: (problem, part))
      if kind == .fence { inFence.toggle() }
      if inFence { continue }
      switch kind {
      case .problem(let number):
        close(at: start)
        (currentKind, problem, part, sectionStart) = (.statement, number, nil, start)
      case .part(let letter):
        close(at: start)
        (currentKind, part, sectionStart) = (.statement, letter, start)
      case .solution:
        close(at: start)
        (currentKind, sectionStart) = (.solution, start)
      case .fence, .text:
        break
      }
    }
    close(at: doc.scalars.count)

    var issues: [(String, DocumentLocation)] = []
    for index in sections.indices {
      var section = sections[index]
      extract(&section, index: index, doc: doc, issues: &issues)
      sections[index] = section
    }
    doc.sections = sections
    doc.readingIssues = issues.map { (message: $0.0, location: $0.1) }
    doc.items = items(sections)
  }

  // MARK: Lines

  /// The word that heads the document's items: "Problem", or the word of most item headings
  /// (`**Exercise 9.1**`, `### Question 2`, `**Q3.**`, `## Task 1.2`): a word and a number in
  /// bold or a Markdown heading. Outside fences; one pass over the lines.
  static func itemWord(_ doc: ProblemSetDocument) -> String {
    var counts: [String: Int] = [:]
    var order: [String] = []
    var inFence = false
    let lineCount = doc.lineStarts.count
    for line in 0..<lineCount {
      let start = doc.lineStarts[line]
      let end = line + 1 < lineCount ? doc.lineStarts[line + 1] : doc.scalars.count
      let slice = doc.scalars[start..<end]
      if classify(slice, inProblem: false, itemWord: "Problem") == .fence { inFence.toggle() }
      guard !inFence,
        let (word, _) = headedNumber(
          Array(slice.prefix(64).map(Character.init)),
          markupRequired: true)
      else { continue }
      let key = word.lowercased()
      if counts[key] == nil { order.append(key) }
      counts[key, default: 0] += 1
    }
    var best = "problem"
    for key in order where counts[key]! > counts[best, default: 0] { best = key }
    return best
  }

  /// A heading word and its number at the start of a line (`**Exercise 9.1**`, `### Q3.`): the
  /// word's letters and the number (digits, with inner dots), when the line opens with `#`, `*`
  /// or `_` markup (or `markupRequired` is false) and the number ends the heading (end of line,
  /// `.`, `:`, closing markup, or a parenthesis after a space).
  static func headedNumber(_ raw: [Character], markupRequired: Bool) -> (String, String)? {
    var chars = raw
    while let last = chars.last, last.isWhitespace { chars.removeLast() }
    var i = 0
    while i < chars.count, chars[i] == " " { i += 1 }
    let markupStart = i
    while i < chars.count, chars[i] == "#" { i += 1 }
    while i < chars.count, chars[i] == " " { i += 1 }
    while i < chars.count, chars[i] == "*" || chars[i] == "_" { i += 1 }
    if markupRequired && i == markupStart { return nil }
    var word = ""
    while i < chars.count, chars[i].isASCII, chars[i].isLetter, word.count < 16 {
      word.append(chars[i])
      i += 1
    }
    guard let first = word.first, first.isUppercase else { return nil }
    var j = i
    while j < chars.count, chars[j] == " " { j += 1 }
    // "Q3" may be written without a space; a longer word needs one.
    guard j > i || word.count == 1 else { return nil }
    var number = ""
    while j < chars.count, chars[j].isASCII,
      chars[j].isNumber
        || (chars[j] == "." && !number.isEmpty && j + 1 < chars.count && chars[j + 1].isASCII
          && chars[j + 1].isNumber)
    {
      number.append(chars[j])
      j += 1
    }
    guard !number.isEmpty else { return nil }
    var k = j
    while k < chars.count, chars[k] == "*" || chars[k] == "_" { k += 1 }
    if k == chars.count || [".", ":"].contains(chars[k]) || k > j { return (word, number) }
    if chars[k] == " " {
      var m = k
      while m < chars.count, chars[m] == " " { m += 1 }
      if m < chars.count, chars[m] == "(" { return (word, number) }
    }
    return nil
  }

  /// Heading, part or solution marker, judged on the line's leading characters only.
  /// Items open at "Problem N" and at `itemWord` N (see `itemWord`). The context is the current
  /// problem and part: a part letter written `b)` or `b.` must follow the part before it.
  static func classify(
    _ line: ArraySlice<Unicode.Scalar>, inProblem: Bool,
    itemWord: String = "problem",
    context: (problem: String?, part: String?) = (nil, nil)
  ) -> LineKind {
    var chars = Array(line.prefix(64).map(Character.init))
    while let last = chars.last, last.isWhitespace { chars.removeLast() }
    var i = 0
    while i < chars.count, chars[i] == " " { i += 1 }
    if i + 2 < chars.count, chars[i] == "`", chars[i + 1] == "`", chars[i + 2] == "`" {
      return .fence
    }
    while i < chars.count, chars[i] == "#" { i += 1 }
    while i < chars.count, chars[i] == " " { i += 1 }
    let emphasis = { (j: inout Int) in
      while j < chars.count, chars[j] == "*" || chars[j] == "_" { j += 1 }
    }
    emphasis(&i)
    func word(_ w: String, at j: Int) -> Bool {
      let target = Array(w)
      guard j + target.count <= chars.count else { return false }
      return zip(chars[j..<(j + target.count)], target).allSatisfy {
        $0.lowercased() == $1.lowercased()
      }
    }
    // "Problem N" with or without markup, and the document's own heading word with it
    // (`**Problem 4 (10 points).**`, `**Exercise 9.1**`).
    if let (w, number) = headedNumber(chars, markupRequired: false) {
      let heading = w.lowercased()
      if heading == "problem"
        || (heading == itemWord.lowercased() && headedNumber(chars, markupRequired: true) != nil)
      {
        return .problem(number)
      }
    }
    if word("Problem", at: i) {
      var j = i + 7
      guard j < chars.count, chars[j] == " " else { return .text }
      while j < chars.count, chars[j] == " " { j += 1 }
      var number = ""
      while j < chars.count, chars[j].isASCII, chars[j].isNumber {
        number.append(chars[j])
        j += 1
      }
      guard !number.isEmpty else { return .text }
      // "Problem 3." / "Problem 3:" / "Problem 3**" / "Problem 3" at the end of the line.
      return closesMarker(chars, at: j) ? .problem(number) : .text
    }
    guard inProblem else { return .text }
    if isAnswerMarker(chars) { return .solution }
    if let letter = partLetter(chars, at: i, problem: context.problem, previous: context.part) {
      return .part(letter)
    }
    return .text
  }

  // MARK: Fragments and prose

  static func extract(
    _ section: inout Section, index: Int, doc: ProblemSetDocument,
    issues: inout [(String, DocumentLocation)]
  ) {
    let s = doc.scalars
    let upper = section.range.upperBound
    var i = section.range.lowerBound
    var proseStart = i
    var fragments: [MathFragment] = []
    var prose: [ProseSpan] = []

    func flushProse(_ end: Int) {
      guard end > proseStart else { return }
      // One span per line, so each keeps its own location.
      var lineStart = proseStart
      var k = proseStart
      while k <= end {
        if k == end || s[k] == "\n" {
          if k > lineStart {
            let text = doc.slice(lineStart..<k)
            let location = doc.location(ofOffset: lineStart)
            prose.append(ProseSpan(text: text, location: location))
            fragments += bareReferences(text, location, section: index, doc: doc)
          }
          lineStart = k + 1
        }
        k += 1
      }
    }

    while i < upper {
      let c = s[i]
      if c == "\\", i + 1 < upper, s[i + 1] == "$" {
        i += 2
        continue
      }
      if c == "`" {
        var n = 0
        while i + n < upper, s[i + n] == "`" { n += 1 }
        if let close = find(run: "`", count: n, in: s, from: i + n, to: upper) {
          flushProse(i)
          i = close + n
          proseStart = i
        } else {
          i += n
        }
        continue
      }
      if c == "$" {
        let display = i + 1 < upper && s[i + 1] == "$"
        let contentStart = i + (display ? 2 : 1)
        let close =
          display
          ? find(run: "$", count: 2, in: s, from: contentStart, to: upper)
          : findInline(in: s, from: contentStart, to: upper)
        guard let close else {
          issues.append(
            ("an opening \(display ? "$$" : "$") is never closed", doc.location(ofOffset: i)))
          i = contentStart
          continue
        }
        flushProse(i)
        fragments.append(
          MathFragment(
            text: doc.slice(contentStart..<close), display: display,
            bare: false, location: doc.location(ofOffset: contentStart),
            section: index))
        i = close + (display ? 2 : 1)
        proseStart = i
        continue
      }
      i += 1
    }
    flushProse(upper)
    section.fragments = fragments.sorted { $0.location < $1.location }
    section.prose = prose
  }

  /// The offset of the next run of exactly `count` copies of `mark` (unescaped).
  static func find(run mark: Unicode.Scalar, count: Int, in s: [Unicode.Scalar], from: Int, to: Int)
    -> Int?
  {
    var i = from
    while i < to {
      if s[i] == "\\" {
        i += 2
        continue
      }
      if s[i] == mark {
        var n = 0
        while i + n < to, s[i + n] == mark { n += 1 }
        if n >= count { return i }
        i += n
        continue
      }
      i += 1
    }
    return nil
  }

  /// The closing `$` of inline math: the next unescaped `$` in the same Markdown block, not past
  /// a blank line nor into a line that opens a block of its own (a list item `- `, `* `, `+ `,
  /// `1. `, a heading `#`, a quote `>`), where Markdown ends the paragraph.
  static func findInline(in s: [Unicode.Scalar], from: Int, to: Int) -> Int? {
    var i = from
    while i < to {
      switch s[i] {
      case "\\":
        i += 2
        continue
      case "$": return i
      case "\n":
        var j = i + 1
        while j < to, s[j] == " " || s[j] == "\t" || s[j] == "\r" { j += 1 }
        if j < to, s[j] == "\n" || opensBlock(s, at: j, to: to) { return nil }
      default: break
      }
      i += 1
    }
    return nil
  }

  /// Tensor references written in prose without dollars: `M[I, J]`, `I[b,x,y,c]`,
  /// `e[w,I]h[t,I]` (adjacent ones form one fragment).
  static func bareReferences(
    _ text: String, _ location: DocumentLocation, section: Int,
    doc: ProblemSetDocument
  ) -> [MathFragment] {
    guard text.utf8.contains(UInt8(ascii: "[")) else { return [] }
    let c = Array(text.unicodeScalars)
    var out: [MathFragment] = []
    var i = 0
    func isLetter(_ x: Unicode.Scalar) -> Bool {
      x.isASCII ? (x >= "a" && x <= "z" || x >= "A" && x <= "Z") : x.properties.isAlphabetic
    }
    /// The end of a reference starting at `j`, or nil.
    func reference(at j: Int) -> Int? {
      guard j < c.count, c[j].isASCII, isLetter(c[j]) else { return nil }
      if j > 0, isLetter(c[j - 1]) || c[j - 1].isASCII && c[j - 1] >= "0" && c[j - 1] <= "9" {
        return nil
      }
      var k = j + 1
      if k < c.count, c[k] == "_" {
        k += 1
        if k < c.count, c[k] == "{" {
          guard let close = c[k...].prefix(24).firstIndex(of: "}") else { return nil }
          k = close + 1
        } else if k < c.count, isLetter(c[k]) || c[k].properties.numericType != nil {
          k += 1
        } else {
          return nil
        }
      }
      guard k < c.count, c[k] == "[" else { return nil }
      var m = k + 1
      while m < c.count, m - k < 80, c[m] != "]" {
        let x = c[m]
        guard
          isLetter(x) || x.properties.numericType != nil || " ,+-_{}\\".unicodeScalars.contains(x)
        else {
          return nil
        }
        m += 1
      }
      guard m < c.count, c[m] == "]", m > k + 1 else { return nil }
      return m + 1
    }
    while i < c.count {
      guard let end = reference(at: i) else {
        i += 1
        continue
      }
      var last = end
      while let next = reference(at: last) { last = next }
      var s = String.UnicodeScalarView()
      s.append(contentsOf: c[i..<last])
      out.append(
        MathFragment(
          text: String(s), display: false, bare: true,
          location: doc.location(ofOffset: location.offset + i), section: section))
      i = last
    }
    return out
  }

  // MARK: Items

  static func items(_ sections: [Section]) -> [DocumentItem] {
    var order: [String] = []
    var byProblem: [String: [Int]] = [:]
    for (i, s) in sections.enumerated() {
      guard let p = s.problem else { continue }
      if byProblem[p] == nil { order.append(p) }
      byProblem[p, default: []].append(i)
    }
    var items: [DocumentItem] = []
    for p in order {
      let indices = byProblem[p]!
      let shared = indices.filter { sections[$0].part == nil && sections[$0].kind == .statement }
      var parts: [String] = []
      for i in indices {
        if let part = sections[i].part, !parts.contains(part) { parts.append(part) }
      }
      let sharedSolutions = indices.filter {
        sections[$0].part == nil && sections[$0].kind == .solution
      }
      if parts.isEmpty || !sharedSolutions.isEmpty {
        items.append(
          DocumentItem(
            id: p, problem: p, part: nil, statements: shared,
            solutions: sharedSolutions))
      }
      for part in parts {
        let own = indices.filter { sections[$0].part == part }
        items.append(
          DocumentItem(
            id: p + part, problem: p, part: part,
            statements: shared + own.filter { sections[$0].kind == .statement },
            solutions: own.filter { sections[$0].kind == .solution }))
      }
    }
    return items
  }
}
