import Algebra
import IndexNotation

/// A multiply-count question solved generically: the statement's equations counted by the
/// notation engine and compared with the printed count.
public struct SolvedCount: Sendable {
  public let item: String
  /// Multiplies of one application of the statement's equations (sizes declared equal merged).
  public let perApplication: Polynomial
  public let printed: Polynomial?
  /// The math that prints the count, when the solution prints one.
  public let printedAt: MathFragment?
  /// The first math of an answer written in the part's own text after an answer marker; nil
  /// when the part has a solution section.
  public let answer: MathFragment?
  /// printed / perApplication, when it divides and involves none of the equations' sizes: how
  /// many times the equations are applied (L − 1 blocks, say).
  public let applications: Polynomial?
  public let agrees: Bool
  /// The border rule the count assumed, when the equations read at offsets.
  public let borderRule: String?
  /// Why a printed count that is not the equations' is read as a part's count (a note), when
  /// it is.
  public var scopeNote: String? = nil
}
