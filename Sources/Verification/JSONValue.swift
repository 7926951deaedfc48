import Foundation

/// A JSON document with ordered keys and exact integers, printed deterministically.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Equal when both serialize to the same compact text (key order matters).
  public static func == (l: JSONValue, r: JSONValue) -> Bool { l.serialized() == r.serialized() }

  /// Compact or indented JSON text. Non-finite doubles, which JSON cannot hold, become null.
  public func serialized(pretty: Bool = false, indent: String = "") -> String {
    let inner = indent + "  "
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .integer(let i): return String(i)
    case .number(let d):
      guard d.isFinite else { return "null" }
      if d == d.rounded(), abs(d) < 1e15 { return String(format: "%.1f", d) }
      return "\(d)"
    case .string(let s): return JSONValue.quote(s)
    case .array(let items):
      if items.isEmpty { return "[]" }
      let parts = items.map { $0.serialized(pretty: pretty, indent: inner) }
      return pretty
        ? "[\n" + parts.map { inner + $0 }.joined(separator: ",\n") + "\n\(indent)]"
        : "[" + parts.joined(separator: ",") + "]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      let parts = members.map { key, value in
        JSONValue.quote(key) + (pretty ? ": " : ":")
          + value.serialized(pretty: pretty, indent: inner)
      }
      return pretty
        ? "{\n" + parts.map { inner + $0 }.joined(separator: ",\n") + "\n\(indent)}"
        : "{" + parts.joined(separator: ",") + "}"
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

extension JSONValue {
  /// A member of an object, by key.
  public func member(_ key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }
}

extension Value {
  /// The value as JSON: integers stay exact, reals are numbers (null when not finite).
  public var json: JSONValue {
    switch self {
    case .integer(let i): .integer(i)
    case .real(let d): .number(d)
    case .text(let s): .string(s)
    case .bool(let b): .bool(b)
    case .list(let items): .array(items.map(\.json))
    }
  }
}
