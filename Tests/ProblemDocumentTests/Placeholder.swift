import XCTest
import ProblemDocument
import ShippedProblemSet

final class ScratchTests: XCTestCase {
  func testScratch() {
    let doc = ProblemSetDocument(text: ShippedProblemSet.text, name: ShippedProblemSet.fileName)
    for (i, s) in doc.sections.enumerated() {
      print("SECTION \(i) \(s.label) at \(s.start)")
      for f in s.fragments { print("   F\(f.bare ? "b" : f.display ? "D" : "i") \(f.location): \(f.text.prefix(70))") }
    }
    for item in doc.items { print("ITEM \(item.id) st=\(item.statements) sol=\(item.solutions)") }
    print(doc.readingIssues)
  }
}
