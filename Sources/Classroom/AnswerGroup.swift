import ResultStore

/// Answers to one problem that mean the same (one `AnswerKey`): how many, the verdict, the
/// feedback they got, the most common spelling, and who wrote them.
public struct AnswerGroup: Sendable {
  /// The problem's id, e.g. `3b`.
  public var problem: String
  /// The members' shared `AnswerKey`: what their answers mean, whatever the spelling.
  public var key: String
  /// The verdict the group's answers got (`correct`, `incorrect`, `unreadable`, or missing).
  public var verdict: String
  /// How psverify read the answer, in Unicode; nil when unreadable or missing.
  public var reading: String?
  /// The grader's feedback sentences for the group's answer.
  public var feedback: [String]
  /// The first located diagnostic, for unreadable answers.
  public var issue: String?
  /// The spelling most members typed (the first in id order on a tie), and how many spellings.
  public var example: String?
  /// How many different spellings the members typed.
  public var spellings: Int
  /// The ids of the students in the group, in id order.
  public var members: [String]

  /// The number of students in the group.
  public var size: Int { members.count }

  /// What to say about the group in a line: the diagnostic of an unreadable answer, else the
  /// grader's first sentence.
  public var headline: String { (verdict == "unreadable" ? issue : nil) ?? feedback.first ?? "" }

  /// Groups of every problem: per problem, the wrong answers first (the largest first), then
  /// the unreadable ones (by diagnostic), then the right ones, then the missing.
  /// - Complexity: O(n log n) in the number of answers.
  public static func groups(_ result: ClassResult) -> [String: [AnswerGroup]] {
    var out: [String: [AnswerGroup]] = [:]
    for (index, problem) in result.problems.enumerated() {
      var byKey: [String: (answer: GradedAnswer, members: [String], spellings: [String: Int])] = [:]
      var order: [String] = []
      for s in result.students.sorted(by: { $0.id < $1.id }) where index < s.answers.count {
        let a = s.answers[index]
        if byKey[a.key] == nil {
          byKey[a.key] = (a, [], [:])
          order.append(a.key)
        }
        byKey[a.key]!.members.append(s.id)
        if let text = a.answer { byKey[a.key]!.spellings[text, default: 0] += 1 }
      }
      let rank = ["incorrect": 0, "unreadable": 1, "correct": 2, GradedAnswer.missing: 3]
      out[problem] = order.map { key in
        let g = byKey[key]!
        let example = g.spellings.sorted {
          $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }.first?.key
        return AnswerGroup(
          problem: problem, key: key, verdict: g.answer.verdict,
          reading: g.answer.reading, feedback: g.answer.feedback,
          issue: g.answer.issues.first, example: example,
          spellings: g.spellings.count,
          members: g.members)
      }.sorted { a, b in
        let (ra, rb) = (rank[a.verdict] ?? 4, rank[b.verdict] ?? 4)
        if ra != rb { return ra < rb }
        if a.size != b.size { return a.size > b.size }
        return a.key < b.key
      }
    }
    return out
  }
}
