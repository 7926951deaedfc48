import ArgumentParser

/// The options of `grade` that grade a class at once.
struct ClassGradeOptions: ParsableArguments {
  @Option(help: "A directory of answer sheets, one per student (the file name is the student id).")
  var dir: String?

  @Option(help: "A CSV with a row per student: a student id column and a column per problem id.")
  var csv: String?

  @Option(
    help: """
      A class list (CSV: id, name, section, email) naming the students and listing who submitted \
      nothing.
      """)
  var roster: String?

  @Option(help: "Points per problem and part weights (TOML; see the README).")
  var rubric: String?

  @Option(help: "Write the gradebook (CSV: id, name, section, points per problem, total).")
  var gradebook: String?

  @Option(help: "Write the gradebook in Canvas's import layout (CSV).")
  var canvas: String?

  @Option(help: "Write one HTML and one Markdown feedback file per student into this directory.")
  var feedback: String?

  @Flag(help: "Show psverify's answer in the feedback files.")
  var reveal = false

  @Option(help: "Workers grading the distinct answers (0: every core); results never depend on it.")
  var threads: Int = 0

  var isClass: Bool { dir != nil || csv != nil }

  func validate() throws {
    if dir != nil && csv != nil {
      throw ValidationError("give either --dir DIR or --csv FILE, not both")
    }
    if threads < 0 { throw ValidationError("--threads must be 0 (every core) or more") }
    if reveal && feedback == nil {
      throw ValidationError("--reveal shows answers in feedback files; add --feedback DIR")
    }
  }

  /// The class outputs without a class: a usage error naming what they need.
  func validateUnused() throws {
    let given =
      [
        ("--roster", roster), ("--rubric", rubric), ("--gradebook", gradebook),
        ("--canvas", canvas), ("--feedback", feedback),
      ].filter { $0.1 != nil }.map(\.0)
      + (reveal ? ["--reveal"] : [])
    if let first = given.first {
      throw ValidationError("\(first) belongs to a class grading; add --dir DIR or --csv FILE")
    }
  }
}
