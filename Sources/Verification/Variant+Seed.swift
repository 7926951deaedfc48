import ProblemDocument

extension Variant {
  /// The variant seed of `problem` for a student in an assignment: the first 60 bits of
  /// SHA-256("assignment␀student␀problem"), plus 1 so that no student gets the base problem.
  public static func seed(student: String, assignment: String, problem: String) -> UInt64 {
    let digest = SHA256.hex(Array("\(assignment)\u{0}\(student)\u{0}\(problem)".utf8))
    return UInt64(digest.prefix(15), radix: 16)! + 1
  }
}
