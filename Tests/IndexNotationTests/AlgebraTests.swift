import Algebra
import Answers
import IndexNotation
import XCTest

final class AlgebraTests: XCTestCase {
  func testRational_arithmeticInLowestTerms() {
    XCTAssertEqual(Rational(2, 4), Rational(1, 2))
    XCTAssertEqual(Rational(1, -3), Rational(-1, 3))
    XCTAssertEqual(Rational(1, 2) + Rational(1, 3), Rational(5, 6))
    XCTAssertEqual(Rational(2, 3) * Rational(9, 4), Rational(3, 2))
    XCTAssertEqual(Rational(1, 2) / Rational(1, 4), Rational(2))
    XCTAssertTrue(Rational(1, 3) < Rational(1, 2))
    XCTAssertEqual(Rational(-3, 4).description, "-3/4")
  }

  func testSurd_normalisesAndPrints() {
    XCTAssertEqual(Surd(Rational(1), radicand: 8), Surd(Rational(2), radicand: 2))
    XCTAssertEqual(Surd.squareRoot(of: Rational(1, 2)), Surd(Rational(1, 2), radicand: 2))
    XCTAssertEqual(Surd.squareRoot(of: Rational(1, 2))!.description, "1/√2")
    XCTAssertEqual(Surd.squareRoot(of: Rational(3, 4))!.description, "√3/2")
    XCTAssertEqual(Surd.squareRoot(of: Rational(1, 2))!.latex, "\\frac{1}{\\sqrt{2}}")
    XCTAssertEqual(
      Surd.squareRoot(of: Rational(1, 2))!.doubleValue, 0.5.squareRoot(),
      accuracy: 1e-15)
    XCTAssertNil(Surd.squareRoot(of: Rational(-1)))
  }

  func testPolynomial_expandsAndCompares() {
    let x = Polynomial.symbol("x")
    let y = Polynomial.symbol("y")
    let lhs = (x + Polynomial(1)).power(2)
    XCTAssertEqual(lhs, x * x + Polynomial(2) * x + Polynomial(1))
    XCTAssertEqual(lhs.description, "x² + 2·x + 1")
    XCTAssertEqual((x * y - y * x), Polynomial())
    XCTAssertEqual(lhs.evaluate(["x": Rational(3)]), Rational(16))
    XCTAssertNil(lhs.evaluate([:]))
    XCTAssertEqual(lhs.substituting(["x": y - Polynomial(1)]), y * y)
  }

  func testRealRoots_quadraticsAndLinear() throws {
    let g = Polynomial.symbol("γ")
    let roots = try (Polynomial(2) * g * g - Polynomial(1)).realRoots(in: "γ")
    XCTAssertEqual(roots.map(\.description), ["−1/√2", "1/√2"])
    let x = Polynomial.symbol("x")
    XCTAssertEqual(
      try (x * x - Polynomial(3) * x + Polynomial(2)).realRoots(in: "x")
        .map(\.description), ["1", "2"])
    XCTAssertEqual(
      try (Polynomial(2) * x - Polynomial(1)).realRoots(in: "x").map(\.description),
      ["1/2"])
    XCTAssertThrowsError(try (x * x + Polynomial(1)).realRoots(in: "x")) { error in
      XCTAssertEqual("\(error)", "x² + 1 = 0 has no real root")
    }
    XCTAssertThrowsError(try (x * g).realRoots(in: "x")) { error in
      XCTAssertEqual("\(error)", "the equation involves γ besides x")
    }
    XCTAssertThrowsError(try x.power(3).realRoots(in: "x")) { error in
      XCTAssertEqual("\(error)", "the equation has degree 3 in x; expected 1 or 2")
    }
  }
}

final class InequalityTests: XCTestCase {
  func testSolvePositive_bottleneckCondition() throws {
    let n = Polynomial.symbol("N")
    let nb = Polynomial.symbol("N_bottle")
    let m = Polynomial.symbol("M")
    let d = n * n * m - Polynomial(2) * n * nb * m
    let solved = try d.solvePositive(in: "N_bottle", positive: ["N", "M", "N_bottle"])
    XCTAssertEqual(solved.description, "N_bottle < N/2")
    XCTAssertEqual(solved.dividedFactor.description, "M·N")
    XCTAssertEqual(solved.holds(["N_bottle": 3, "N": 8]), true)
    XCTAssertEqual(solved.holds(["N_bottle": 4, "N": 8]), false)
  }

  func testSolvePositive_errors() {
    let x = Polynomial.symbol("x")
    let y = Polynomial.symbol("y")
    XCTAssertThrowsError(try (x * x - y).solvePositive(in: "x", positive: ["y"])) {
      XCTAssertEqual(
        "\($0)", "after dividing out positive factors the inequality has degree 2 in x; expected 1")
    }
    XCTAssertThrowsError(try (x * y - Polynomial(1)).solvePositive(in: "x", positive: [])) {
      XCTAssertEqual("\($0)", "the sign of y is not fixed by the positivity assumptions")
    }
  }

  func testPolynomialReader_printedForms() throws {
    XCTAssertEqual(
      try PolynomialParser.polynomial(#"2NN_{\text{bottle}}(L-1)"#).factoredDescription,
      "2·N·N_bottle·(L − 1)")
    XCTAssertEqual(try PolynomialParser.polynomial("N^2(L-1)").description, "L·N² − N²")
    XCTAssertEqual(try PolynomialParser.polynomial(#"BXY \Delta X"#).description, "B·X·Y·ΔX")
    XCTAssertEqual(
      try PolynomialParser.inequality(#"N_{\text{bottle}} \le N/2"#).description,
      "N_bottle ≤ N/2")
  }

  /// A bracketed run of letters is raised whole; the same run written bare keeps the printed
  /// convention that a power belongs to its last letter. Expected values by hand: (XY)²D is
  /// X²·Y²·D, XY²D is X·Y²·D.
  func testPolynomialReader_bracketedRunIsRaisedWhole() throws {
    XCTAssertEqual(try PolynomialParser.polynomial("(XY)^2D").description, "D·X²·Y²")
    XCTAssertEqual(try PolynomialParser.polynomial("{BN}^{2}").description, "B²·N²")
    XCTAssertEqual(try PolynomialParser.polynomial("XY^2D").description, "D·X·Y²")
    XCTAssertEqual(try PolynomialParser.polynomial("(N)^2").description, "N²")
  }

  /// Found by the fuzzer (Fuzz/crashes/answer/): a power of a many-term base multiplied
  /// thousands of terms pairwise before the size check; now refused before each product.
  func testPolynomialReader_refusesAPowerThatWouldExplode() {
    XCTAssertThrowsError(try PolynomialParser.polynomial("(K+M(K+Mutaio4P)^{30}utaio4P)^{30}")) {
      XCTAssertTrue("\($0)".hasPrefix("the power expands to about "), "\($0)")
      XCTAssertTrue("\($0)".contains("psverify reads polynomials of up to 4096 terms"), "\($0)")
    }
    XCTAssertEqual(
      try PolynomialParser.polynomial("(a+b)^3").description, "a³ + 3·a²·b + 3·a·b² + b³")
  }

  /// Found by the fuzzer (Fuzz/crashes/answer/): a power of a base with fractions reduced every
  /// coefficient of every step by a gcd. The reader now raises B/d with whole B and reduces once;
  /// `Polynomial.power` still reduces every step, so the two are independent computations.
  func testPolynomialReader_fractionalPowerEqualsStepwisePower() throws {
    let symbols = SymbolTable.open
    for (base, n) in [
      ("x/2 + y/3", 7), ("1Y+.71YAAA1+.71Y+.71YAAAAAAAAAAAA5P", 9),
      ("3/4 a - 5/6 b + 7", 12), ("a/7", 1), ("a/7 + 1", 0),
    ] {
      let raised = try PolynomialParser.polynomial("(\(base))^{\(n)}", symbols: symbols)
      let stepwise = try PolynomialParser.polynomial(base, symbols: symbols).power(n)
      XCTAssertEqual(raised, stepwise, "(\(base))^\(n)")
    }
    // 3^64 has 102 bits: within the bound.
    XCTAssertNoThrow(try PolynomialParser.polynomial("(x/3 + 1/3)^{64}", symbols: symbols))
    // Past it, on both paths: 65537^64 (1025 bits) is reduced step by step; (x/3 + 10^9+7)^64
    // takes the whole-number path, whose 1900-bit constant term is refused during the steps.
    for text in ["(x/65537 + 1)^{64}", "(x/3 + 1000000007)^{64}"] {
      XCTAssertThrowsError(try PolynomialParser.polynomial(text, symbols: symbols)) {
        XCTAssertTrue("\($0)".contains("psverify keeps exact numbers of up to 256 bits"), "\($0)")
      }
    }
  }

  /// Found by the fuzzer (Fuzz/crashes/answer/timeout-5a53f2be…): three terms to the 57th power
  /// stayed under every size bound but took 100,000 products of terms; the reader now refuses an
  /// expansion past `maximumProducts` (16,384) and still reads what answers write.
  func testPolynomialReader_boundsTheWorkOfAnExpansion() throws {
    XCTAssertThrowsError(try PolynomialParser.polynomial("N_gb(oe-.3-.152P)^{57}", symbols: .open))
    {
      XCTAssertTrue(
        "\($0)".hasPrefix(
          "expanding the expression takes more than 16384 products of "
            + "terms; psverify reads polynomials that expand in fewer"), "\($0)")
    }
    // Past the whole-number path (510^60 has 540 bits) each product is reduced and counts four
    // times; 17^60 fits, so the budget is what refuses it.
    XCTAssertThrowsError(try PolynomialParser.polynomial("(x/2+y/3+z/5+w/17)^{60}", symbols: .open))
    {
      XCTAssertTrue("\($0)".hasPrefix("expanding the expression takes more than 16384"), "\($0)")
    }
    // (a+b+c)^20: 231 terms after 4,620 products, within the budget; the multinomial
    // coefficient of a^6 b^7 c^7 is 20!/(6!·7!·7!) = 133,024,320.
    let p = try PolynomialParser.polynomial("(a+b+c)^{20}", symbols: .open)
    XCTAssertEqual(p.terms.count, 231)
    XCTAssertEqual(p.terms[Monomial(["a": 6, "b": 7, "c": 7])], Rational(133_024_320))
    XCTAssertEqual(try PolynomialParser.polynomial("2NN_b(L-1)", symbols: .open).terms.count, 2)
  }

  /// Found by the fuzzer: the counterexample search evaluated a 30th power exactly at thousands of
  /// points. Residues modulo 2⁶¹ − 1 find the point; the exact value there confirms it.
  func testCompare_highPowerFindsATrueCounterexampleQuickly() throws {
    let p = try PolynomialParser.polynomial("(1+2NN_b(L-1))^{30}", symbols: .open)
    let (equal, point) = p.compare(to: .symbol("N"))
    XCTAssertFalse(equal)
    let at = try XCTUnwrap(point).mapValues { Rational($0) }
    XCTAssertNotEqual(p.evaluate(at), Polynomial.symbol("N").evaluate(at))
  }

  func testCompare_givesCounterexample() {
    let x = Polynomial.symbol("x")
    let (equal, point) = (x * x).compare(to: x)
    XCTAssertFalse(equal)
    XCTAssertEqual(point, ["x": 2])
    XCTAssertTrue((x + x).compare(to: Polynomial(2) * x).equal)
  }
}

final class PrintingTests: XCTestCase {
  func testLatexAndMathML() throws {
    let p = try PolynomialParser.polynomial(#"2NN_{\text{bottle}} - N^2/4"#)
    XCTAssertEqual(p.description, "−N²/4 + 2·N·N_bottle")
    XCTAssertEqual(p.latex, "-N^{2}/4 + 2 N N_{\\text{bottle}}")
    XCTAssertEqual(
      p.mathML,
      "<math><mrow><mo>−</mo><mfrac><mn>1</mn><mn>4</mn></mfrac><mo>&#x2062;</mo>"
        + "<msup><mi>N</mi><mn>2</mn></msup><mo>+</mo><mn>2</mn><mo>&#x2062;</mo><mi>N</mi>"
        + "<mo>&#x2062;</mo><msub><mi>N</mi><mtext>bottle</mtext></msub></mrow></math>")
  }

  /// A long chain of sums or products is read without a stack as deep as the chain (a sum of
  /// 1 000 terms, a product of 1 000 factors); more than `AnswerLimits.maximumOperations`
  /// operations are refused with the limit named, not a crash.
  func testLongChains_areReadOrRefusedByTheOperationLimit() throws {
    let sum = Array(repeating: "N", count: 1_000).joined(separator: "+")
    XCTAssertEqual(try PolynomialParser.polynomial(sum).description, "1000·N")
    let product = Array(repeating: "N", count: 1_000).joined(separator: "*")
    XCTAssertEqual(try PolynomialParser.polynomial(product).description, "N¹⁰⁰⁰")
    let long = Array(repeating: "N", count: 5_000).joined(separator: "*")
    XCTAssertThrowsError(try PolynomialParser.polynomial(long)) { error in
      XCTAssertTrue("\(error)".contains("more than 1000 operations"), "\(error)")
    }
  }
}
