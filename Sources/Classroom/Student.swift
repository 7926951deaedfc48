/// A student of the class: the id that names their sheet, and what the roster says.
public struct Student: Sendable, Equatable, Hashable {
  public var id: String
  public var name: String
  public var section: String
  public var email: String

  public init(id: String, name: String = "", section: String = "", email: String = "") {
    (self.id, self.name, self.section, self.email) = (id, name, section, email)
  }

  /// Whether the id can name a feedback file: not empty, no leading '.', no path separator
  /// ('/' or '\') and no control character. Spaces and any letters are fine.
  public var isFileSafe: Bool {
    !id.isEmpty && !id.hasPrefix(".") && id.unicodeScalars.allSatisfy { s in
      s != "/" && s != "\\" && s.properties.generalCategory != .control
    }
  }
}
