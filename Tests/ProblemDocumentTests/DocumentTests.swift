import Foundation
import IndexNotation
import ProblemDocument
import ShippedProblemSet
import XCTest

/// Reading a problem set: problems, parts and solutions by their markers, math with positions.
final class DocumentTests: XCTestCase {
  let shipped = ProblemSetDocument(text: ShippedProblemSet.text, name: ShippedProblemSet.fileName)

  func testShippedSet_itemsSectionsAndFragmentsWhereTheyStand() throws {
    XCTAssertEqual(shipped.items.map(\.id), ["1", "2", "3a", "3b", "3c", "4"])
    XCTAssertEqual(
      shipped.sections.map(\.label),
      [
        "preamble", "problem 1, statement", "problem 1, solution", "problem 2, statement",
        "problem 2, solution", "problem 3, statement", "problem 3a, statement",
        "problem 3a, solution",
        "problem 3b, statement", "problem 3b, solution", "problem 3c, statement",
        "problem 3c, solution",
        "problem 4, statement", "problem 4, solution",
      ])
    // 3b's statement is problem 3's shared text, then the part's own.
    let b = try XCTUnwrap(shipped.item("3b"))
    XCTAssertEqual(
      b.statements.map { shipped.sections[$0].label },
      ["problem 3, statement", "problem 3b, statement"])
    // Problem 2's printed equation: a display fragment on line 19, after its "$$".
    let equation = try XCTUnwrap(shipped.fragments(in: b.statements).first { $0.display })
    XCTAssertEqual(equation.location.line, 23)
    let two = shipped.fragments(in: shipped.item("2")!.solutions)
    XCTAssertEqual(two.map { "\($0.location)" }, ["line 19, column 3"])
    XCTAssertTrue(two[0].text.hasPrefix(#"L_{\ell+1}[b, x, y, t, n_{\text{out}}] = \sigma("#))
    // Tensors written in prose without dollars are read too: M[I, J] in the preamble.
    XCTAssertEqual(
      shipped.sections[0].fragments.filter(\.bare).map(\.text).prefix(2), ["M[I, J]", "M[i, j]"])
    XCTAssertTrue(shipped.readingIssues.isEmpty)
  }

  func testMarkers_everyStyleTheSetUses() {
    let text = """
      **Problem 1.** Q one.
      #### **Solution:**
      A one.
      **Problem 2:** Q two.
      #### Solution:
      A two.
      **Problem 3.** Shared.
      (a) Part a.
      **Solution**: A three a.
      (b) Part b.
      # Solution: A three b.
      **Problem 4:** Q four.
      ## **Solution**:
      A four.
      """
    let doc = ProblemSetDocument(text: text, name: "m.md")
    XCTAssertEqual(doc.items.map(\.id), ["1", "2", "3a", "3b", "4"])
    for item in doc.items {
      XCTAssertEqual(item.solutions.count, 1, item.id)
      XCTAssertTrue(doc.text(of: doc.sections[item.solutions[0]]).contains("A "), item.id)
    }
  }

  func testFragments_readAsWhatTheyAre() {
    func kind(_ text: String) -> String {
      switch FragmentReader.content(text) {
      case .equations(let e): "equations \(e.count)"
      case .expression: "expression"
      case .comparisons: "comparisons"
      case .sizeEquality(let n): "sizes \(n)"
      case .nameList(let n): "names \(n)"
      case .formula(let s, let p): "formula \(s) \(p == nil ? "-" : "poly")"
      case .unreadable(let m, _): "unreadable: \(m)"
      }
    }
    XCTAssertEqual(kind(#"\bar{g}[b, j] = \frac{1}{T} \sum_{t} g_t[b, j]"#), "equations 1")
    XCTAssertEqual(kind(#"h[b, j] = \tanh(W^{Q}[j, I] x[b, I] - B^{h}[j])"#), "equations 1")
    XCTAssertEqual(kind(#"g[b, j] = (1 - z[b, j]) c[b, j]"#), "equations 1")
    XCTAssertEqual(kind(#"r[i] = \frac{\partial \mathcal{L}}{\partial w[i]}"#), "equations 1")
    XCTAssertEqual(kind(#"s[b, t_1, t_2] = Q[b, t_1, D] K[b, t_2, D]"#), "equations 1")
    XCTAssertEqual(kind(#"w'[i] = w[i] - \alpha r[i]"#), "equations 1")
    XCTAssertEqual(kind(#"L_{0,s}[b, x, y, c] = I_s[b, x, y, c]."#), "equations 1")
    XCTAssertEqual(kind(#"\begin{split} a[i] &= b[i] \\ c[i] &= d[i] \end{split}"#), "equations 2")
    XCTAssertEqual(kind(#"e[w,I]^{\top}h[t,I]"#), "expression")
    XCTAssertEqual(kind(#"N_{\text{in}} = N_{\text{out}} = N"#), #"sizes ["N_in", "N_out", "N"]"#)
    XCTAssertEqual(kind(#"B, X, \Delta X"#), #"names ["B", "X", "ΔX"]"#)
    XCTAssertEqual(kind(#"0 \le s \le k"#), "comparisons")
    XCTAssertEqual(kind(#"2^{k-\ell-s}"#), #"formula ["k", "ℓ", "s"] -"#)
    XCTAssertEqual(kind(#"BXY \Delta X"#), #"formula ["B", "X", "Y", "ΔX"] poly"#)
    XCTAssertEqual(kind(#"1/\sqrt{2}"#), "formula [] -")
    XCTAssertTrue(kind("x[i] = ").hasPrefix("unreadable"))
  }

  func testHostileText_endsWithAReadingOrAnError() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "psverify-doc-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    func file(_ bytes: [UInt8]) -> String {
      let path = directory.appendingPathComponent(UUID().uuidString).path
      _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
      return path
    }
    XCTAssertThrowsError(try ProblemSetDocument.read(path: file([65, 0, 66]))) {
      XCTAssertEqual($0 as? DocumentError, .binary(path: ($0 as! DocumentError).path, offset: 1))
    }
    XCTAssertThrowsError(try ProblemSetDocument.read(path: file([65, 66, 0xff, 67]))) {
      guard case .notUTF8(_, 2) = $0 as? DocumentError else { return XCTFail("\($0)") }
    }
    XCTAssertThrowsError(try ProblemSetDocument.read(path: directory.path))
    let unbalanced = ProblemSetDocument(
      text: "**Problem 1.** Let $x[i] be.\n\nNext $y$.\n", name: "u.md")
    XCTAssertEqual(unbalanced.readingIssues.map(\.message), ["an opening $ is never closed"])
    // The text after the unclosed $ is prose again: its bare x[i] and the next $y$ are read.
    XCTAssertEqual(unbalanced.sections[1].fragments.map(\.text), ["x[i]", "y"])
    let none = ProblemSetDocument(text: "just words", name: "n.md")
    XCTAssertEqual(none.items.count, 0)
    XCTAssertEqual(Auditor.audit(none, spelling: false).findings.count, 0)
  }

  func testSHA256_knownVectors() {
    XCTAssertEqual(
      SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    XCTAssertEqual(
      SHA256.hex(Array("abc".utf8)),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }
}

extension DocumentError {
  var path: String {
    switch self {
    case .unreadable(let p, _), .binary(let p, _), .notUTF8(let p, _), .tooLarge(let p, _, _): p
    }
  }
}
