import Classroom
import Foundation
import Hummingbird
import ResultStore
import Verification

/// The served problem set: the routes, and what they share (the store, the roster's links, the
/// grader, the CSRF key).
///
/// Routes (TOKEN is a private link's 64 hex digits; ID a problem id):
/// - `GET /` — the list (without a roster), or a page asking for the private link (with one);
/// - `GET|POST /p/ID` — a problem, without a roster;
/// - `GET /s/TOKEN`, `GET|POST /s/TOKEN/p/ID` — a student's list and problems;
/// - `GET /staff/TOKEN`, `GET /staff/TOKEN/gradebook.csv` — the class view and its gradebook.
public final class ServeApp: Sendable {
  let settings: ServeSettings
  let store: ServeStore
  let credentials: Credentials
  let grading: GradingService
  let csrfKey: [UInt8]

  /// Opens the store, reads the roster's links, and measures the figures' fixed evidence.
  /// - Throws: `StoreError` when results.db cannot be used.
  public init(settings: ServeSettings, problems: [any Problem]) throws(StoreError) {
    self.settings = settings
    store = try ServeStore(path: settings.databasePath)
    credentials = Credentials(all: try store.credentials())
    let runner = Runner(seed: settings.seed, trials: settings.trials)
    grading = GradingService(
      problems: problems, runner: runner,
      evidence: Evidence.measure(problems, runner: runner),
      timeLimit: settings.timeLimit, slots: settings.slots)
    csrfKey = Secrets.randomKey()
  }

  /// Whether the server runs with a roster (private links) or as a single local page.
  public var hasRoster: Bool { credentials.hasRoster }

  /// The staff's class-view path, for the operator's terminal only.
  public var staffPath: String? {
    credentials.all.first { $0.role == .staff }.map { "/staff/\($0.token)" }
  }

  /// The routes: `/` (the problem list, or with a roster a pointer to the private links) and
  /// `/p/ID`; a student's list and pages under `/s/TOKEN`; the class view and gradebook CSV
  /// under `/staff/TOKEN`. Refused requests become error pages (`ServeError`).
  public func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: PageErrorMiddleware(bodyLimit: settings.bodyLimit))
    router.get("/") { _, _ in try self.home() }
    router.get("/p/:problem") { _, c in try await self.problemPage(.local, c, nil) }
    router.post("/p/:problem") { r, c in try await self.post(.local, r, c) }
    router.get("/s/:token") { _, c in try self.list(try self.student(c)) }
    router.get("/s/:token/p/:problem") { _, c in
      try await self.problemPage(try self.student(c), c, nil)
    }
    router.post("/s/:token/p/:problem") { r, c in try await self.post(try self.student(c), r, c) }
    router.get("/staff/:token") { _, c in try self.classPage(try self.staff(c)) }
    router.get("/staff/:token/gradebook.csv") { _, c in try self.gradebook(try self.staff(c)) }
    return router
  }

  /// The application on `settings.host:port`; `onRunning` is called once it listens.
  public func application(
    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  )
    -> some ApplicationProtocol
  {
    Application(
      router: router(),
      configuration: .init(
        address: .hostname(settings.host, port: settings.port),
        serverName: "psverify"),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
  }

  // MARK: Who is asking

  func student(_ c: BasicRequestContext) throws(ServeError) -> Identity {
    guard let token = c.parameters.get("token"), let found = credentials.find(token) else {
      throw .unknownLink
    }
    guard found.role == .student else { throw .staffLinkOnStudentPage }
    return Credentials.identity(found)
  }

  func staff(_ c: BasicRequestContext) throws(ServeError) -> Identity {
    guard let token = c.parameters.get("token"), let found = credentials.find(token) else {
      throw .unknownLink
    }
    guard found.role == .staff else { throw .staffOnly }
    return Credentials.identity(found)
  }

  func csrf(_ identity: Identity) -> String { Secrets.hmac(key: csrfKey, "csrf|" + identity.base) }

  func problem(_ c: BasicRequestContext) throws(ServeError) -> any Problem {
    let id = c.parameters.get("problem") ?? ""
    guard let p = grading.problem(id) else {
      throw .unknownProblem(id: id, known: grading.problems.map(\.id))
    }
    return p
  }

  /// The problem as this user is to answer it: their variant when the roster's assignment gave
  /// them one (a seed other than 0 of a problem with a family), else the base problem.
  func served(_ c: BasicRequestContext, _ identity: Identity) throws(ServeError)
    -> (problem: any Problem, variant: Variant?)
  {
    let base = try problem(c)
    guard let seed = identity.variants[base.id], seed != 0,
      let family = base as? any ProblemFamily
    else { return (base, nil) }
    let v = family.variant(seed: seed)
    return (v.problem, v)
  }

  func attempts(_ identity: Identity, problem: String? = nil) throws(ServeError) -> [ServeAttempt] {
    do { return try store.attempts(student: identity.student, problem: problem) } catch {
      throw .storageFailed
    }
  }

  // MARK: Pages

  func home() throws(ServeError) -> Response {
    guard credentials.hasRoster else { return try list(.local) }
    let body =
      "<h1>psverify · CNN problems</h1>\n<p>This server has a class roster: open the "
      + "private link your instructor gave you.</p>"
    return Layout.response(Layout.page(title: "psverify", home: "/", who: "", body: body))
  }

  func list(_ identity: Identity) throws(ServeError) -> Response {
    if identity.kind == .local && credentials.hasRoster { throw .unknownLink }
    return Layout.response(
      StudentPages.list(
        identity, problems: grading.problems,
        attempts: try attempts(identity)))
  }

  func problemPage(
    _ identity: Identity, _ c: BasicRequestContext,
    _ posted: (String, GradedPost)?
  ) async throws(ServeError) -> Response {
    if identity.kind == .local && credentials.hasRoster { throw .unknownLink }
    let (p, variant) = try served(c, identity)
    return Layout.response(
      StudentPages.problem(
        identity, p, variant: variant, csrf: csrf(identity),
        attempts: try attempts(identity, problem: p.id),
        posted: posted))
  }

  /// Reads the form (bounded, UTF-8, CSRF-checked), grades, stores the attempt, and answers
  /// with the problem's page showing the verdict.
  func post(
    _ identity: Identity, _ request: Request, _ c: BasicRequestContext
  )
    async throws -> Response
  {
    if identity.kind == .local && credentials.hasRoster { throw ServeError.unknownLink }
    let (p, variant) = try served(c, identity)
    let form = try await readForm(request)
    guard let token = form.fields["csrf"], Secrets.equal(token, csrf(identity)) else {
      throw ServeError.forgedForm
    }
    let answer = form.fields["answer"] ?? ""
    let post = try await grading.grade(
      p, variant: variant?.seed, answer: answer, key: AnswerKey.of)
    let attempt = ServeAttempt(
      student: identity.student, problem: p.id, variant: variant.map { String($0.seed) },
      answer: answer,
      verdict: post.grade.verdict.rawValue,
      reading: post.grade.reading, feedback: post.grade.feedback, groupKey: post.key,
      seed: settings.seed, seconds: post.seconds, at: Date())
    do { try store.store(attempt) } catch { throw ServeError.storageFailed }
    return try await problemPage(identity, c, (answer, post))
  }

  func readForm(_ request: Request) async throws -> FormBody {
    let type = request.headers[.contentType] ?? ""
    guard type.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
      throw ServeError.unsupportedMediaType(type.isEmpty ? "a body without a type" : type)
    }
    if let length = request.headers[.contentLength].flatMap(Int.init), length > settings.bodyLimit {
      throw ServeError.bodyTooLarge(limit: settings.bodyLimit)
    }
    let buffer: ByteBuffer
    do { buffer = try await request.body.collect(upTo: settings.bodyLimit) } catch {
      throw ServeError.bodyTooLarge(limit: settings.bodyLimit)
    }
    return try FormBody.parse(Array(buffer.readableBytesView))
  }

  func classResult() throws(ServeError) -> (ClassResult, Int) {
    let all: [ServeAttempt]
    do { all = try store.attempts() } catch { throw .storageFailed }
    return (
      ClassView.result(
        problems: grading.problems.map(\.id), roster: credentials.all,
        attempts: all), all.count
    )
  }

  func classPage(_ identity: Identity) throws(ServeError) -> Response {
    let (result, count) = try classResult()
    return Layout.response(
      ClassView.page(
        identity, problems: grading.problems, result: result,
        attempts: count))
  }

  func gradebook(_ identity: Identity) throws(ServeError) -> Response {
    let (result, _) = try classResult()
    return Layout.response(
      Gradebook.csv(result), contentType: "text/csv; charset=utf-8",
      extra: [.contentDisposition: "attachment; filename=\"gradebook.csv\""])
  }
}
