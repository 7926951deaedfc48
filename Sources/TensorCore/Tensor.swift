/// A dense tensor with row-major contiguous storage.
///
/// `Tensor` is a value type: copies share storage until one of them is written (copy on write,
/// through `Array`). Shapes are fixed at creation; index order follows the course notation, so
/// a layer L[b, x, y, n] has shape [B, X, Y, N].
public struct Tensor<Scalar: Sendable>: Sendable {
  /// The extent of each axis.
  public let shape: [Int]
  /// The elements in row-major order.
  public var storage: [Scalar]

  /// A tensor of the given shape filled with `value`.
  public init(shape: [Int], repeating value: Scalar) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
    self.shape = shape
    self.storage = Array(repeating: value, count: shape.reduce(1, *))
  }

  /// A tensor whose elements `initialize` writes, every one of them: no zero-fill first (the
  /// pages of a large output are then first touched by the workers that compute it).
  public init(
    shape: [Int],
    initializingWith initialize: (UnsafeMutableBufferPointer<Scalar>) -> Void
  ) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
    self.shape = shape
    let count = shape.reduce(1, *)
    self.storage = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
      initialize(buffer)
      initialized = count
    }
  }

  /// A tensor wrapping `storage`, whose count must equal the product of `shape`.
  public init(shape: [Int], storage: [Scalar]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
    precondition(
      storage.count == shape.reduce(1, *),
      "storage has \(storage.count) elements, shape \(shape) needs \(shape.reduce(1, *))")
    self.shape = shape
    self.storage = storage
  }

  /// The number of axes.
  public var rank: Int { shape.count }
  /// The number of elements.
  public var count: Int { storage.count }

  /// Row-major strides: the distance in storage between neighbours along each axis.
  public var strides: [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for axis in shape.indices.reversed() {
      strides[axis] = step
      step *= shape[axis]
    }
    return strides
  }

  /// The storage offset of an element; traps on a wrong rank or an index out of range.
  public func offset(_ indices: [Int]) -> Int {
    precondition(
      indices.count == shape.count,
      "\(indices.count) indices for a tensor of rank \(shape.count)")
    var offset = 0
    for axis in shape.indices {
      precondition(
        indices[axis] >= 0 && indices[axis] < shape[axis],
        "index \(indices[axis]) out of range 0..<\(shape[axis]) on axis \(axis)")
      offset = offset * shape[axis] + indices[axis]
    }
    return offset
  }

  /// One element, addressed by one index per axis.
  public subscript(_ indices: Int...) -> Scalar {
    get { storage[offset(indices)] }
    set { storage[offset(indices)] = newValue }
  }

  /// Applies `transform` to every element.
  public func map<T>(_ transform: (Scalar) throws -> T) rethrows -> Tensor<T> {
    Tensor<T>(shape: shape, storage: try storage.map(transform))
  }
}

extension Tensor where Scalar == Float {
  /// The same values in Double, for reference computations (every Float is exact in Double).
  public var doubles: Tensor<Double> { map { Double($0) } }

  /// A tensor of independent N(0, σ²) entries drawn from `random`.
  public static func normal(
    shape: [Int], standardDeviation: Float = 1,
    random: inout RandomStream
  ) -> Tensor {
    // The same draws as nextNormal() one by one, through the buffer fill's inlined fast path.
    let count = shape.reduce(1, *)
    var draws = [Double](repeating: 0, count: count)
    draws.withUnsafeMutableBufferPointer { random.fill($0, with: .gaussian) }
    return Tensor(shape: shape) { out in
      for i in 0..<count { out[i] = Float(draws[i]) * standardDeviation }
    }
  }
}

extension Tensor where Scalar == Double {
  /// A tensor of independent N(0, σ²) entries drawn from `random`.
  public static func normal(
    shape: [Int], standardDeviation: Double = 1,
    random: inout RandomStream
  ) -> Tensor {
    var t = Tensor(shape: shape, repeating: 0)
    t.storage.withUnsafeMutableBufferPointer { random.fill($0, with: .gaussian) }
    if standardDeviation != 1 { for i in t.storage.indices { t.storage[i] *= standardDeviation } }
    return t
  }
}

extension Tensor {
  /// Rows `range` of a tensor of rank ≥ 1 (along the first axis), copied.
  public func rows(_ range: Range<Int>) -> Tensor {
    precondition(
      rank >= 1 && range.lowerBound >= 0 && range.upperBound <= shape[0],
      "rows \(range) of a tensor of shape \(shape)")
    let size = shape.dropFirst().reduce(1, *)
    return Tensor(
      shape: [range.count] + shape.dropFirst(),
      storage: Array(storage[(range.lowerBound * size)..<(range.upperBound * size)]))
  }

  /// Tensors of equal trailing shape stacked along the first axis, in order.
  public static func stacking(rows parts: [Tensor]) -> Tensor {
    precondition(!parts.isEmpty, "nothing to stack")
    let tail = Array(parts[0].shape.dropFirst())
    precondition(
      parts.allSatisfy { Array($0.shape.dropFirst()) == tail },
      "stacked tensors differ in shape: \(parts.map(\.shape))")
    var storage: [Scalar] = []
    storage.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { storage += part.storage }
    return Tensor(shape: [parts.reduce(0) { $0 + $1.shape[0] }] + tail, storage: storage)
  }
}
