import Foundation
import ResultStore
import XCTest

@testable import Charts
@testable import Report

#if canImport(FoundationXML)
  import FoundationXML
#endif

final class ChartTests: XCTestCase {
  func testTicks_niceLinearStepsAndDecades() {
    XCTAssertEqual(Plot.linearTicks(0, 1, count: 5), [0, 0.2, 0.4, 0.6, 0.8, 1])
    XCTAssertEqual(Plot.linearTicks(-3, 17), [0, 5, 10, 15])
    XCTAssertEqual(Plot.logTicks(900, 2e6), [1e3, 1e4, 1e5, 1e6])
    XCTAssertEqual(Plot.logTicks(0.9, 60), [1, 2, 5, 10, 20, 50])
    XCTAssertEqual(Plot.tickLabel(1e6, log: true), "10⁶")
    XCTAssertEqual(Plot.tickLabel(100, log: true), "100")
    XCTAssertEqual(Plot.format(30000), "30000")
    XCTAssertEqual(Plot.format(2.5e-5), "2.5×10⁻⁵")
  }

  /// Labels with markup characters stay text, long legends take one column, and the result is
  /// well-formed XML.
  func testSVG_escapesLabelsAndIsWellFormed() {
    var plot = Plot(title: "a < b & \"c\"", xLabel: "x", yLabel: "y", yLog: true)
    plot.series = [
      .init(
        name: String(repeating: "long legend entry ", count: 3), xs: [1, 2, 3], ys: [1, 10, 100],
        colour: 0),
      // not positive: not drawn on log y
      .init(name: "<script>", xs: [1, 2], ys: [0, -1], colour: 1),
    ]
    plot.bands = [.init(name: "band", xs: [1, 3], lower: [0.5, 50], upper: [2, 200], colour: 0)]
    plot.references = [.init(vertical: true, value: 2, label: "x = 2")]
    let svg = plot.svg(id: "t")
    XCTAssertFalse(svg.contains("<script>"))
    XCTAssertTrue(svg.contains("a &lt; b &amp; &quot;c&quot;"))
    let parser = XMLParser(data: Data(svg.utf8))
    XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    let bars = BarChart(
      title: "t", yLabel: "y", categories: ["0,1", "1,1"],
      groups: [("a", [0, 0.5], 0), ("b", [0.25, .nan], 1)]
    ).svg()
    XCTAssertTrue(XMLParser(data: Data(bars.utf8)).parse())
  }

  /// The PNG decoded by Python's zlib (an independent inflate and CRC) gives back the pixels.
  func testPNG_decodesToThePixelsWritten() throws {
    let pixels: [Double] = (0..<(5 * 3 * 3)).map { Double($0 % 7) / 6 }
    let png = PNG.encode(width: 5, height: 3, channels: 3, pixels: pixels)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("psverify-test.png")
    try png.write(to: path)
    guard
      let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else {
      throw XCTSkip("no Python to decode the PNG with")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      "-c",
      """
      import sys, struct, zlib
      data = open(sys.argv[1], 'rb').read()
      assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
      pos, idat = 8, b''
      while pos < len(data):
          n, kind = struct.unpack('>I4s', data[pos:pos + 8])
          body = data[pos + 8:pos + 8 + n]
          assert zlib.crc32(kind + body) == struct.unpack('>I', data[pos + 8 + n:pos + 12 + n])[0]
          if kind == b'IHDR': w, h = struct.unpack('>II', body[:8])
          if kind == b'IDAT': idat += body
          pos += 12 + n
      raw = zlib.decompress(idat)
      rows = [raw[y * (1 + w * 3) + 1:(y + 1) * (1 + w * 3)] for y in range(h)]
      print(','.join(str(b) for r in rows for b in r))
      """, path.path,
    ]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    let decoded = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
    XCTAssertEqual(decoded, pixels.map { Int(($0 * 255 + 0.5).rounded(.down)) })
  }
}
