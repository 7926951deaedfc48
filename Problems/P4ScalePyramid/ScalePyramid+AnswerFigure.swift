import Verification

extension ScalePyramidProblem {
  /// The grader's random trials of the student's equation against psverify's pyramid level, as
  /// a table (`TrialFigure`); the base problem's equation only, so not for a variant.
  public func answerFigure(
    _ answer: TypedAnswer, derivation: Derivation, context: AnswerFigure.Context
  ) -> AnswerFigure? {
    guard !context.variant, case .equation = answer else { return nil }
    return TrialFigure.make(
      ScalePyramid.comparisons(context.text, random: context.gradingStream),
      reference: "psverify's pyramid level")
  }
}
