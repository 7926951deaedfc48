import P1ConvMultiplies
import P2VideoConv
import P3aBottleneck
import P3bResidualScale
import P3cGradientDecay
import P4ScalePyramid
import Verification

/// The problems psverify knows, in the order of the problem set: the one list the CLI and the
/// page (`psverify-serve`) both read.
public enum ProblemRegistry {
  public static let problems: [any Problem] = [
    ConvMultiplies.problem, VideoConv.problem, Bottleneck.problem, ResidualScale.problem,
    GradientDecay.problem, ScalePyramid.problem,
  ]

  public static var ids: [String] { problems.map(\.id) }

  /// The problem with exactly this id (`3b`, not `3B`). O(problems).
  public static func problem(_ id: String) -> (any Problem)? { problems.first { $0.id == id } }

  /// The problems that declare a family of variants, in order.
  public static var families: [any ProblemFamily] {
    problems.compactMap { $0 as? any ProblemFamily }
  }
}
