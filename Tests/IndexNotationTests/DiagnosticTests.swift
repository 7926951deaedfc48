import IndexNotation
import XCTest

/// One test per diagnostic kind, on its exact text and position.
final class DiagnosticTests: XCTestCase {
  func diagnostics(
    _ text: String, ranks: [TensorName: Int] = [:],
    shapes: [TensorName: [Int]] = [:]
  ) throws -> [Diagnostic] {
    var p = Parser(text)
    let eq = try p.parseEquation()
    return p.diagnostics
      + Checker.check(
        eq, declarations: TensorDeclarations(ranks: ranks),
        shapes: shapes)
  }

  func only(
    _ text: String, ranks: [TensorName: Int] = [:], shapes: [TensorName: [Int]] = [:],
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> Diagnostic {
    let d = try diagnostics(text, ranks: ranks, shapes: shapes)
    XCTAssertEqual(d.count, 1, "\(d)", file: file, line: line)
    return try XCTUnwrap(d.first, file: file, line: line)
  }

  func testSyntax() {
    var p = Parser("L[x] = W[x, I] L[I")
    XCTAssertThrowsError(try p.parseEquation()) { error in
      let d = (error as! NotationError).diagnostic
      XCTAssertEqual(d.kind, .syntax)
      XCTAssertEqual(d.message, "expected ']', found the end of the input")
      XCTAssertEqual(d.position.column, 19)
      XCTAssertEqual(d.excerpt, "  L[x] = W[x, I] L[I\n                    ^")
    }
    var q = Parser("L[x] = \\foo[x]")
    XCTAssertThrowsError(try q.parseEquation()) {
      XCTAssertEqual(($0 as! NotationError).diagnostic.message, "unknown command \\foo")
    }
  }

  func testRankMismatch_declaredAndBetweenUses() throws {
    let d = try only(
      "y[b, j] = W[j, I] x[b, I, j]",
      ranks: [TensorName(base: "y"): 2, TensorName(base: "W"): 2, TensorName(base: "x"): 2])
    XCTAssertEqual(d.kind, .rankMismatch)
    XCTAssertEqual(d.message, "x has rank 2 but is used with 3 indices")
    XCTAssertEqual(d.position.column, 19)
    let e = try only("y[j] = W[j, I] x[I] + W[j] ")
    XCTAssertEqual(e.message, "W is used with 1 indices here and 2 at line 1, column 8")
  }

  func testFreeIndexOneSide() throws {
    let d = try only("y[j] = W[j, I] x[I, t]")
    XCTAssertEqual(d.kind, .freeIndexOneSide)
    XCTAssertEqual(d.message, "free index t appears on the right-hand side only")
    XCTAssertEqual(d.index, "t")
    XCTAssertEqual(d.side, .right)
    let e = try only("y[j, t] = W[j, I] x[I]")
    XCTAssertEqual(e.message, "free index t appears on the left-hand side only")
    XCTAssertEqual(e.index, "t")
    XCTAssertEqual(e.side, .left)
  }

  func testUnsummedCapital() throws {
    let d = try only("y[j] = W[j, I] x[I] + v[j, K]")
    XCTAssertEqual(d.kind, .unsummedCapital)
    XCTAssertEqual(
      d.message,
      "capital index K is not on the left and not repeated in a product, so nothing sums it")
    XCTAssertEqual(d.position.column, 28)
    XCTAssertEqual(d.index, "K")
    XCTAssertNil(d.side)
    XCTAssertEqual(
      try diagnostics("y[j] = W[j, I] x[K]").map(\.kind), [.unsummedCapital, .unsummedCapital])
  }

  func testNoRangeAndRangeConflict() throws {
    let shapes: [TensorName: [Int]] = [
      TensorName(base: "y"): [3], TensorName(base: "W"): [3, 4],
      TensorName(base: "x"): [5],
    ]
    let d = try only("y[j] = W[j, I] x[I]", shapes: shapes)
    XCTAssertEqual(d.kind, .rangeConflict)
    XCTAssertEqual(d.message, "index I ranges over 5 values here but over 4 in W")
    let e = try only(
      "y[j] = W[j, 2I] x[I + 1]",
      shapes: [
        TensorName(base: "y"): [3], TensorName(base: "W"): [3, 4],
        TensorName(base: "x"): [5],
      ])
    XCTAssertEqual(e.kind, .noRange)
    XCTAssertEqual(
      e.message,
      "index I has no range: it never stands alone at a position of a tensor with a bound shape")
  }

  func testUnknownTensor() throws {
    let d = try only(
      "y[j] = W[j, I] v[I]",
      ranks: [TensorName(base: "y"): 1, TensorName(base: "W"): 2, TensorName(base: "x"): 1])
    XCTAssertEqual(d.kind, .unknownTensor)
    XCTAssertEqual(d.message, "unknown tensor v; known: W, x, y")
  }

  func testMissingComma() throws {
    let d = try only("y[j] = W[j I] x[I]")
    XCTAssertEqual(d.kind, .missingComma)
    XCTAssertEqual(
      d.message, "index terms j and I stand side by side; a comma is probably missing between them")
    XCTAssertEqual(d.position.column, 12)
    XCTAssertEqual(
      try diagnostics("y[x] = W[ΔX] v[sx + ΔX]"), [], "s·x is a stride, not a missing comma")
  }

  func testThresholdSign() throws {
    let d = try only("y[j] = σ(W[j, I] x[I] + B[j])")
    XCTAssertEqual(d.kind, .thresholdSign)
    XCTAssertEqual(
      d.message,
      "the threshold B is added inside σ; the course's convention subtracts it: σ(W·L − B)")
    XCTAssertEqual(try diagnostics("y[j] = σ(W[j, I] x[I] − B[j])"), [])
  }

  func testRedundantSum() throws {
    let d = try only("y[j] = Σ_{I} W[j, I] x[I]")
    XCTAssertEqual(d.kind, .redundantSum)
    XCTAssertEqual(
      d.message, "Σ over I is redundant: a repeated capital index is summed by the convention")
    XCTAssertEqual(try diagnostics("y[j] = Σ_{i} W[j, i] x[i]"), [], "lowercase needs the Σ")
  }

  func testEveryKindHasATest() {
    // The kinds exercised above; a new kind must be added here and tested.
    let tested: Set<Diagnostic.Kind> = [
      .syntax, .rankMismatch, .freeIndexOneSide, .unsummedCapital,
      .noRange, .rangeConflict, .unknownTensor, .missingComma,
      .thresholdSign, .redundantSum,
    ]
    XCTAssertEqual(tested, Set(Diagnostic.Kind.allCases))
  }

  /// A stride written after its variable with a product sign (`x*s`, `x·s`) is the same term as
  /// `s·x`; two index letters side by side without a sign are still a missing comma.
  func testStrideAfterItsVariable_isTheSameTerm() throws {
    func terms(_ text: String) throws -> [String] {
      var p = Parser(text)
      let eq = try p.parseEquation()
      XCTAssertEqual(p.diagnostics.map(\.kind), [], text)
      guard case .tensor(let t) = eq.rhs else {
        XCTFail(text)
        return []
      }
      return t.indices.map(\.description)
    }
    let before = try terms("y[b,x] = L[b, s*x + ΔX]")
    XCTAssertEqual(try terms("y[b,x] = L[b, x*s + ΔX]"), before)
    XCTAssertEqual(try terms("y[b,x] = L[b, ΔX + x·s]"), try terms("y[b,x] = L[b, ΔX + s·x]"))
    XCTAssertNotEqual(before, try terms("y[b,x] = L[b, x + ΔX]"))
    var p = Parser("y[b,x] = L[b, x s + ΔX]")
    _ = try p.parseEquation()
    XCTAssertEqual(p.diagnostics.map(\.kind), [.missingComma])
  }
}
