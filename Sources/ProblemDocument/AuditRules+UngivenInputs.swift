import Foundation
import IndexNotation

/// An equation that reads a tensor nothing gives, where a given tensor of its shape is meant.
extension AuditRules {
  /// `y[n,k] = A[k,M] z[n,M]` where the text gave the input as `u[n,m]` and says nothing of z:
  /// a tensor read on the right of an equation whose family no other fragment of the document
  /// writes, mentions or defines (and that its own fragment does not define on a left side),
  /// while an earlier fragment writes another tensor that the document gives (a left side
  /// defines it or the prose introduces it, anywhere) of the same rank with the same letters at
  /// its first and last positions (the batch or point letter and the channel letter, case
  /// aside). The reading names a tensor with the wrong letter; the given look-alike is the one
  /// meant. A family written in a second fragment, or mentioned by a fragment the engine could
  /// not read, is given; a tensor with no look-alike is left to the undefined-name rule.
  /// - Complexity: O(u log u + u log f) for u uses and f fragments: one sort, a binary search
  ///   per use, and one look-up of the given shapes per use.
  struct UngivenInputs: AuditRule {
    let id = "ungiven-inputs"
    let summary = "an equation reads a tensor nothing gives where a given tensor of its shape fits"
    let kinds: [Finding.Kind] = [.inputLetter]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      let starts = reading.readings.map(\.fragment.location.offset)
      let ends = reading.readings.map {
        $0.fragment.location.offset + $0.fragment.text.unicodeScalars.count
      }
      // The fragment holding an offset, by binary search over the fragments' starts.
      func fragment(_ offset: Int) -> Int? {
        var lo = 0
        var hi = starts.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, offset < ends[lo - 1] else { return nil }
        return lo - 1
      }
      let uses = reading.symbols.uses
      // Every fragment each family or name is written in, and whether a left side defines it.
      var written: [String: Set<Int>] = [:]
      var defined = Set<String>()
      for u in uses {
        guard let f = fragment(u.location.offset) else { continue }
        let keys = Set([u.name, u.family, String(u.name.prefix { $0 != "_" })])
        for key in keys { written[key, default: []].insert(f) }
        if u.onLeft || (u.introduces && !u.inEquation) {
          for key in keys { defined.insert(key) }
        }
      }
      // Fragments the engine could not read may still write a tensor: the letters written
      // just before `[`, `_` or `^` there, read once; a command so written (`\rho[`) stands for
      // any letter the text spells as a command.
      var marked = Set<Character>()
      var commandMarked = false
      for r in reading.readings {
        guard case .unreadable = r.content else { continue }
        var run = ""
        var command = false
        for c in r.fragment.text {
          if "[_^".contains(c), let last = run.last {
            if command { commandMarked = true } else if run.count == 1 { marked.insert(last) }
          }
          if c.isLetter {
            run.append(c)
          } else {
            command = c == "\\"
            run = ""
          }
        }
      }
      // Whether such a fragment writes the letter as a tensor or a family (`a[`, `a_`, `a^`).
      func mentioned(_ letter: String) -> Bool {
        guard letter.count == 1, let c = letter.first else { return commandMarked }
        return c.isASCII ? marked.contains(c) : commandMarked
      }
      // The given tensors (written, and defined or introduced somewhere) by rank and end
      // letters: per shape the first in document order and the first of another base letter —
      // the earliest look-alike of any base is one of the two.
      var given: [String: [(fragment: Int, use: SymbolUse)]] = [:]
      for u in uses.sorted(by: { $0.location < $1.location }) {
        guard u.role == .tensor, defined.contains(u.family) || defined.contains(u.name),
          let key = Self.endLetters(u), let f = fragment(u.location.offset)
        else { continue }
        let shape = "\(u.indices.count) \(key)"
        let firsts = given[shape, default: []]
        if firsts.isEmpty
          || firsts.count == 1 && Self.base(firsts[0].use.family) != Self.base(u.family)
        {
          given[shape] = firsts + [(f, u)]
        }
      }
      var out: [Finding] = []
      var reported = Set<String>()
      // The left side of the equation each use stands in: the last left side before it in its
      // fragment.
      var left: (fragment: Int, use: SymbolUse)?
      for u in uses.sorted(by: { $0.location < $1.location }) {
        if u.onLeft, u.role == .tensor, let f = fragment(u.location.offset) {
          left = (f, u)
          continue
        }
        guard u.role == .tensor, u.inEquation, u.indices.count >= 2, !reported.contains(u.family),
          let lhs = left, lhs.fragment == fragment(u.location.offset),
          let first = u.bareIndices.first ?? nil, lhs.use.bareIndices.first == first,
          Self.readAsInput(u)
        else { continue }
        let f = lhs.fragment
        guard let key = Self.endLetters(u),
          written[u.family] == [f], written[u.name] == [f], !defined.contains(u.family),
          !defined.contains(u.name), !mentioned(Self.base(u.family))
        else { continue }
        guard
          let peer = given["\(u.indices.count) \(key)"]?.first(where: {
            Self.base($0.use.family) != Self.base(u.family)
          }), peer.fragment < f
        else { continue }
        reported.insert(u.family)
        out.append(
          Finding(
            .inputLetter,
            "\(u.name) is read here but nothing in the document gives it, while "
              + "\(peer.use.name)[\(peer.use.indices.joined(separator: ","))] is given with "
              + "the same shape: the equation should read the given tensor",
            at: u.location, in: doc.sections[u.section], document: doc))
      }
      return out
    }

    /// Whether a tensor is read the way an input is: a summed capital or a formula (`t − ΔT`,
    /// `2x + Δx`) at one of its positions.
    static func readAsInput(_ u: SymbolUse) -> Bool {
      zip(u.indices, u.bareIndices).contains { index, bare in
        bare == nil || bare?.first?.isUppercase == true && !index.hasPrefix("Δ")
      }
    }

    /// A family's letter without its superscript, accents and primes: `W` for `W^K`.
    static func base(_ family: String) -> String {
      String(
        family.prefix { $0 != "^" }.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
          !$0.properties.isDiacritic && $0 != "′"
        })
    }

    /// A tensor's first and last index letters, lowercased, when both positions hold a bare
    /// letter: the key two spellings of one tensor share.
    static func endLetters(_ u: SymbolUse) -> String? {
      guard let first = u.bareIndices.first ?? nil, let last = u.bareIndices.last ?? nil,
        !first.hasPrefix("Δ"), !last.hasPrefix("Δ")
      else { return nil }
      return first.lowercased() + "\u{0}" + last.lowercased()
    }
  }
}
