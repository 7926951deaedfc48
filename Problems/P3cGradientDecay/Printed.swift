import Verification

extension GradientDecay {
  /// Problem 3c's printed solution, quoted exactly as data (seed/000_be9964c7f08ca0da.txt).
  enum Printed {
    static let solutionText = #"**Solution**: When we introduce  $\gamma < 1$  as in (b) the gradient update on the bottom layer is reduced by  $\gamma^{L-2}$ . This could harm the learning along the direct connection between the loss and the first layer of the network."#
    /// The exponent in the printed factor γ^{L-2}.
    static let exponent = "L-2"
    static let solution = PrintedSolution(quote: solutionText, location: "problem 3c, solution")
  }
}
