import ResultStore

/// Who is asking, and how their pages link: a roster student (by private link), the staff, or
/// the single local user of a server without a roster.
struct Identity: Sendable, Equatable {
  enum Kind: Sendable, Equatable { case local, student, staff }

  var kind: Kind
  /// The student id attempts are stored under ("local" without a roster).
  var student: String
  var name: String
  /// The path every link of this user's pages starts with: "" locally, "/s/TOKEN" for a
  /// student, "/staff/TOKEN" for the staff.
  var base: String
  /// The student's variant seed per problem id, from the roster's assignment (empty: the base
  /// problems).
  var variants: [String: UInt64] = [:]

  static let local = Identity(kind: .local, student: "local", name: "", base: "")
}

/// The roster's private links, held in memory and looked up in constant time per credential.
struct Credentials: Sendable {
  let all: [ServeCredential]

  /// Whether the server runs with a roster (otherwise it is a single-user local page).
  var hasRoster: Bool { !all.isEmpty }

  /// The credential whose token equals `token`. Every credential is compared, whether or not an
  /// earlier one matched, so the time says nothing about which token (or prefix) is valid.
  /// - Complexity: O(n·k) for n credentials of k characters.
  func find(_ token: String) -> ServeCredential? {
    var found: ServeCredential?
    for c in all where Secrets.equal(c.token, token) { found = c }
    return found
  }

  static func identity(_ c: ServeCredential) -> Identity {
    switch c.role {
    case .student:
      Identity(
        kind: .student, student: c.student, name: c.name, base: "/s/\(c.token)",
        variants: c.variants)
    case .staff:
      Identity(kind: .staff, student: c.student, name: c.name, base: "/staff/\(c.token)")
    }
  }
}
