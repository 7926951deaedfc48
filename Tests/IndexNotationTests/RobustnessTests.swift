import IndexNotation
import TensorCore
import XCTest

/// Hostile input: every string either parses or yields a diagnostic; nothing crashes or hangs.
final class RobustnessTests: XCTestCase {
  static let seeds = [
    PrintedEquations.problem2, PrintedEquations.problem4,
    "L′[b, x, y, n_out] = σ(K[n_out, ΔX, ΔY, N_in] L[b, x + ΔX, y + ΔY, N_in] − B[n_out])",
    #"\tilde{L}_{\ell}[n_{\text{bottle}}] = \text{ReLU}(W_{\ell}^{b,1}[n_{\text{bottle}}, N_{\text{in}}]L_{\ell}[N_{\text{in}}] - B_{\ell}^{b,1}[n_{\text{bottle}}])"#,
    "L_{ℓ+1}[n] = γ(L_ℓ[n] + L̂_ℓ[n])",
  ]
  static let alphabet: [String] = [
    "[", "]", "(", ")", "{", "}", ",", "+", "-", "=", "_", "^", "\\", "σ", "Δ", "x", "X", "L",
    "\\sum", "\\frac", "\\left(", "\\right)", "Σ", "ℓ", "2", " ", "\\Delta", "\\text{", "$", "&",
    "\\\\", "·", "/", "′", "é", "\u{0}", "\n", "\\tilde", "ReLU",
  ]

  /// Parses and checks; returns true when it parsed.
  @discardableResult
  func exercise(_ text: String) -> Bool {
    var parser = Parser(text)
    do {
      let eq = try parser.parseEquation()
      _ = Checker.check(eq)
      _ = eq.multiplyCount
      _ = eq.description
      return true
    } catch {
      XCTAssertFalse(error.diagnostic.message.isEmpty)
      XCTAssertEqual(error.diagnostic.kind, .syntax)
      return false
    }
  }

  func testThirtyThousandRandomAndMutatedStrings() {
    var r = RandomStream(seed: 2019)
    var parsed = 0
    // 3·10⁴ here; libFuzzer (Fuzz/run.sh) explores far more with coverage guidance.
    for n in 0..<30_000 {
      let seed = Array(Self.seeds[n % Self.seeds.count])
      var text: [Character]
      switch n % 5 {
      case 0:  // truncation
        text = Array(seed.prefix(r.nextInt(below: seed.count + 1)))
      case 1:  // swapped brackets and operators
        text = seed
        for _ in 0..<3 {
          let i = r.nextInt(below: text.count)
          let j = r.nextInt(below: text.count)
          text.swapAt(i, j)
        }
      case 2:  // unknown symbols inserted
        text = seed
        let inserted = Self.alphabet[r.nextInt(below: Self.alphabet.count)]
        text.insert(contentsOf: inserted, at: r.nextInt(below: text.count + 1))
      case 3:  // a deletion
        text = seed
        text.remove(at: r.nextInt(below: text.count))
      default:  // random tokens
        text = Array(
          (0..<r.nextInt(below: 40)).map { _ in
            Self.alphabet[r.nextInt(below: Self.alphabet.count)]
          }.joined())
      }
      if exercise(String(text)) { parsed += 1 }
    }
    XCTAssertGreaterThan(parsed, 300, "mutations should leave a good share readable")
  }

  func testDeepNestingGetsADiagnostic() {
    let deep =
      "y[x] = " + String(repeating: "(", count: 10_000) + "x[x]"
      + String(repeating: ")", count: 10_000)
    var parser = Parser(deep)
    XCTAssertThrowsError(try parser.parseEquation()) {
      XCTAssertTrue(
        ($0 as! NotationError).diagnostic.message.hasPrefix("nesting deeper than 200 levels"))
    }
    let deepFunctions =
      "y[x] = " + String(repeating: "σ(", count: 10_000) + "x[x]"
      + String(repeating: ")", count: 10_000)
    XCTAssertFalse(exercise(deepFunctions))
  }

  func testMegabyteInput() {
    let long = "y[j] = " + Array(repeating: "W[j, I] x[I]", count: 80_000).joined(separator: " + ")
    XCTAssertGreaterThan(long.utf8.count, 1_000_000)
    XCTAssertTrue(exercise(long))
    XCTAssertFalse(exercise(long + " +"))
    XCTAssertFalse(exercise(String(repeating: "[", count: 1_000_000)))
  }
}
