import Algebra
import Answers
import Foundation
import ImageIO
import IndexNotation
import ProblemDocument
import TensorCore
import Verification

/// One entry per text reader, each total: whatever the bytes, it returns (errors are values);
/// a trap, a hang or a memory error is a bug. The libFuzzer harness (Fuzz/) calls these, and
/// `swift test` replays the seed corpus and every crash ever found through them.
public enum FuzzTargets {
  public static let names = [
    "equation", "answer", "document", "sheet", "netpbm", "parameter", "json",
  ]

  /// Runs target `name` on `data`; false for an unknown name.
  @discardableResult
  public static func run(_ name: String, _ data: Data) -> Bool {
    switch name {
    case "equation": equation(data)
    case "answer": answer(data)
    case "document": document(data)
    case "sheet": sheet(data)
    case "netpbm": netpbm(data)
    case "parameter": parameter(data)
    case "json": json(data)
    default: return false
    }
    return true
  }

  /// The JSON reader `report` reads results.db with: whatever it accepts prints back to text that
  /// reads back to the same value (a round trip that changed anything would trap here).
  public static func json(_ data: Data) {
    guard let value = try? JSONValue.parse(text(data)) else { return }
    let printed = value.serialized()
    guard let again = try? JSONValue.parse(printed) else {
      preconditionFailure("psverify's own JSON did not read back: \(printed.prefix(200))")
    }
    precondition(again.serialized() == printed, "JSON round trip changed \(printed.prefix(200))")
  }

  static func text(_ data: Data) -> String { String(decoding: data.prefix(1 << 16), as: UTF8.self) }

  /// The notation engine: parse (both spellings, answer aliases on and off), check, count, print,
  /// and evaluate on tiny tensors when the equation is small.
  public static func equation(_ data: Data) {
    let source = text(data)
    for aliases in [false, true] {
      var parser = Parser(source, parameters: ["s", "p"], aliases: aliases)
      guard let eq = try? parser.parseEquation() else { continue }
      _ = Checker.check(eq)
      _ = eq.multiplyCount.description
      _ = eq.latex
      _ = eq.mathML
      var shapes: [TensorName: Tensor<Double>] = [:]
      var random = RandomStream(seed: 1)
      for ref in eq.rhsReferences where shapes[ref.name] == nil && ref.indices.count <= 6 {
        shapes[ref.name] = .normal(
          shape: Array(repeating: 2, count: ref.indices.count), random: &random)
      }
      let bindings = Bindings(
        tensors: shapes, parameters: ["s": 2, "p": 1],
        outputShape: Array(repeating: 2, count: min(eq.lhs.indices.count, 6)))
      if var evaluator = try? Evaluator(eq, bindings: bindings, policy: .zero) {
        _ = try? evaluator.run()
      }
    }
    var expression = Parser(source)
    _ = try? expression.parseExpression()
  }

  /// Answers as people type them: every reading, over open and closed symbol tables.
  public static func answer(_ data: Data) {
    let source = text(data)
    _ = try? ScalarExpression.evaluate(source)
    _ = try? PolynomialParser.polynomial(source)
    _ = try? PolynomialParser.inequality(source)
    guard let parts = try? AnswerParser.parse(source) else { return }
    let closed = SymbolTable([
      .init("N"), .init("N_bottle", aliases: ["Nb"]), .init("L"), .init("ℓ", aliases: ["l"]),
    ])
    for part in parts.parts {
      for table in [SymbolTable.open, closed] {
        if let comparisons = try? ConditionReading.comparisons(part, symbols: table, text: source) {
          for c in comparisons {
            for symbol in ["N_bottle", "L", "x"] {
              if let solved = try? ConditionReading.solve(
                c, for: symbol, positive: ["N", "N_bottle", "L", "x"])
              {
                _ = solved.holds(["N": 3, "N_bottle": 2, "L": 4, "x": 5])
              }
            }
          }
        }
        for chain in part.conjuncts {
          for operand in chain.operands {
            if let p = try? AnswerReading.polynomial(operand, symbols: table, text: source) {
              _ = p.compare(to: Polynomial.symbol("N"))
              _ = p.factoredDescription
              _ = p.mathML
            }
            _ = try? AnswerReading.scalar(operand, text: source)
            _ = try? AnswerReading.power(
              operand, bases: ["γ", "gamma"], shown: "γ", symbols: table, text: source)
          }
        }
      }
    }
  }

  /// A problem-set document read and audited whole (spelling aside: it runs hunspell).
  public static func document(_ data: Data) {
    let doc = ProblemSetDocument(text: text(data), name: "fuzz.md")
    let report = Auditor.audit(doc, spelling: false)
    for f in report.findings { _ = f.excerpt }
  }

  public static func sheet(_ data: Data) {
    _ = try? AnswerSheet.parse(text(data))
  }

  public static func netpbm(_ data: Data) {
    _ = try? Netpbm.parse(data.prefix(1 << 20), path: "fuzz.ppm")
  }

  static let specs = [
    ParameterSpec("N", "n", domain: .integer(1...4096), default: .integer(8)),
    ParameterSpec("g", "γ", domain: .real(-10...10), default: nil),
    ParameterSpec("c", "choice", domain: .choice(["same", "valid"]), default: .choice("same")),
    ParameterSpec("p", "path", domain: .path, default: nil),
  ]

  public static func parameter(_ data: Data) {
    let source = text(data)
    for spec in specs { _ = try? spec.parse(source) }
  }
}
