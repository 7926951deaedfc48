import Algebra
import IndexNotation
import XCTest

/// The printed solution equations of problems 2 and 4, pasted exactly as they stand in
/// seed/000_be9964c7f08ca0da.txt (between the $$ delimiters).
enum PrintedEquations {
  static let problem2 =
    #"L_{\ell+1}[b, x, y, t, n_{\text{out}}] = \sigma(K_{\ell+1}[n_{\text{out}}\Delta X, \Delta Y, \Delta T, N_{\text{in}}]L_{\ell}[b, sx + \Delta X, sy + \Delta Y, st + \Delta T, N_{\text{in}}] - B[n_{\text{out}}])"#

  static let problem4 =
    #"L_{\ell+1,s}[b,x,y,j] = \sigma \left( \begin{array}{cc} \sum_{\Delta x,\Delta y,i} W_{\ell+1,\leftarrow}[\Delta x,\Delta y,i,j] L_{\ell,s+1}[b,x+\Delta x,y+\Delta y,i,j] \\ + & \sum_{\Delta x,\Delta y,i} W_{\ell+1,\uparrow} \left[\Delta x,\Delta y,i,j\right] L_{\ell,s} \left[b,2x+\Delta x,2y+\Delta y,i,j\right] \\ + & B_{\ell+1}[j] \end{array} \right)"#
}

final class PrintedEquationTests: XCTestCase {
  func parse(_ text: String, parameters: Set<String> = ["s"]) throws -> (Equation, [Diagnostic]) {
    var parser = Parser(text, parameters: parameters)
    let eq = try parser.parseEquation()
    return (eq, parser.diagnostics)
  }

  func testProblem2_asPrinted_readsWithTheMissingCommaLocated() throws {
    let (eq, parseDiagnostics) = try parse(PrintedEquations.problem2)
    XCTAssertEqual(parseDiagnostics.map(\.kind), [.missingComma])
    // The backslash of \Delta X right after n_{\text{out}}: column 74 (counted independently).
    XCTAssertEqual(parseDiagnostics[0].position.column, 74)
    XCTAssertEqual(
      eq.description,
      "L_{ℓ+1}[b, x, y, t, n_out] = σ(K_{ℓ+1}[n_out, ΔX, ΔY, ΔT, N_in] "
        + "L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, N_in] − B[n_out])")
    let ranks: [TensorName: Int] = [
      TensorName(base: "L", subscript: "ℓ+1"): 5, TensorName(base: "L", subscript: "ℓ"): 5,
      TensorName(base: "K", subscript: "ℓ+1"): 5, TensorName(base: "B"): 1,
    ]
    XCTAssertEqual(Checker.check(eq, declarations: TensorDeclarations(ranks: ranks)), [])
  }

  func testProblem4_asPrinted_rankAndThresholdDefects() throws {
    let (eq, parseDiagnostics) = try parse(PrintedEquations.problem4, parameters: [])
    XCTAssertEqual(parseDiagnostics, [])
    let ranks: [TensorName: Int] = [
      TensorName(base: "L", subscript: "ℓ+1,s"): 4, TensorName(base: "L", subscript: "ℓ,s+1"): 4,
      TensorName(base: "L", subscript: "ℓ,s"): 4, TensorName(base: "W", subscript: "ℓ+1,←"): 4,
      TensorName(base: "W", subscript: "ℓ+1,↑"): 4, TensorName(base: "B", subscript: "ℓ+1"): 1,
    ]
    let diagnostics = Checker.check(eq, declarations: TensorDeclarations(ranks: ranks))
    XCTAssertEqual(diagnostics.map(\.kind), [.rankMismatch, .rankMismatch, .thresholdSign])
    XCTAssertEqual(
      diagnostics.map(\.message),
      [
        "L_{ℓ,s+1} has rank 4 but is used with 5 indices",
        "L_{ℓ,s} has rank 4 but is used with 5 indices",
        "the threshold B_{ℓ+1} is added inside σ; the course's convention subtracts it: σ(W·L − B)",
      ])
  }

  func testCorrectedEquations_readWithoutDiagnostics() throws {
    let p2 =
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] − B_{ℓ+1}[j])"
    let (e2, d2) = try parse(p2)
    XCTAssertEqual(d2, [])
    XCTAssertEqual(Checker.check(e2), [])
    let p4 =
      #"L_{\ell+1,s}[b,x,y,j] = \sigma\left(W_{\ell+1,\leftarrow}[\Delta X,\Delta Y,I,j] L_{\ell,s+1}[b,x+\Delta X,y+\Delta Y,I] + W_{\ell+1,\uparrow}[\Delta X,\Delta Y,I,j] L_{\ell,s}[b,2x+\Delta X,2y+\Delta Y,I] - B_{\ell+1}[j]\right)"#
    let (e4, d4) = try parse(p4, parameters: [])
    XCTAssertEqual(d4, [])
    XCTAssertEqual(Checker.check(e4), [])
  }

  func testConv2d_countIsTheProductOfAllRanges() throws {
    let (eq, _) = try parse(
      "L′[b, x, y, n_out] = σ(K[n_out, ΔX, ΔY, N_in] L[b, x + ΔX, y + ΔY, N_in] − B[n_out])")
    let expected = ["B", "X", "Y", "N_out", "ΔX", "ΔY", "N_in"].map(Polynomial.symbol)
      .reduce(Polynomial(1), *)
    XCTAssertEqual(eq.multiplyCount, expected)
  }
}
