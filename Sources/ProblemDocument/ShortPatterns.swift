import Foundation

/// The one place the readers compile a regular expression.
///
/// corelibs Foundation on Linux keeps (and LeakSanitizer reports) the storage of any pattern
/// longer than 256 UTF-16 units, whatever text it matches (measured: 256 units do not leak, 257
/// do). Every pattern of the readers is a constant of the code, so a longer one is refused here:
/// the rule using it reads nothing, and that rule's tests fail rather than the fuzz campaign.
enum ShortPatterns {
  /// The longest pattern, in UTF-16 units, compiled.
  static let longest = 256

  /// `pattern` compiled, or nil when it is longer than `longest` units or not a pattern.
  /// - Complexity: linear in the pattern's length.
  static func compiled(_ pattern: String) -> NSRegularExpression? {
    guard pattern.utf16.count <= longest else { return nil }
    return try? NSRegularExpression(pattern: pattern)
  }
}
