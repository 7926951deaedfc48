import Foundation
import TensorCore

/// A reader for binary netpbm images: P5 (grey, PGM) and P6 (colour, PPM), maxval ≤ 65535.
public enum Netpbm {
  public enum ReadError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notNetpbm(path: String)
    case malformed(path: String, reason: String)
    case truncated(path: String, expected: Int, found: Int)

    public var description: String {
      switch self {
      case .unreadable(let path, let reason): "cannot read the image '\(path)': \(reason)"
      case .notNetpbm(let path):
        "'\(path)' is not a binary netpbm image; --image accepts PGM (P5) and PPM (P6) files"
      case .malformed(let path, let reason): "the image '\(path)' has a malformed header: \(reason)"
      case .truncated(let path, let expected, let found):
        "the image '\(path)' is truncated: its header promises \(expected) bytes of pixels, it has \(found)"
      }
    }
  }

  /// The image as [1, width, height, 3] with values in [0, 1]; grey images fill all three colours.
  public static func read(path: String) throws(ReadError) -> Tensor<Float> {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(
        path: path,
        reason: FileManager.default.fileExists(atPath: path)
          ? "permission denied or not a file" : "no such file")
    }
    return try parse(data, path: path)
  }

  public static func parse(_ data: Data, path: String) throws(ReadError) -> Tensor<Float> {
    let bytes = [UInt8](data)
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P"),
      bytes[1] == UInt8(ascii: "5") || bytes[1] == UInt8(ascii: "6")
    else {
      throw .notNetpbm(path: path)
    }
    let colour = bytes[1] == UInt8(ascii: "6")
    var i = 2
    func field(_ name: String) throws(ReadError) -> Int {
      // Whitespace and # comments, then decimal digits.
      while i < bytes.count {
        if bytes[i] == UInt8(ascii: "#") {
          // A comment ends at LF or CR, so CRLF and CR headers read like LF ones.
          while i < bytes.count && bytes[i] != 10 && bytes[i] != 13 { i += 1 }
        } else if [9, 10, 13, 32].contains(bytes[i]) {
          i += 1
        } else {
          break
        }
      }
      var value = 0
      var digits = 0
      while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, digits < 9 {
        value = value * 10 + Int(bytes[i] - 48)
        i += 1
        digits += 1
      }
      guard digits > 0 else { throw .malformed(path: path, reason: "expected the \(name)") }
      return value
    }
    let width = try field("width")
    let height = try field("height")
    let maxval = try field("maximum value")
    guard width > 0, height > 0, width <= 1 << 15, height <= 1 << 15 else {
      throw .malformed(path: path, reason: "size \(width) × \(height) outside 1…32768")
    }
    guard maxval > 0, maxval <= 65535 else {
      throw .malformed(path: path, reason: "maximum value \(maxval) outside 1…65535")
    }
    guard i < bytes.count, [9, 10, 13, 32].contains(bytes[i]) else {
      throw .malformed(path: path, reason: "expected one whitespace byte before the pixels")
    }
    i += 1
    let channels = colour ? 3 : 1
    let bytesPerSample = maxval > 255 ? 2 : 1
    let expected = width * height * channels * bytesPerSample
    guard bytes.count - i >= expected else {
      throw .truncated(path: path, expected: expected, found: bytes.count - i)
    }
    var image = Tensor<Float>(shape: [1, width, height, 3], repeating: 0)
    let scale = 1 / Float(maxval)
    for y in 0..<height {
      for x in 0..<width {
        for c in 0..<3 {
          let sample = (y * width + x) * channels + (colour ? c : 0)
          let offset = i + sample * bytesPerSample
          let v =
            bytesPerSample == 1
            ? Int(bytes[offset])
            : Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
          image[0, x, y, c] = Float(v) * scale
        }
      }
    }
    return image
  }

  /// The centre 2^k × 2^k of an image, padded with zeros where the image is smaller.
  public static func fit(_ image: Tensor<Float>, side: Int) -> Tensor<Float> {
    let (w, h) = (image.shape[1], image.shape[2])
    var out = Tensor<Float>(shape: [1, side, side, 3], repeating: 0)
    let ox = (w - side) / 2
    let oy = (h - side) / 2
    for x in 0..<side {
      for y in 0..<side {
        let sx = x + ox
        let sy = y + oy
        guard sx >= 0, sx < w, sy >= 0, sy < h else { continue }
        for c in 0..<3 { out[0, x, y, c] = image[0, sx, sy, c] }
      }
    }
    return out
  }
}
