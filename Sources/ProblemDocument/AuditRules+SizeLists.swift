import Foundation

/// The lists of a "where … are the numbers of values of …" clause.
extension AuditRules {
  /// The course's size clause binds a list of sizes to a list of indices in order
  /// (`$B$, $X$ and $Y$ are the numbers of values of $b$, $x$ and $y$`). Lists of different
  /// lengths leave a size without its index or an index without its size: a finding at the
  /// clause, naming both lists.
  /// - Complexity: linear in the document's length.
  struct SizeLists: AuditRule {
    let id = "size-lists"
    let summary = "a size clause whose list of sizes and list of indices differ in length"
    let kinds: [Finding.Kind] = [.indexLists]

    /// A list of math fragments joined by commas and "and".
    static let list = #"((?:\$[^$\n]+\$(?:\s*,\s*(?:and\s+)?|\s+and\s+)?)+)"#
    static let clause = try? NSRegularExpression(
      pattern: list + #"\s*(?:are|is)\s+the\s+numbers?\s+of\s+(?:possible\s+)?values\s+of\s+"#
        + list)

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      guard let re = Self.clause else { return [] }
      let text = doc.slice(0..<doc.scalars.count)
      let ns = text as NSString
      var out: [Finding] = []
      for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
        let sizes = Self.names(ns.substring(with: m.range(at: 1)))
        let indices = Self.names(ns.substring(with: m.range(at: 2)))
        guard !sizes.isEmpty, !indices.isEmpty, sizes.count != indices.count,
          sizes.allSatisfy({ $0.first?.isUppercase == true || $0.hasPrefix("\\Delta") }),
          let r = Range(m.range(at: 1), in: text)
        else { continue }
        let offset = text.unicodeScalars.distance(from: text.startIndex, to: r.lowerBound)
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
