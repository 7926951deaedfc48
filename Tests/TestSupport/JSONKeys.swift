import Verification

/// The keys that occur more than once in one object of a JSON text, as `path.key` (RFC 8259 says
/// names SHOULD be unique; readers disagree on which duplicate wins). Empty when there are none.
/// - Throws: `JSONSyntaxError` when the text is not JSON.
public func duplicateJSONKeys(_ text: String) throws -> [String] {
  var out: [String] = []
  func walk(_ value: JSONValue, _ path: String) {
    switch value {
    case .object(let members):
      var seen = Set<String>()
      for (key, member) in members {
        if !seen.insert(key).inserted { out.append(path + "." + key) }
        walk(member, path + "." + key)
      }
    case .array(let items):
      for (k, item) in items.enumerated() { walk(item, "\(path)[\(k)]") }
    default:
      break
    }
  }
  walk(try JSONValue.parse(text), "$")
  return out
}
