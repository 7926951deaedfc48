import Hummingbird

/// Why a request was refused: each becomes an HTML page with its status code and a sentence
/// saying what is accepted (never a stack trace or an internal error's text).
public enum ServeError: Error, Equatable, CustomStringConvertible {
  case notFound(what: String)
  case unknownProblem(id: String, known: [String])
  case unknownLink
  case staffOnly
  case staffLinkOnStudentPage
  case forgedForm
  case bodyTooLarge(limit: Int)
  case notUTF8
  case malformedForm(reason: String)
  case unsupportedMediaType(String)
  case methodNotAllowed
  case timedOut(seconds: Double)
  case busy
  case storageFailed

  /// The HTTP status the refusal is answered with: 404 for what does not exist, 403 for a link or
  /// form not allowed here, 413, 400, 415, 405, and 503 when grading timed out, is busy or could
  /// not be stored.
  public var status: HTTPResponse.Status {
    switch self {
    case .notFound, .unknownProblem, .unknownLink: .notFound
    case .staffOnly, .staffLinkOnStudentPage, .forgedForm: .forbidden
    case .bodyTooLarge: .contentTooLarge
    case .notUTF8, .malformedForm: .badRequest
    case .unsupportedMediaType: .unsupportedMediaType
    case .methodNotAllowed: .methodNotAllowed
    case .timedOut, .busy, .storageFailed: .serviceUnavailable
    }
  }

  /// The sentence the error page shows: what was refused and what is accepted.
  public var description: String {
    switch self {
    case .notFound(let what):
      "There is no page at \(what). Start from the list of problems."
    case .unknownProblem(let id, let known):
      "There is no problem '\(id)'. The problems are \(known.joined(separator: ", "))."
    case .unknownLink:
      "This private link is not known. Use the link your instructor gave you."
    case .staffOnly:
      "This page is for the course staff; open it with the staff link."
    case .staffLinkOnStudentPage:
      "This is the staff link; students' pages open with a student's own link."
    case .forgedForm:
      "The form's security token does not match this page. Reload the problem and post again."
    case .bodyTooLarge(let limit):
      "The request is larger than \(limit / 1024) KB; an answer is at most a few lines."
    case .notUTF8:
      "The answer is not UTF-8 text; type it again or paste it as plain text."
    case .malformedForm(let reason):
      "The form could not be read (\(reason)); post it from the problem's page."
    case .unsupportedMediaType(let type):
      "Answers are posted as a form (application/x-www-form-urlencoded), not as \(type)."
    case .methodNotAllowed:
      "This page is read with GET; answers are posted to a problem's page."
    case .timedOut(let seconds):
      "Grading took longer than \(Int(seconds)) s and was stopped; nothing was stored. "
        + "Try a shorter answer."
    case .busy:
      "The server is grading many answers at once; post again in a moment."
    case .storageFailed:
      "The answer was graded but could not be stored; post it again in a moment."
    }
  }
}
