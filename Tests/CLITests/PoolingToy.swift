import Algebra
import Answers
import Charts
import IndexNotation
import ProblemDocument
import TensorCore
import Verification

/// A problem that exists only in the tests: the multiplies of an average-pooling layer (window
/// k × k, stride k, over B images of X × Y with C channels). Each output is the sum of its k²
/// inputs times 1/k², so the count is one multiply per output:
///
///     multiplies = B · C · X_out · Y_out,   X_out = ⌊X/k⌋, Y_out = ⌊Y/k⌋.
///
/// Its one check counts the multiplies a pooling loop executes on random shapes and compares
/// them with the formula under test; `formula` may be a wrong one, which the check must reject.
struct PoolingToy: Problem {
  static let symbols = SymbolTable([
    .init("B"), .init("C"), .init("X_out", aliases: ["Xout"]), .init("Y_out", aliases: ["Yout"]),
  ])
  static let right: Polynomial = .symbol("B") * .symbol("C") * .symbol("X_out") * .symbol("Y_out")

  var id = "toy-pool"
  var title = "Multiplies of an average-pooling layer (a test's problem)"
  var formula = PoolingToy.right
  let question = "How many multiplies does k × k average pooling with stride k take?"
  let answerFormat = "a count over B, C, X_out, Y_out, e.g. B*C*X_out*Y_out"
  let defaultTrials = 1
  var parameters: [ParameterSpec] { [] }

  func derive(_ parameters: ParameterValues) throws -> Derivation {
    Derivation(
      steps: [DerivationStep("One multiply by 1/k² per output; the window's sum is additions.")],
      answer: .polynomial(formula))
  }

  func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)? { nil }

  func grade(_ answer: String, _ derivation: Derivation, _ context: inout GradingContext) -> Grade {
    guard case .polynomial(let expected) = derivation.answer else {
      return Grade(.unreadable, feedback: ["the derivation is not a count"])
    }
    do {
      let p = try PolynomialFeedback.read(answer, symbols: Self.symbols)
      return p == expected
        ? Grade(.correct, reading: p.factoredDescription, answer: .polynomial(p), feedback: [])
        : Grade(
          .incorrect, reading: p.factoredDescription, answer: .polynomial(p),
          feedback: ["expected one multiply per output"])
    } catch {
      return .unreadable(error, in: answer, expected: answerFormat)
    }
  }

  func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    guard case .polynomial(let formula) = derivation.answer else { return [] }
    return [
      Check(
        id: "toy-pool-count", kind: .instrumented,
        summary: "multiplies counted in a pooling loop against the formula"
      ) { context in
        var derived: [Double] = []
        var counted: [Double] = []
        for _ in 0..<12 {
          let b = 1 + context.random.nextInt(below: 3)
          let c = 1 + context.random.nextInt(below: 3)
          let k = 1 + context.random.nextInt(below: 3)
          let x = k + context.random.nextInt(below: 9)
          let y = k + context.random.nextInt(below: 9)
          counted.append(Double(Self.pool(b: b, c: c, x: x, y: y, k: k)))
          let point: [String: Rational] = [
            "B": Rational(b), "C": Rational(c), "X_out": Rational(x / k), "Y_out": Rational(y / k),
          ]
          derived.append(formula.evaluate(point)?.doubleValue ?? .nan)
        }
        let agree = derived == counted
        return Measurement(
          status: agree ? .pass : .fail, expected: .real(derived.reduce(0, +)),
          measured: .real(counted.reduce(0, +)), tolerance: .exact,
          detail: "\(zip(derived, counted).filter { $0 == $1 }.count) of 12 random shapes agree",
          series: ["derived": derived, "counted": counted])
      }
    ]
  }

  /// Average pooling of a B × X × Y × C tensor of ones, counting each multiply where it runs.
  static func pool(b: Int, c: Int, x: Int, y: Int, k: Int) -> Int {
    var multiplies = 0
    let scale = 1 / Double(k * k)
    var sink = 0.0
    for _ in 0..<b {
      for _ in 0..<c {
        for ox in 0..<(x / k) {
          for oy in 0..<(y / k) {
            var sum = 0.0
            for dx in 0..<k { for dy in 0..<k { sum += Double(ox * k + dx + oy * k + dy) } }
            sink += sum * scale
            multiplies += 1
          }
        }
      }
    }
    precondition(sink.isFinite)
    return multiplies
  }

  /// Counted against derived multiplies on the diagonal, from the check's stored series.
  func figures(_ stored: FigureData) -> [Figure]? {
    guard let s = stored.check("toy-pool-count")?.series, let d = s["derived"],
      let c = s["counted"]
    else { return [] }
    var plot = Plot(
      title: "Toy: pooling multiplies counted against derived",
      xLabel: "derived", yLabel: "counted", xLog: true, yLog: true)
    plot.series = [.init(name: "random shapes", xs: d, ys: c, colour: 0, line: false)]
    return [
      Figure.diagonal(
        plot, id: "toy-pool-counts",
        caption: "Each point one random pooling shape.")
    ]
  }
}
