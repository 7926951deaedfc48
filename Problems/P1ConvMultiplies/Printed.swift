import Verification

extension ConvMultiplies {
  /// Problem 1's text, quoted exactly as data (seed/000_be9964c7f08ca0da.txt).
  enum Printed {
    /// The printed solution, between its $$ delimiters.
    static let answer = #"BXY \Delta X \Delta Y N_{\text{out}} N_{\text{in}}"#
    static let solution = PrintedSolution(quote: "$$" + answer + "$$", location: "problem 1, solution")

    /// The sentence that says what X and Y count.
    static let definition = #"where  $B, X, Y, N_{\text{out}}, N_{\text{in}}, \Delta X, \Delta Y$  are the number of possible values for  $b, x, y, n_{\text{out}}, n_{\text{in}}, \Delta x$  and  $\Delta y$  respectively"#
    /// The layer the indices belong to.
    static let layer = #"on a layer  $L[b, x, y, n_{\text{in}}]$"#
  }
}
