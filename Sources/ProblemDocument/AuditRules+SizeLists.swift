import Foundation

/// The lists of a "where … are the numbers of values of …" clause.
extension AuditRules {
  /// The course's size clause binds a list of sizes to a list of indices in order
  /// (`$B$, $X$ and $Y$ are the numbers of values of $b$, $x$ and $y$`). Lists of different
  /// lengths leave a size without its index or an index without its size: a finding at the
  /// clause, naming both lists.
  /// - Complexity: linear in the document's length: each list is read within `reach`
  ///   characters of the clause's verb phrase.
  struct SizeLists: AuditRule {
    let id = "size-lists"
    let summary = "a size clause whose list of sizes and list of indices differ in length"
    let kinds: [Finding.Kind] = [.indexLists]

    /// One name in a fragment: a letter, a Greek letter or a command with its letter
    /// (`\Delta X`), primed or subscripted (`N_x`, `t'`).
    static let name =
      #"(?:\\[A-Za-z]+(?:\s*[A-Za-z])?|[A-Za-zα-ωΑ-Ω])(?:'|′)?(?:_\{?[A-Za-z0-9]+\}?)?"#
    /// The inside of a fragment of names separated by commas (`B`, `B, T, I`).
    static let namesPattern = #"^\s*"# + name + #"(?:\s*,\s*"# + name + #")*\s*$"#
    /// Any inline fragment: the lists are read with it and then cut to fragments of names (a
    /// pattern holding `name` four times is longer than 256 UTF-16 units, and Foundation's
    /// regular expressions leak their storage for such patterns on Linux).
    static let fragment = #"\$[^$\n]{1,200}\$"#
    static let separator = #"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"#
    /// The clause's verb phrase, between the two lists.
    static let anchorPattern =
      #"\s*(?:are|is)\s+the\s+numbers?\s+of\s+(?:possible\s+)?values\s+of\s+"#
    /// The list of fragments that ends a text, and the one that opens a text.
    static let listAtEndPattern = "((?:" + fragment + separator + ")*" + fragment + ")$"
    static let listAtStartPattern = "^(" + fragment + "(?:" + separator + fragment + ")*)"
    /// How far before and after the verb phrase the lists are read.
    static let reach = 300

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      guard let anchor = ShortPatterns.compiled(Self.anchorPattern),
        let atEnd = ShortPatterns.compiled(Self.listAtEndPattern),
        let atStart = ShortPatterns.compiled(Self.listAtStartPattern),
        let names = ShortPatterns.compiled(Self.namesPattern)
      else { return [] }
      let text = doc.slice(0..<doc.scalars.count)
      let ns = text as NSString
      var out: [Finding] = []
      var last = (index: text.startIndex, offset: 0)
      for m in anchor.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
        let lowerStart = max(0, m.range.location - Self.reach)
        let before = NSRange(location: lowerStart, length: m.range.location - lowerStart)
        let after = NSRange(
          location: NSMaxRange(m.range), length: min(Self.reach, ns.length - NSMaxRange(m.range)))
        guard let sizesMatch = atEnd.firstMatch(in: text, range: before),
          let indicesMatch = atStart.firstMatch(in: text, range: after),
          let sizesRun = Self.nameRun(
            sizesMatch.range(at: 1), of: text, ns, names: names, atEnd: true),
          let indicesRun = Self.nameRun(
            indicesMatch.range(at: 1), of: text, ns, names: names, atEnd: false)
        else { continue }
        let sizes = Self.names(ns.substring(with: sizesRun))
        let indices = Self.names(ns.substring(with: indicesRun))
        guard !sizes.isEmpty, !indices.isEmpty, sizes.count != indices.count,
          sizes.allSatisfy({ $0.first?.isUppercase == true || $0.hasPrefix("\\Delta") }),
          let r = Range(sizesRun, in: text)
        else { continue }
        // Offsets are counted from the previous finding's (linear over the document).
        let offset = last.offset + text.unicodeScalars.distance(from: last.index, to: r.lowerBound)
        last = (r.lowerBound, offset)
        let location = doc.location(ofOffset: offset)
        guard let section = doc.sections.first(where: { $0.range.contains(offset) }) else {
          continue
        }
        out.append(
          Finding(
            .indexLists,
            "\(sizes.count) sizes (\(sizes.joined(separator: ", "))) are bound to "
              + "\(indices.count) indices (\(indices.joined(separator: ", "))): the lists of a "
              + "size clause pair up in order",
            at: location, in: section, document: doc))
      }
      return out
    }

    /// The fragments of names that end (`atEnd`) or open a list of fragments: the list cut
    /// before (after) its last (first) fragment that is not a list of names.
    static func nameRun(
      _ list: NSRange, of text: String, _ ns: NSString, names: NSRegularExpression, atEnd: Bool
    ) -> NSRange? {
      var dollars: [Int] = []
      for i in list.location..<NSMaxRange(list) where ns.character(at: i) == 0x24 {
        dollars.append(i)
      }
      let pieces = stride(from: 0, to: dollars.count - 1, by: 2).map {
        NSRange(location: dollars[$0], length: dollars[$0 + 1] - dollars[$0] + 1)
      }
      func isNames(_ r: NSRange) -> Bool {
        names.firstMatch(in: text, range: NSRange(location: r.location + 1, length: r.length - 2))
          != nil
      }
      guard let first = pieces.first, let last = pieces.last else { return nil }
      if atEnd {
        var k = pieces.count
        while k > 0, isNames(pieces[k - 1]) { k -= 1 }
        guard k < pieces.count else { return nil }
        return NSRange(location: pieces[k].location, length: NSMaxRange(last) - pieces[k].location)
      }
      var k = 0
      while k < pieces.count, isNames(pieces[k]) { k += 1 }
      guard k > 0 else { return nil }
      return NSRange(location: first.location, length: NSMaxRange(pieces[k - 1]) - first.location)
    }

    /// The names of a list of fragments, split at commas inside and between them.
    static func names(_ list: String) -> [String] {
      var out: [String] = []
      var inMath = false
      var current = ""
      for c in list {
        if c == "$" {
          if inMath {
            out += current.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            current = ""
          }
          inMath.toggle()
        } else if inMath {
          current.append(c)
        }
      }
      return out.filter { !$0.isEmpty }
    }
  }
}
