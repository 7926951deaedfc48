/// What a stored run is: the command that made it. Stored in `run.kind` by its raw value, which
/// is data in results.db (never renamed, only added).
public enum RunKind: String, Sendable, CaseIterable, Codable {
  /// `psverify all` or `problem`: problems verified.
  case verify
  /// `psverify grade`: answers graded.
  case grade
  /// `psverify audit`: documents audited.
  case audit
  /// `psverify bench`: kernels timed.
  case bench
  /// `psverify grade --dir/--csv`: a class graded at once.
  case `class`
  /// `psverify variant --roster`: one variant set per student.
  case variantSet = "variant-set"
}
