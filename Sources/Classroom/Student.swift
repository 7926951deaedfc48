/// A student of the class: the id that names their sheet, and what the roster says.
public struct Student: Sendable, Equatable, Hashable {
  /// The id that names the student's sheet and feedback file.
  public var id: String
  /// The name from the roster; empty when the roster has none.
  public var name: String
  /// The section from the roster; empty when none.
  public var section: String
  /// The email from the roster; empty when none.
  public var email: String

  /// A student; the roster's fields default to empty.
  public init(id: String, name: String = "", section: String = "", email: String = "") {
    (self.id, self.name, self.section, self.email) = (id, name, section, email)
  }

  /// Whether the id can name a feedback file: not empty, no leading '.', no path separator
  /// ('/' or '\') and no control character. Spaces and any letters are fine.
  public var isFileSafe: Bool {
    !id.isEmpty && !id.hasPrefix(".")
      && id.unicodeScalars.allSatisfy { s in
        s != "/" && s != "\\" && s.properties.generalCategory != .control
      }
  }
}
