//! Live reload as the browser sees it: the script added to every page served
//! in preview, and the overlay that lists the errors of a failed rebuild.
//!
//! Only served pages get these: `build` output never passes through here.
//! The script listens to the rebuild events (Server-Sent Events from the same
//! server) and reloads the page; it compares the generation the page was
//! served with to the one the server announces on connection, so a rebuild
//! that happened between the page load and the connection is not missed.

use super::site::Snapshot;
use crate::i18n::{self, t};

/// Prefix of the preview's own endpoints; the site cannot produce it (slugs
/// start with a letter or digit).
pub(crate) const RESERVED: &str = "/__trasparenza/";
/// The Server-Sent Events stream of rebuilds.
pub(crate) const EVENTS: &str = "/__trasparenza/events";
/// The live-reload script.
pub(crate) const SCRIPT: &str = "/__trasparenza/live.js";

/// The live-reload script, served at [`SCRIPT`].
const SCRIPT_JS: &str = r#"// trasparenza serve: live reload (preview only, never in build output)
(function () {
  "use strict";
  var me = document.currentScript;
  var served = me ? me.getAttribute("data-generazione") : null;
  var overlay = document.getElementById("trasparenza-errori");
  if (overlay) {
    var close = function () { overlay.hidden = true; };
    var button = overlay.querySelector("button");
    if (button) button.addEventListener("click", close);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") close();
    });
  }
  if (!window.EventSource) return;
  var events = new EventSource("EVENTS");
  events.addEventListener("hello", function (e) {
    if (served !== null && e.data !== served) location.reload();
  });
  events.addEventListener("reload", function () { location.reload(); });
})();
"#;

/// Adds the script (and the overlay, when the last rebuild failed) before
/// the last `</body>` of a page, or at its end when it has none.
#[cfg(test)]
pub(crate) fn inject(page: &[u8], snap: &Snapshot) -> Vec<u8> {
    let (at, extra) = injection(page, snap);
    let mut out = Vec::with_capacity(page.len() + extra.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

/// Where [`inject`] puts its additions in `page`, and what they are: the
/// server sends the page in three parts instead of copying it.
pub(crate) fn injection(page: &[u8], snap: &Snapshot) -> (usize, String) {
    let at = rfind_ascii_ci(page, b"</body>").unwrap_or(page.len());
    (at, additions(snap))
}

/// What [`inject`] adds: the overlay (if any) and the script tag.
fn additions(snap: &Snapshot) -> String {
    let mut s = String::new();
    if !snap.errors.is_empty() {
        s.push_str(&overlay(snap));
    }
    s.push_str(&format!(
        "<script src=\"{SCRIPT}\" data-generazione=\"{}\"></script>\n",
        snap.generation
    ));
    s
}

/// The page served (status 500) for every path while no build has
/// succeeded yet.
pub(crate) fn unbuilt_page(snap: &Snapshot) -> String {
    let title = esc(&t!("serve-unbuilt-title"));
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{}</p>\n</main>\n{}</body>\n</html>\n",
        i18n::current().code(),
        esc(&t!("serve-unbuilt-text")),
        additions(snap)
    )
}

/// The overlay listing the errors: a labelled alert dialog, readable
/// without styles, closable with its button or Escape.
pub(crate) fn overlay(snap: &Snapshot) -> String {
    let n = snap.errors.len();
    let mut s = String::from(OVERLAY_STYLE);
    s.push_str(
        "<div id=\"trasparenza-errori\" role=\"alertdialog\" aria-modal=\"false\" aria-labelledby=\"trasparenza-errori-titolo\" aria-describedby=\"trasparenza-errori-spiegazione\" lang=\"",
    );
    // The messages are in the preview's language, which may not be the
    // page's: the overlay says which, for screen readers.
    s.push_str(i18n::current().code());
    s.push_str("\">\n");
    s.push_str(&format!(
        "<h2 id=\"trasparenza-errori-titolo\">{}</h2>\n",
        esc(&t!("serve-overlay-title", count = n))
    ));
    let state = if snap.files.is_some() {
        t!("serve-overlay-last-good")
    } else {
        t!("serve-overlay-none-good")
    };
    s.push_str(&format!(
        "<p id=\"trasparenza-errori-spiegazione\">{} {}</p>\n<ol>\n",
        esc(&state),
        esc(&t!("serve-overlay-fix"))
    ));
    for d in &snap.errors {
        s.push_str("<li>");
        s.push_str(&format!(
            "<p><code class=\"posizione\">{}</code> {}{}</p>",
            esc(&d.location()),
            esc(&d.message),
            d.code
                .map(|c| format!(" <code class=\"codice\">[{}]</code>", esc(c)))
                .unwrap_or_default()
        ));
        if let Some(line) = &d.source_line {
            let (src, column) = crate::diagnostic::excerpt(line, d.column);
            let mut block = format!("{} | {}", d.line, src.replace('\t', "→"));
            if column > 0 {
                let pad = " ".repeat(d.line.to_string().len());
                block.push_str(&format!("\n{pad} | {}^", " ".repeat(column - 1)));
            }
            s.push_str(&format!("<pre>{}</pre>", esc(&block)));
        }
        if let Some(h) = &d.hint {
            s.push_str(&format!(
                "<p>{}: {}</p>",
                esc(&t!("serve-overlay-hint")),
                esc(h)
            ));
        }
        s.push_str("</li>\n");
    }
    s.push_str(&format!(
        "</ol>\n<button type=\"button\">{}</button>\n</div>\n",
        esc(&t!("serve-overlay-close"))
    ));
    s
}

/// Styles of the overlay: on top of the page, high contrast, scrollable,
/// usable on a phone; scoped under its id so the page is not affected.
const OVERLAY_STYLE: &str = "<style>
#trasparenza-errori{position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:70vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;border-top:6px solid #b30000;box-shadow:0 -4px 16px rgba(0,0,0,.3);font:1rem/1.5 system-ui,sans-serif}
#trasparenza-errori[hidden]{display:none}
#trasparenza-errori h2{margin:0 0 .5rem;font-size:1.25rem;color:#8a0000}
#trasparenza-errori ol{padding-left:1.5rem}
#trasparenza-errori li{margin:.75rem 0}
#trasparenza-errori code,#trasparenza-errori pre{font-family:ui-monospace,monospace;font-size:.9rem}
#trasparenza-errori .posizione{font-weight:bold}
#trasparenza-errori pre{margin:.25rem 0;padding:.5rem;background:#f2f2f2;overflow-x:auto;white-space:pre}
#trasparenza-errori button{font:inherit;padding:.4rem 1rem;border:2px solid #1a1a1a;background:#fff;color:#1a1a1a;cursor:pointer}
#trasparenza-errori button:focus-visible{outline:3px solid #0050b3;outline-offset:2px}
</style>
";

/// The SSE frame announcing a rebuild (also used on connection, as `hello`).
pub(crate) fn event(name: &str, generation: u64) -> String {
    format!("event: {name}\ndata: {generation}\n\n")
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Position of the last case-insensitive occurrence of `needle` (ASCII) in `hay`.
fn rfind_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The script with the events URL filled in.
pub(crate) fn script() -> String {
    SCRIPT_JS.replace("EVENTS", EVENTS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn snap(errors: Vec<Diagnostic>) -> Snapshot {
        Snapshot {
            generation: 42,
            files: None,
            errors,
        }
    }

    #[test]
    fn script_goes_before_the_last_body_end() {
        let page = b"<html><body><p>x</p></BODY></html>";
        let out = String::from_utf8(inject(page, &snap(vec![]))).unwrap();
        assert_eq!(
            out,
            format!(
                "<html><body><p>x</p><script src=\"{SCRIPT}\" data-generazione=\"42\"></script>\n</BODY></html>"
            )
        );
    }

    #[test]
    fn a_page_without_body_end_gets_it_at_the_end() {
        let out = String::from_utf8(inject(b"<p>frammento</p>", &snap(vec![]))).unwrap();
        assert!(out.starts_with("<p>frammento</p><script"), "{out}");
    }

    #[test]
    fn no_overlay_without_errors() {
        let out = String::from_utf8(inject(b"<body></body>", &snap(vec![]))).unwrap();
        assert!(!out.contains("trasparenza-errori"));
    }

    #[test]
    fn overlay_lists_every_error_escaped_with_position_line_and_hint() {
        let text = "nome: <X>\nsmartizabili:\n";
        let errors = vec![
            Diagnostic::error("content/a.yaml", "unknown key `smartizabili`")
                .at(text, 2, 1)
                .with_hint("did you mean `smartizzabili`?"),
            Diagnostic::error("content/b.yaml", "bad <script>alert(1)</script>").at(text, 1, 7),
        ];
        let html = overlay(&snap(errors));
        assert!(html.contains("role=\"alertdialog\""));
        assert!(html.contains("2 errori"));
        assert!(html.contains(
            "<code class=\"posizione\">content/a.yaml:2:1</code> unknown key `smartizabili`"
        ));
        assert!(
            html.contains("<pre>2 | smartizabili:\n  | ^</pre>"),
            "{html}"
        );
        assert!(html.contains("Suggerimento: did you mean `smartizzabili`?"));
        assert!(html.contains("bad &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(
            html.contains("<pre>1 | nome: &lt;X&gt;\n  |       ^</pre>"),
            "{html}"
        );
        assert!(!html.contains("<script>"));
        assert!(html.contains("<button type=\"button\">Chiudi</button>"));
    }

    #[test]
    fn the_overlay_speaks_the_previews_language_and_says_so() {
        let one = || {
            overlay(&snap(vec![
                Diagnostic::error("content/a.yaml", "m").with_code("yaml-unknown-key"),
            ]))
        };
        let it = one();
        assert!(it.contains(" lang=\"it\">"), "{it}");
        assert!(it.contains("m <code class=\"codice\">[yaml-unknown-key]</code>"));
        let en = crate::i18n::with_lang(crate::i18n::Lang::En, one);
        assert!(en.contains(" lang=\"en\">"), "{en}");
        assert!(en.contains("The site was not updated: 1 error<"), "{en}");
        assert!(en.contains("<button type=\"button\">Close</button>"));
    }

    /// A line of 200,000 characters puts 1,000 of them in the overlay, the
    /// caret under the column (every page carried the whole line).
    #[test]
    fn a_very_long_line_is_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(100_000), "b".repeat(100_000));
        let html = overlay(&snap(vec![
            Diagnostic::error("content/a.yaml", "m").at(&line, 1, 100_001),
        ]));
        assert!(html.len() < 8_000, "{} bytes", html.len());
        let pre = html
            .split("<pre>")
            .nth(1)
            .unwrap()
            .split("</pre>")
            .next()
            .unwrap();
        let (src, caret) = pre.split_once('\n').unwrap();
        let at = caret.chars().count() - 1;
        assert_eq!(src.chars().nth(at), Some('X'), "{pre}");
    }

    #[test]
    fn one_error_is_singular() {
        let html = overlay(&snap(vec![Diagnostic::error("content/a.yaml", "x")]));
        assert!(html.contains("1 errore<"), "{html}");
    }

    #[test]
    fn events_are_sse_frames() {
        assert_eq!(event("reload", 3), "event: reload\ndata: 3\n\n");
        assert!(script().contains(&format!("new EventSource(\"{EVENTS}\")")));
    }
}
