import Foundation

/// Presentation MathML generated from psverify's own trees (no LaTeX conversion, no JavaScript):
/// what an HTML report embeds. Polynomials and surds write theirs with these pieces; the index
/// notation adds scripts and tensor names (IndexNotation's `MathML+Notation.swift`).
public enum MathML {
  /// `s` with `&`, `<` and `>` escaped for XML text.
  public static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// A symbol: `N_bottle` → N with subscript "bottle", `ΔX` → one identifier.
  public static func identifier(_ s: String) -> String {
    guard let u = s.firstIndex(of: "_") else { return "<mi>\(escape(s))</mi>" }
    let head = String(s[..<u])
    let tail = String(s[s.index(after: u)...])
    let sub = tail.count == 1 ? "<mi>\(escape(tail))</mi>" : "<mtext>\(escape(tail))</mtext>"
    return "<msub><mi>\(escape(head))</mi>\(sub)</msub>"
  }
}
