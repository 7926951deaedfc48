import Verification

extension VideoConvProblem {
  /// The grader's random trials of the student's equation against the conv3d kernel, as a
  /// table (`TrialFigure`); the base problem's equation only, so not for a variant.
  public func answerFigure(
    _ answer: TypedAnswer, derivation: Derivation, context: AnswerFigure.Context
  ) -> AnswerFigure? {
    guard !context.variant, case .equation = answer else { return nil }
    return TrialFigure.make(
      VideoConv.comparisons(context.text, random: context.gradingStream),
      reference: "the conv3d kernel")
  }
}
