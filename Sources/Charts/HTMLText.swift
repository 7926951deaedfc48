/// Text for HTML and SVG: the one escaper every page, report and figure uses, and psverify's own
/// prose (statements, captions) with its `_{…}` subscripts and `^(…)` powers set as
/// `<sub>`/`<sup>`.
public enum HTMLText {
  /// `&`, `<`, `>`, `"` and `'` as character references, so the result is safe both as element
  /// text and inside a quoted attribute value. Everything a person typed goes through here.
  ///
  /// - Complexity: O(n) in the number of Unicode scalars.
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// psverify's own prose as escaped HTML with its sub- and superscripts set: after a letter,
  /// digit, accent, prime, superscript, `)` or `]`, `_{x}` and `_x` (a run of letters and digits) become `<sub>x</sub>`, and
  /// `^{x}`, `^(x)` and `^x` become `<sup>x</sup>`; the braces or parentheses of a group go, its
  /// content is set the same way (so `L_{ℓ+1}` reads L<sub>ℓ+1</sub> and `2^(k−ℓ−s)` reads
  /// 2<sup>k−ℓ−s</sup>). An unbalanced group, a `_` or `^` with nothing to attach to or nothing
  /// after it, is left as it is. Use it for text psverify wrote, never for an answer someone
  /// typed (whose `_` and `^` are what they typed) nor for typing hints.
  ///
  /// - Complexity: O(n²) in the worst case of nested groups (each group's content is scanned
  ///   once to find its end and once to set it); O(n) for flat text.
  public static func prose(_ s: String) -> String {
    set(Array(s.unicodeScalars))
  }

  private static func set(_ t: [Unicode.Scalar]) -> String {
    var out = ""
    var i = 0
    while i < t.count {
      let c = t[i]
      if c == "_" || c == "^", i > 0, attaches(t[i - 1]), i + 1 < t.count,
        let (content, next) = script(t, from: i + 1)
      {
        let tag = c == "_" ? "sub" : "sup"
        out += "<\(tag)>\(set(content))</\(tag)>"
        i = next
        continue
      }
      out += escape(String(c))
      i += 1
    }
    return out
  }

  /// The script starting at `start` (a braced or, for `^`, parenthesized group, or a run of
  /// letters and digits) and the index after it, or nil when there is none.
  private static func script(_ t: [Unicode.Scalar], from start: Int) -> ([Unicode.Scalar], Int)? {
    let open = t[start]
    if open == "{" || open == "(" {
      let close: Unicode.Scalar = open == "{" ? "}" : ")"
      var depth = 0
      var j = start
      while j < t.count {
        if t[j] == open { depth += 1 }
        if t[j] == close {
          depth -= 1
          if depth == 0 { return j > start + 1 ? (Array(t[(start + 1)..<j]), j + 1) : nil }
        }
        j += 1
      }
      return nil
    }
    var j = start
    while j < t.count, isWordScalar(t[j]) { j += 1 }
    return j > start ? (Array(t[start..<j]), j) : nil
  }

  private static func attaches(_ c: Unicode.Scalar) -> Bool {
    isWordScalar(c) || ")]}′⁾⁰¹²³⁴⁵⁶⁷⁸⁹".unicodeScalars.contains(c)
      || c.properties.generalCategory == .nonspacingMark
  }

  private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic || ("0"..."9").contains(c)
  }
}
