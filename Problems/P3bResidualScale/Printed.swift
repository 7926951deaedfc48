import Verification

extension ResidualScale {
  /// The problem set's text for 3b, quoted exactly as data (seed/000_be9964c7f08ca0da.txt).
  enum Printed {
    /// The printed solution line, as it stands.
    static let solutionLine = "# Solution: $1/\\sqrt{2}$"
    /// The answer inside it, between the math delimiters.
    static let answer = "$1/\\sqrt{2}$"

    static let solution = PrintedSolution(quote: solutionLine, location: "problem 3b, solution")

    /// The question's last sentence, which names the quantity asked about.
    static let questionSentence = """
      If the network is initialized such that each response of  $L_{\\ell}[n]$  and  \
      $\\hat{L}[n]$  has zero mean and unit variance, and are assummed to be independent, what \
      value of  $\\gamma$  gives that  $h[\\ell+1,j]$  has zero mean and unit variance.
      """
  }
}
