import Foundation

/// Spelling of a document's prose with hunspell and its English dictionaries (Debian's `hunspell`,
/// `hunspell-en-us` and `hunspell-en-gb`; see `dictionaries`), plus a short list of the field's
/// terms. Math and code are not prose and are never checked.
public enum Spelling {
  /// Terms of the field that a general dictionary lacks.
  public static let projectWords: [String] = [
    "arxiv", "backprop", "backpropagation", "bottleneck", "bottlenecks", "CNN", "CNNs",
    "convolutional",
    "equivariance", "equivariant", "ith", "jth", "kth", "minibatch", "MLP", "MLPs", "nbgrader",
    "perceptron", "perceptrons", "ReLU", "ReLUs", "softmax", "subtensor", "subtensors", "TTIC",
    "psverify", "hyperparameter", "hyperparameters", "overfitting", "regularizer",
  ]

  /// Why spelling could not be checked, when it could not.
  public enum Unavailable: Error, CustomStringConvertible {
    case noHunspell
    case noDictionary(String)
    case failed(String)

    public var description: String {
      switch self {
      case .noHunspell:
        "spelling not checked: hunspell is not installed (apt-get install hunspell hunspell-en-us hunspell-en-gb)"
      case .noDictionary(let message):
        "spelling not checked: hunspell has no English dictionary (apt-get install hunspell-en-us): \(message)"
      case .failed(let message): "spelling not checked: hunspell failed: \(message)"
      }
    }
  }

  /// The words of prose, as checked: letter runs (with inner apostrophes), markup dropped,
  /// URLs, acronyms and single letters skipped.
  public static func words(_ text: String) -> [(word: String, offset: Int)] {
    // Markdown emphasis is not part of a word (`*i*th` reads as "ith"); keep each scalar's offset.
    var s: [Unicode.Scalar] = []
    var offsets: [Int] = []
    for (k, c) in text.unicodeScalars.enumerated() where c != "*" {
      s.append(c)
      offsets.append(k)
    }
    var out: [(String, Int)] = []
    var i = 0
    while i < s.count {
      // Skip URLs and arxiv-style identifiers whole.
      if s[i] == "h", i + 4 < s.count, String(String.UnicodeScalarView(s[i..<(i + 4)])) == "http" {
        while i < s.count, !s[i].properties.isWhitespace { i += 1 }
        continue
      }
      guard s[i].properties.isAlphabetic else {
        i += 1
        continue
      }
      let start = i
      while i < s.count,
        s[i].properties.isAlphabetic
          || (s[i] == "'" && i + 1 < s.count && s[i + 1].properties.isAlphabetic)
      {
        i += 1
      }
      // Glued to digits or underscores (a name such as x1 or n_out): not a word.
      if i < s.count, s[i].properties.numericType != nil || s[i] == "_" { continue }
      if start > 0, s[start - 1].properties.numericType != nil || s[start - 1] == "_" { continue }
      var w = String.UnicodeScalarView()
      w.append(contentsOf: s[start..<i])
      var word = String(w)
      if word.hasSuffix("'s") { word.removeLast(2) }  // a possessive: check the word itself
      let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
      if letters.count < 2 { continue }
      if letters.count <= 5, word.uppercased() == word { continue }  // an acronym
      out.append((word, offsets[start]))
    }
    return out
  }

  /// Letter runs longer than this are not looked up: no English word is this long (the longest
  /// in hunspell's en_US has 28 letters), and hunspell's time grows faster than linearly in a
  /// word's length. The audit reports such a run as a finding of its own.
  public static let maximumWordLength = 64

  /// How long hunspell may run before it is stopped and spelling is reported as not checked.
  public static let timeLimit: Double = 60

  /// Whether a word list accepts `word`, as a hunspell personal dictionary would: an entry in
  /// lower case also accepts its Capitalised and UPPER-CASE forms; others only as written.
  static func isListed(_ word: String, in list: Set<String>) -> Bool {
    if list.contains(word) { return true }
    let lower = word.lowercased()
    guard list.contains(lower) else { return false }
    return word == lower.uppercased() || word == lower.prefix(1).uppercased() + lower.dropFirst()
  }

  /// The project's and the field's words (`FieldWords`), accepted besides the dictionary.
  static let acceptedWords = Set(projectWords + FieldWords.words)

  /// The misspelt words among `words`, by hunspell (the project's words are accepted before it is
  /// asked, so no word list is written to disk and nothing is left behind on any path).
  /// - Parameters:
  ///   - extra: words accepted besides the dictionary, the project's and the field's.
  ///   - timeLimit: seconds before hunspell is stopped (SIGTERM, then SIGKILL) and spelling is
  ///     reported as not checked.
  ///   - hunspell: the executable; by default `hunspell` on PATH.
  /// - Throws: `Unavailable` when hunspell or its dictionary is missing, it fails, or it runs
  ///   past `timeLimit`.
  /// - Complexity: linear in the total length of the words, which are at most
  ///   `maximumWordLength` letters each (longer ones are not looked up).
  public static func misspelt(
    _ words: Set<String>, extra: [String] = [],
    timeLimit: Double = timeLimit,
    hunspell: String? = nil
  ) throws(Unavailable) -> Set<String> {
    let accepted = extra.isEmpty ? acceptedWords : acceptedWords.union(extra)
    let asked = words.filter {
      !isListed($0, in: accepted) && $0.unicodeScalars.count <= maximumWordLength
    }
    guard !asked.isEmpty else { return [] }
    guard let hunspell = hunspell ?? executable("hunspell") else { throw .noHunspell }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: hunspell)
    process.arguments = ["-d", dictionaries.joined(separator: ","), "-l", "-i", "utf-8"]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do { try process.run() } catch { throw .failed("\(error)") }
    // A watchdog stops hunspell at the time limit; the pipes then close and the reads end.
    let expired = Flag()
    let watchdog = DispatchWorkItem {
      guard process.isRunning else { return }
      expired.set()
      process.terminate()
      let pid = process.processIdentifier
      DispatchQueue.global().asyncAfter(deadline: .now() + 2) { kill(pid, SIGKILL) }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog)
    // Write on another thread while this one reads, so that neither pipe fills up.
    let text = Data(asked.sorted().joined(separator: "\n").utf8 + [10])
    let writer = input.fileHandleForWriting
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      // hunspell may exit before reading everything (a crash, the watchdog): no SIGPIPE here.
      _ = text.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let n = write(writer.fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
          if n <= 0 { break }
          offset += n
        }
      }
      try? writer.close()
      done.signal()
    }
    let result = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    watchdog.cancel()
    if expired.isSet {
      throw .failed("hunspell did not finish within \(Int(timeLimit)) s and was stopped")
    }
    let stderr = String(decoding: message, as: UTF8.self)
    if stderr.contains("Can't open affix or dictionary") { throw .noDictionary(stderr) }
    guard process.terminationStatus == 0 else { throw .failed(stderr) }
    return Set(String(decoding: result, as: UTF8.self).split(separator: "\n").map(String.init))
  }

  /// A flag set once from another thread.
  final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
  }

  static func executable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
