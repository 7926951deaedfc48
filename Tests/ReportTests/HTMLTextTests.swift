import Charts
import XCTest

final class HTMLTextTests: XCTestCase {
  func testEscape_everyMarkupCharacter_andNothingElse() {
    XCTAssertEqual(
      HTMLText.escape(#"<script>alert("x" & 'y')</script> γ_ℓ"#),
      "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt; γ_ℓ")
    XCTAssertEqual(HTMLText.escape(""), "")
  }

  func testProse_setsSubscriptsAndPowers() {
    XCTAssertEqual(
      HTMLText.prose("L_{ℓ+1}[n] = γ(L_ℓ[n])"), "L<sub>ℓ+1</sub>[n] = γ(L<sub>ℓ</sub>[n])")
    XCTAssertEqual(HTMLText.prose("of side 2^(k−ℓ−s)"), "of side 2<sup>k−ℓ−s</sup>")
    XCTAssertEqual(HTMLText.prose("γ^L and x^{2}"), "γ<sup>L</sup> and x<sup>2</sup>")
    XCTAssertEqual(HTMLText.prose("W_{ℓ+1,←}"), "W<sub>ℓ+1,←</sub>")
    // A group's content is set too, and an accent or a prime carries a subscript.
    XCTAssertEqual(HTMLText.prose("L_{0,s} = I_s"), "L<sub>0,s</sub> = I<sub>s</sub>")
    XCTAssertEqual(HTMLText.prose("e^(x_{i})"), "e<sup>x<sub>i</sub></sup>")
    XCTAssertEqual(HTMLText.prose("L\u{302}_ℓ"), "L\u{302}<sub>ℓ</sub>")
    XCTAssertEqual(HTMLText.prose("L̂⁽²⁾_ℓ[n]"), "L̂⁽²⁾<sub>ℓ</sub>[n]")
  }

  func testProse_leavesWhatHasNoScriptAlone_andEscapes() {
    // Nothing to attach to, nothing after it, an empty or unbalanced group.
    XCTAssertEqual(HTMLText.prose("_x and a ^ b"), "_x and a ^ b")
    XCTAssertEqual(HTMLText.prose("x_"), "x_")
    XCTAssertEqual(HTMLText.prose("x_{}"), "x_{}")
    XCTAssertEqual(HTMLText.prose("x_{ab"), "x_{ab")
    XCTAssertEqual(HTMLText.prose("2^(k"), "2^(k")
    // Markup in the text is escaped, inside a script too.
    XCTAssertEqual(HTMLText.prose("a < b_{<i>}"), "a &lt; b<sub>&lt;i&gt;</sub>")
    XCTAssertEqual(HTMLText.prose(#"x_{"'&"}"#), "x<sub>&quot;&#39;&amp;&quot;</sub>")
  }
}
