import GRDB
import Verification

extension ResultStore {
  /// The page's class as stored: the roster's students (tokens blanked: a reader of the class
  /// never needs a private link) and every attempt in the order posted. Read-only, as every read
  /// command opens results.db; a database the page never used holds neither.
  /// - Throws: `StoreError.noDatabase` and the other read errors.
  public func served() throws(StoreError) -> (roster: [ServeCredential], attempts: [ServeAttempt]) {
    try readOnly { db in
      guard try db.tableExists("serve_attempt") else { return ([], []) }
      let roster = try ServeStore.credentials(db).filter { $0.role == .student }.map { c in
        var blank = c
        blank.token = ""
        return blank
      }
      return (roster, try ServeStore.attempts(db))
    }
  }

  /// The latest recorded variant set of `assignment` (a run of kind `variant-set`, written by
  /// `psverify variant --roster R --assignment A --out DIR`): its run id and each student's
  /// seed per problem; nil when none is recorded. O(variant-set runs).
  public func variantSet(assignment: String) throws(StoreError)
    -> (run: Int64, seeds: [String: [String: UInt64]])?
  {
    try readOnly { db in
      let rows = try Row.fetchAll(
        db, sql: "SELECT id, parameters FROM run WHERE kind = 'variant-set' ORDER BY id DESC")
      for row in rows {
        guard case .object(let members)? = try? JSONValue.parse(row["parameters"] as String),
          members.contains(where: { $0.0 == "assignment" && $0.1 == .string(assignment) }),
          case .object(let students)? = members.first(where: { $0.0 == "students" })?.1
        else { continue }
        var seeds: [String: [String: UInt64]] = [:]
        for (student, value) in students {
          guard case .object(let problems) = value else { continue }
          for (problem, seed) in problems {
            if case .integer(let n) = seed, n >= 0 {
              seeds[student, default: [:]][problem] = UInt64(n)
            }
          }
        }
        return (row["id"], seeds)
      }
      return nil
    }
  }

  func readOnly<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    let queue = try openForReading()
    defer { try? queue.close() }
    do { return try queue.read(body) } catch let error as StoreError { throw error } catch {
      throw .writeFailed(path: path, reason: Self.describe(error))
    }
  }
}
