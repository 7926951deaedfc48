import Verification

extension Bottleneck {
  /// Problem 3's equations and 3a's solution, quoted exactly as data
  /// (seed/000_be9964c7f08ca0da.txt).
  enum Printed {
    static let equations = [
      #"\tilde{L}_{\ell}[n_{\text{bottle}}] &= \text{ReLU}(W_{\ell}^{b,1}[n_{\text{bottle}}, N_{\text{in}}]L_{\ell}[N_{\text{in}}] - B_{\ell}^{b,1}[n_{\text{bottle}}])"#,
      #"\hat{L}_{\ell}[n_{\text{out}}] &= \text{ReLU}(W_{\ell}^{b,2}[n_{\text{out}}, N_{\text{bottle}}]\tilde{L}_{\ell}[N_{\text{bottle}}] - B_{\ell}^{b,2}[n_{\text{out}}])"#,
      #"L_{\ell+1}[n] &= L_{\ell}[n] + \hat{L}_{\ell}[n]"#,
    ]
    static let solutionText = #"**Solution**: The number of multiplications is  $2NN_{\text{bottle}}(L-1)$ . For a standard MLP (with no botleneck) the number of multiplications is  $N^2(L-1)$ . The bottleneck layer has fewer multiplications for  $N_{\text{bottle}} < N/2$ ."#
    static let bottleneckCount = #"2NN_{\text{bottle}}(L-1)"#
    static let plainCount = #"N^2(L-1)"#
    static let condition = #"N_{\text{bottle}} < N/2"#
    static let solution = PrintedSolution(quote: solutionText, location: "problem 3a, solution")
  }
}
