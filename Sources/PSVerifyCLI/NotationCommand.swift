import Algebra
import ArgumentParser
import Foundation
import IndexNotation
import TensorCore
import Verification

/// `psverify notation "<equation>"`: read, check, count and (with shapes) evaluate an equation.
struct NotationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notation",
    abstract: "Read an equation in the course's index notation: defects, indices, multiply count.",
    discussion: """
      The equation may be written in Unicode (σ, Δ, ℓ, ←) or in LaTeX as the problem set prints it. \
      Exit codes: 0 no defects found; 1 diagnostics found; 2 the equation cannot be read.
      """)

  @Argument(help: "The equation, e.g. \"L′[b,x,y,j] = σ(W[j,ΔX,ΔY,I] L[b,x+ΔX,y+ΔY,I] − B[j])\".")
  var equation: String

  @Option(
    name: .customLong("shape"),
    help: ArgumentHelp(
      "Bind a tensor's shape (repeatable), e.g. L=2,8,8,3.",
      valueName: "NAME=d1,d2,…"))
  var shapes: [String] = []

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp("Bind an index parameter (repeatable), e.g. s=2.", valueName: "NAME=N"))
  var params: [String] = []

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Option(
    help: "Seed of the random tensors used to count multiplies during evaluation.",
    transform: RunOptions.parseSeed)
  var seed: UInt64 = RunOptions.defaultSeed

  func run() throws {
    guard format != .markdown else {
      throw UsageError(message: "notation prints text or json; markdown is for run reports")
    }
    let parameters = try parseParameters()
    var parser = Parser(equation, parameters: Set(parameters.keys).union(["s"]))
    let eq: Equation
    do {
      eq = try parser.parseEquation()
    } catch {
      throw UsageError(
        message: "cannot read the equation: \(error.diagnostic.message) at "
          + "\(error.diagnostic.position)\n\(error.diagnostic.excerpt)")
    }
    let boundShapes = try parseShapes(parameters: parameters)
    let diagnostics = parser.diagnostics + Checker.check(eq, shapes: boundShapes)
    let count = eq.multiplyCount
    let (countValue, evaluationNote) = evaluateCount(
      eq, shapes: boundShapes, parameters: parameters)
    let free = eq.freeIndices.map(\.name)
    let summed = summedIndices(eq)
    switch format {
    case .json:
      var members: [(String, JSONValue)] = [
        ("equation", .string(eq.description)),
        ("free", .array(free.map { .string($0) })),
        ("summed", .array(summed.map { .string($0) })),
        (
          "diagnostics",
          .array(
            diagnostics.map { d in
              .object([
                ("kind", .string(d.kind.rawValue)), ("message", .string(d.message)),
                ("line", .integer(d.position.line)), ("column", .integer(d.position.column)),
              ])
            })
        ),
        ("count", .string(count.description)),
        ("count_latex", .string(count.latex)),
      ]
      if let countValue { members.append(("count_value", .integer(countValue))) }
      if let evaluationNote { members.append(("evaluation", .string(evaluationNote))) }
      print(JSONValue.object(members).serialized(pretty: true))
    default:
      print("equation  \(eq)")
      print("free      \(free.isEmpty ? "none" : free.joined(separator: ", "))")
      print("summed    \(summed.isEmpty ? "none" : summed.joined(separator: ", "))")
      print("multiplies \(count)" + (countValue.map { " = \($0) for the bound shapes" } ?? ""))
      if let evaluationNote { print("          \(evaluationNote)") }
      if diagnostics.isEmpty {
        print("no defects found")
      } else {
        print("\(diagnostics.count) diagnostic(s):")
        for d in diagnostics {
          print("\(d.position): \(d.kind.rawValue): \(d.message)\n\(d.excerpt)")
        }
      }
    }
    if !diagnostics.isEmpty { throw ExitCode(1) }
  }

  func summedIndices(_ eq: Equation) -> [String] {
    let lhs = Set(eq.lhs.indices.flatMap(\.variables))
    var seen: [String] = []
    func visit(_ e: IndexNotation.Expression) {
      switch e {
      case .explicitSum(let vars, let inner, _):
        for v in vars where !seen.contains(v.name) { seen.append(v.name) }
        visit(inner)
      case .product(let fs): fs.forEach(visit)
      case .sum(let ts): for t in ts { visit(t.term) }
      case .function(_, let inner, _): visit(inner)
      case .tensor(let t):
        for v in t.indices.flatMap(\.variables)
        where v.isCapital && !lhs.contains(v)
          && !seen.contains(v.name)
        {
          seen.append(v.name)
        }
      case .number, .scalar: break
      }
    }
    visit(eq.rhs)
    return seen
  }

  func parseParameters() throws -> [String: Int] {
    var out: [String: Int] = [:]
    for p in params {
      let parts = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(
        String.init)
      guard parts.count == 2, !parts[0].isEmpty, RunOptions.digits(parts[1]), let n = Int(parts[1]),
        n >= 1, n <= 1_000_000
      else {
        throw UsageError(
          message:
            "invalid --param '\(p)': expected NAME=N with N a whole number from 1 to 1000000, e.g. s=2"
        )
      }
      out[parts[0]] = n
    }
    return out
  }

  func parseShapes(parameters: [String: Int]) throws -> [TensorName: [Int]] {
    var out: [TensorName: [Int]] = [:]
    for s in shapes {
      guard let eq = s.lastIndex(of: "="), eq != s.startIndex else {
        throw UsageError(message: "invalid --shape '\(s)': expected NAME=d1,d2,…, e.g. L=2,8,8,3")
      }
      var parser = Parser(String(s[..<eq]))
      let name: TensorName
      do {
        name = try parser.parseTensorName()
      } catch {
        throw UsageError(
          message: "invalid --shape '\(s)': the name cannot be read (\(error.diagnostic.message))")
      }
      let dims = s[s.index(after: eq)...].split(separator: ",", omittingEmptySubsequences: false)
        .map {
          RunOptions.digits(String($0)) ? Int($0) : nil
        }
      guard !dims.isEmpty, dims.allSatisfy({ $0 != nil && $0! >= 1 && $0! <= 1 << 20 }) else {
        throw UsageError(
          message: "invalid --shape '\(s)': expected extents from 1 to 1048576 separated by commas")
      }
      out[name] = dims.map { $0! }
    }
    // Every bound tensor is allocated (as doubles): refuse before allocating past the limit.
    let elements = ResourceLimits.saturatingSum(out.values.map(ResourceLimits.saturatingProduct))
    if elements > NotationCommand.maximumElements {
      throw UsageError(
        message: "the shapes hold \(elements == Int.max ? "more than 2⁶³" : String(elements)) "
          + "elements in all; psverify notation evaluates on up to \(NotationCommand.maximumElements) "
          + "(\((NotationCommand.maximumElements * 8) >> 20) MiB): bind smaller shapes")
    }
    return out
  }

  /// 2²⁶ doubles: 512 MiB of bound tensors at most.
  static let maximumElements = 1 << 26

  /// Evaluates the equation on random tensors of the bound shapes and counts the multiplies the
  /// interpreter performs; nil when not every tensor on the right is bound.
  func evaluateCount(_ eq: Equation, shapes: [TensorName: [Int]], parameters: [String: Int])
    -> (Int?, String?)
  {
    guard !shapes.isEmpty else { return (nil, nil) }
    var random = RandomStream(seed: seed).split("notation")
    var tensors: [TensorName: Tensor<Double>] = [:]
    for ref in eq.rhsReferences {
      guard let shape = shapes[ref.name] else {
        return (nil, "not evaluated: bind the shape of \(ref.name) too")
      }
      if tensors[ref.name] == nil { tensors[ref.name] = .normal(shape: shape, random: &random) }
    }
    let scalars = Dictionary(uniqueKeysWithValues: scalarNames(eq.rhs).map { ($0, 1.0) })
    do {
      var evaluator = try Evaluator(
        eq,
        bindings: Bindings(
          tensors: tensors, parameters: parameters, scalars: scalars,
          outputShape: shapes[eq.lhs.name]),
        policy: .zero)
      let (_, counted) = try evaluator.run()
      let point = Dictionary(
        evaluator.ranges.map { ($0.key.rangeSymbol, Rational($0.value)) },
        uniquingKeysWith: { a, _ in a })
      let derived = eq.multiplyCount.evaluate(point)
      let agree = derived == Rational(counted)
      return (
        counted,
        "counted while evaluating on random tensors (zeros read outside a tensor); "
          + "the polynomial gives \(derived.map(\.description) ?? "no value")"
          + (agree ? ", the same" : " — THEY DIFFER")
      )
    } catch {
      return (nil, "not evaluated: \(error)")
    }
  }

  func scalarNames(_ e: IndexNotation.Expression) -> [String] {
    switch e {
    case .scalar(let s, _): [s]
    case .product(let fs): fs.flatMap(scalarNames)
    case .sum(let ts): ts.flatMap { scalarNames($0.term) }
    case .function(_, let i, _), .explicitSum(_, let i, _): scalarNames(i)
    case .tensor, .number: []
    }
  }
}
