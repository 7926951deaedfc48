import P1ConvMultiplies
import P2VideoConv
import P3aBottleneck
import P3bResidualScale
import P3cGradientDecay
import P4ScalePyramid
import Verification

/// The problems psverify knows, in the order of the problem set. Only problems whose modules
/// exist are listed.
enum Catalog {
  static let problems: [any Problem] = [ConvMultiplies.problem, VideoConv.problem, Bottleneck.problem, ResidualScale.problem,
                                           GradientDecay.problem, ScalePyramid.problem]

  static var ids: [String] { problems.map(\.id) }

  static func problem(_ id: String) -> (any Problem)? {
    problems.first { $0.id.lowercased() == id.lowercased() }
  }
}

enum Version {
  static let current = "0.1.0"
}
