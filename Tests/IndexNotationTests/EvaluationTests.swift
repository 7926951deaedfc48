import Algebra
import IndexNotation
import TensorCore
import XCTest

final class EvaluationTests: XCTestCase {
  func tensor(_ shape: [Int], _ r: inout RandomStream) -> Tensor<Double> {
    .normal(shape: shape, random: &r)
  }

  func parse(_ text: String) throws -> Equation {
    var p = Parser(text)
    return try p.parseEquation()
  }

  /// 2-D convolution, stride s, valid: hand-written loops against the interpreter.
  func testConv2d_equalsHandLoops_strides123() throws {
    let eq = try parse("L′[b, x, y, j] = K[j, ΔX, ΔY, I] L[b, sx + ΔX, sy + ΔY, I] − B[j]")
    var r = RandomStream(seed: 1)
    for s in 1...3 {
      let (batch, width, height, nIn, nOut, kx, ky) = (2, 9, 8, 3, 2, 3, 2)
      let xOut = (width - kx) / s + 1
      let yOut = (height - ky) / s + 1
      let l = tensor([batch, width, height, nIn], &r)
      let k = tensor([nOut, kx, ky, nIn], &r)
      let bias = tensor([nOut], &r)
      var e = try Evaluator(
        eq,
        bindings: Bindings(
          tensors: [
            TensorName(base: "L"): l, TensorName(base: "K"): k,
            TensorName(base: "B"): bias,
          ],
          parameters: ["s": s], outputShape: [batch, xOut, yOut, nOut]))
      let (out, multiplies) = try e.run()
      for b in 0..<batch {
        for x in 0..<xOut {
          for y in 0..<yOut {
            for j in 0..<nOut {
              var acc = 0.0
              for dx in 0..<kx {
                for dy in 0..<ky {
                  for i in 0..<nIn {
                    acc += k[j, dx, dy, i] * l[b, s * x + dx, s * y + dy, i]
                  }
                }
              }
              XCTAssertEqual(out[b, x, y, j], acc - bias[j], accuracy: 1e-12)
            }
          }
        }
      }
      XCTAssertEqual(multiplies, batch * xOut * yOut * nOut * kx * ky * nIn)
      let point: [String: Rational] = [
        "B": Rational(batch), "X": Rational(xOut), "Y": Rational(yOut),
        "J": Rational(nOut), "ΔX": Rational(kx), "ΔY": Rational(ky),
        "I": Rational(nIn),
      ]
      XCTAssertEqual(eq.multiplyCount.evaluate(point), Rational(multiplies))
    }
  }

  /// 3-D (video) convolution with stride s in space and time.
  func testConv3d_equalsHandLoops_strides123() throws {
    let eq = try parse(
      "L_{ℓ+1}[b, x, y, t, j] = σ(K[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] − B[j])")
    var r = RandomStream(seed: 2)
    for s in 1...3 {
      let (batch, w, h, T, nIn, nOut, kx, ky, kt) = (1, 7, 6, 7, 2, 2, 2, 3, 2)
      let xo = (w - kx) / s + 1
      let yo = (h - ky) / s + 1
      let to = (T - kt) / s + 1
      let l = tensor([batch, w, h, T, nIn], &r)
      let k = tensor([nOut, kx, ky, kt, nIn], &r)
      let bias = tensor([nOut], &r)
      var e = try Evaluator(
        eq,
        bindings: Bindings(
          tensors: [
            TensorName(base: "L", subscript: "ℓ"): l,
            TensorName(base: "K"): k, TensorName(base: "B"): bias,
          ],
          parameters: ["s": s], outputShape: [batch, xo, yo, to, nOut]))
      let (out, multiplies) = try e.run()
      for x in 0..<xo {
        for y in 0..<yo {
          for t in 0..<to {
            for j in 0..<nOut {
              var acc = 0.0
              for dx in 0..<kx {
                for dy in 0..<ky {
                  for dt in 0..<kt {
                    for i in 0..<nIn {
                      acc += k[j, dx, dy, dt, i] * l[0, s * x + dx, s * y + dy, s * t + dt, i]
                    }
                  }
                }
              }
              XCTAssertEqual(out[0, x, y, t, j], 1 / (1 + exp(-(acc - bias[j]))), accuracy: 1e-12)
            }
          }
        }
      }
      XCTAssertEqual(multiplies, xo * yo * to * nOut * kx * ky * kt * nIn)
    }
  }

  func testOutOfRange_rejectOrZero() throws {
    // Same-size output of a width-3 filter without padding reads past the edge.
    let eq = try parse("y[x] = w[ΔX] v[x + ΔX]")
    let v = Tensor<Double>(shape: [4], storage: [1, 2, 3, 4])
    let w = Tensor<Double>(shape: [3], storage: [1, 10, 100])
    let bindings = Bindings(
      tensors: [TensorName(base: "v"): v, TensorName(base: "w"): w],
      outputShape: [4])
    var reject = try Evaluator(eq, bindings: bindings, policy: .reject)
    XCTAssertThrowsError(try reject.run()) {
      XCTAssertEqual("\($0)", "v is read at index 4 on axis 0, outside 0..<4")
    }
    var zero = try Evaluator(eq, bindings: bindings, policy: .zero)
    let (out, multiplies) = try zero.run()
    // By hand: 1 + 20 + 300, 2 + 30 + 400, 3 + 40, 4.
    XCTAssertEqual(out.storage, [321, 432, 43, 4])
    XCTAssertEqual(multiplies, 12)  // zeros are multiplied too
  }

  func testExplicitSumAndConstants() throws {
    // Problem 4's pyramid step: I₁[x] = ¼ Σ_{a} I₀[2x + a] over a ∈ {0, 1}, in one dimension.
    let eq = try parse(#"J[x] = \frac{1}{4} \sum_{a} I[2x + a] + 0"#)
    let i = Tensor<Double>(shape: [4], storage: [1, 3, 5, 7])
    let a = Tensor<Double>(shape: [2], storage: [0, 0])
    XCTAssertThrowsError(
      try Evaluator(
        eq,
        bindings: Bindings(
          tensors: [TensorName(base: "I"): i, TensorName(base: "A"): a], outputShape: [2]))
    ) {
      // a never stands alone in a bound tensor here
      XCTAssertEqual(
        "\($0)",
        "index a has no range: bind a tensor where it stands alone or give the output shape")
    }
    let eq2 = try parse(#"J[x] = \frac{1}{4} \sum_{a} I[2x + a] A[a]"#)
    var e2 = try Evaluator(
      eq2,
      bindings: Bindings(
        tensors: [
          TensorName(base: "I"): i, TensorName(base: "A"): Tensor(shape: [2], storage: [1, 1]),
        ],
        outputShape: [2]))
    // By hand: ¼(1·1 + 3·1) = 1 and ¼(5·1 + 7·1) = 3.
    XCTAssertEqual(try e2.run().0.storage, [1, 3])
  }
}
