import XCTest

@testable import ProblemDocument

/// A tuple of tensors defined by one equation (`(û[b,x], v̂[b,x]) = argmax …`) introduces each
/// of them, beside a look-alike (the tuple on a right side) that still raises its
/// undefined-name finding.
final class TupleDefinitionNameTests: XCTestCase, SmallDocumentAudit {
  /// A pooling layer whose winners are stored by the display at line 9 (`TUPLE`).
  static func pooling(_ tuple: String) -> String {
    """
    # Problem 1

    A max-pooling layer computes

    $$P[b,x,i] = \\max_{\\Delta x} L[b,2x+\\Delta x,i]$$

    During the forward pass we keep the winners

    $$\(tuple)$$

    Write $G[b,x,i] = \\hat{u}[b,x,i] + \\hat{v}[b,x,i]$ in terms of $P$.
    """
  }

  /// A tuple on the left of `=` defines each of its tensors; the same tuple on the right of
  /// another name's equation defines neither.
  func testTupleOnTheLeft_definesEachElement() {
    let defined = Self.pooling(
      "(\\hat{u}[b,x,i],\\,\\hat{v}[b,x,i]) = \\operatorname{argmax}_{\\Delta x} L[b,2x+\\Delta x,i]"
    )
    XCTAssertEqual(unintroduced(defined), [])
    let used = Self.pooling("Q[b,x,i] = (\\hat{u}[b,x,i],\\,\\hat{v}[b,x,i])")
    XCTAssertEqual(
      unintroduced(used), ["undefined-name 9", "undefined-name 9"])
  }

  /// The tuple's elements are read with their offsets, past spacing commands and
  /// `\left( … \right)`; a parenthesized single name or a call is no tuple.
  func testTupleElements_areReadPastSpacing() {
    XCTAssertEqual(
      FragmentReader.tupleElements("\\left(a[i],\\; b[i]\\right)")?.map(\.0), ["a[i]", "b[i]"])
    XCTAssertEqual(FragmentReader.tupleElements("(a[i],\\,b[i])")?.map(\.1), [1, 8])
    XCTAssertNil(FragmentReader.tupleElements("(a[i])"))
    XCTAssertNil(FragmentReader.tupleElements("f(a, b)"))
    XCTAssertNil(FragmentReader.tupleElements("(a, b) + c"))
  }
}
