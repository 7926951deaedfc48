import XCTest

@testable import Server

/// Token comparison, HMAC (against RFC 4231's published vectors) and the form reader.
final class SecretsTests: XCTestCase {
  func testEqual_comparesWholeStrings() {
    XCTAssertTrue(Secrets.equal("abc", "abc"))
    XCTAssertFalse(Secrets.equal("abc", "abd"))
    XCTAssertFalse(Secrets.equal("abc", "ab"))
    XCTAssertFalse(Secrets.equal("ab", "abc"))
    XCTAssertFalse(Secrets.equal("", "a"))
    XCTAssertTrue(Secrets.equal("", ""))
  }

  func testHMAC_matchesRFC4231() {
    // Test case 2: key "Jefe".
    XCTAssertEqual(
      Secrets.hmac(key: Array("Jefe".utf8), "what do ya want for nothing?"),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    // Test case 6: a 131-byte key (hashed first).
    XCTAssertEqual(
      Secrets.hmac(
        key: [UInt8](repeating: 0xaa, count: 131),
        "Test Using Larger Than Block-Size Key - Hash Key First"),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
  }

  func testForm_decodesPlusPercentAndUTF8() throws {
    let f = try FormBody.parse(Array("answer=%CE%B3+%3D+1%2F%E2%88%9A2&csrf=ab&empty=".utf8))
    XCTAssertEqual(f.fields["answer"], "γ = 1/√2")
    XCTAssertEqual(f.fields["csrf"], "ab")
    XCTAssertEqual(f.fields["empty"], "")
    XCTAssertThrowsError(try FormBody.parse(Array("a=%4".utf8)))
    XCTAssertThrowsError(try FormBody.parse(Array("a=1&a=2".utf8)))
    XCTAssertThrowsError(try FormBody.parse(Array("a=%ED%A0%80".utf8)))  // a UTF-16 surrogate
  }
}
