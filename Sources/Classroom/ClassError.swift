/// Why a class grading cannot start, or an input the class readers refuse. Each description
/// names the offending value and what is accepted.
public enum ClassError: Error, Equatable, CustomStringConvertible {
  /// A CSV, roster or rubric that is not UTF-8 text.
  case notText(file: String)
  /// A quoted CSV field left open at the end of the file.
  case unterminatedQuote(file: String, line: Int)
  /// A CSV row with a character after a closing quote.
  case strayAfterQuote(file: String, line: Int, column: Int)
  case emptyTable(file: String)
  case missingColumn(file: String, column: String, accepted: [String])
  case unknownColumn(file: String, column: String, known: [String])
  case duplicateColumn(file: String, column: String)
  case duplicateStudent(id: String, first: String, second: String)
  case emptyStudentID(file: String, line: Int)
  case badStudentID(id: String)
  case emptyDirectory(path: String)
  case notDirectory(path: String)
  case unreadableFile(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  case rubric(file: String, message: String)

  /// A sentence naming the file, line or value and what is accepted.
  public var description: String {
    switch self {
    case .notText(let file):
      "'\(file)' is not UTF-8 text; save it as UTF-8 (CSV or TOML)"
    case .unterminatedQuote(let file, let line):
      "'\(file)', line \(line): a quoted field is never closed; end it with a '\"' (write a quote "
        + "inside a field as \"\")"
    case .strayAfterQuote(let file, let line, let column):
      "'\(file)', line \(line), column \(column): a closing '\"' must be followed by ',' or "
        + "the end of the line (write a quote inside a field as \"\")"
    case .emptyTable(let file):
      "'\(file)' holds no header row; the first line names the columns"
    case .missingColumn(let file, let column, let accepted):
      "'\(file)' has no \(column) column; name it one of: \(accepted.joined(separator: ", "))"
    case .unknownColumn(let file, let column, let known):
      "'\(file)' has a column '\(column)' that is no problem id; known: "
        + known.joined(separator: ", ") + " (and id, name, section, email, timestamp)"
    case .duplicateColumn(let file, let column):
      "'\(file)' names the column '\(column)' twice; keep one"
    case .duplicateStudent(let id, let first, let second):
      "the student id '\(id)' appears twice (\(first) and \(second)); each student has one sheet"
    case .emptyStudentID(let file, let line):
      "'\(file)', line \(line): the student id is empty; every row names its student"
    case .badStudentID(let id):
      "the student id '\(id)' cannot name a feedback file; an id has no '/', '\\' or "
        + "control character and does not start with '.'"
    case .emptyDirectory(let path):
      "'\(path)' holds no answer sheets; put one file per student there (the file name is the "
        + "student id), e.g. alice.txt with lines like 3b: 1/sqrt(2)"
    case .notDirectory(let path):
      "'\(path)' is not a directory; pass --dir with a directory of answer sheets, or --csv FILE"
    case .unreadableFile(let path, let reason):
      "cannot read '\(path)': \(reason)"
    case .cannotWrite(let path, let reason):
      "cannot write '\(path)': \(reason)"
    case .rubric(let file, let message):
      "the rubric '\(file)': \(message)"
    }
  }
}
