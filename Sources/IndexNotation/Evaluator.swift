import Algebra
import Foundation
import TensorCore

/// What to do when an index expression points outside a tensor.
public enum OutOfRangePolicy: String, Sendable, CaseIterable {
  /// Stop with an error naming the tensor, the index and the value.
  case reject
  /// Read zero ("same" padding: the multiply still happens, by zero).
  case zero
}

/// An error while evaluating an equation on tensors.
public enum EvaluationError: Error, Equatable, CustomStringConvertible {
  case unboundTensor(String)
  case unboundParameter(String)
  case shapeRank(tensor: String, rank: Int, indices: Int)
  case noRange(String)
  case outOfRange(tensor: String, axis: Int, value: Int, extent: Int)
  case tooLarge(Int)
  /// An index with no value where it is read: free on the right only, or a capital that no
  /// product sums.
  case unboundIndex(String)
  /// Index arithmetic past 64 bits (`4611686018427387903x + …`).
  case indexOverflow(tensor: String, axis: Int)
  /// The output would need more elements than the evaluator allocates.
  case outputTooLarge(shape: [Int], limit: Int)
  case unsupportedFunction(String)
  /// A position read from another tensor (`e[g[b], i]`), which the evaluator does not follow.
  case gatheredIndex(tensor: String, axis: Int)

  /// A sentence naming the tensor, index or limit involved.
  public var description: String {
    switch self {
    case .unboundTensor(let t): "tensor \(t) has no value bound"
    case .unboundParameter(let p): "parameter \(p) has no value bound"
    case .shapeRank(let t, let rank, let indices):
      "\(t) is bound with rank \(rank) but used with \(indices) indices"
    case .noRange(let v):
      "index \(v) has no range: bind a tensor where it stands alone or give the output shape"
    case .outOfRange(let t, let axis, let value, let extent):
      "\(t) is read at index \(value) on axis \(axis), outside 0..<\(extent)"
    case .tooLarge(let n):
      n == Int.max
        ? "the evaluation would take more than 2⁶³ steps; the interpreter's limit is 10⁹"
        : "the evaluation would take \(n) steps, more than the interpreter's limit of 10⁹"
    case .unboundIndex(let v):
      v.first?.isUppercase == true || v.hasPrefix("Δ") && v.dropFirst().first?.isUppercase == true
        ? "capital index \(v) is not summed: it stands in no product, so it has no value"
        : "index \(v) has no value: it is free on the right-hand side only"
    case .indexOverflow(let t, let axis):
      "the index of \(t) on axis \(axis) overflows 64-bit arithmetic"
    case .unsupportedFunction(let f): "the function \(f) cannot be evaluated elementwise here"
    case .gatheredIndex(let t, let axis):
      "\(t) is read on axis \(axis) at a position taken from another tensor, not evaluated here"
    case .outputTooLarge(let shape, let limit):
      "the left-hand side would have shape \(shape), more than the interpreter's \(limit) elements"
    }
  }
}

/// The bound values an equation is evaluated with.
public struct Bindings: Sendable {
  /// The tensor bound to each name.
  public var tensors: [TensorName: Tensor<Double>]
  /// Index parameters such as the stride s.
  public var parameters: [String: Int]
  /// Scalars such as γ.
  public var scalars: [String: Double]
  /// The left-hand side's shape, when it is not bound as a tensor.
  public var outputShape: [Int]?

  /// Bindings of tensors, index parameters, scalars and, optionally, the output shape.
  public init(
    tensors: [TensorName: Tensor<Double>], parameters: [String: Int] = [:],
    scalars: [String: Double] = [:], outputShape: [Int]? = nil
  ) {
    self.tensors = tensors
    self.parameters = parameters
    self.scalars = scalars
    self.outputShape = outputShape
  }
}

/// Evaluates an equation element by element, counting the scalar multiplies it performs.
///
/// An interpreter, independent of the hand-written kernels it is compared with: for every element
/// of the left-hand side it evaluates the right, summing each product over its repeated capital
/// indices and each Σ over its listed indices.
public struct Evaluator {
  /// The equation evaluated.
  public let equation: Equation
  /// The values it is evaluated with.
  public let bindings: Bindings
  /// What reading outside a tensor does.
  public let policy: OutOfRangePolicy
  /// The range of every index variable.
  public let ranges: [IndexVariable: Int]
  var multiplies = 0

  /// An evaluator of `equation`; computes each index's range from the bound shapes.
  /// - Throws: `EvaluationError` when a tensor's rank differs from its use or an index has no
  ///   range.
  public init(_ equation: Equation, bindings: Bindings, policy: OutOfRangePolicy = .reject) throws {
    self.equation = equation
    self.bindings = bindings
    self.policy = policy
    ranges = try Evaluator.ranges(equation, bindings)
  }

  /// Ranges from bare uses in bound tensors, and from the output shape for the left side.
  static func ranges(_ eq: Equation, _ b: Bindings) throws -> [IndexVariable: Int] {
    var ranges: [IndexVariable: Int] = [:]
    let lhsShape = b.outputShape ?? b.tensors[eq.lhs.name]?.shape
    var uses: [(TensorReference, [Int])] = eq.rhsReferences.compactMap { ref in
      b.tensors[ref.name].map { (ref, $0.shape) }
    }
    if let lhsShape { uses.insert((eq.lhs, lhsShape), at: 0) }
    for (ref, shape) in uses {
      guard shape.count == ref.indices.count else {
        throw EvaluationError.shapeRank(
          tensor: ref.name.description, rank: shape.count,
          indices: ref.indices.count)
      }
      for (axis, index) in ref.indices.enumerated() {
        if let v = index.bareVariable, ranges[v] == nil { ranges[v] = shape[axis] }
      }
    }
    for ref in [eq.lhs] + eq.rhsReferences {
      for v in ref.indices.flatMap(\.variables) where ranges[v] == nil {
        throw EvaluationError.noRange(v.name)
      }
    }
    return ranges
  }

  /// The left-hand side's values and the multiplies performed to compute them.
  /// - Complexity: O(E·S) for E left-hand elements and S the product of the summed indices'
  ///   ranges; refused before starting when the bound on its steps passes `maximumSteps`.
  public mutating func run() throws -> (Tensor<Double>, multiplies: Int) {
    let free = equation.lhs.indices.map { $0.bareVariable }
    guard free.allSatisfy({ $0 != nil }) else {
      throw EvaluationError.noRange("a compound index on the left-hand side")
    }
    let freeVariables = free.map { $0! }
    let shape = freeVariables.map { ranges[$0]! }
    guard let elements = ResourceLimits.elementCount(shape), elements <= Evaluator.maximumOutput
    else {
      throw EvaluationError.outputTooLarge(shape: shape, limit: Evaluator.maximumOutput)
    }
    let steps = Evaluator.checkedSteps(equation.rhs, ranges: ranges, outer: elements)
    guard steps <= Evaluator.maximumSteps else { throw EvaluationError.tooLarge(steps) }
    var out = Tensor<Double>(shape: shape, repeating: 0)
    var env: [IndexVariable: Int] = [:]
    multiplies = 0
    for offset in 0..<out.count {
      var rest = offset
      for axis in shape.indices.reversed() {
        env[freeVariables[axis]] = rest % shape[axis]
        rest /= shape[axis]
      }
      out.storage[offset] = try value(equation.rhs, &env)
    }
    return (out, multiplies)
  }

  /// The interpreter's limits: 10⁹ steps, 2²⁶ output elements (512 MiB of doubles).
  public static let maximumSteps = 1_000_000_000
  /// The most elements the left-hand side may have: 2²⁶, 512 MiB of doubles.
  public static let maximumOutput = 1 << 26

  /// An upper bound on the interpreter's steps, to refuse runaway evaluations before starting.
  /// Saturating: a count past 2⁶³ stays at `Int.max` instead of wrapping below the limit.
  static func checkedSteps(_ e: Expression, ranges: [IndexVariable: Int], outer: Int) -> Int {
    var total = 0
    func times(_ a: Int, _ b: Int) -> Int {
      let (p, overflow) = a.multipliedReportingOverflow(by: b)
      return overflow ? Int.max : p
    }
    func visit(_ e: Expression, _ multiplier: Int, _ bound: Set<IndexVariable>) {
      switch e {
      case .tensor, .number, .scalar:
        let (t, overflow) = total.addingReportingOverflow(multiplier)
        total = overflow ? Int.max : t
      case .product(let fs):
        let summed = summedVariables(e, bound: bound)
        let m = summed.reduce(multiplier) { times($0, ranges[$1] ?? 1) }
        let inner = bound.union(summed)
        for f in fs { visit(f, m, inner) }
      case .sum(let ts): for t in ts { visit(t.term, multiplier, bound) }
      case .function(_, let inner, _): visit(inner, multiplier, bound)
      case .explicitSum(let vs, let inner, _):
        visit(inner, vs.reduce(multiplier) { times($0, ranges[$1] ?? 1) }, bound.union(vs))
      }
    }
    visit(e, outer, [])
    return total
  }

  /// Capital variables of a product not bound outside it: the ones it sums over.
  static func summedVariables(_ e: Expression, bound: Set<IndexVariable>) -> [IndexVariable] {
    var seen: [IndexVariable] = []
    for ref in e.references {
      for v in ref.indices.flatMap(\.variables)
      where v.isCapital && !bound.contains(v)
        && !seen.contains(v)
      {
        seen.append(v)
      }
    }
    return seen
  }

  mutating func value(_ e: Expression, _ env: inout [IndexVariable: Int]) throws -> Double {
    switch e {
    case .tensor(let ref): return try read(ref, env)
    case .number(let r, _): return r.doubleValue
    case .scalar(let s, _):
      if let v = bindings.scalars[s] { return v }
      // A size symbol (T in \frac{1}{T}) is the range of its index.
      if let (_, range) = ranges.first(where: { $0.key.rangeSymbol == s }) { return Double(range) }
      throw EvaluationError.unboundParameter(s)
    case .product(let factors):
      let summed = Evaluator.summedVariables(e, bound: Set(env.keys))
      var total = 0.0
      try Evaluator.enumerate(summed[...], ranges, &env) { env in
        var p = try value(factors[0], &env)
        for f in factors.dropFirst() {
          p *= try value(f, &env)
          multiplies += 1
        }
        total += p
      }
      return total
    case .sum(let terms):
      var total = 0.0
      for t in terms { total += Double(t.sign) * (try value(t.term, &env)) }
      return total
    case .function(let name, let inner, _):
      let x = try value(inner, &env)
      switch name {
      case "σ": return 1 / (1 + exp(-x))
      case "ReLU": return max(0, x)
      case "tanh": return tanh(x)
      case "exp": return exp(x)
      case "log", "ln": return log(x)
      case "1/": return 1 / x
      default: throw EvaluationError.unsupportedFunction(name)
      }
    case .explicitSum(let vars, let inner, _):
      var total = 0.0
      try Evaluator.enumerate(vars.filter { env[$0] == nil }[...], ranges, &env) { env in
        total += try value(inner, &env)
      }
      return total
    }
  }

  /// Runs `body` for every assignment of `vars` over their ranges, then unbinds them.
  static func enumerate(
    _ vars: ArraySlice<IndexVariable>, _ ranges: [IndexVariable: Int],
    _ env: inout [IndexVariable: Int],
    _ body: (inout [IndexVariable: Int]) throws -> Void
  ) throws {
    guard let first = vars.first else { return try body(&env) }
    for i in 0..<(ranges[first] ?? 0) {
      env[first] = i
      try enumerate(vars.dropFirst(), ranges, &env, body)
    }
    env[first] = nil
  }

  func read(_ ref: TensorReference, _ env: [IndexVariable: Int]) throws -> Double {
    guard let t = bindings.tensors[ref.name] else {
      throw EvaluationError.unboundTensor(ref.name.description)
    }
    var offset = 0
    for (axis, index) in ref.indices.enumerated() {
      // A position read from another tensor (`e[g[b], i]`) is not an affine sum of its terms.
      guard index.gathered.isEmpty else {
        throw EvaluationError.gatheredIndex(tensor: ref.name.description, axis: axis)
      }
      var v = 0
      for term in index.terms {
        var c = term.coefficient
        var overflow = false
        for p in term.parameters {
          guard let value = bindings.parameters[p] else {
            throw EvaluationError.unboundParameter(p)
          }
          (c, overflow) = c.multipliedReportingOverflow(by: value)
          if overflow {
            throw EvaluationError.indexOverflow(tensor: ref.name.description, axis: axis)
          }
        }
        var x = 1
        if let variable = term.variable {
          guard let bound = env[variable] else { throw EvaluationError.unboundIndex(variable.name) }
          x = bound
        }
        let (product, o1) = c.multipliedReportingOverflow(by: x)
        let (sum, o2) = v.addingReportingOverflow(product)
        if o1 || o2 {
          throw EvaluationError.indexOverflow(tensor: ref.name.description, axis: axis)
        }
        v = sum
      }
      let extent = t.shape[axis]
      if v < 0 || v >= extent {
        if policy == .zero { return 0 }
        throw EvaluationError.outOfRange(
          tensor: ref.name.description, axis: axis, value: v,
          extent: extent)
      }
      offset = offset * extent + v
    }
    return t.storage[offset]
  }
}

extension Equation {
  /// The scalar multiplies a direct evaluation performs, as a polynomial in the range symbols
  /// (x → X, ΔX → ΔX, n_out → N_out): each product of k factors costs k − 1 multiplies for every
  /// assignment of the indices around and inside it.
  public var multiplyCount: Polynomial {
    func count(_ e: Expression, _ bound: Set<IndexVariable>) -> Polynomial {
      switch e {
      case .tensor, .number, .scalar: return Polynomial()
      case .product(let fs):
        let summed = Evaluator.summedVariables(e, bound: bound)
        let inner = Set(summed).union(bound)
        var perAssignment = Polynomial(Rational(fs.count - 1))
        for f in fs { perAssignment = perAssignment + count(f, inner) }
        return summed.reduce(perAssignment) { $0 * .symbol($1.rangeSymbol) }
      case .sum(let ts): return ts.reduce(Polynomial()) { $0 + count($1.term, bound) }
      case .function(_, let inner, _): return count(inner, bound)
      case .explicitSum(let vs, let inner, _):
        let fresh = vs.filter { !bound.contains($0) }
        return fresh.reduce(count(inner, bound.union(vs))) { $0 * .symbol($1.rangeSymbol) }
      }
    }
    let free = lhs.indices.flatMap(\.variables)
    return free.reduce(count(rhs, Set(free))) { $0 * .symbol($1.rangeSymbol) }
  }
}
