import Verification
import XCTest

/// The JSON reader `report` reads results.db with.
final class JSONReaderTests: XCTestCase {
  func testReadsWhatPsverifyWrites_keysInOrder_integersExact() throws {
    let value = JSONValue.object([
      ("z", .integer(9_007_199_254_740_993)),
      ("a", .array([.number(0.1), .number(-2.5e-300), .null])),
      ("s", .string("é😀\n\t\\\"\u{01}")), ("t", .bool(true)), ("o", .object([])),
    ])
    let text = value.serialized(pretty: true)
    XCTAssertEqual(try JSONValue.parse(text).serialized(pretty: true), text)
    XCTAssertEqual(
      try JSONValue.parse(#"{"a":1,"b":1.0,"c":1e2}"#).serialized(),
      #"{"a":1,"b":1.0,"c":100.0}"#)
    XCTAssertEqual(
      try JSONValue.parse(#"["\ud83d\ude00", "\u00e9"]"#), .array([.string("😀"), .string("é")]))
  }

  func testDamagedText_isALocatedErrorNeverATrap() {
    let cases: [(String, String)] = [
      ("", "expected a value, found the end at byte 0"), ("{", "expected a key at byte 1"),
      (#"{"a" 1}"#, "expected ':' at byte 5"), ("[1,]", "expected a value at byte 3"),
      (#""\ud800""#, "lone surrogate at byte 7"), ("01", "a leading zero at byte 0"),
      ("1.", "expected digits after '.' at byte 2"), ("nul", "expected 'null' at byte 0"),
      ("[1] x", "text after the JSON value at byte 4"),
      ("\"a\u{01}\"", "control character in a string at byte 2"),
    ]
    for (text, message) in cases {
      XCTAssertThrowsError(try JSONValue.parse(text), text) {
        XCTAssertEqual("\($0)", message, text)
      }
    }
    let deep = String(repeating: "[", count: 100_000)
    XCTAssertThrowsError(try JSONValue.parse(deep)) {
      XCTAssertEqual("\($0)", "nesting deeper than 256 at byte 256")
    }
  }
}
