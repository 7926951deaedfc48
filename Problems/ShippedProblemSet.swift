import Foundation

/// The problem set psverify ships with, exactly as printed: `ttic31230-cnn-2019.md` beside this
/// file (TTIC 31230, winter 2019, CNN problems, with their printed solutions).
public enum ShippedProblemSet {
  /// The file name, as findings cite it.
  public static let fileName = "ttic31230-cnn-2019.md"

  /// The document's text, read from the bundled resource once.
  public static let text: String = {
    guard let url = Bundle.module.url(forResource: "ttic31230-cnn-2019", withExtension: "md"),
      let data = try? Data(contentsOf: url)
    else {
      preconditionFailure(
        "the shipped problem set \(fileName) is missing from psverify's resources")
    }
    return String(decoding: data, as: UTF8.self)
  }()
}
