//! Verifies the rendered site before anything is written: every internal
//! `href`/`src` of every HTML page resolves to a file of the [`Output`], and
//! every `#fragment` to an element with that `id`.
//!
//! It reads the in-memory output only, plus (when a link is broken) the
//! content files that may hold it, to point at their line. Links that leave
//! the site (other schemes, other hosts, absolute paths outside `base_url`)
//! are not followed.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::render::Output;

/// An internal link that leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The page holding the link (path in the output).
    pub page: String,
    /// The link as written.
    pub url: String,
    pub reason: String,
}

/// Every broken internal link of `out`; `base_path` is the path of
/// `base_url` (`/amministrazione-trasparente/lavoro-agile/`).
pub fn check(out: &Output, base_path: &str) -> Vec<Broken> {
    // Each page is read once, on every core; then each link is resolved.
    let pages: Vec<(&str, HashSet<String>, Vec<String>)> = out
        .files
        .par_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| {
            let html = String::from_utf8_lossy(bytes);
            let mut ids = HashSet::new();
            let mut links = Vec::new();
            scan(&html, |name, value| {
                if name == "id" {
                    ids.insert(value);
                } else {
                    links.push(value);
                }
            });
            (path.as_str(), ids, links)
        })
        .collect();
    let ids: HashMap<&str, &HashSet<String>> = pages.iter().map(|(p, ids, _)| (*p, ids)).collect();
    pages
        .par_iter()
        .flat_map_iter(|(page, _, links)| {
            let ids = &ids;
            links.iter().filter_map(move |url| {
                resolve(page, url, base_path, out, ids)
                    .err()
                    .map(|reason| Broken {
                        page: page.to_string(),
                        url: url.clone(),
                        reason,
                    })
            })
        })
        .collect()
}

/// Checks one link of `page`; the reason when it is broken.
fn resolve(
    page: &str,
    url: &str,
    base_path: &str,
    out: &Output,
    ids: &HashMap<&str, &HashSet<String>>,
) -> Result<(), String> {
    if is_external(url) {
        return Ok(());
    }
    let (target, fragment) = match url.split_once('#') {
        Some((t, f)) => (t, Some(f)),
        None => (url, None),
    };
    let target = target.split('?').next().unwrap_or("");
    let file = if target.is_empty() {
        page.to_string()
    } else {
        let joined = if let Some(abs) = target.strip_prefix('/') {
            match abs.strip_prefix(base_path.trim_start_matches('/')) {
                Some(inside) if target.starts_with(base_path) => inside.to_string(),
                _ => return Ok(()), // another part of the body's web site
            }
        } else {
            let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
            if dir.is_empty() {
                target.to_string()
            } else {
                format!("{dir}/{target}")
            }
        };
        let Some(mut path) = normalise(&percent_decode(&joined)) else {
            return Err("it leads above the site's root folder".into());
        };
        if path.is_empty() || path.ends_with('/') {
            path.push_str("index.html");
        } else if !out.files.contains_key(&path) {
            path.push_str("/index.html");
        }
        path
    };
    if !out.files.contains_key(&file) {
        let shown = file.trim_end_matches("index.html");
        return Err(format!(
            "there is no page or file `{}` in the site",
            if shown.is_empty() {
                "index.html"
            } else {
                shown
            }
        ));
    }
    match fragment.map(percent_decode) {
        Some(f) if !f.is_empty() && file.ends_with(".html") => {
            if ids.get(file.as_str()).is_some_and(|s| s.contains(&f)) {
                Ok(())
            } else {
                Err(format!("the page `{file}` has no anchor `#{f}`"))
            }
        }
        _ => Ok(()),
    }
}

/// True for links that leave the site: a scheme (`https:`, `mailto:`) or a host (`//x`).
fn is_external(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    let end = url.find(['/', '?', '#']).unwrap_or(url.len());
    url[..end].contains(':')
}

/// Resolves `.` and `..`; `None` when the path climbs above the root.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let trailing = path.ends_with('/');
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut s = parts.join("/");
    if trailing && !s.is_empty() {
        s.push('/');
    }
    Some(s)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every attribute (lowercased name, decoded value) of every tag of `html`,
/// skipping comments and the content of `<script>` and `<style>`.
pub fn attributes(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    scan(html, |name, value| out.push((name.to_string(), value)));
    out
}

/// Calls `found(name, value)` for every `id`, `href` and `src` attribute of
/// `html` (names in lowercase, values with entities decoded). Allocates
/// only for those values: this runs over every byte of the site.
fn scan(html: &str, mut found: impl FnMut(&'static str, String)) {
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if name_len == 0 {
            continue;
        }
        let tag = &rest[..name_len];
        let raw_text = tag.eq_ignore_ascii_case("script") || tag.eq_ignore_ascii_case("style");
        rest = tag_attributes(&rest[name_len..], &mut found);
        if raw_text {
            let close = format!("</{}", tag.to_ascii_lowercase());
            rest = match rest.to_ascii_lowercase().find(&close) {
                Some(i) => &rest[i..],
                None => "",
            };
        }
    }
}

/// Reads the attributes up to the end of a tag; returns what follows it.
fn tag_attributes<'a>(mut s: &'a str, found: &mut impl FnMut(&'static str, String)) -> &'a str {
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if s.is_empty() {
            return s;
        }
        if let Some(after) = s.strip_prefix('>') {
            return after;
        }
        let end = s
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(s.len())
            .max(1);
        let name = ["id", "href", "src"]
            .into_iter()
            .find(|n| s[..end].eq_ignore_ascii_case(n));
        s = s[end..].trim_start();
        let Some(after_eq) = s.strip_prefix('=') else {
            continue;
        };
        let v = after_eq.trim_start();
        let (value, next) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => match v[1..].find(q) {
                Some(e) => (&v[1..1 + e], &v[e + 2..]),
                None => (&v[1..], ""),
            },
            _ => {
                let e = v
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(v.len());
                (&v[..e], &v[e..])
            }
        };
        if let Some(name) = name {
            found(name, decode_entities(value));
        }
        s = next;
    }
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Checks `out` and reports each broken link as an error, pointing at the
/// content file that holds it when one does (a Markdown link in a
/// description, a note or a page), else at the page that shows it.
pub fn report(out: &Output, site: &Site, root: &Path, diags: &mut Diagnostics) {
    let base_path = crate::validate::base_path(&site.config.base_url);
    let broken = check(out, &base_path);
    if broken.is_empty() {
        return;
    }
    let mut sources: Vec<(String, PathBuf)> = site
        .units
        .iter()
        .map(|u| (format!("{}/index.html", u.slug), u.file.clone()))
        .chain(
            site.pages
                .iter()
                .map(|p| (format!("{}/index.html", p.slug), p.file.clone())),
        )
        .collect();
    sources.push(("index.html".into(), PathBuf::from("content/_index.md")));
    let mut texts: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for b in broken {
        if !seen.insert((b.page.clone(), b.url.clone())) {
            continue;
        }
        let page_url = b.page.trim_end_matches("index.html");
        let page_url = if page_url.is_empty() {
            "the home page"
        } else {
            page_url
        };
        let message = format!(
            "the link `{}` on `{page_url}` leads nowhere: {}",
            b.url, b.reason
        );
        // The page's own file first, then every other content file.
        let mut order: Vec<&PathBuf> = sources
            .iter()
            .filter(|(p, _)| *p == b.page)
            .map(|(_, f)| f)
            .collect();
        order.extend(sources.iter().map(|(_, f)| f));
        let found = order.into_iter().find_map(|f| {
            let text = texts
                .entry(f.clone())
                .or_insert_with(|| std::fs::read_to_string(root.join(f)).unwrap_or_default());
            crate::validate::locate(text, &b.url, 1).map(|(l, c)| (f.clone(), text.clone(), l, c))
        });
        let d = match found {
            Some((file, text, l, c)) => Diagnostic::error(file, message).at(&text, l, c),
            None => Diagnostic::error(&b.page, message)
                .with_hint("the link is in no content file: it comes from a template of the theme"),
        };
        diags.push(if d.hint.is_some() {
            d
        } else {
            d.with_hint(
                "links between pages of the site are relative, like `../tabella/` or `../nome-unita/#ancora`; check the address",
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> Output {
        let mut o = Output::default();
        for (p, b) in files {
            o.add(*p, b.as_bytes().to_vec());
        }
        o
    }

    #[test]
    fn attributes_are_read_like_a_browser() {
        let a = attributes(
            "<!-- <a href=x> --><A HREF='a&amp;b' id=top><script>if (a<b) x='<a href=\"no\">'</script><img src=\"i.png\"/>",
        );
        assert_eq!(
            a,
            [
                ("href".to_string(), "a&b".to_string()),
                ("id".into(), "top".into()),
                ("src".into(), "i.png".into())
            ]
        );
    }

    #[test]
    fn relative_links_and_anchors_resolve() {
        let out = site(&[
            (
                "index.html",
                "<a href=\"a/\">a</a><a href=\"a/#x\">x</a><a href=\"#top\" id=top></a>",
            ),
            (
                "a/index.html",
                "<p id=\"x\"><a href=\"../\">home</a><a href=\"../assets/s.css\"></a><a href=\"/base/a/\"></a><a href=\"/altro/\"></a><a href=\"https://x.it/#y\"></a><a href=\"mailto:a@b.it\"></a>",
            ),
            ("assets/s.css", ""),
        ]);
        assert_eq!(check(&out, "/base/"), []);
    }

    #[test]
    fn broken_links_and_anchors_are_found() {
        let out = site(&[
            (
                "index.html",
                "<a href=\"b/\">b</a><a href=\"a/#nope\">x</a><a href=\"../../x\"></a>",
            ),
            ("a/index.html", "<a href=\"/base/c/\"></a>"),
        ]);
        let b: Vec<(String, String)> = check(&out, "/base/")
            .into_iter()
            .map(|b| (b.url, b.reason))
            .collect();
        assert_eq!(
            b,
            [
                (
                    "/base/c/".to_string(),
                    "there is no page or file `c/` in the site".to_string()
                ),
                (
                    "b/".into(),
                    "there is no page or file `b/` in the site".into()
                ),
                (
                    "a/#nope".into(),
                    "the page `a/index.html` has no anchor `#nope`".into()
                ),
                (
                    "../../x".into(),
                    "it leads above the site's root folder".into()
                ),
            ]
        );
    }
}
