import Hummingbird

/// Turns every error into an HTML page with its status code: a `ServeError` with its sentence,
/// Hummingbird's own errors (no route, body too large) with a sentence for their status, and
/// anything else as a 500 page that says nothing about the cause.
struct PageErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  let bodyLimit: Int

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as ServeError {
      return Layout.response(
        Layout.errorPage(error.status, error.description), status: error.status)
    } catch let error as HTTPResponseError {
      let status = error.status
      let message: String =
        switch status {
        case .notFound: ServeError.notFound(what: "this address").description
        case .contentTooLarge: ServeError.bodyTooLarge(limit: bodyLimit).description
        case .methodNotAllowed: ServeError.methodNotAllowed.description
        case .badRequest: "The request could not be read."
        default: "The request could not be served."
        }
      return Layout.response(Layout.errorPage(status, message), status: status)
    } catch {
      return Layout.response(
        Layout.errorPage(.internalServerError, "Something went wrong on the server. Try again."),
        status: .internalServerError)
    }
  }
}
