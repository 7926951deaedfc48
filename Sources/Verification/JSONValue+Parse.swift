/// Reading JSON text back into a `JSONValue` (RFC 8259): what results.db stores as JSON (series,
/// parameters, tolerances, grades) is read by `report` this way. Keys keep their order, whole
/// numbers without a fraction or exponent stay exact integers, and any text, however damaged,
/// ends in a value or a `JSONSyntaxError` (nesting is limited, so no input can exhaust the stack).
public struct JSONSyntaxError: Error, CustomStringConvertible, Equatable {
  /// What was expected where reading stopped, e.g. "expected ',' or ']'".
  public let message: String
  /// The byte offset (from 0) where reading stopped.
  public let offset: Int

  /// "message at byte N".
  public var description: String { "\(message) at byte \(offset)" }
}

extension JSONValue {
  /// The deepest nesting of arrays and objects read.
  public static let maximumDepth = 256

  /// Parses one JSON value, with nothing but white space around it.
  /// - Complexity: O(n) in the text's UTF-8 bytes; nesting is at most `maximumDepth` deep.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    var reader = JSONReader(bytes: Array(text.utf8))
    reader.skipSpace()
    let value = try reader.value(depth: 0)
    reader.skipSpace()
    guard reader.index == reader.bytes.count else {
      throw reader.error("text after the JSON value")
    }
    return value
  }

  /// The value as an array of numbers, if it is one (integers are converted).
  public var numbers: [Double]? {
    guard case .array(let items) = self else { return nil }
    var out: [Double] = []
    out.reserveCapacity(items.count)
    for item in items {
      switch item {
      case .number(let d): out.append(d)
      case .integer(let i): out.append(Double(i))
      case .null: out.append(.nan)  // a non-finite number is stored as null
      default: return nil
      }
    }
    return out
  }

  /// The value as a string, if it is one.
  public var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The value as a number, if it is one.
  public var number: Double? {
    switch self {
    case .number(let d): d
    case .integer(let i): Double(i)
    default: nil
    }
  }
}

struct JSONReader {
  let bytes: [UInt8]
  var index = 0

  func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(message: message, offset: index)
  }

  mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard depth < JSONValue.maximumDepth else {
      throw error("nesting deeper than \(JSONValue.maximumDepth)")
    }
    guard index < bytes.count else { throw error("expected a value, found the end") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("expected a value")
    }
  }

  mutating func literal(_ word: String) throws(JSONSyntaxError) {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index..<(index + w.count)]) == w else {
      throw error("expected '\(word)'")
    }
    index += w.count
  }

  mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var members: [(String, JSONValue)] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a key")
      }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':'")
      }
      index += 1
      skipSpace()
      members.append((key, try value(depth: depth + 1)))
      skipSpace()
      guard index < bytes.count else { throw error("unclosed object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      } else {
        throw error("expected ',' or '}'")
      }
    }
  }

  mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var items: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipSpace()
      items.append(try value(depth: depth + 1))
      skipSpace()
      guard index < bytes.count else { throw error("unclosed array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      } else {
        throw error("expected ',' or ']'")
      }
    }
  }

  mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("short \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[index]
      let d: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
      default: throw error("bad hex digit in \\u escape")
      }
      v = v * 16 + d
      index += 1
    }
    return v
  }

  mutating func string() throws(JSONSyntaxError) -> String {
    index += 1  // the opening quote
    var scalars = String.UnicodeScalarView()
    var run = index  // start of a run of plain bytes
    var plain: [UInt8] = []
    func flush(_ end: Int) {
      if end > run { plain += bytes[run..<end] }
    }
    while true {
      guard index < bytes.count else { throw error("unclosed string") }
      let c = bytes[index]
      if c == UInt8(ascii: "\"") {
        flush(index)
        index += 1
        break
      }
      if c < 0x20 { throw error("control character in a string") }
      if c == UInt8(ascii: "\\") {
        flush(index)
        index += 1
        guard index < bytes.count else { throw error("unclosed escape") }
        let e = bytes[index]
        index += 1
        var scalar: Unicode.Scalar
        switch e {
        case UInt8(ascii: "\""): scalar = "\""
        case UInt8(ascii: "\\"): scalar = "\\"
        case UInt8(ascii: "/"): scalar = "/"
        case UInt8(ascii: "b"): scalar = "\u{08}"
        case UInt8(ascii: "f"): scalar = "\u{0C}"
        case UInt8(ascii: "n"): scalar = "\n"
        case UInt8(ascii: "r"): scalar = "\r"
        case UInt8(ascii: "t"): scalar = "\t"
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
              bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("lone surrogate") }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("bad surrogate pair") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let s = Unicode.Scalar(code) else { throw error("lone surrogate") }
          scalar = s
        default: throw error("unknown escape")
        }
        scalars.append(contentsOf: String(decoding: plain, as: UTF8.self).unicodeScalars)
        plain.removeAll(keepingCapacity: true)
        scalars.append(scalar)
        run = index
        continue
      }
      index += 1
    }
    // Invalid UTF-8 cannot come from a Swift String; decoding repairs it anyway.
    scalars.append(contentsOf: String(decoding: plain, as: UTF8.self).unicodeScalars)
    return String(scalars)
  }

  mutating func number() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "0"),
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
    {
      throw error("a leading zero")
    }
    func digits() -> Int {
      let s = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        index += 1
      }
      return index - s
    }
    guard digits() > 0 else { throw error("expected digits") }
    var integral = true
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      integral = false
      guard digits() > 0 else { throw error("expected digits after '.'") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      integral = false
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard digits() > 0 else { throw error("expected exponent digits") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if integral, let i = Int(text) { return .integer(i) }
    guard let d = Double(text) else { throw error("unreadable number") }
    return .number(d)
  }
}
