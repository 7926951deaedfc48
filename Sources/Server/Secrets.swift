import ProblemDocument

/// Constant-time comparison and HMAC-SHA256, for tokens and CSRF tokens.
enum Secrets {
  /// Whether `a == b`, in time that depends only on the lengths: every byte is compared, with no
  /// early exit, so the time taken says nothing about how long a matching prefix is.
  static func equal(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    var difference = UInt8(x.count == y.count ? 0 : 1)
    let n = max(x.count, y.count)
    for i in 0..<n {
      let p = i < x.count ? x[i] : 0
      let q = i < y.count ? y[i] : 0
      difference |= p ^ q
    }
    return difference == 0
  }

  /// HMAC-SHA256 (RFC 2104): H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)) with 64-byte blocks, as hex.
  static func hmac(key: [UInt8], _ message: String) -> String {
    var k = key.count > 64 ? bytes(hex: SHA256.hex(key)) : key
    k += [UInt8](repeating: 0, count: 64 - k.count)
    let inner = SHA256.hex(k.map { $0 ^ 0x36 } + Array(message.utf8))
    return SHA256.hex(k.map { $0 ^ 0x5c } + bytes(hex: inner))
  }

  static func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count - 1, by: 2).map { i in
      (FormBody.hex(digits[i]) ?? 0) << 4 | (FormBody.hex(digits[i + 1]) ?? 0)
    }
  }

  /// 32 bytes from the system's cryptographic generator.
  static func randomKey() -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
  }
}
