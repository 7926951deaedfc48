import Foundation
import IndexNotation
import TensorCore
import Verification

/// The key that groups answers by meaning: two answers share a key exactly when they have the
/// same verdict, the same convention and the same typed answer after reading.
///
/// - a count or an exponent: the polynomial, expanded (equal polynomials, equal keys);
/// - a condition: its inequalities each solved for their symbol, sorted (equal regions);
/// - a number: the exact surd in lowest terms (√2/2 and 1/√2 alike);
/// - an equation: its values on fixed random tensors bound by name, to 6 significant digits
///   (equal on those trials, whatever the index letters or factor order); every correct
///   equation of a problem equals the grader's kernel on its own trials, so the correct ones
///   share the key of their convention;
/// - an unreadable answer: its first diagnostic without the position.
///
/// The verdict leads the key, so a right answer never shares a group with a wrong one.
public enum AnswerKey {
  /// The key of a grade: `verdict|convention|` then the meaning above.
  public static func of(_ grade: Grade) -> String {
    let head = grade.verdict.rawValue + "|" + (grade.convention ?? "") + "|"
    switch grade.verdict {
    case .unreadable:
      let diagnostic = grade.issues.first?.message ?? grade.feedback.joined(separator: " ")
      return head + "diagnostic:" + diagnostic
    case .correct, .incorrect:
      guard let answer = grade.answer else { return head + "reading:" + (grade.reading ?? "") }
      if grade.verdict == .correct, case .equation = answer { return head + "equal to the kernel" }
      return head + meaning(answer)
    }
  }

  /// The typed answer's canonical text (see the type's list).
  public static func meaning(_ answer: TypedAnswer) -> String {
    switch answer {
    case .polynomial(let p): "polynomial:\(p)"
    case .condition(let cs): "region:" + cs.map(\.description).sorted().joined(separator: " and ")
    case .scalar(.exact(let s)): "number:\(s)"
    case .scalar(.approximate(let d)): "number:" + String(format: "%.12g", d)
    case .power(let base, let e): "power:\(base)^(\(e))"
    case .equation(let eq): equationKey(eq)
    case .parts(let parts):
      "parts:" + parts.map { "\($0.label)=\(meaning($0.answer))" }.joined(separator: "; ")
    }
  }

  /// An equation's values on fixed tensors: every tensor it names bound to a normal tensor
  /// with 3 entries per axis, drawn from a stream keyed by the tensor's name; index parameters
  /// s = 2 and p = 1; reads outside a tensor are 0. Falls back to the parsed text when the
  /// equation cannot be evaluated so (ranks that disagree, an index with no range, more than 9
  /// index variables, a tensor of rank above `maximumRank`).
  /// - Complexity: O(3^(free + summed indices)) multiplies, a few ten thousand here.
  static let maximumRank = 6

  static func equationKey(_ eq: Equation) -> String {
    let side = 3
    let references = [eq.lhs] + eq.rhsReferences
    let variables = Set(references.flatMap { $0.indices.flatMap(\.variables) })
    // Every tensor has 3^rank entries: a rank above 6 (729 entries) or more than 9 index
    // variables is read as text, so no answer can make the key allocate or overflow.
    guard variables.count <= 9, references.allSatisfy({ $0.indices.count <= maximumRank }) else {
      return "equation-text:\(eq.description)"
    }
    var tensors: [TensorName: Tensor<Double>] = [:]
    let base = RandomStream(seed: 31_230).split("answer-key")
    for ref in eq.rhsReferences where tensors[ref.name] == nil {
      var random = base.split(ref.name.description)
      let shape = Array(repeating: side, count: ref.indices.count)
      tensors[ref.name] = Tensor<Double>.normal(shape: shape, random: &random)
    }
    let shape = Array(repeating: side, count: eq.lhs.indices.count)
    do {
      let bindings = Bindings(tensors: tensors, parameters: ["s": 2, "p": 1], outputShape: shape)
      var evaluator = try Evaluator(eq, bindings: bindings, policy: .zero)
      let (values, _) = try evaluator.run()
      // −0 and 0 print alike.
      let text = values.storage.map { String(format: "%.6g", $0 == 0 ? 0 : $0) }
        .joined(separator: ",")
      return "equation:\(eq.lhs.name)=values:" + fnv1a(text)
    } catch {
      return "equation-text:\(eq.description)"
    }
  }

  /// FNV-1a, 64 bits, in hex: a short stable digest of the values' text.
  static func fnv1a(_ s: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    return String(h, radix: 16)
  }
}
