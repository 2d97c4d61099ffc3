//! Markdown (descrizione, note, criteri, `_index.md`, extra pages) to HTML
//! through pulldown-cmark. Content is not trusted to inject markup: raw HTML
//! in the source comes out as escaped text, and only http(s), relative and
//! fragment links are kept as links, and so are `mailto:` and `tel:`
//! (a note's phone number); any other link (a file on the writer's
//! computer, `javascript:`) is published as its text alone. An image on
//! another site is published as a link to it, never as an `<img>` that
//! would make a third-party request. [`slips`] lists what a text's page
//! will not show as written, for the link check's warnings.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

fn options() -> Options {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts
}

/// Every link and image of `src`: its address as written and the byte
/// offset in `src` where the link starts (for pointing at it).
pub(crate) fn links(src: &str) -> Vec<(String, usize)> {
    Parser::new_ext(src, options())
        .into_offset_iter()
        .filter_map(|(ev, range)| match ev {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((dest_url.into_string(), range.start))
            }
            _ => None,
        })
        .collect()
}

/// True for an address on another site: `http:`, `https:` or `//host/`
/// (every other scheme is dropped by [`to_html`]). A published page never
/// loads one: an image there is shown as a link to it.
pub(crate) fn is_off_site(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
}

/// What the page of a Markdown text will not show as it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Slip {
    /// An image on another site ([`is_off_site`]): shown as a link to it.
    OffSiteImage { url: String },
    /// HTML: shown as text, tags and all. `tag` is the first one, `more`
    /// how many others the text has.
    Html { tag: String, more: usize },
    /// A link or image to a file on the writer's computer or office
    /// network (`file:`, `C:\`, `\\server\`): shown as its text alone.
    LocalFile { url: String },
    /// A link or image with another scheme (`javascript:`, `ftp:`): shown
    /// as its text alone.
    Dropped { url: String },
    /// A heading of `level` (1 to 6) that breaks the page's outline:
    /// `# ` is a second main heading (the page has its own), and a level
    /// deeper than the one before it plus one skips a level (`after`: that
    /// level, 1 for the page's own heading).
    Heading { level: u8, after: u8 },
}

/// Every [`Slip`] of `src` with the byte offset where it starts, in text
/// order (the HTML one at its first tag).
pub(crate) fn slips(src: &str) -> Vec<(Slip, usize)> {
    // Most texts have no link, image, tag or heading: no parse.
    if !src.contains(['<', ']']) && !may_have_heading(src) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut html: Option<(String, usize, usize)> = None;
    // The level of the heading before: the page's own is 1.
    let mut outline = 1u8;
    for (ev, range) in Parser::new_ext(src, options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = level as u8;
                if level == 1 || level > outline + 1 {
                    out.push((
                        Slip::Heading {
                            level,
                            after: outline,
                        },
                        range.start,
                    ));
                }
                outline = level;
            }
            Event::Html(s) | Event::InlineHtml(s) => {
                for (i, tag) in tags(&s) {
                    match &mut html {
                        Some((_, _, more)) => *more += 1,
                        None => html = Some((tag.to_string(), range.start + i, 0)),
                    }
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) if is_off_site(&dest_url) => out.push((
                Slip::OffSiteImage {
                    url: dest_url.into_string(),
                },
                range.start,
            )),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let url = dest_url.into_string();
                match kept(&url) {
                    Kept::Yes => {}
                    Kept::LocalFile => out.push((Slip::LocalFile { url }, range.start)),
                    Kept::No => out.push((Slip::Dropped { url }, range.start)),
                }
            }
            _ => {}
        }
    }
    if let Some((tag, at, more)) = html {
        out.push((Slip::Html { tag, more }, at));
        out.sort_by_key(|(_, at)| *at);
    }
    out
}

/// Whether a line of `src` could make a heading: `# ...`, or a line of
/// `=` or `-` alone under a text (a setext heading).
fn may_have_heading(src: &str) -> bool {
    src.lines().any(|l| {
        let l = l.trim();
        l.starts_with('#')
            || (!l.is_empty() && (l.bytes().all(|b| b == b'=') || l.bytes().all(|b| b == b'-')))
    })
}

/// The tags of a piece of raw HTML with their byte offsets: `<br>`,
/// `</b>`, `<a href="...">`, `<!--`; a tag longer than 40 characters is
/// cut after its name.
fn tags(html: &str) -> impl Iterator<Item = (usize, &str)> {
    html.match_indices('<').filter_map(move |(i, _)| {
        let rest = &html[i..];
        let next = rest[1..].chars().next()?;
        if rest.starts_with("<!--") {
            return Some((i, "<!--"));
        }
        if !(next.is_ascii_alphabetic() || next == '/' || next == '!' || next == '?') {
            return None;
        }
        let end = rest.find('>').map(|j| j + 1).filter(|&j| j <= 40);
        Some((
            i,
            match end {
                Some(j) => &rest[..j],
                None => {
                    let name = rest[1..]
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '!'))
                        .map_or(rest.len(), |j| j + 1);
                    &rest[..name]
                }
            },
        ))
    })
}

/// Whether a page keeps a link's address.
enum Kept {
    Yes,
    /// A file on the writer's computer or office network.
    LocalFile,
    /// Another scheme: `javascript:`, `data:`, `ftp:`.
    No,
}

/// Web, e-mail, telephone, relative and fragment addresses are kept;
/// `javascript:`, `data:` and other schemes that could run code or that
/// no visitor can open are not.
fn kept(url: &str) -> Kept {
    let lower = url.trim_start().to_ascii_lowercase();
    let drive = lower.as_bytes();
    // `C:\Users\...`, `C:/...`, `\\server\share` (written `\\\\server`
    // in Markdown, one backslash being an escape), `file:///`.
    if lower.starts_with("file:")
        || lower.starts_with('\\')
        || (drive.len() > 2
            && drive[0].is_ascii_alphabetic()
            && drive[1] == b':'
            && matches!(drive[2], b'\\' | b'/'))
    {
        return Kept::LocalFile;
    }
    let scheme_end = lower.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    let has_scheme = scheme_end.is_some_and(|i| i > 0 && lower[i..].starts_with(':'));
    if !has_scheme
        || lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
    {
        Kept::Yes
    } else {
        Kept::No
    }
}

/// Renders Markdown to HTML with raw HTML escaped; an image on another
/// site becomes a link to it, its description the link's text, so a page
/// makes no request to a third party; a link or image whose address is not
/// kept ([`kept`]) becomes its text alone. The link check warns about each.
pub(crate) fn to_html(src: &str) -> String {
    // For each link or image open: what its end becomes.
    let mut open: Vec<Open> = Vec::new();
    let events = Parser::new_ext(src, options()).filter_map(|ev| match ev {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if is_off_site(&dest_url) => {
            open.push(Open::ImageAsLink);
            Some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. })
            if !matches!(kept(dest_url), Kept::Yes) =>
        {
            open.push(Open::Dropped);
            None
        }
        Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
            open.push(Open::Kept);
            Some(ev)
        }
        Event::End(TagEnd::Link | TagEnd::Image) => match open.pop() {
            Some(Open::ImageAsLink) => Some(Event::End(TagEnd::Link)),
            Some(Open::Dropped) => None,
            _ => Some(ev),
        },
        other => Some(other),
    });
    let mut out = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// What the end of an open link or image becomes in [`to_html`].
enum Open {
    Kept,
    /// An image on another site, published as a link.
    ImageAsLink,
    /// An address not kept: its text alone.
    Dropped,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped() {
        let html = to_html("Ciao <script>alert(1)</script> **mondo**\n\n<div>x</div>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<strong>mondo</strong>"), "{html}");
        assert!(!html.contains("<div>"), "{html}");
    }

    #[test]
    fn links_are_found_with_their_offsets() {
        let src = "Vedi [a](../a/) e\n![i](x.png) [r][ref]\n\n[ref]: ../b/#c\n";
        assert_eq!(
            links(src),
            [
                ("../a/".to_string(), 5),
                ("x.png".to_string(), 18),
                ("../b/#c".to_string(), 30)
            ]
        );
    }

    #[test]
    fn dangerous_links_are_neutralised() {
        let html = to_html("[a](javascript:alert(1)) [b](https://x.it/) [c](pagina/) [d](#x)");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://x.it/\""));
        assert!(html.contains("href=\"pagina/\""));
        assert!(html.contains("href=\"#x\""));
    }

    #[test]
    fn off_site_images_become_links() {
        let src = "![Logo *nuovo*](https://cdn.example.com/l.png \"t\") ![q](//x.it/q.png)\n\n![qui](../assets/a.png)\n";
        let html = to_html(src);
        assert!(!html.contains("<img src=\"https:"), "{html}");
        assert!(!html.contains("<img src=\"//"), "{html}");
        assert!(
            html.contains(
                "<a href=\"https://cdn.example.com/l.png\" title=\"t\">Logo <em>nuovo</em></a>"
            ),
            "{html}"
        );
        assert!(html.contains("<a href=\"//x.it/q.png\">q</a>"), "{html}");
        assert!(
            html.contains("<img src=\"../assets/a.png\" alt=\"qui\" />"),
            "{html}"
        );
        let image = |url: &str, at| {
            (
                Slip::OffSiteImage {
                    url: url.to_string(),
                },
                at,
            )
        };
        assert_eq!(
            slips(src),
            [
                image("https://cdn.example.com/l.png", 0),
                image("//x.it/q.png", 51)
            ]
        );
        assert!(slips("[a](https://x.it/)").is_empty());
    }

    /// A second main heading, or a level skipped, in a text shown under
    /// its page's own heading.
    #[test]
    fn headings_that_break_the_outline_are_slips() {
        let heading = |level, after, at| (Slip::Heading { level, after }, at);
        let src = "# Premessa\n\n## Uffici\n\n#### Orari\n\nTesto\n=====\n";
        assert_eq!(
            slips(src),
            [
                heading(1, 1, 0),
                heading(4, 2, src.find("####").unwrap()),
                heading(1, 4, src.find("Testo").unwrap()),
            ]
        );
        assert!(slips("## Uno\n\n### Due\n\n## Tre\n\nUn - trattino, #12\n").is_empty());
        assert_eq!(
            slips("### Orari\n")[0].0,
            Slip::Heading { level: 3, after: 1 }
        );
    }

    /// What a clerk pastes from a web page or writes for a file on the
    /// office's computers: each a slip at its place, and on the page the
    /// text alone, never a link to `#` or to the writer's computer.
    #[test]
    fn html_and_links_a_page_cannot_keep_are_slips_and_text() {
        let src = "Orari:<br>lunedì <b>9-12</b>\n\nVedi [il regolamento](file:///C:/Users/m/r.pdf), \
                   [modulo](\\\\server\\cartella\\m.docx), [x](javascript:alert(1)), \
                   [y](C:\\Documenti\\a.pdf) e [sito](https://www.comune.it/).\n";
        let html = to_html(src);
        for gone in ["file:", "server", "javascript", "Documenti", "href=\"#\""] {
            assert!(!html.contains(gone), "{gone}: {html}");
        }
        assert!(
            html.contains(
                "Vedi il regolamento, modulo, x, y e <a href=\"https://www.comune.it/\">sito</a>."
            ),
            "{html}"
        );
        assert!(
            html.contains("Orari:&lt;br&gt;lunedì &lt;b&gt;9-12&lt;/b&gt;"),
            "{html}"
        );
        let local = |url: &str| Slip::LocalFile {
            url: url.to_string(),
        };
        let found: Vec<Slip> = slips(src).into_iter().map(|(s, _)| s).collect();
        assert_eq!(
            found,
            [
                Slip::Html {
                    tag: "<br>".into(),
                    more: 2
                },
                local("file:///C:/Users/m/r.pdf"),
                local("\\server\\cartella\\m.docx"),
                Slip::Dropped {
                    url: "javascript:alert(1)".into()
                },
                local("C:\\Documenti\\a.pdf"),
            ]
        );
        assert_eq!(slips(src)[0].1, src.find("<br>").unwrap());
        // An HTML block, a comment, and what is not a tag.
        let block = "Testo\n\n<div class=\"x\">\n<p>uno</p>\n</div>\n";
        assert_eq!(
            slips(block),
            [(
                Slip::Html {
                    tag: "<div class=\"x\">".into(),
                    more: 3
                },
                7
            )]
        );
        assert_eq!(
            slips("nota <!-- interna --> fine")[0].0,
            Slip::Html {
                tag: "<!--".into(),
                more: 0
            }
        );
        for plain in [
            "meno di 5 giorni: a < b, b > c",
            "<https://www.comune.it/>",
            "<urp@comune.it>",
            "[a](../tabella/) [b](#x) [c](mailto:a@b.it) [d](tel:+39)",
        ] {
            assert!(slips(plain).is_empty(), "{plain}: {:?}", slips(plain));
        }
    }

    #[test]
    fn phone_and_mail_links_are_kept() {
        let html = to_html("[0831 966812](tel:+390831966812), [scrivi](mailto:urp@comune.it)");
        assert!(html.contains("href=\"tel:+390831966812\""), "{html}");
        assert!(html.contains("href=\"mailto:urp@comune.it\""), "{html}");
        assert!(!html.contains("href=\"#\""), "{html}");
    }
}
