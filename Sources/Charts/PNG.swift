import Foundation

/// A minimal PNG writer for the report's pictures (pyramid levels, feature maps): 8-bit RGB or
/// grey, zlib "stored" blocks (no compression: the pictures are a few KiB), CRC-32 and Adler-32
/// as the format requires. Enough for `<img src="data:image/png;base64,…">` and Jupyter's
/// `image/png` outputs.
public enum PNG {
  /// Encodes `pixels` (row-major, `channels` = 1 or 3 values per pixel in 0…1, clamped).
  public static func encode(width: Int, height: Int, channels: Int, pixels: [Double]) -> Data {
    precondition(channels == 1 || channels == 3, "PNG channels must be 1 or 3")
    precondition(pixels.count == width * height * channels, "pixel count mismatch")
    var raw = [UInt8]()
    raw.reserveCapacity(height * (1 + width * channels))
    for y in 0..<height {
      raw.append(0)  // filter type 0: none
      for i in 0..<(width * channels) {
        let v = pixels[y * width * channels + i]
        raw.append(UInt8((v.isFinite ? min(1, max(0, v)) : 0) * 255 + 0.5))
      }
    }
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var header = [UInt8]()
    header += bigEndian(UInt32(width))
    header += bigEndian(UInt32(height))
    // depth 8, colour type, deflate, filter, no interlace
    header += [8, channels == 3 ? 2 : 0, 0, 0, 0]
    chunk("IHDR", header, into: &png)
    chunk("IDAT", zlibStored(raw), into: &png)
    chunk("IEND", [], into: &png)
    return Data(png)
  }

  static func bigEndian(_ v: UInt32) -> [UInt8] {
    [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)]
  }

  static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
    let typed = Array(type.utf8) + data
    png += bigEndian(UInt32(data.count))
    png += typed
    png += bigEndian(crc32(typed))
  }

  /// A zlib stream of stored (uncompressed) deflate blocks of at most 65535 bytes.
  static func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
      let n = min(65535, data.count - offset)
      let last: UInt8 = offset + n == data.count ? 1 : 0
      out += [last, UInt8(n & 0xff), UInt8(n >> 8), UInt8(~n & 0xff), UInt8((~n >> 8) & 0xff)]
      out += data[offset..<(offset + n)]
      offset += n
    } while offset < data.count
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in data {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    out += bigEndian(b << 16 | a)
    return out
  }

  static let crcTable: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func crc32(_ data: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for byte in data { c = crcTable[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}
