import Charts

/// Escaping for HTML text and attribute values: everything a student typed goes through here.
public enum HTML {
  /// `&`, `<`, `>`, `"` and `'` as character references.
  public static func escape(_ s: String) -> String { HTMLText.escape(s) }
}
