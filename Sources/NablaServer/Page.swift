import Nabla

/// The page: a form (a text area, a file, three actions) that works with no script at all, and
/// below it the result of the last request. Every user string is escaped; the page's own style
/// and script are files of the server (`/style.css`, `/app.js`), so that the Content-Security-
/// Policy can forbid any inline script.
struct Page {
    let language: Language
    let shelf: ExampleShelf
    /// What the text area holds.
    var text = ""
    var action: Job.Action = .solve
    /// HTML already escaped: the result, or a problem.
    var result: String?

    private var words: PageText { PageText.table(language) }

    var html: String {
        let t = words
        var out = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapedXML(t.title))</title>
        <link rel="stylesheet" href="/style.css">
        <script src="/app.js" defer></script>
        </head>
        <body>
        <header><p class="language"><a href="/\(t.otherLanguage.href)">\(t.otherLanguage.name)</a></p><h1>Nabla</h1><p>\(escapedXML(t.tagline))</p></header>
        <main>
        <form method="post" action="/" enctype="multipart/form-data" id="work">
        <input type="hidden" name="lang" value="\(language.rawValue)">
        <label for="text">\(escapedXML(t.textLabel))</label>
        <textarea id="text" name="text" rows="18" spellcheck="false">\(escapedXML(text))</textarea>
        <p><label>\(escapedXML(t.fileLabel)) <input type="file" name="file" accept=".nabla,.tex,.md,.markdown,.txt"></label></p>
        <fieldset class="actions">

        """
        for a in Job.Action.allCases {
            out += "<label><input type=\"radio\" name=\"action\" value=\"\(a.rawValue)\"\(a == action ? " checked" : "")> \(escapedXML(t.label(a)))</label>\n"
        }
        out += "</fieldset>\n<p><button type=\"submit\">\(escapedXML(t.send))</button> <span class=\"hint\">\(escapedXML(t.shortcut))</span></p>\n"
        if !shelf.examples.isEmpty {
            let links = shelf.examples.map { e in
                "<a href=\"/?example=\(escapedXML(e.name))&amp;lang=\(language.rawValue)&amp;run=1\">\(escapedXML(e.name))</a>"
            }
            out += "<p class=\"examples\">\(escapedXML(t.examples)) " + links.joined(separator: " · ") + "</p>\n"
        }
        out += "</form>\n"
        if let result { out += "<section id=\"result\">\n" + result + "</section>\n" }
        return out + "</main>\n</body>\n</html>\n"
    }

    /// The messages that say why there is no result, as a block of the page.
    static func problem(_ messages: [String], language: Language) -> String {
        "<div class=\"problem\" role=\"alert\"><h2>\(escapedXML(PageText.table(language).problem))</h2><pre>"
            + messages.map(escapedXML).joined(separator: "\n") + "</pre></div>\n"
    }

    /// Buttons that post the same text again for a download of the result in each format.
    static func downloads(text: String, action: Job.Action, language: Language) -> String {
        let formats: [Job.Format] = action == .check ? [.text, .json] : [.latex, .markdown, .json]
        var out = "<div class=\"downloads\">\(escapedXML(PageText.table(language).download))"
        for f in formats {
            out += "<form method=\"post\" action=\"/download\"><input type=\"hidden\" name=\"text\" value=\"\(escapedXML(text))\">"
                + "<input type=\"hidden\" name=\"action\" value=\"\(action.rawValue)\"><input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">"
                + "<input type=\"hidden\" name=\"format\" value=\"\(f.rawValue)\"><button type=\"submit\">\(Self.label(f))</button></form>"
        }
        return out + "</div>\n"
    }

    private static func label(_ f: Job.Format) -> String {
        switch f {
        case .latex: "LaTeX"
        case .markdown: "Markdown"
        case .json: "JSON"
        case .text: "Text"
        case .html: "HTML"
        }
    }

    static let style = """
    body { font-family: Georgia, "DejaVu Serif", serif; max-width: 62em; margin: 1.5em auto; padding: 0 1em; line-height: 1.45; color: #1a1a1a; }
    header h1 { margin-bottom: 0.2em; }
    .language { float: right; margin: 0.4em 0 0 1em; }
    label[for=text] { display: block; font-weight: bold; margin: 0.8em 0 0.3em; }
    textarea { width: 100%; font-family: "DejaVu Sans Mono", monospace; font-size: 0.95em; box-sizing: border-box; }
    fieldset.actions { border: none; padding: 0; margin: 0.6em 0; }
    fieldset.actions label { margin-right: 1.2em; }
    button { font-size: 1em; padding: 0.3em 1.1em; }
    .hint, .examples { color: #555; font-size: 0.92em; }
    .downloads form { display: inline; margin-left: 0.5em; }
    .problem { border-left: 4px solid #b00020; background: #fdecee; padding: 0.4em 1em; }
    .problem pre, pre.source { white-space: pre-wrap; }
    math[display="block"] { margin: 0.7em 0; overflow-x: auto; }
    mtable.chain mtd:first-child { text-align: right; }
    mtable.chain mtd:last-child { text-align: left; }
    .claim { border-left: 4px solid #999; padding: 0.2em 1em; margin: 1em 0; }
    .claim.correct { border-color: #1b7f3b; }
    .claim.wrong { border-color: #b00020; }
    .claim.unchecked { border-color: #a66a00; }
    .claim h3 { font-size: 1em; margin: 0.3em 0; }
    .mark { font-weight: bold; }
    .claim.correct .mark, td.correct .mark { color: #1b7f3b; }
    .claim.wrong .mark, td.wrong .mark { color: #b00020; }
    table.entries { border-collapse: collapse; margin: 0.5em 0; }
    table.entries td, table.entries th { border: 1px solid #ccc; padding: 0.3em 0.6em; vertical-align: top; }
    td.wrong { background: #fdecee; }
    td.correct { background: #eaf6ee; }
    .expected, .diagnosis, .point { font-size: 0.9em; }
    .diagnosis { font-style: italic; }
    """

    /// Ctrl+Enter (or ⌘+Enter) sends the form; the page works the same without it.
    static let script = """
    document.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        var form = document.getElementById("work");
        if (form) { event.preventDefault(); form.submit(); }
      }
    });
    """
}
