//! Stage 2 of the pipeline: checks what a single file's schema cannot
//! (slugs, duplicates across files, reserved paths, empty lists, settings
//! values) and turns the loaded files into an ordered [`Site`].
//!
//! It reports every problem it finds; it reads no file and writes nothing.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::Loaded;
use crate::model::{self, Site, SiteConfig, Unit};
use crate::slug;
use crate::source::SourceFile;

/// Open-data licences the generator knows: id, Italian name, URL.
pub const LICENCES: &[(&str, &str, &str)] = &[
    (
        "CC-BY-4.0",
        "Creative Commons Attribuzione 4.0 Internazionale",
        "https://creativecommons.org/licenses/by/4.0/deed.it",
    ),
    (
        "CC0-1.0",
        "Creative Commons CC0 1.0 Universale",
        "https://creativecommons.org/publicdomain/zero/1.0/deed.it",
    ),
    (
        "CC-BY-SA-4.0",
        "Creative Commons Attribuzione - Condividi allo stesso modo 4.0 Internazionale",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.it",
    ),
    (
        "IODL-2.0",
        "Italian Open Data License 2.0",
        "https://www.dati.gov.it/iodl/2.0/",
    ),
];

/// The default primary colour (Bootstrap Italia's blue).
pub const DEFAULT_COLOUR: &str = "#0066CC";

/// Checks everything and returns the site when there is no error.
pub fn validate(
    loaded: Loaded,
    base_url_override: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Site> {
    let before = diags.error_count();
    crate::placeholder::check(&loaded, base_url_override, diags);
    let config = loaded.config.map(|mut c| {
        if let Some(u) = base_url_override {
            c.base_url = u.to_string();
        }
        let empty = SourceFile::new("content/_sito.yaml", "");
        let src = loaded.config_source.as_ref().unwrap_or(&empty);
        check_config(&mut c, src, base_url_override.is_some(), diags);
        c
    });

    let mut taken: HashMap<String, std::path::PathBuf> = HashMap::new();
    let mut claim = |slug: &str, file: &std::path::Path, diags: &mut Diagnostics| {
        if !slug::is_valid(slug) {
            let suggestion = slug::slugify(slug);
            let mut d = Diagnostic::error(
                file,
                format!(
                    "`{slug}` is not a valid file name for the site: names must be lowercase letters, digits and single dashes"
                ),
            );
            if !suggestion.is_empty() {
                let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("yaml");
                d = d.with_hint(format!("rename the file to `{suggestion}.{ext}`"));
            }
            diags.push(d);
        } else if slug::RESERVED.contains(&slug) {
            diags.push(
                Diagnostic::error(
                    file,
                    format!("the name `{slug}` is used by a page the generator makes itself"),
                )
                .with_hint(format!("rename the file, for example to `ufficio-{slug}`")),
            );
        } else if let Some(first) = taken.get(slug) {
            diags.push(
                Diagnostic::error(
                    file,
                    format!(
                        "the name `{slug}` is already used by {}: two files would publish at the same address",
                        crate::diagnostic::display_path(first)
                    ),
                )
                .with_hint("rename one of the two files"),
            );
        } else {
            taken.insert(slug.to_string(), file.to_path_buf());
        }
    };

    let mut units = Vec::with_capacity(loaded.units.len());
    for (unit, src) in loaded.units {
        claim(&unit.slug, &unit.file, diags);
        check_unit(&unit, &src, diags);
        units.push(unit);
    }
    let mut pages = loaded.pages;
    for p in &pages {
        claim(&p.slug, &p.file, diags);
    }

    if diags.error_count() > before {
        return None;
    }
    let config = config?;
    model::sort_units(&mut units);
    model::sort_pages(&mut pages);
    Some(Site {
        config,
        intro: loaded.intro,
        units,
        pages,
    })
}

fn check_config(c: &mut SiteConfig, src: &SourceFile, overridden: bool, diags: &mut Diagnostics) {
    let at = |key: &str| crate::yaml::find_key(&src.text, key, 1).unwrap_or((1, 1));
    match normalise_base_url(&c.base_url) {
        Some(u) => c.base_url = u,
        None => {
            let msg = format!(
                "`{}` is not a valid base_url: it must be an absolute http(s) address, such as https://www.comune.esempio.it/amministrazione-trasparente/lavoro-agile/",
                c.base_url
            );
            if overridden {
                diags.push(Diagnostic::error("--base-url", msg));
            } else {
                let (l, col) = at("base_url");
                diags.push(src.error_at(l, col, msg));
            }
        }
    }
    if let Some(colour) = &c.colore_primario {
        let (l, col) = at("colore_primario");
        match parse_hex(colour) {
            None => diags.push(
                src.error_at(l, col, format!("`{colour}` is not a colour"))
                    .with_hint("write it as \"#rrggbb\" in quotes, for example \"#006643\""),
            ),
            Some(rgb) if contrast_with_white(rgb) < 4.5 => diags.push(
                src.error_at(
                    l,
                    col,
                    format!(
                        "`{colour}` is too light: white text on it has a contrast of {:.1}:1, accessibility (WCAG AA) needs at least 4.5:1",
                        contrast_with_white(rgb)
                    ),
                )
                .with_hint("choose a darker shade of the body's colour"),
            ),
            Some(_) => {}
        }
    }
    let mut urls: Vec<(&str, &str)> = Vec::new();
    if let Some(u) = c.fonte.as_ref().and_then(|f| f.url.as_deref()) {
        urls.push(("fonte.url", u));
    }
    urls.extend(
        c.percorso
            .iter()
            .filter_map(|p| p.url.as_deref())
            .map(|u| ("percorso.url", u)),
    );
    let links = &c.collegamenti;
    for (k, v) in [
        ("collegamenti.accessibilita", &links.accessibilita),
        ("collegamenti.privacy", &links.privacy),
        ("collegamenti.note_legali", &links.note_legali),
    ] {
        if let Some(u) = v.as_deref() {
            urls.push((k, u));
        }
    }
    for (key, u) in urls {
        if !is_web_url(u.trim()) {
            let (l, col) = locate(&src.text, u.trim(), 1).unwrap_or((1, 1));
            diags.push(
                src.error_at(l, col, format!("`{key}` is not a web address: `{u}`"))
                    .with_hint("write the full address, starting with https://"),
            );
        }
    }
    if let Some(l) = &c.licenza
        && licence(l).is_none()
    {
        let (line, col) = at("licenza");
        let known: Vec<&str> = LICENCES.iter().map(|x| x.0).collect();
        diags.push(
            src.error_at(line, col, format!("unknown licence `{l}`"))
                .with_hint(format!("use one of: {}", known.join(", "))),
        );
    }
}

fn check_unit(u: &Unit, src: &SourceFile, diags: &mut Diagnostics) {
    if u.smartizzabili.is_empty() && u.non_smartizzabili.is_empty() {
        diags.push(
            src.error_at(1, 1, "the unit has no activities").with_hint(
                "add at least one activity under `smartizzabili:` or `non_smartizzabili:`",
            ),
        );
    }
    for (key, list) in [
        ("smartizzabili", &u.smartizzabili),
        ("non_smartizzabili", &u.non_smartizzabili),
    ] {
        let mut in_list: HashMap<&str, usize> = HashMap::new();
        let key_at = || crate::yaml::find_key(&src.text, key, 1).unwrap_or((1, 1));
        for a in list.iter() {
            let text = a.testo.trim();
            let n = in_list.entry(text).or_insert(0);
            *n += 1;
            if text.is_empty() {
                continue; // reported by the schema check
            }
            let stray_dash = text.ends_with(" -") || text.ends_with(" –");
            if *n != 2 && !stray_dash {
                continue;
            }
            // Only a problem needs its position: finding it scans the file.
            let (l, c) = locate(&src.text, text, *n).unwrap_or_else(key_at);
            if *n == 2 {
                diags.push(src.warning_at(
                    l,
                    c,
                    format!(
                        "the same activity appears more than once in `{key}`: \"{}\"",
                        short(text)
                    ),
                ));
            }
            if stray_dash {
                diags.push(
                    src.warning_at(l, c, "the activity ends with a stray dash")
                        .with_hint("check that the text was not cut when it was copied"),
                );
            }
        }
    }
    // The same activity in both lists cannot be true.
    let mut smart: HashMap<&str, usize> = HashMap::new();
    for a in &u.smartizzabili {
        *smart.entry(a.testo.trim()).or_insert(0) += 1;
    }
    let mut reported = HashSet::new();
    for a in &u.non_smartizzabili {
        let text = a.testo.trim();
        if let Some(&n) = smart.get(text)
            && !text.is_empty()
            && reported.insert(text)
        {
            let (l, c) = locate(&src.text, text, n + 1).unwrap_or((1, 1));
            diags.push(
                src.error_at(
                    l,
                    c,
                    format!(
                        "the activity \"{}\" is both smartizzabile and non smartizzabile",
                        short(text)
                    ),
                )
                .with_hint("keep it in only one of the two lists"),
            );
        }
    }
}

fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(57).collect();
        format!("{cut}...")
    } else {
        s.to_string()
    }
}

/// The line and column of the `nth` line of `text` that holds `needle`.
pub fn locate(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    // Look for the start of the text: long texts may be folded over lines.
    let probe: String = needle.chars().take(40).collect();
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            l.find(probe.as_str())
                .map(|c| (i + 1, l[..c].chars().count() + 1))
        })
        .nth(nth - 1)
}

/// True for an absolute http(s) address with a host and no characters that
/// would need escaping.
pub fn is_web_url(u: &str) -> bool {
    let Some(rest) = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !u.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`')
        })
}

/// Checks and normalises a base URL: absolute http(s), no query or
/// fragment, ending with `/`.
pub fn normalise_base_url(u: &str) -> Option<String> {
    let u = u.trim();
    if !is_web_url(u) || u.contains('?') || u.contains('#') {
        return None;
    }
    Some(if u.ends_with('/') {
        u.to_string()
    } else {
        format!("{u}/")
    })
}

/// The path part of a base URL (`/amministrazione-trasparente/lavoro-agile/`).
pub fn base_path(base_url: &str) -> String {
    let rest = base_url
        .strip_prefix("https://")
        .or_else(|| base_url.strip_prefix("http://"))
        .unwrap_or(base_url);
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".to_string(),
    }
}

/// The (id, name, URL) of a known licence.
pub fn licence(id: &str) -> Option<(&'static str, &'static str, &'static str)> {
    LICENCES
        .iter()
        .copied()
        .find(|l| l.0.eq_ignore_ascii_case(id))
}

/// `#rrggbb` -> (r, g, b).
pub fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((p(0)?, p(2)?, p(4)?))
}

/// WCAG contrast ratio of white against `rgb`.
pub fn contrast_with_white(rgb: (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(rgb.0) + 0.7152 * lin(rgb.1) + 0.0722 * lin(rgb.2);
    1.05 / (l + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            normalise_base_url("https://x.it/a").as_deref(),
            Some("https://x.it/a/")
        );
        assert_eq!(
            normalise_base_url("http://x.it/").as_deref(),
            Some("http://x.it/")
        );
        assert_eq!(normalise_base_url("x.it/a"), None);
        assert_eq!(normalise_base_url("https:///a"), None);
        assert_eq!(normalise_base_url("https://x.it/a b"), None);
        assert_eq!(base_path("https://x.it/a/b/"), "/a/b/");
        assert_eq!(base_path("https://x.it"), "/");
    }

    #[test]
    fn only_web_urls_are_links() {
        assert!(is_web_url("https://x.it/a?b=1&c=2"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://x.it/\"><script>"));
        assert!(!is_web_url("www.x.it"));
    }

    #[test]
    fn contrast() {
        assert!(contrast_with_white(parse_hex("#006643").unwrap()) > 4.5);
        assert!(contrast_with_white(parse_hex("#0066CC").unwrap()) > 4.5);
        assert!(contrast_with_white(parse_hex("#ffcc00").unwrap()) < 4.5);
        assert_eq!(parse_hex("#12345"), None);
    }

    #[test]
    fn locate_finds_nth_occurrence() {
        let t = "nome: A\nsmartizzabili:\n  - Uno\n  - Uno\n";
        assert_eq!(locate(t, "Uno", 2), Some((4, 5)));
        assert_eq!(locate(t, "Due", 1), None);
    }
}
