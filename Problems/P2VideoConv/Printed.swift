import Verification

extension VideoConv {
  /// Problem 2's text, quoted exactly as data (seed/000_be9964c7f08ca0da.txt).
  enum Printed {
    /// The printed solution, between its $$ delimiters.
    static let equation = #"L_{\ell+1}[b, x, y, t, n_{\text{out}}] = \sigma(K_{\ell+1}[n_{\text{out}}\Delta X, \Delta Y, \Delta T, N_{\text{in}}]L_{\ell}[b, sx + \Delta X, sy + \Delta Y, st + \Delta T, N_{\text{in}}] - B[n_{\text{out}}])"#
    static let solution = PrintedSolution(quote: "$$" + equation + "$$", location: "problem 2, solution")
    /// What the question asks for.
    static let question = #"Write the equation for computing  $L_{\ell+1}[b, x, y, t, j]$  from the tensor  $L_{\ell}[B, X, Y, T, I]$ . Your filter should include an index  $\Delta t$  and handle a stride s applied to both space and time."#
  }
}
