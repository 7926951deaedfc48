/// Markdown helpers shared by the emitters. A run's Markdown document itself is
/// `NotebookReport.markdown`, the one emitter for a live run (`all --format markdown`) and a
/// stored one (`report --format markdown`).
public enum MarkdownReport {
  /// `s` as one table cell: `|` escaped, line breaks as spaces.
  static func cell(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
