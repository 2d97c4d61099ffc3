//! Verifies the rendered site before anything is written: every internal
//! `href`/`src` of every HTML page resolves to a file of the [`Output`], and
//! every `#fragment` to an element with that `id`.
//!
//! It reads the in-memory output only, plus (when a link is broken) the
//! lines of the content file that hold it, found from the stored spans. Links that leave
//! the site (other schemes, other hosts, absolute paths outside `base_url`)
//! are not followed. What a content text's page will not show as written
//! (`markdown::slips`: an image on another site, HTML, a link to a file on
//! the writer's computer or with another scheme) is a warning at it.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, diag};
use crate::i18n::t;
use crate::markdown::{self, Slip};
use crate::model::fields::Published;
use crate::model::{Activity, ListKind, Site, Span, UNIT};
use crate::render::Output;
use crate::source::SourceFile;

/// An internal link that leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Broken {
    /// The page holding the link (path in the output).
    pub page: String,
    /// The link as written.
    pub url: String,
    /// Why it leads nowhere.
    pub reason: Reason,
}

/// Why a link leads nowhere: kept as a value until a message is written
/// ([`Reason::text`]), so that the same mistake on many pages is grouped
/// and the message is in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Reason {
    /// `../../x`: it climbs above the root of the site.
    AboveRoot,
    /// No page or file at this path (`tributi/`, `index.html`).
    NoFile(String),
    /// The page (its file, `a/index.html`) has no element with the id.
    NoAnchor(String, String),
}

impl Reason {
    /// The reason as the message says it.
    fn text(&self) -> String {
        match self {
            Reason::AboveRoot => t!("linkcheck-reason-above-root"),
            Reason::NoFile(path) => t!("linkcheck-reason-no-file", path = path),
            Reason::NoAnchor(page, anchor) => {
                t!("linkcheck-reason-no-anchor", page = page, anchor = anchor)
            }
        }
    }
}

/// A page's ids and links, as [`scan`] finds them: what the check keeps of
/// a page written before the check (`render::Output` with a sink), until
/// the end of the build. Each list is one text with where each item ends
/// (a unit page has an id and a link per activity: one allocation each
/// was a million at 10,000 units).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scanned {
    ids: Strings,
    links: Strings,
}

/// Texts one after the other in one string.
#[derive(Debug, Clone, PartialEq, Default)]
struct Strings {
    text: String,
    ends: Vec<usize>,
}

impl Strings {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(a, &b)| &self.text[a..b])
    }

    /// Without the spare room of the growing buffers: kept to the end.
    fn fitted(mut self) -> Self {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self
    }
}

/// The ids and links of the page `html`.
pub(crate) fn scan_page(html: &str) -> Scanned {
    let mut ids = Strings::default();
    let mut links = Strings::default();
    scan(html, |name, value| {
        if name == "id" {
            ids.push(&value);
        } else if !is_external(&value) {
            // A link that leaves the site is never followed (`resolve`).
            links.push(&value);
        }
    });
    Scanned {
        ids: ids.fitted(),
        links: links.fitted(),
    }
}

/// Every broken internal link of `out`; `base_path` is the path of
/// `base_url` (`/amministrazione-trasparente/lavoro-agile/`).
pub(crate) fn check(out: &Output, base_path: &str) -> Vec<Broken> {
    // Each page is read once, on every core; then each link is resolved.
    // Pages are UTF-8 (rendered from `String`s): ids and links are borrowed
    // from them; only a value with an entity is copied, decoded. Checking
    // that they are UTF-8 is on every core too: one core took ~2% of the
    // build's CPU on it, while the other waited (issue 25's profile).
    let texts: Vec<(&str, Cow<str>)> = out
        .files
        .par_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.as_str(), String::from_utf8_lossy(bytes)))
        .collect();
    let mut pages: Vec<ScannedPage> = texts
        .par_iter()
        .map(|(path, html)| {
            let mut ids = HashSet::new();
            let mut links = Vec::new();
            scan(html, |name, value| {
                if name == "id" {
                    ids.insert(value);
                } else {
                    links.push(value);
                }
            });
            (*path, ids, links)
        })
        .collect();
    // The pages already written: their ids and links were kept.
    let written: Vec<(&String, &Scanned)> = out
        .written()
        .iter()
        .filter_map(|(path, w)| w.scanned.as_ref().map(|s| (path, s)))
        .collect();
    pages.par_extend(written.par_iter().map(|(path, s)| {
        (
            path.as_str(),
            s.ids.iter().map(Cow::Borrowed).collect(),
            s.links.iter().map(Cow::Borrowed).collect(),
        )
    }));
    let ids: HashMap<&str, &HashSet<Cow<str>>> =
        pages.iter().map(|(p, ids, _)| (*p, ids)).collect();
    let mut broken: Vec<Broken> = pages
        .par_iter()
        .flat_map_iter(|(page, _, links)| {
            let ids = &ids;
            links.iter().filter_map(move |url| {
                resolve(page, url, base_path, out, ids)
                    .err()
                    .map(|reason| Broken {
                        page: page.to_string(),
                        url: url.to_string(),
                        reason,
                    })
            })
        })
        .collect();
    // In the order of the pages' paths, whichever way they were kept.
    if !written.is_empty() {
        broken.sort_by(|a, b| a.page.cmp(&b.page));
    }
    broken
}

/// A page's path, its ids and its links, borrowed from its text.
type ScannedPage<'a> = (&'a str, HashSet<Cow<'a, str>>, Vec<Cow<'a, str>>);

/// Checks one link of `page`; the reason when it is broken.
fn resolve(
    page: &str,
    url: &str,
    base_path: &str,
    out: &Output,
    ids: &HashMap<&str, &HashSet<Cow<str>>>,
) -> Result<(), Reason> {
    // A link to an anchor of its own page (each activity's `#` link, a
    // quarter of a million at 10,000 units): the page is in `out` (the
    // pages checked are its files), so only its ids are looked at, with
    // nothing copied. A broken one takes the way below, which says why.
    if let Some(fragment) = url.strip_prefix('#')
        && !fragment.contains('%')
        && (fragment.is_empty() || ids.get(page).is_some_and(|s| s.contains(fragment)))
    {
        return Ok(());
    }
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
        let Some(mut path) = normalise(&decoded(&joined)) else {
            return Err(Reason::AboveRoot);
        };
        if path.is_empty() || path.ends_with('/') {
            path.push_str("index.html");
        } else if !out.contains(&path) {
            path.push_str("/index.html");
        }
        path
    };
    if !out.contains(&file) {
        let shown = file.trim_end_matches("index.html");
        return Err(Reason::NoFile(
            if shown.is_empty() {
                "index.html"
            } else {
                shown
            }
            .to_string(),
        ));
    }
    match fragment.map(decoded) {
        Some(f) if !f.is_empty() && file.ends_with(".html") => {
            if ids.get(file.as_str()).is_some_and(|s| s.contains(&*f)) {
                Ok(())
            } else {
                Err(Reason::NoAnchor(file, f.into_owned()))
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
    // With room for the `index.html` the caller may add.
    let mut s = String::with_capacity(path.len() + "index.html".len());
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            s.push('/');
        }
        s.push_str(part);
    }
    if trailing && !s.is_empty() {
        s.push('/');
    }
    Some(s)
}

fn percent_decode(s: &str) -> String {
    decoded(s).into_owned()
}

/// `s` with its percent escapes decoded, borrowed when it has none (most
/// links of a page).
fn decoded(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
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
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// Every attribute (lowercased name, decoded value) of every tag of `html`,
/// skipping comments and the content of `<script>` and `<style>`.
#[cfg(test)]
pub(crate) fn attributes(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    scan(html, |name, value| {
        out.push((name.to_string(), value.into_owned()))
    });
    out
}

/// Calls `found(name, value)` for every `id`, `href` and `src` attribute of
/// `html` (names in lowercase, values with entities decoded). Allocates
/// only for those values: this runs over every byte of the site.
fn scan<'h>(html: &'h str, mut found: impl FnMut(&'static str, Cow<'h, str>)) {
    let mut rest = html;
    while let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) {
        rest = &rest[lt + 1..];
        // Byte by byte, not `strip_prefix`: a call to `memcmp` per tag.
        if let [b'!', b'-', b'-', ..] = rest.as_bytes() {
            let after = &rest[3..];
            rest = memchr::memmem::find(after.as_bytes(), b"-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let name_len = rest
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if name_len == 0 {
            continue;
        }
        let tag = &rest[..name_len];
        let raw_text = tag.eq_ignore_ascii_case("script") || tag.eq_ignore_ascii_case("style");
        rest = tag_attributes(&rest[name_len..], &mut found);
        if raw_text {
            rest = match find_close(rest, tag) {
                Some(i) => &rest[i..],
                None => "",
            };
        }
    }
}

/// Where `</tag` (any case) starts in `s`, without copying `s`.
fn find_close(s: &str, tag: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', &b[from..]) {
        let at = from + i;
        let name = b.get(at + 2..at + 2 + tag.len());
        if b.get(at + 1) == Some(&b'/')
            && name.is_some_and(|n| n.eq_ignore_ascii_case(tag.as_bytes()))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Reads the attributes up to the end of a tag; returns what follows it.
fn tag_attributes<'a>(
    mut s: &'a str,
    found: &mut impl FnMut(&'static str, Cow<'a, str>),
) -> &'a str {
    loop {
        s = skip_space(s, b"/");
        if s.is_empty() {
            return s;
        }
        if let Some(after) = s.strip_prefix('>') {
            return after;
        }
        let end = until_space(s, |b| matches!(b, b'=' | b'>' | b'/')).max(1);
        let name = ["id", "href", "src"]
            .into_iter()
            .find(|n| s[..end].eq_ignore_ascii_case(n));
        s = skip_space(&s[end..], b"");
        let Some(after_eq) = s.strip_prefix('=') else {
            continue;
        };
        let v = skip_space(after_eq, b"");
        let (value, next) = match v.as_bytes().first() {
            Some(&q @ (b'"' | b'\'')) => match memchr::memchr(q, &v.as_bytes()[1..]) {
                Some(e) => (&v[1..1 + e], &v[e + 2..]),
                None => (&v[1..], ""),
            },
            _ => {
                let e = until_space(v, |b| b == b'>');
                (&v[..e], &v[e..])
            }
        };
        if let Some(name) = name {
            found(name, decode_entities(value));
        }
        s = next;
    }
}

/// `s` without the whitespace (`char::is_whitespace`, as `str::trim`
/// reads it) and the bytes of `also` at its start: the scan reads every
/// tag of every page, so ASCII is looked at a byte at a time and only
/// other characters are decoded.
fn skip_space<'a>(s: &'a str, also: &[u8]) -> &'a str {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !also.contains(&b) && !ascii_space(b) {
                break;
            }
            i += 1;
        } else {
            match s[i..].chars().next() {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    &s[i..]
}

/// Where the first whitespace character of `s`, or its first ASCII byte
/// that `stop` accepts, starts; `s.len()` when there is none.
fn until_space(s: &str, stop: impl Fn(u8) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if stop(b) || ascii_space(b) {
                return i;
            }
            i += 1;
        } else {
            match s[i..].chars().next() {
                Some(c) if !c.is_whitespace() => i += c.len_utf8(),
                _ => return i,
            }
        }
    }
    i
}

/// `char::is_whitespace` of an ASCII byte (it counts the vertical tab,
/// which `u8::is_ascii_whitespace` does not).
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace("&quot;", "\"")
            .replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&#x2F;", "/")
            .replace("&#x2f;", "/")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// A text of the content that is rendered as Markdown, and where it was written.
struct Field<'a> {
    /// The page that shows it (path in the output).
    page: String,
    file: &'a Path,
    text: &'a str,
    /// Where its value starts in the file.
    start: Span,
    /// A whole Markdown file (page body, `_index.md`): its lines are the file's.
    raw: bool,
    /// How many lines the text has: the most the search for a link reads.
    lines: usize,
}

/// Every Markdown text of the site with its stored span: a unit's
/// Markdown fields (`descrizione`, `criteri`) and notes, `_sito.yaml`'s
/// `criteri` and notes, the pages and `_index.md`.
fn fields(site: &Site) -> Vec<Field<'_>> {
    let mut out = Vec::new();
    let settings = Path::new(SETTINGS);
    let criteri = site.config.spans.value("criteri");
    push(
        &mut out,
        "index.html",
        settings,
        site.config.criteri.as_deref(),
        criteri,
    );
    for (text, start) in notes(site.config.lists()) {
        push(&mut out, "index.html", settings, text, start);
    }
    for u in &site.units {
        let page = format!("{}/index.html", u.slug);
        let markdown = UNIT
            .fields
            .iter()
            .filter(|f| matches!(f.published, Published::Markdown(_)))
            .map(|f| (u.text(f.key), u.spans.value(f.key)));
        for (text, start) in markdown.chain(notes(u.lists())) {
            push(&mut out, &page, &u.file, text, start);
        }
    }
    let whole = |page: String, file, text, line| Field {
        page,
        file,
        text,
        start: Span { line, column: 1 },
        raw: true,
        lines: 0,
    };
    for p in &site.pages {
        out.push(whole(
            format!("{}/index.html", p.slug),
            &p.file,
            &p.body,
            p.body_line,
        ));
    }
    if let Some(intro) = &site.intro {
        out.push(whole("index.html".into(), Path::new(INTRO), intro, 1));
    }
    out
}

const SETTINGS: &str = "content/_sito.yaml";

/// Adds the YAML value `text` written at `start` to `out`, when both are set.
fn push<'a>(
    out: &mut Vec<Field<'a>>,
    page: &str,
    file: &'a Path,
    text: Option<&'a str>,
    start: Option<Span>,
) {
    if let (Some(text), Some(start)) = (text, start) {
        out.push(Field {
            page: page.to_string(),
            file,
            text,
            start,
            raw: false,
            lines: text.lines().count(),
        });
    }
}

/// Each activity's `note` in `lists`, with where its value starts.
fn notes(
    lists: [(ListKind, &[Activity]); 3],
) -> impl Iterator<Item = (Option<&str>, Option<Span>)> {
    lists.into_iter().flat_map(|(_, list)| {
        list.iter()
            .map(|a| (a.note.as_deref(), a.spans.value("note")))
    })
}
const INTRO: &str = "content/_index.md";

/// Checks `out` and reports each broken link as an error, pointing at the
/// link in the content file that holds it when one does (a Markdown link in
/// a description, a note or a page; the one shown on the same page first),
/// else at the page that shows it. The texts are found by their stored
/// spans: only the lines of the text holding the link are read.
///
/// An image on another site in a Markdown text is a warning at it: the
/// page shows it as a link (`markdown::to_html`), since a published page
/// makes no request to a third party.
pub fn report(out: &Output, site: &Site, root: &Path, diags: &mut Diagnostics) {
    let base_path = crate::config::base_path(&site.config.base_url);
    let broken = check(out, &base_path);
    let fields = fields(site);
    let mut files: BTreeMap<PathBuf, Option<SourceFile>> = BTreeMap::new();
    for (i, f) in fields.iter().enumerate() {
        for (slip, offset) in markdown::slips(f.text) {
            let (d, at) = match &slip {
                Slip::OffSiteImage { url } => (
                    diag!(Warning, "linkcheck-offsite-image", f.file, url = url),
                    url,
                ),
                Slip::Html { tag, more } => (
                    diag!(
                        Warning,
                        "linkcheck-html-as-text",
                        f.file,
                        tag = tag,
                        more = *more,
                        kind = html_kind(tag)
                    ),
                    tag,
                ),
                Slip::LocalFile { url } => (
                    diag!(Warning, "linkcheck-link-to-local-file", f.file, url = url),
                    url,
                ),
                Slip::Dropped { url } => (
                    diag!(Warning, "linkcheck-link-dropped", f.file, url = url),
                    url,
                ),
                Slip::Heading { level, after } => {
                    let marks = "#".repeat(usize::from(*level));
                    let d = diag!(
                        Warning,
                        "linkcheck-heading-outline",
                        f.file,
                        level = *level,
                        after = *after,
                        marks = &marks
                    );
                    // Found in its file by its own line (`### Orari`).
                    let line = f.text[offset..].lines().next().unwrap_or("").trim_end();
                    diags.push(placed(&fields, i, offset, line, d, root, &mut files));
                    continue;
                }
            };
            diags.push(placed(&fields, i, offset, at, d, root, &mut files));
        }
    }
    if broken.is_empty() {
        return;
    }
    // Every link of every text, by address: one parse of each text.
    let mut links: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (i, f) in fields.iter().enumerate() {
        for (url, offset) in crate::markdown::links(f.text) {
            links
                .entry(percent_decode(&url))
                .or_default()
                .push((i, offset));
        }
    }
    // One message per mistake: a link of a text shown on several pages (the
    // unit's page, the table) or of a template used by many is broken on
    // each of them, in the same way.
    let mut groups: Vec<(Mistake, Vec<String>)> = Vec::new();
    let mut group_of: HashMap<Mistake, usize> = HashMap::new();
    for b in broken {
        let places = links.get(&percent_decode(&b.url));
        let place = places.and_then(|v| {
            v.iter()
                .find(|(i, _)| fields[*i].page == b.page)
                .or_else(|| v.first())
                .copied()
        });
        let key = (place, b.url, b.reason);
        let g = *group_of.entry(key.clone()).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        let pages = &mut groups[g].1;
        if !pages.contains(&b.page) {
            pages.push(b.page);
        }
    }
    for ((place, url, reason), pages) in groups {
        let broken = |file: &Path| {
            diag!(
                Error,
                "linkcheck-broken-link",
                file,
                url = &url,
                pages = pages_phrase(&pages),
                reason = reason.text()
            )
        };
        diags.push(match place {
            Some((i, offset)) => {
                let d = broken(fields[i].file);
                placed(&fields, i, offset, &url, d, root, &mut files)
            }
            None => {
                broken(Path::new(&pages[0])).with_hint(t!("linkcheck-broken-link.hint-template"))
            }
        });
    }
}

/// What an HTML tag is, as the `$kind` of `linkcheck-html-as-text`'s hint
/// names the Markdown to write instead.
fn html_kind(tag: &str) -> &'static str {
    if tag == "<!--" {
        return "comment";
    }
    let name: String = tag
        .trim_start_matches(['<', '/'])
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    match name.as_str() {
        "br" => "br",
        "b" | "strong" => "bold",
        "i" | "em" => "italic",
        "a" => "link",
        "p" | "div" => "paragraph",
        "ul" | "ol" | "li" => "list",
        _ => "other",
    }
}

/// `d` (a problem of `fields[i]`'s file) placed at the link or image `url`
/// starting at byte `offset` of the text `fields[i]`, its line shown;
/// `files` keeps the files read.
fn placed(
    fields: &[Field],
    i: usize,
    offset: usize,
    url: &str,
    d: Diagnostic,
    root: &Path,
    files: &mut BTreeMap<PathBuf, Option<SourceFile>>,
) -> Diagnostic {
    let f = &fields[i];
    let src = files
        .entry(f.file.to_path_buf())
        .or_insert_with(|| crate::source::read(&root.join(f.file), f.file).ok());
    let at = position(f, offset, url, src.as_ref());
    d.at_line(
        at.line,
        at.column,
        src.as_ref().and_then(|src| src.line(at.line)),
    )
}

/// A broken link as one mistake: where it is written (a text's index in
/// `fields` and the byte offset; `None` for a template's link), the link and
/// why it leads nowhere.
type Mistake = (Option<(usize, usize)>, String, Reason);

/// The pages a broken link is on, as a message names them: "`tributi/`",
/// "`tributi/` and `tabella/`", "`a/`, `b/`, `c/` and 997 more pages".
fn pages_phrase(pages: &[String]) -> String {
    let name = |p: &String| {
        let url = p.trim_end_matches("index.html");
        if url.is_empty() {
            t!("linkcheck-page-home")
        } else {
            t!("linkcheck-page", url = url)
        }
    };
    let names: Vec<String> = pages.iter().take(3).map(name).collect();
    match pages.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 | 3 => t!(
            "linkcheck-pages-few",
            first = names[..names.len() - 1].join(", "),
            last = &names[names.len() - 1]
        ),
        n => t!(
            "linkcheck-pages-many",
            first = names.join(", "),
            more = n - 3
        ),
    }
}

/// Where the link starting at byte `offset` of `f`'s text is in its file
/// (at its address when the line shows it). A Markdown file's lines are the
/// text's; a YAML value (a `|` block, a folded or quoted text) is looked up
/// in the lines of that value only, from its stored span on, and the span
/// is the answer when the link is not found there.
fn position(f: &Field, offset: usize, url: &str, src: Option<&SourceFile>) -> Span {
    let before = &f.text[..offset];
    let k = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let text_line = f.text[line_start..].lines().next().unwrap_or("");
    let from = offset - line_start;
    // The address after the link's start, else the link's start.
    let column = |line: &str, from: usize| {
        let at = line
            .get(from..)
            .and_then(|r| r.find(url))
            .map_or(from, |i| from + i);
        line[..at].chars().count() + 1
    };
    if f.raw {
        return Span {
            line: f.start.line + k,
            column: column(text_line, from),
        };
    }
    let Some(src) = src else {
        return f.start;
    };
    let link = text_line.get(from..).unwrap_or_default();
    let last = f.start.line + f.lines + 1;
    (f.start.line + k..=last)
        .find_map(|n| {
            let line = src.line(n)?;
            let at = line.find(link).or_else(|| line.find(url))?;
            Some(Span {
                line: n,
                column: column(line, at),
            })
        })
        .unwrap_or(f.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_named_once_each() {
        let p = |v: &[&str]| {
            let pages: Vec<String> = v.iter().map(|s| s.to_string()).collect();
            crate::i18n::with_lang(crate::i18n::Lang::En, || pages_phrase(&pages))
        };
        assert_eq!(p(&["tributi/index.html"]), "`tributi/`");
        assert_eq!(
            p(&["index.html", "tabella/index.html"]),
            "the home page and `tabella/`"
        );
        assert_eq!(
            p(&["a/index.html", "b/index.html", "c/index.html"]),
            "`a/`, `b/` and `c/`"
        );
        assert_eq!(
            p(&[
                "a/index.html",
                "b/index.html",
                "c/index.html",
                "d/index.html",
                "e/index.html"
            ]),
            "`a/`, `b/`, `c/` and 2 more pages"
        );
        // Italian, the default; one more page is singular in both.
        let four: Vec<String> = ["index.html", "b/index.html", "c/index.html", "d/index.html"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            pages_phrase(&four),
            "la pagina iniziale, `b/`, `c/` e un'altra pagina"
        );
        assert_eq!(
            crate::i18n::with_lang(crate::i18n::Lang::En, || pages_phrase(&four)),
            "the home page, `b/`, `c/` and 1 more page"
        );
    }

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

    /// Attributes are parted by whitespace as `str::trim` reads it, the
    /// vertical tab and non-ASCII spaces among it (the scan reads ASCII a
    /// byte at a time); names and values keep every other character.
    #[test]
    fn attributes_are_parted_by_any_whitespace() {
        let a = attributes(
            "<a\u{a0}href=x\u{2003}id=\u{e8}y\x0bsrc =\u{85}'z'><p data-\u{e8}=\"q\" id=\u{2028}w/><b id=v>",
        );
        assert_eq!(
            a,
            [
                ("href".to_string(), "x".to_string()),
                ("id".into(), "\u{e8}y".into()),
                ("src".into(), "z".into()),
                ("id".into(), "w/".into()),
                ("id".into(), "v".into())
            ]
        );
    }

    /// What is kept of a written page: its ids and internal links, in
    /// order, empty ones too.
    #[test]
    fn a_scanned_page_keeps_its_ids_and_internal_links() {
        let s = scan_page(
            "<a id=a href=x><b id=''><a href='https://e.it' id=\"c&amp;d\"><a href=../y#z>",
        );
        assert_eq!(s.ids.iter().collect::<Vec<_>>(), ["a", "", "c&d"]);
        assert_eq!(s.links.iter().collect::<Vec<_>>(), ["x", "../y#z"]);
        let none = scan_page("<p>testo</p>");
        assert_eq!(none.ids.iter().count() + none.links.iter().count(), 0);
    }

    #[test]
    fn script_and_style_end_at_their_closing_tag_in_any_case() {
        assert_eq!(find_close("x</b></SCRIPT>", "script"), Some(5));
        assert_eq!(find_close("</scrip", "script"), None);
        let a = attributes(
            "<SCRIPT>a='<a href=no>'</Script ><a href=yes><style>p{}</STYLE><b id=x><script>",
        );
        assert_eq!(
            a,
            [
                ("href".to_string(), "yes".to_string()),
                ("id".into(), "x".into())
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
                "<a href=\"b/\">b</a><a href=\"a/#nope\">x</a><a href=\"../../x\"></a><a href=\"#gone\"></a><a href=\"#\" id=\"c d\"></a><a href=\"#c%20d\"></a><a href=\"#c%20e\"></a>",
            ),
            ("a/index.html", "<a href=\"/base/c/\"></a>"),
        ]);
        let b: Vec<(String, Reason)> = check(&out, "/base/")
            .into_iter()
            .map(|b| (b.url, b.reason))
            .collect();
        assert_eq!(
            b,
            [
                ("/base/c/".to_string(), Reason::NoFile("c/".into())),
                ("b/".into(), Reason::NoFile("b/".into())),
                (
                    "a/#nope".into(),
                    Reason::NoAnchor("a/index.html".into(), "nope".into())
                ),
                ("../../x".into(), Reason::AboveRoot),
                (
                    "#gone".into(),
                    Reason::NoAnchor("index.html".into(), "gone".into())
                ),
                (
                    "#c%20e".into(),
                    Reason::NoAnchor("index.html".into(), "c e".into())
                ),
            ]
        );
        // Each reason in words, in both languages.
        let words = |lang| {
            crate::i18n::with_lang(lang, || b.iter().map(|(_, r)| r.text()).collect::<Vec<_>>())
        };
        assert_eq!(
            words(crate::i18n::Lang::En)[..4],
            [
                "there is no page or file `c/` in the site",
                "there is no page or file `b/` in the site",
                "the page `a/index.html` has no anchor `#nope`",
                "it leads above the site's root folder",
            ]
        );
        assert_eq!(
            words(crate::i18n::Lang::It)[2],
            "la pagina `a/index.html` non ha l'ancora `#nope`"
        );
    }
}
