import Verification

extension ScalePyramid {
  /// Problem 4's text, quoted exactly as data (seed/000_be9964c7f08ca0da.txt).
  enum Printed {
    static let pyramid = #"I_{s+1}[b,x,y,c] = \frac{1}{4} \left( \begin{array}{cc} I_s[b,2x,2y,c] + I_s[b,2x+1,2y,c] \\ +I_s[b,2x,2y+1,c] + I_s[b,2x+1,2y+1,c] \end{array} \right)"#
    static let equation = #"L_{\ell+1,s}[b,x,y,j] = \sigma \left( \begin{array}{cc} \sum_{\Delta x,\Delta y,i} W_{\ell+1,\leftarrow}[\Delta x,\Delta y,i,j] L_{\ell,s+1}[b,x+\Delta x,y+\Delta y,i,j] \\ + & \sum_{\Delta x,\Delta y,i} W_{\ell+1,\uparrow} \left[\Delta x,\Delta y,i,j\right] L_{\ell,s} \left[b,2x+\Delta x,2y+\Delta y,i,j\right] \\ + & B_{\ell+1}[j] \end{array} \right)"#
    static let solution = PrintedSolution(quote: "$$" + equation + "$$", location: "problem 4, solution")
    static let remark = #"Note: I am not aware of this architecture in the literature. A somewhat related architecture is "Feature Pyramid Networks" arxiv 1612.03144."#
    /// The three spellings of the pyramid's indices in the statement.
    static let pyramidSpellings = [#"$I_s[x,y,c]$"#, #"$I_s[b,x,y,c]$"#, #"$I_s[b,x,y,i]$"#]
  }
}
