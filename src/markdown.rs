//! Markdown (descrizione, note, `_index.md`, extra pages) to HTML through
//! pulldown-cmark. Content is not trusted to inject markup: raw HTML in the
//! source comes out as escaped text, and only http(s), mailto, relative and
//! fragment links are kept as links, and so are `mailto:` and `tel:`
//! (a note's phone number). An image on another site is published as a
//! link to it, never as an `<img>` that would make a third-party request.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

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

/// Every image of `src` whose address is on another site ([`is_off_site`]):
/// its address and the byte offset where the image starts.
pub(crate) fn off_site_images(src: &str) -> Vec<(String, usize)> {
    if !src.contains("![") {
        return Vec::new();
    }
    Parser::new_ext(src, options())
        .into_offset_iter()
        .filter_map(|(ev, range)| match ev {
            Event::Start(Tag::Image { dest_url, .. }) if is_off_site(&dest_url) => {
                Some((dest_url.into_string(), range.start))
            }
            _ => None,
        })
        .collect()
}

/// Renders Markdown to HTML with raw HTML escaped; an image on another
/// site becomes a link to it, its description the link's text, so a page
/// makes no request to a third party (the link check warns about it).
pub(crate) fn to_html(src: &str) -> String {
    // For each image open: whether it was made a link.
    let mut images: Vec<bool> = Vec::new();
    let events = Parser::new_ext(src, options()).map(|ev| match ev {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if is_off_site(&dest_url) => {
            images.push(true);
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::End(TagEnd::Image) => {
            if images.pop() == Some(true) {
                Event::End(TagEnd::Link)
            } else {
                Event::End(TagEnd::Image)
            }
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            images.push(false);
            Event::Start(Tag::Image {
                link_type,
                dest_url: safe_url(dest_url),
                title,
                id,
            })
        }
        other => other,
    });
    let mut out = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Drops `javascript:`, `data:` and other schemes that could run code;
/// keeps web, e-mail and telephone links.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim_start().to_ascii_lowercase();
    let scheme_end = lower.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    let has_scheme = scheme_end.is_some_and(|i| i > 0 && lower[i..].starts_with(':'));
    if !has_scheme
        || lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
    {
        url
    } else {
        CowStr::Borrowed("#")
    }
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
        assert_eq!(
            off_site_images(src),
            [
                ("https://cdn.example.com/l.png".to_string(), 0),
                ("//x.it/q.png".to_string(), 51)
            ]
        );
        assert!(off_site_images("[a](https://x.it/)").is_empty());
    }

    #[test]
    fn phone_and_mail_links_are_kept() {
        let html = to_html("[0831 966812](tel:+390831966812), [scrivi](mailto:urp@comune.it)");
        assert!(html.contains("href=\"tel:+390831966812\""), "{html}");
        assert!(html.contains("href=\"mailto:urp@comune.it\""), "{html}");
        assert!(!html.contains("href=\"#\""), "{html}");
    }
}
