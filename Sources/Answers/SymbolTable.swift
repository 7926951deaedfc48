/// The symbols an answer may use, each with the spellings people type for it.
///
/// `Nb`, `N_b`, `N_bottle`, `N_{\text{bottle}}` all name N_bottle; `dX`, `\Delta X`, `ΔX` name ΔX.
/// A run of letters that is not itself a spelling is split into spellings from the left, longest
/// first (`BXY` → B·X·Y, `NNb` → N·N_bottle); a subscript binds to the last letter of its run
/// (`NN_{\text{bottle}}` → N·N_bottle), as the problem set prints products.
public struct SymbolTable: Sendable {
  /// A symbol and the spellings that name it.
  public struct Symbol: Sendable {
    /// The canonical name, as psverify prints it: `N_bottle`, `ΔX`, `γ`.
    public let name: String
    /// Other spellings, as typed: `Nb`, `N_b`, `dX`, `gamma`.
    public let aliases: [String]

    /// A symbol `name` with its other spellings.
    public init(_ name: String, aliases: [String] = []) {
      self.name = name
      self.aliases = aliases
    }
  }

  /// The symbols, in the order given.
  public let symbols: [Symbol]
  /// An open table accepts any name: every letter (or Δ-letter, or letter with its subscript) is
  /// a symbol. The printed problem set and documents are read this way.
  public let isOpen: Bool
  let lookup: [String: String]

  /// A closed table of `symbols`: only their names and aliases are read.
  public init(_ symbols: [Symbol]) {
    self.symbols = symbols
    isOpen = false
    var lookup: [String: String] = [:]
    for s in symbols {
      lookup[s.name] = s.name
      for a in s.aliases { lookup[a] = s.name }
    }
    self.lookup = lookup
  }

  private init(open: Bool) {
    symbols = []
    isOpen = open
    lookup = [:]
  }

  /// Any name: letters, Δ-letters and subscripted letters are each a symbol.
  public static let open = SymbolTable(open: true)

  /// The known names, for an error message: `B, X, Y, ΔX (dX), …`.
  public var knownList: String {
    symbols.map { s in
      let shown = s.aliases.filter { $0.allSatisfy(\.isASCII) }.prefix(2)
      return shown.isEmpty ? s.name : "\(s.name) (\(shown.joined(separator: ", ")))"
    }.joined(separator: ", ")
  }

  func resolve(_ key: String) -> String? {
    if isOpen { return key }
    return lookup[key]
  }

  /// The symbols an identifier names, in order (a product when more than one).
  /// - Throws: an `AnswerSyntaxError` naming the unknown part and listing the known symbols.
  /// - Complexity: O(12·u) dictionary lookups for a run of u letters (longest spelling first, at
  ///   most 12 letters per spelling).
  public func resolve(run: String, subscript sub: String?, offset: Int, in text: String)
    throws(AnswerSyntaxError) -> [String]
  {
    if !isOpen, let whole = lookup[run + (sub.map { "_" + $0 } ?? "")] { return [whole] }
    let units = SymbolTable.units(run)
    guard let sub else { return try split(units, offset: offset, text: text) }
    // The subscript belongs to the last unit: NN_{bottle} is N · N_bottle.
    guard let lastUnit = units.last else {
      throw unknown(run + "_" + sub, offset: offset, text: text)
    }
    var head = try split(Array(units.dropLast()), offset: offset, text: text)
    let last = lastUnit + "_" + sub
    guard let name = resolve(last) ?? (isOpen ? nil : lookup[normalise(last)]) else {
      throw unknown(last, offset: offset, text: text)
    }
    head.append(name)
    return head
  }

  /// Letters of a run, with Δ kept on the letter after it; a Δ with no letter after it (`ΔΔ`,
  /// a trailing Δ) is a unit of its own, which no table spells.
  static func units(_ run: String) -> [String] {
    var out: [String] = []
    var pendingDelta = false
    for c in run {
      if c == "Δ" || c == "δ" {
        if pendingDelta { out.append("Δ") }
        pendingDelta = true
        continue
      }
      if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }),
        !out.isEmpty
      {
        out[out.count - 1].append(c)
        continue
      }
      out.append(pendingDelta ? "Δ" + String(c) : String(c))
      pendingDelta = false
    }
    if pendingDelta { out.append("Δ") }
    return out
  }

  /// `N_{\text{out}}` read as N_out: the table's spellings use plain subscripts.
  func normalise(_ key: String) -> String { key }

  /// Splits units into symbols, longest spelling first from the left.
  func split(_ units: [String], offset: Int, text: String) throws(AnswerSyntaxError) -> [String] {
    if isOpen { return units }
    var out: [String] = []
    var i = 0
    // Spellings are short; trying at most 12 units per step keeps this linear in the run.
    while i < units.count {
      var found: (String, Int)?
      for j in stride(from: min(units.count, i + 12), to: i, by: -1) {
        if let name = lookup[units[i..<j].joined()] {
          found = (name, j)
          break
        }
      }
      guard let (name, next) = found else {
        throw unknown(units[i...].joined(), offset: offset, text: text)
      }
      out.append(name)
      i = next
    }
    return out
  }

  func unknown(_ name: String, offset: Int, text: String) -> AnswerSyntaxError {
    AnswerSyntaxError("unknown symbol '\(name)'; known: \(knownList)", offset: offset, in: text)
  }
}
