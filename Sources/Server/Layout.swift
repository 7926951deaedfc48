import Classroom
import Hummingbird

/// The page frame: one stylesheet inline (no file is served), no script. Every string placed in
/// a page goes through `e` (HTML escaping) unless it is markup this module built.
enum Layout {
  static func e(_ s: String) -> String { HTML.escape(s) }

  static let style = """
    body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1b1b1b;\
    background:#f7f7f5}
    header{background:#23395d;color:#fff;padding:.6em 1.2em}
    header a{color:#fff;text-decoration:none;font-weight:600}
    header .who{float:right;opacity:.85}
    main{max-width:60em;margin:0 auto;padding:1em 1.2em 3em}
    table{border-collapse:collapse;width:100%;background:#fff}
    th,td{border:1px solid #d5d5d0;padding:.35em .6em;text-align:left;vertical-align:top}
    th{background:#ecece8}
    .statement{background:#fff;border-left:4px solid #23395d;padding:.6em 1em}
    textarea{width:100%;font:15px/1.4 ui-monospace,Menlo,Consolas,monospace;box-sizing:border-box}
    button{font-size:16px;padding:.4em 1.2em;margin-top:.4em}
    .verdict{display:inline-block;padding:.1em .6em;border-radius:4px;font-weight:600;color:#fff}
    .correct{background:#1a7f37}.incorrect{background:#b42318}.unreadable{background:#9a6700}
    .missing{background:#6e7781}
    .result{background:#fff;border:1px solid #d5d5d0;padding:.8em 1em;margin:1em 0}
    pre{background:#f1f1ee;padding:.5em;overflow-x:auto;white-space:pre-wrap}
    code{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
    figure{margin:1em 0}figure svg{max-width:100%;height:auto}
    figcaption{font-size:14px;color:#444}
    .meta{color:#555;font-size:14px}
    .variant{background:#fff8e1;border-left:4px solid #9a6700;padding:.4em 1em}
    table.trial th{width:40%}
    #students .verdict{font-size:13px;padding:0 .35em}
    .math{display:inline-block;max-width:100%;overflow-x:auto;overflow-y:hidden;\
    vertical-align:middle}
    """

  /// A whole page. `who` is shown in the header (escaped); `home` is the list's address.
  static func page(title: String, home: String, who: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>\(e(title))</title><style>\(style)</style></head>
    <body><header><a href="\(e(home))">psverify · CNN problems</a>\
    <span class="who">\(e(who))</span></header>
    <main>
    \(body)
    </main></body></html>
    """
  }

  static func verdict(_ v: String) -> String {
    "<span class=\"verdict \(e(v))\">\(e(v))</span>"
  }

  /// An error page: the status and a sentence, nothing internal.
  static func errorPage(_ status: HTTPResponse.Status, _ message: String) -> String {
    page(
      title: "\(status.code) \(status.reasonPhrase)", home: "/", who: "",
      body: "<h1>\(status.code) \(e(status.reasonPhrase))</h1>\n<p>\(e(message))</p>")
  }

  /// A response carrying HTML, with headers that keep the page from being framed, sniffed or
  /// cached, and that forbid scripts altogether (the pages have none).
  static func response(
    _ html: String, status: HTTPResponse.Status = .ok,
    contentType: String = "text/html; charset=utf-8",
    extra: HTTPFields = [:]
  ) -> Response {
    var headers: HTTPFields = [
      .contentType: contentType,
      .cacheControl: "no-store",
      HTTPFields.Element.Name("X-Content-Type-Options")!: "nosniff",
      HTTPFields.Element.Name("X-Frame-Options")!: "DENY",
      HTTPFields.Element.Name("Referrer-Policy")!: "no-referrer",
      HTTPFields.Element.Name("Content-Security-Policy")!:
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'",
    ]
    headers.append(contentsOf: extra)
    return Response(
      status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
  }
}
