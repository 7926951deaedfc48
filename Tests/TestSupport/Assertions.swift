import Verification
import XCTest

/// Asserts that a check outcome has the given status, showing its figures when it does not.
public func assertStatus(
  _ outcome: CheckOutcome, _ status: CheckStatus,
  file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertEqual(
    outcome.status, status,
    "\(outcome.id): expected \(status), got \(outcome.status): "
      + outcome.measurement.detail, file: file, line: line)
}
