import Foundation
import ProblemDocument
import ShippedProblemSet
import XCTest

/// The audit's rules on a document with planted defects and on the shipped set.
final class AuditTests: XCTestCase {
  func fixture(_ name: String) throws -> ProblemSetDocument {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/\(name)")
    return try ProblemSetDocument.read(path: url.path)
  }

  func spellingAvailable() -> Bool { (try? Spelling.misspelt(["word"])) != nil }

  /// Each planted defect is found at its place, and nothing on the correct parts (a recurrent
  /// layer with \tanh and superscripted weights, a gated unit with 1 − z, \frac{1}{T}, \alpha,
  /// \mathcal{L} and \partial, attention with t_1 and t_2, a correct multiply count).
  func testPlantedDefects_eachFoundAtItsPlace_andNothingElse() throws {
    let report = Auditor.audit(try fixture("planted.md"), spelling: spellingAvailable())
    var expected = [
      "role-clash 27:139",  // B the batch size and B the thresholds
      "threshold-sign 27:199",  // σ(W v + B)
      "unsummed-capital 27:281",  // 1/B y[B, j]: B stands once, nothing sums it
      "redundant-sum 27:326",  // Σ_I over a repeated capital
      "rank-mismatch 27:359",  // v[b, I] and v[b, t, I]
      "missing-comma 27:395",  // F[j ΔX, I]
      "undefined-name 27:435",  // q[j], never introduced
      "count-disagreement 33:16",  // BJI + BJ against BIJ
    ]
    // recieve, seperate
    if spellingAvailable() { expected += ["spelling 27:239", "spelling 27:295"] }
    let found = report.findings.map {
      "\($0.kind.rawValue) \($0.location.line):\($0.location.column)"
    }
    XCTAssertEqual(
      found.sorted(), expected.sorted(), report.findings.map(\.message).joined(separator: "\n"))
    // The correct count question is solved and agrees.
    XCTAssertEqual(report.counts.map { "\($0.item) \($0.agrees)" }, ["1 true", "4 false"])
  }

  /// The shipped set: every notation finding 0.1.0 typed by hand, now derived, plus what only a
  /// document-wide view finds, each at its line and column.
  func testShippedSet_findingsAtTheirPlaces() {
    let doc = ProblemSetDocument(text: ShippedProblemSet.text, name: ShippedProblemSet.fileName)
    let report = Auditor.audit(doc, spelling: false)
    let found = report.findings.map {
      "\($0.kind.rawValue) \($0.item ?? "-") \($0.location.line):\($0.location.column)"
    }
    XCTAssertEqual(
      found,
      [
        "role-clash 1 9:189",  // B: thresholds B[n_out] and the batch size B
        "index-lists 2 19:3",  // L_{ℓ+1}[…, j] in the question, […, n_out] in the solution
        "missing-comma 2 19:76",  // n_out\Delta X
        "index-lists 2 19:120",  // L_ℓ[…, I] in the question, […, N_in] in the solution
        "border-rule 2 19:132",  // offsets' ranges and border unstated
        "role-clash 2 19:194",  // B: a capital index in the question, a tensor in the solution
        "missing-subscript 2 19:194",  // B[n_out] beside K_{ℓ+1}
        "role-clash 3a 25:168",  // L: the number of layers and the layers L_ℓ
        "missing-subscript 3b 35:80",  // \hat{L}[n]
        "undefined-name 3b 35:200",  // h[ℓ+1, j]
        "rank-mismatch 4 47:146",  // I_s[x,y,c]
        "index-lists 4 47:353",  // I_s[b,x,y,i] beside I_s[b,x,y,c]
        "input-letter 4 59:90",  // inputs written with the output's j
        "rank-mismatch 4 63:131",  // L_{ℓ,s+1}[…, i, j]
        "border-rule 4 63:146",  // offsets' ranges and border unstated
        "rank-mismatch 4 63:262",  // L_{ℓ,s}[…, i, j]
        "threshold-sign 4 63:323",  // + B_{ℓ+1}[j]
      ])
    XCTAssertEqual(
      report.counts.map { "\($0.item) \($0.perApplication) × \($0.applications!)" },
      ["3a 2·N·N_bottle × L − 1"])
    // σ is never said (the notation's activation): noted where it is applied, not a finding.
    XCTAssertEqual(
      report.notes.filter { $0.contains("σ is applied") }.map { $0.prefix { $0 != ")" } },
      ["problem 2 (line 19, column 44", "problem 4 (line 63, column 27"])
  }

  func testShippedSet_spelling() throws {
    try XCTSkipUnless(spellingAvailable(), "hunspell with an English dictionary is not installed")
    let doc = ProblemSetDocument(text: ShippedProblemSet.text, name: ShippedProblemSet.fileName)
    let words = Auditor.audit(doc).findings.filter { $0.kind == .spelling }.map(\.message)
    XCTAssertEqual(
      words.map { $0.split(separator: "'")[0] },
      ["indeces", "collumn", "indeces", "botleneck", "assummed", "dimentions"])
  }

  func testSpellingWords_skipMarkupAcronymsAndNames() {
    XCTAssertEqual(
      Spelling.words("the *i*th row of an MLP, n_out and x1 at https://a.b/c psverify's").map(
        \.word),
      ["the", "ith", "row", "of", "an", "and", "at", "psverify"])
  }
}
