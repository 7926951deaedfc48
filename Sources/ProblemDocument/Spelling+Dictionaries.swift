import Foundation

/// The dictionaries prose is checked against: American and British English, so that a writer in
/// either spelling (`normalized`, `normalised`) is not reported. A word is misspelt only when
/// every loaded dictionary rejects it.
extension Spelling {
  /// The hunspell dictionaries asked, in order (`-d en_US,en_GB`); Debian's `hunspell-en-us` and
  /// `hunspell-en-gb`.
  public static let dictionaries = ["en_US", "en_GB"]

  /// The Debian package of each dictionary, named in the note when it is missing.
  static let dictionaryPackages = ["en_US": "hunspell-en-us", "en_GB": "hunspell-en-gb"]

  /// hunspell loads the first dictionary or fails; later ones it skips silently when absent. So
  /// the loaded ones are read from its `-D` report ("LOADED DICTIONARY:" then the `.aff` path).
  /// - Returns: the dictionaries of `dictionaries` that hunspell did not load, or `[]` when
  ///   hunspell is missing (that case is reported by `misspelt`).
  public static func missingDictionaries(hunspell: String? = nil) -> [String] {
    guard let hunspell = hunspell ?? executable("hunspell") else { return [] }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: hunspell)
    process.arguments = ["-D", "-d", dictionaries.joined(separator: ","), "-l"]
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    do { try process.run() } catch { return [] }
    try? input.fileHandleForWriting.close()
    let report = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let lines = report.split(whereSeparator: \.isNewline).map(String.init)
    var loaded = Set<String>()
    for (k, line) in lines.enumerated() where line.hasPrefix("LOADED DICTIONARY") {
      guard k + 1 < lines.count else { continue }
      let file = URL(fileURLWithPath: lines[k + 1]).deletingPathExtension().lastPathComponent
      loaded.insert(file)
    }
    return dictionaries.filter { !loaded.contains($0) }
  }

  /// `missingDictionaries()` of this machine's hunspell, asked once per process (the audit
  /// asks on every run; the installed dictionaries do not change while it runs).
  static let missingOnThisMachine = missingDictionaries()

  /// The audit's note for dictionaries hunspell lacks, or nil when all are loaded.
  public static func missingDictionaryNote(_ missing: [String]) -> String? {
    guard !missing.isEmpty else { return nil }
    let packages = missing.compactMap { dictionaryPackages[$0] }.joined(separator: " ")
    return "spelling not checked against \(missing.joined(separator: ", ")): hunspell has no "
      + "such dictionary (apt-get install \(packages)); words only that dictionary accepts "
      + "are reported as misspelt"
  }
}
