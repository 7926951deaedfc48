/// One student's submission as read: the answers by problem id, or why the sheet could not be
/// read (then it is that student's `unreadable` row, never the end of the run).
public struct ClassSheet: Sendable, Equatable {
  /// The student's id, as in the roster.
  public var student: String
  /// Where it came from: a file path, or "FILE line N".
  public var source: String
  /// Answer text by problem id; a problem left blank or absent has no entry.
  public var answers: [String: String]
  /// Why the sheet could not be read; nil when it was.
  public var unreadable: String?
  /// What was set aside while reading: entries for unknown problems, repeated answers.
  public var notes: [String]

  /// A sheet; no answers, readable and without notes unless given.
  public init(
    student: String, source: String, answers: [String: String] = [:],
    unreadable: String? = nil, notes: [String] = []
  ) {
    (self.student, self.source, self.answers, self.unreadable, self.notes) =
      (student, source, answers, unreadable, notes)
  }
}
