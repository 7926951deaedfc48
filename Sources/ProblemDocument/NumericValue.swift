import Algebra
import Foundation

/// The value of a side of an equation written only in numbers: integers, decimals, thousands
/// separators (`40{,}960`, `40\,960`, `40,960`), `+ − · × /`, juxtaposition (`2(3 + 4)`), powers
/// (`64^2`, `2^{10}`, `10^{-3}`), `\frac{a}{b}`, parentheses and braces, `\lfloor … \rfloor`,
/// `\lceil … \rceil` and π. The one numeric evaluator of the audit: the rules that check printed
/// arithmetic (`rounded-sizes`, `arithmetic-chains`) all read sides through it.
struct NumericValue {
  /// The exact value when the side is made of integers and rationals only (no π, no
  /// non-integer power); nil otherwise.
  let exact: Rational?
  /// The value as a floating-point number (always present).
  let approximate: Double
  /// One unit of the last digit printed when the side is one printed number (`1.534\times
  /// 10^{-3}` → 0.000001, `5.5\times 10^8` → 10⁷, `6{,}000` → 1000), else nil.
  let printedUnit: Double?
  /// Whether the side takes a floor or a ceiling.
  let rounds: Bool
  /// Whether the side prints a decimal point.
  let decimal: Bool

  /// The longest side, in characters, that is read.
  static let longest = 400
  /// The characters `normalized` writes for `\frac` and for π: private-use characters no text
  /// or letter slot uses, so a size written `P` or `F` (a padding, a filter count) is a letter,
  /// not π or a fraction.
  static let fracMark: Character = "\u{F8F0}"
  static let piMark: Character = "\u{F8F1}"

  /// The largest power exponent computed exactly.
  static let largestExponent = 64

  /// The value of `text`, or nil for anything that is not a side of numbers (a letter, a word).
  /// - Complexity: linear in the text's length.
  static func read(_ text: String) -> NumericValue? {
    guard let cleaned = normalized(text) else { return nil }
    var reader = Reader(chars: cleaned)
    guard let v = reader.sum(), reader.at == cleaned.count, v.approximate.isFinite else {
      return nil
    }
    let literal = Self.printedUnit(cleaned)
    return NumericValue(
      exact: v.exact, approximate: v.approximate, printedUnit: literal,
      rounds: cleaned.contains("⌊") || cleaned.contains("⌈"), decimal: cleaned.contains("."))
  }

  /// The exact value of characters `normalized` once, with each slot character read as its
  /// value (a letter's value at one point), or nil.
  /// - Complexity: linear in the characters' count.
  static func exact(_ cleaned: [Character], slots: [Character: Rational]) -> Rational? {
    var reader = Reader(chars: cleaned, slots: slots)
    guard let v = reader.sum(), reader.at == cleaned.count, v.approximate.isFinite else {
      return nil
    }
    return v.exact
  }

  /// The text with its commands, spaces and thousands separators rewritten into the characters
  /// the reader reads, or nil when it cannot be a side of numbers.
  static func normalized(_ text: String) -> [Character]? {
    guard text.count < longest * 2, !text.contains(fracMark), !text.contains(piMark) else {
      return nil
    }
    var t = text
    for (from, to) in [
      ("{,}", ""), ("\\,", ""), ("\\!", ""), ("\\;", " "), ("\\left", ""), ("\\right", ""),
      ("\\lfloor", "⌊"), ("\\rfloor", "⌋"), ("\\lceil", "⌈"), ("\\rceil", "⌉"),
      ("\\cdot", "*"), ("\\times", "*"), ("\\ast", "*"), ("×", "*"), ("·", "*"), ("⋅", "*"),
      ("\\div", "/"), ("−", "-"), ("\\tfrac", "\(fracMark)"), ("\\dfrac", "\(fracMark)"),
      ("\\frac", "\(fracMark)"), ("\\pi", "\(piMark)"), ("π", "\(piMark)"),
    ] {
      t = t.replacingOccurrences(of: from, with: to)
    }
    var chars: [Character] = []
    var pendingSpace = false
    for c in t {
      if c.isWhitespace {
        pendingSpace = true
        continue
      }
      // Two numbers side by side with only a space between them are no product.
      if pendingSpace, c.isNumber, let last = chars.last, last.isNumber || last == "." {
        return nil
      }
      pendingSpace = false
      chars.append(c)
    }
    guard !chars.isEmpty, chars.count < longest else { return nil }
    // A comma between digits followed by exactly three digits is a thousands separator.
    var cleaned: [Character] = []
    for (i, c) in chars.enumerated() {
      if c == "," {
        let before = i > 0 && chars[i - 1].isNumber
        let three = i + 3 < chars.count && (1...3).allSatisfy { chars[i + $0].isNumber }
        let fourth = i + 4 < chars.count && chars[i + 4].isNumber
        guard before, three, !fourth else { return nil }
        continue
      }
      cleaned.append(c)
    }
    return cleaned
  }

  /// One unit of the last printed digit when `chars` is one number, optionally times a power of
  /// ten (`5.5*10^8`, `1.534*10^{-3}`, `600000`): trailing zeros of a whole number are not
  /// printed digits.
  static func printedUnit(_ chars: [Character]) -> Double? {
    let text = String(chars)
    var mantissa = text
    var scale = 0
    if let star = text.firstIndex(of: "*") {
      mantissa = String(text[..<star])
      var power = String(text[text.index(after: star)...])
      guard power.hasPrefix("10^") else { return nil }
      power.removeFirst(3)
      power = power.trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
      guard let e = Int(power), e.magnitude < 300 else { return nil }
      scale = e
    }
    guard !mantissa.isEmpty, mantissa.allSatisfy({ $0.isNumber || $0 == "." }),
      mantissa.filter({ $0 == "." }).count <= 1
    else { return nil }
    if let dot = mantissa.firstIndex(of: ".") {
      let decimals = mantissa.distance(from: dot, to: mantissa.endIndex) - 1
      return pow(10, Double(scale - decimals))
    }
    let zeros = mantissa.reversed().prefix { $0 == "0" }.count
    let shown = zeros == mantissa.count ? 0 : zeros
    return pow(10, Double(scale + shown))
  }

  /// A value being read: exact when it can be, always approximate.
  struct Part {
    var exact: Rational?
    var approximate: Double

    init(_ exact: Rational?, _ approximate: Double) {
      self.exact = exact
      self.approximate = approximate
    }

    /// Whether the exact value is small enough to compute with (hostile input: 10^{10^{…}}).
    var bounded: Bool { (exact?.bitWidth ?? 0) < 4096 }
  }

  /// A recursive-descent reader of a numeric side (depth bounded by the text's length).
  struct Reader {
    let chars: [Character]
    /// Characters that stand for given values (a letter's value at one point).
    var slots: [Character: Rational] = [:]
    var at = 0

    mutating func sum() -> Part? {
      guard var v = product() else { return nil }
      while at < chars.count, chars[at] == "+" || chars[at] == "-" {
        let plus = chars[at] == "+"
        at += 1
        guard let w = product() else { return nil }
        let exact = v.exact.flatMap { a in w.exact.map { plus ? a + $0 : a - $0 } }
        v = Part(exact, plus ? v.approximate + w.approximate : v.approximate - w.approximate)
      }
      return v
    }

    mutating func product() -> Part? {
      guard var v = unary() else { return nil }
      while at < chars.count {
        let c = chars[at]
        var divide = false
        if c == "*" || c == "/" {
          divide = c == "/"
          at += 1
        } else if !"(⌊⌈{".contains(c), c != NumericValue.fracMark, c != NumericValue.piMark,
          slots[c] == nil
        {
          break
        }
        // Juxtaposition (`2(3 + 4)`, `2\pi`) multiplies.
        guard let w = unary() else { return nil }
        if divide {
          guard w.approximate != 0, w.exact.map({ !$0.isZero }) ?? true else { return nil }
          v = Part(v.exact.flatMap { a in w.exact.map { a / $0 } }, v.approximate / w.approximate)
        } else {
          v = Part(v.exact.flatMap { a in w.exact.map { a * $0 } }, v.approximate * w.approximate)
        }
        guard v.bounded else { return nil }
      }
      return v
    }

    mutating func unary() -> Part? {
      if at < chars.count, chars[at] == "-" {
        at += 1
        return unary().map { Part($0.exact.map { -$0 }, -$0.approximate) }
      }
      return power()
    }

    mutating func power() -> Part? {
      guard let base = atom() else { return nil }
      guard at < chars.count, chars[at] == "^" else { return base }
      at += 1
      guard at < chars.count else { return nil }
      let e: Part
      if chars[at] == "{" {
        guard let braced = atom() else { return nil }
        e = braced
      } else {
        // `2^10` is 2¹·0 in LaTeX: one digit is the exponent.
        guard chars[at].isNumber, let digit = chars[at].wholeNumberValue else { return nil }
        at += 1
        e = Part(Rational(digit), Double(digit))
      }
      let value = Foundation.pow(base.approximate, e.approximate)
      var exact: Rational?
      if let b = base.exact, let x = e.exact, let n = x.intValue,
        n.magnitude <= largestExponent.magnitude,
        b.bitWidth * abs(n) < 4096, !(b.isZero && n < 0)
      {
        exact = n >= 0 ? b.power(n) : Rational.one / b.power(-n)
      }
      return Part(exact, value)
    }

    mutating func atom() -> Part? {
      guard at < chars.count else { return nil }
      let c = chars[at]
      let closers: [Character: Character] = ["(": ")", "{": "}", "⌊": "⌋", "⌈": "⌉"]
      if let close = closers[c] {
        at += 1
        guard let v = sum(), at < chars.count, chars[at] == close else { return nil }
        at += 1
        guard c == "⌊" || c == "⌈" else { return v }
        if let x = v.exact, let down = Self.floor(x) {
          let whole = c == "⌊" || x.isInteger ? down : down + .one
          return Part(whole, whole.doubleValue)
        }
        // A quotient of decimals is inexact in binary: within 1e-9 of a whole number is it.
        let whole = v.approximate.rounded()
        let near =
          abs(v.approximate - whole) <= 1e-9 * max(1, abs(v.approximate)) ? whole : v.approximate
        return Part(nil, c == "⌊" ? near.rounded(.down) : near.rounded(.up))
      }
      if c == NumericValue.fracMark {
        at += 1
        guard let a = atom(), let b = atom(), b.approximate != 0 else { return nil }
        return Part(a.exact.flatMap { x in b.exact.map { x / $0 } }, a.approximate / b.approximate)
      }
      if c == NumericValue.piMark {
        at += 1
        return Part(nil, Double.pi)
      }
      if let v = slots[c] {
        at += 1
        return Part(v, v.doubleValue)
      }
      guard c.isNumber else { return nil }
      let start = at
      while at < chars.count, chars[at].isNumber || chars[at] == "." { at += 1 }
      let digits = String(chars[start..<at])
      guard let d = Double(digits) else { return nil }
      return Part(Self.rational(digits), d)
    }

    /// A printed decimal as an exact rational (`1.25` → 5/4), nil past 18 digits either side.
    static func rational(_ digits: String) -> Rational? {
      let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count <= 2, parts[0].count <= 18,
        let whole = Int(parts[0].isEmpty ? "0" : String(parts[0]))
      else { return nil }
      guard parts.count == 2 else { return Rational(whole) }
      let fraction = String(parts[1])
      guard !fraction.isEmpty, fraction.count <= 18, let f = Int(fraction) else { return nil }
      return Rational(whole) + Rational(f) / Rational(10).power(fraction.count)
    }

    /// The largest integer at most `x`, nil past 10¹⁵.
    static func floor(_ x: Rational) -> Rational? {
      let d = x.doubleValue.rounded(.down)
      guard abs(d) < 1e15 else { return nil }
      var n = Rational(Int(d))
      // Correct the double's guess by at most one either way.
      if n > x { n = n - .one }
      if n + .one <= x { n = n + .one }
      return n
    }
  }
}
