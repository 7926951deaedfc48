import Foundation

/// Spelling of a document's prose with hunspell and its English dictionary (Debian's `hunspell`
/// and `hunspell-en-us`), plus a short list of the field's terms. Math and code are not prose and
/// are never checked.
public enum Spelling {
  /// Terms of the field that a general dictionary lacks.
  public static let projectWords: [String] = [
    "arxiv", "backprop", "backpropagation", "bottleneck", "bottlenecks", "CNN", "CNNs", "convolutional",
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
        "spelling not checked: hunspell is not installed (apt-get install hunspell hunspell-en-us)"
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
      while i < s.count, s[i].properties.isAlphabetic
        || (s[i] == "'" && i + 1 < s.count && s[i + 1].properties.isAlphabetic) {
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

  /// The misspelt words among `words`, by hunspell.
  /// - Throws: `Unavailable` when hunspell or its dictionary is missing.
  /// - Parameter extra: words accepted besides the dictionary, the project's and the field's.
  public static func misspelt(_ words: Set<String>, extra: [String] = []) throws(Unavailable) -> Set<String> {
    guard !words.isEmpty else { return [] }
    guard let hunspell = executable("hunspell") else { throw .noHunspell }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psverify-spelling-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let personal = directory.appendingPathComponent("words.dic")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try ((projectWords + FieldWords.words + extra).joined(separator: "\n") + "\n").write(to: personal, atomically: true, encoding: .utf8)
    } catch {
      throw .failed("cannot write its word list: \(error)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: hunspell)
    process.arguments = ["-d", "en_US", "-p", personal.path, "-l", "-i", "utf-8"]
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do { try process.run() } catch { throw .failed("\(error)") }
    // Write on another thread while this one reads, so that neither pipe fills up.
    let text = Data(words.sorted().joined(separator: "\n").utf8 + [10])
    let writer = input.fileHandleForWriting
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      writer.write(text)
      try? writer.close()
      done.signal()
    }
    let result = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    let stderr = String(decoding: message, as: UTF8.self)
    if stderr.contains("Can't open affix or dictionary") { throw .noDictionary(stderr) }
    guard process.terminationStatus == 0 else { throw .failed(stderr) }
    return Set(String(decoding: result, as: UTF8.self).split(separator: "\n").map(String.init))
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
