/// The prose's words against English dictionaries and the field's word list.
extension AuditRules {
  /// Misspelt words of the prose (inner capitals and capitalized names inside a sentence are
  /// names, not looked up), at most five places per word, and runs of letters too long to be a
  /// word. Runs only when the audit asks for spelling; hunspell missing is noted, not a finding.
  struct MisspeltWords: AuditRule {
    let id = "misspelt-words"
    let summary = "a misspelt word in the prose"
    let kinds: [Finding.Kind] = [.spelling]

    func findings(in reading: AuditReading) throws(AuditRuleError) -> [Finding] {
      guard reading.spelling else { return [] }
      do {
        return try AuditRules.spellingFindings(reading.document, extra: reading.words)
      } catch {
        throw .unavailable(error.description)
      }
    }
  }

  /// The spelling findings of a document.
  /// - Throws: `Spelling.Unavailable` when hunspell or its dictionary is missing or fails.
  static func spellingFindings(_ doc: ProblemSetDocument, extra: [String]) throws(Spelling
    .Unavailable)
    -> [Finding]
  {
    var occurrences: [(String, DocumentLocation, Int)] = []
    var names = Set<String>()
    for (index, section) in doc.sections.enumerated() {
      for span in section.prose {
        let scalars = Array(span.text.unicodeScalars)
        for (word, offset) in Spelling.words(span.text) {
          // Inner capitals (MoE), a run of consonants (a handle: mkw) and a capitalized name
          // inside a sentence (Cauchy–Schwarz) are names, not English words to look up.
          if Spelling.hasInnerCapital(word) || Spelling.hasNoVowel(word) { continue }
          if Spelling.isProperName(word, in: scalars, at: offset) {
            names.insert(word)
            continue
          }
          occurrences.append((word, doc.location(ofOffset: span.location.offset + offset), index))
        }
      }
    }
    var wrong = try Spelling.misspelt(Set(occurrences.map(\.0)), extra: extra)
    wrong.subtract(try Spelling.compounds(wrong, extra: extra))
    wrong.subtract(Spelling.headingNames(wrong, text: doc.text, occurrences: occurrences.map(\.0)))
    // A name written capitalized inside a sentence somewhere (`… by the Nyström method`) is that
    // name where a sentence or a heading opens with it too; a word the document writes the same
    // way three times or more is its own term (an abbreviation, a coinage), not a slip.
    wrong.subtract(names)
    wrong.subtract(Spelling.repeatedTerms(wrong, occurrences: occurrences.map(\.0)))
    var perWord: [String: Int] = [:]
    var out: [Finding] = []
    for (word, location, section) in occurrences {
      let length = word.unicodeScalars.count
      let tooLong = length > Spelling.maximumWordLength
      guard tooLong || wrong.contains(word) else { continue }
      perWord[word, default: 0] += 1
      guard perWord[word]! <= 5 else { continue }  // five places per word are enough to fix it
      let message =
        tooLong
        ? "a run of \(length) letters ('\(word.prefix(12))…') is no English word; words longer "
          + "than \(Spelling.maximumWordLength) letters are not looked up"
        : "'\(word)' is not in the English dictionary or the field's word list"
      out.append(
        Finding(
          .spelling, message, at: location, in: doc.sections[section],
          document: doc))
    }
    return out
  }
}
