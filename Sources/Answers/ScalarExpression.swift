import Algebra

/// A real constant read from text: a printed answer such as `$1/\sqrt{2}$`, or a value a user
/// passes with `--param gamma=1/sqrt(2)`.
///
/// Accepted: whole and decimal numbers, `+ − * · / ^`, `\cdot`, `\times`, juxtaposition,
/// parentheses and braces, `\left( \right)`, `\frac{a}{b}`, `\sqrt{x}`, `\sqrt x`, `√x`,
/// `sqrt(x)`, and `$` math delimiters. The value is exact (`Surd`) whenever the arithmetic allows.
public enum ScalarValue: Sendable, Equatable, CustomStringConvertible {
  /// An exact value c·√d.
  case exact(Surd)
  /// A value the arithmetic could not keep exact.
  case approximate(Double)

  /// The value in floating point.
  public var doubleValue: Double {
    switch self {
    case .exact(let s): s.doubleValue
    case .approximate(let d): d
    }
  }

  /// The exact value as `Surd` prints it, or the double.
  public var description: String {
    switch self {
    case .exact(let s): s.description
    case .approximate(let d): "\(d)"
    }
  }
}

/// Reads real constants from text (see `ScalarValue` for the accepted forms).
public enum ScalarExpression {
  /// Parses and evaluates `text`.
  /// - Throws: `AnswerSyntaxError` naming the column of the first problem.
  /// - Complexity: O(n) to read n characters, then one exact operation per node (a power at
  ///   most `AnswerReading.maximumExponent` products) on numbers of at most
  ///   `AnswerReading.maximumBits` bits.
  public static func evaluate(_ text: String) throws(AnswerSyntaxError) -> ScalarValue {
    try AnswerReading.scalar(try AnswerParser.expression(text), text: text)
  }
}
