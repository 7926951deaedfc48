/// The letters a math text mentions, read leniently: what the lexer can tokenize, skipping a
/// character wherever it cannot. Used where a fragment is not read as a whole but its names
/// still tell something (that it mentions θ or x̂).
public enum LenientNames {
  /// The letters of `text`, each with the accent written on it (`\hat{x}` gives x̂, `\mathbf{w}`
  /// gives w, `\mathcal{L}` gives ℒ).
  /// - Complexity: O(n) tokens for n characters.
  public static func letters(in text: String) -> Set<String> {
    var out = Set<String>()
    var lexer = Lexer(text)
    var pending: Character?
    // The accent of a braced group just opened (`\hat{`), and the letter just read with it: a
    // prime right after the group (`\hat{z}'`) names ẑ′, which is added beside the letters.
    var groupMark: Character?
    var last: String?
    while lexer.index < lexer.chars.count {
      let before = lexer.index
      do {
        let token = try lexer.next()
        switch token.kind {
        case .end: return out
        case .decoration(let mark): pending = mark
        case .letter(let l):
          out.insert(pending.map { l + String($0) } ?? l)
          last = (pending ?? groupMark).map { l + String($0) } ?? l
          pending = nil
          groupMark = nil
          continue
        case .symbol("′") where last != nil:
          // A few primes are names (`z′′`); a longer run adds nothing new, so no name grows past
          // three and a run of n primes stores O(1) names, not n of lengths 1…n.
          if last!.reversed().prefix { $0 == "′" }.count < 3 {
            last! += "′"
            out.insert(last!)
          }
          continue
        case .symbol("}") where last != nil:
          continue
        case .symbol("{") where pending != nil:
          groupMark = pending
          pending = nil
          continue
        case .symbol(let c) where c == "(" || c == ")": break
        default: pending = nil
        }
        last = nil
        groupMark = nil
      } catch {
        if lexer.index == before { lexer.advance() }
      }
    }
    return out
  }

  /// The first letter of `text` with its accent (`C^z` gives C, `\hat{y}_t` gives ŷ), if any.
  public static func firstLetter(in text: String) -> String? {
    var lexer = Lexer(text)
    var pending: Character?
    while lexer.index < lexer.chars.count {
      let before = lexer.index
      do {
        switch try lexer.next().kind {
        case .end: return nil
        case .decoration(let mark): pending = mark
        case .letter(let l): return pending.map { l + String($0) } ?? l
        default: break
        }
      } catch {
        if lexer.index == before { lexer.advance() }
      }
    }
    return nil
  }

  /// Letters written right before `(` (`\phi(M[…])`), with their character offsets: letters used
  /// as functions.
  public static func appliedLetters(in text: String) -> [(String, Int)] {
    var out: [(String, Int)] = []
    var lexer = Lexer(text)
    var last: (String, Int)?
    // A letter written as a script (`\beta_g(x)`) is the script of the name applied, as with
    // braces (`\beta_{g}(x)`): never itself applied.
    var script = false
    while lexer.index < lexer.chars.count {
      let before = lexer.index
      do {
        let token = try lexer.next()
        switch token.kind {
        case .end: return out
        case .letter(let l): last = script ? nil : (l, token.position.offset)
        case .symbol("("):
          if let l = last { out.append(l) }
          last = nil
        default: last = nil
        }
        if case .symbol(let s) = token.kind, s == "_" || s == "^" {
          script = true
        } else {
          script = false
        }
      } catch {
        last = nil
        if lexer.index == before { lexer.advance() }
      }
    }
    return out
  }
}
