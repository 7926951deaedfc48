import XCTest

@testable import ProblemDocument

/// A total printed right after the parts it adds up: its terms are the parts' terms, so a
/// changed coefficient is a slip. Each wrong document has a look-alike that stays silent.
final class SummedPartsTests: XCTestCase, SmallDocumentAudit {
  /// A small document whose solution prints three parts and then their total.
  static let document = """
    **Problem 1.** A gate pools a signal, mixes it and writes an output.

    (a) How many multiplies does the gate take?

    **Solution:** The pooling takes $NK$, the mixing $3NKM/\\gamma$, the output $NKM^2$. Altogether $N(K + 3KM/\\gamma + KM^2)$ multiplies.
    """

  /// The total adds the parts up: silent; one part's coefficient dropped in the total fires.
  func testTotalWithACoefficientDropped() {
    XCTAssertEqual(counts(Self.document), [])
    let wrong = Self.document.replacingOccurrences(
      of: "N(K + 3KM/\\gamma + KM^2)", with: "N(K + KM/\\gamma + KM^2)")
    XCTAssertNotEqual(wrong, Self.document)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// A total that takes a part more times (two passes, two gates of the printed cost) or one
  /// that names a term no part has (it counts something more) is not judged.
  func testTotalThatRepeatsOrAddsIsSilent() {
    let doubled = Self.document.replacingOccurrences(
      of: "N(K + 3KM/\\gamma + KM^2)", with: "2N(K + 3KM/\\gamma + KM^2)")
    XCTAssertNotEqual(doubled, Self.document)
    XCTAssertEqual(counts(doubled), [])
    let twice = Self.document.replacingOccurrences(
      of: "N(K + 3KM/\\gamma + KM^2)", with: "N(K + 3KM/\\gamma + 2KM^2)")
    XCTAssertNotEqual(twice, Self.document)
    XCTAssertEqual(counts(twice), [])
    let more = Self.document.replacingOccurrences(
      of: "N(K + 3KM/\\gamma + KM^2)", with: "N(K + KM/\\gamma + KM^2 + M)")
    XCTAssertNotEqual(more, Self.document)
    XCTAssertEqual(counts(more), [])
  }

  /// Without a word of summing before it the second formula is no total.
  func testNoWordOfSummingIsSilent() {
    let plain = Self.document.replacingOccurrences(
      of: "Altogether $N(K + 3KM/\\gamma + KM^2)$",
      with: "The backward pass takes $N(K + KM/\\gamma + KM^2)$")
    XCTAssertNotEqual(plain, Self.document)
    XCTAssertEqual(counts(plain), [])
  }
}
