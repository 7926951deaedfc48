import Verification
import XCTest

final class VariantSeedTests: XCTestCase {
  /// The seed depends on student, assignment and problem, never gives the base problem, and is
  /// the first 60 bits of SHA-256 plus 1 (digest of "hw1␀s1␀3b" computed with sha256sum).
  func testSeeds_areAHashOfStudentAssignmentAndProblem() {
    let s = Variant.seed(student: "s1", assignment: "hw1", problem: "3b")
    XCTAssertEqual(s, Variant.seed(student: "s1", assignment: "hw1", problem: "3b"))
    XCTAssertNotEqual(s, Variant.seed(student: "s2", assignment: "hw1", problem: "3b"))
    XCTAssertNotEqual(s, Variant.seed(student: "s1", assignment: "hw2", problem: "3b"))
    XCTAssertNotEqual(s, Variant.seed(student: "s1", assignment: "hw1", problem: "1"))
    XCTAssertGreaterThan(s, 0)
    XCTAssertEqual(s, UInt64("394c3379c962e21", radix: 16)! + 1)
  }
}
