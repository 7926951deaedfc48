import Foundation
import GRDB
import Verification

/// Who a private link belongs to: a student of the roster, or the staff.
public struct ServeCredential: Sendable, Equatable {
  /// Whether a link is a student's or the staff's.
  public enum Role: String, Sendable { case student, staff }

  /// The student's roster id.
  public var student: String
  /// The holder's name from the roster, empty when not given.
  public var name: String
  /// The holder's section from the roster, empty when not given.
  public var section: String
  /// The holder's email from the roster, empty when not given.
  public var email: String
  /// Whether the link is a student's or the staff's.
  public var role: Role
  /// The private token in the link (see `newToken`).
  public var token: String
  /// The assignment the roster was imported with, whose recorded variant set gave `variants`.
  public var assignment: String?
  /// The student's variant seed per problem id (empty without an assignment: the base
  /// problems).
  public var variants: [String: UInt64] = [:]

  /// A credential from its parts, stored as given.
  public init(
    student: String, name: String = "", section: String = "", email: String = "",
    role: Role, token: String, assignment: String? = nil, variants: [String: UInt64] = [:]
  ) {
    (self.student, self.name, self.section, self.email, self.role, self.token) =
      (student, name, section, email, role, token)
    (self.assignment, self.variants) = (assignment, variants)
  }

  /// A fresh private token: 32 bytes from the system's cryptographic generator, as 64 hex
  /// digits (256 bits, so guessing one of n tokens takes about 2²⁵⁶ / n tries).
  public static func newToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in
      String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator))
    }
    .joined()
  }
}

/// One answer posted to the page, graded.
public struct ServeAttempt: Sendable, Equatable {
  /// The attempt's id in results.db, nil until stored.
  public var id: Int64?
  /// The roster id of the student who posted the answer.
  public var student: String
  /// The id of the problem answered.
  public var problem: String
  /// The student's variant of the problem; nil while the problems have none.
  public var variant: String?
  /// The answer as posted.
  public var answer: String
  /// The grade's verdict, as its raw value.
  public var verdict: String
  /// How the answer was read, nil when it was not read.
  public var reading: String?
  /// The feedback sentences of the grade, in order.
  public var feedback: [String]
  /// The answer group's key (Classroom.AnswerKey), so the class view groups by meaning.
  public var groupKey: String
  /// The seed of the graders' random evidence.
  public var seed: UInt64
  /// Seconds the grading took.
  public var seconds: Double
  /// When the answer was graded.
  public var at: Date

  /// An attempt from its parts, stored as given.
  public init(
    id: Int64? = nil, student: String, problem: String, variant: String? = nil,
    answer: String, verdict: String, reading: String?, feedback: [String],
    groupKey: String, seed: UInt64, seconds: Double, at: Date
  ) {
    (self.id, self.student, self.problem, self.variant, self.answer, self.verdict) =
      (id, student, problem, variant, answer, verdict)
    (self.reading, self.feedback, self.groupKey, self.seed, self.seconds, self.at) =
      (reading, feedback, groupKey, seed, seconds, at)
  }
}

/// results.db as the page uses it: the roster's tokens and the attempts, through one connection
/// held open for the server's life (WAL, 30 s busy timeout), so that other psverify processes
/// can store runs into the same file meanwhile.
public final class ServeStore: Sendable {
  /// The database file's path.
  public let path: String
  let queue: DatabaseQueue

  /// Opens (creating if need be) and migrates the database.
  /// - Throws: `StoreError` for a file psverify will not use, or one it cannot open.
  public init(path: String) throws(StoreError) {
    self.path = path
    let store = ResultStore(path: path)
    try store.validate()
    do { queue = try store.openForWriting() } catch {
      throw .writeFailed(path: path, reason: ResultStore.describe(error))
    }
  }

  func run<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try queue.write(body) } catch let error as StoreError { throw error } catch {
      throw .writeFailed(path: path, reason: ResultStore.describe(error))
    }
  }

  /// Replaces the roster's tokens: every student gets a new token, those no longer on the
  /// roster lose theirs, and the staff token is made if there is none (kept otherwise, so a
  /// re-import does not lock the staff out). With an `assignment`, each student's variant
  /// seeds (`variants[id]`, from the assignment's recorded set) are stored with their token.
  /// Returns the credentials, the staff's last.
  public func importRoster(
    _ students: [(id: String, name: String, section: String, email: String)],
    assignment: String? = nil, variants: [String: [String: UInt64]] = [:]
  )
    throws(StoreError) -> [ServeCredential]
  {
    let now = ISO8601DateFormatter().string(from: Date())
    return try run { db in
      try db.execute(sql: "DELETE FROM serve_credential WHERE role = 'student'")
      var out: [ServeCredential] = []
      for s in students {
        let c = ServeCredential(
          student: s.id, name: s.name, section: s.section, email: s.email,
          role: .student, token: ServeCredential.newToken(), assignment: assignment,
          variants: variants[s.id] ?? [:])
        try insert(c, now: now, db)
        out.append(c)
      }
      if let staff = try Self.credentials(db).first(where: { $0.role == .staff }) {
        out.append(staff)
      } else {
        var staff = ServeCredential(
          student: "staff", role: .staff, token: ServeCredential.newToken())
        while out.contains(where: { $0.student == staff.student }) { staff.student += "_" }
        try insert(staff, now: now, db)
        out.append(staff)
      }
      return out
    }
  }

  func insert(_ c: ServeCredential, now: String, _ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO serve_credential (student, name, section, email, role, token, created_at,
          assignment, variants)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        c.student, c.name, c.section, c.email, c.role.rawValue, c.token, now, c.assignment,
        c.variants.isEmpty ? nil : Self.seeds(c.variants),
      ])
  }

  /// Every credential, students in roster order, then the staff.
  public func credentials() throws(StoreError) -> [ServeCredential] {
    try run { db in try Self.credentials(db) }
  }

  static func credentials(_ db: Database) throws -> [ServeCredential] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT student, name, section, email, role, token, assignment, variants
        FROM serve_credential ORDER BY role = 'staff', id
        """
    ).map { row in
      ServeCredential(
        student: row["student"], name: row["name"], section: row["section"],
        email: row["email"], role: ServeCredential.Role(rawValue: row["role"]) ?? .student,
        token: row["token"], assignment: row["assignment"], variants: seeds(row["variants"]))
    }
  }

  /// Seeds per problem as JSON, keys sorted: `{"2": 17, "3b": 4}`.
  static func seeds(_ v: [String: UInt64]) -> String {
    JSONValue.object(v.sorted { $0.key < $1.key }.map { ($0.key, .string(String($0.value))) })
      .serialized()
  }

  static func seeds(_ text: String?) -> [String: UInt64] {
    guard let text, case .object(let members)? = try? JSONValue.parse(text) else { return [:] }
    var out: [String: UInt64] = [:]
    for (problem, value) in members {
      if let s = value.string, let seed = UInt64(s) { out[problem] = seed }
    }
    return out
  }

  /// Stores an attempt and returns its id.
  @discardableResult
  public func store(_ a: ServeAttempt) throws(StoreError) -> Int64 {
    try run { db in
      try db.execute(
        sql: """
          INSERT INTO serve_attempt (student, problem_id, variant, answer, verdict, reading,
            feedback, group_key, seed, seconds, at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          a.student, a.problem, a.variant, a.answer, a.verdict, a.reading,
          ResultStore(path: path).strings(a.feedback), a.groupKey,
          Int64(bitPattern: a.seed), a.seconds, Self.stamp(a.at),
        ])
      return db.lastInsertedRowID
    }
  }

  /// Attempts in the order they were posted; one student's when `student` is given, one
  /// problem's when `problem` is.
  public func attempts(
    student: String? = nil, problem: String? = nil
  ) throws(StoreError) -> [ServeAttempt] {
    try run { db in
      var clauses: [String] = []
      var arguments: [any DatabaseValueConvertible] = []
      if let student {
        clauses.append("student = ?")
        arguments.append(student)
      }
      if let problem {
        clauses.append("problem_id = ?")
        arguments.append(problem)
      }
      let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
      return try Self.attempts(db, filter: filter, StatementArguments(arguments))
    }
  }

  static func attempts(
    _ db: Database, filter: String = "", _ arguments: StatementArguments = []
  ) throws -> [ServeAttempt] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT id, student, problem_id, variant, answer, verdict, reading, feedback, group_key,
          seed, seconds, at
        FROM serve_attempt \(filter) ORDER BY id
        """, arguments: arguments
    ).map { row in
      ServeAttempt(
        id: row["id"], student: row["student"], problem: row["problem_id"],
        variant: row["variant"], answer: row["answer"], verdict: row["verdict"],
        reading: row["reading"], feedback: ResultStore.list(row["feedback"]),
        groupKey: row["group_key"], seed: UInt64(bitPattern: row["seed"] as Int64),
        seconds: row["seconds"], at: Self.date(row["at"]))
    }
  }

  /// The number of stored attempts.
  public func attemptCount() throws(StoreError) -> Int {
    try run { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM serve_attempt") ?? 0 }
  }

  static func stamp(_ d: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.string(from: d)
  }

  static func date(_ s: String) -> Date {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.date(from: s) ?? Date(timeIntervalSince1970: 0)
  }

  /// Closes the connection; errors on closing are ignored.
  public func close() { try? queue.close() }
}
