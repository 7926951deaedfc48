import P1ConvMultiplies
import P2VideoConv
import P3aBottleneck
import P3bResidualScale
import P3cGradientDecay
import P4ScalePyramid
import Verification

/// The problems the page serves, in the order of the problem set (the CLI's catalog, for this
/// executable, which does not link the CLI module).
public enum ServedProblems {
  public static let all: [any Problem] = [
    ConvMultiplies.problem, VideoConv.problem, Bottleneck.problem, ResidualScale.problem,
    GradientDecay.problem, ScalePyramid.problem,
  ]
}
