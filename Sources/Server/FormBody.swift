/// An `application/x-www-form-urlencoded` body read strictly: `+` is a space, `%XX` a byte, and
/// the bytes of every name and value must be UTF-8.
struct FormBody: Sendable, Equatable {
  var fields: [String: String]

  /// - Throws: `ServeError.notUTF8` when a decoded name or value is not UTF-8,
  ///   `.malformedForm` for a `%` not followed by two hexadecimal digits or a name given twice.
  /// - Complexity: O(n) in the body's length.
  static func parse(_ bytes: [UInt8]) throws(ServeError) -> FormBody {
    var fields: [String: String] = [:]
    for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
      let parts = pair.split(
        separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
      let name = try decode(parts[0])
      let value = parts.count > 1 ? try decode(parts[1]) : ""
      guard fields[name] == nil else {
        throw .malformedForm(reason: "the field '\(name)' is given twice")
      }
      fields[name] = value
    }
    return FormBody(fields: fields)
  }

  static func decode(_ raw: ArraySlice<UInt8>) throws(ServeError) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = raw.startIndex
    while i < raw.endIndex {
      let b = raw[i]
      if b == UInt8(ascii: "+") {
        out.append(UInt8(ascii: " "))
      } else if b == UInt8(ascii: "%") {
        guard i + 2 < raw.endIndex,
          let hi = hex(raw[i + 1]), let lo = hex(raw[i + 2])
        else {
          throw .malformedForm(reason: "a '%' not followed by two hexadecimal digits")
        }
        out.append(hi << 4 | lo)
        i += 2
      } else {
        out.append(b)
      }
      i += 1
    }
    guard let s = String(validating: out, as: UTF8.self) else { throw .notUTF8 }
    return s
  }

  static func hex(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
