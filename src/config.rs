//! What the settings of `content/_sito.yaml` mean, for every stage that
//! reads them: the known licences, the default colour, the base URL (its
//! checked form and its path). `validate` reports bad values; `render`,
//! `linkcheck` and `cli` use the meanings. No I/O, no diagnostics.

/// Open-data licences the generator knows: id, Italian name, URL.
pub(crate) const LICENCES: &[(&str, &str, &str)] = &[
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
pub(crate) const DEFAULT_COLOUR: &str = "#0066CC";

/// True for an absolute http(s) address with a host and no characters that
/// would need escaping.
pub(crate) fn is_web_url(u: &str) -> bool {
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
/// fragment, not a page's address ([`page_of_base_url`]), ending with `/`.
pub(crate) fn normalise_base_url(u: &str) -> Option<String> {
    let u = u.trim();
    if !is_web_url(u) || u.contains('?') || u.contains('#') || page_of_base_url(u).is_some() {
        return None;
    }
    Some(if u.ends_with('/') {
        u.to_string()
    } else {
        format!("{u}/")
    })
}

/// The address of a page copied from the browser as `base_url`
/// (`https://host/lavoro-agile/index.html`, `.../trasparenza.php`): the
/// folder it is in, which the base URL should be. Every address of the
/// site would otherwise be under `index.html/`.
pub(crate) fn page_of_base_url(u: &str) -> Option<String> {
    let u = u.trim();
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))?;
    let (_, path) = rest.split_once('/')?;
    let last = path.rsplit('/').next()?;
    let (_, ext) = last.rsplit_once('.')?;
    const PAGES: &[&str] = &[
        "html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "cfm",
    ];
    PAGES
        .contains(&ext.to_ascii_lowercase().as_str())
        .then(|| u[..u.len() - last.len()].to_string())
}

/// The path part of a base URL (`/amministrazione-trasparente/lavoro-agile/`).
pub(crate) fn base_path(base_url: &str) -> String {
    let rest = base_url
        .strip_prefix("https://")
        .or_else(|| base_url.strip_prefix("http://"))
        .unwrap_or(base_url);
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".to_string(),
    }
}

/// The (id, name, URL) of a known licence, by its id written with any
/// case, spaces or dashes (`CC BY 4.0`, `cc-by-4.0`).
pub(crate) fn licence(id: &str) -> Option<(&'static str, &'static str, &'static str)> {
    let bare = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let id = bare(id);
    LICENCES.iter().copied().find(|l| bare(l.0) == id)
}

/// `#rrggbb` -> (r, g, b).
pub(crate) fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((p(0)?, p(2)?, p(4)?))
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
        // A page copied from the address bar: its folder is meant.
        for (page, folder) in [
            (
                "https://x.it/lavoro-agile/index.html",
                "https://x.it/lavoro-agile/",
            ),
            ("https://x.it/Trasparenza.PHP", "https://x.it/"),
            ("http://x.it/a/b/pagina.aspx", "http://x.it/a/b/"),
        ] {
            assert_eq!(normalise_base_url(page), None, "{page}");
            assert_eq!(page_of_base_url(page).as_deref(), Some(folder), "{page}");
        }
        for folder in [
            "https://x.it/a.b/",
            "https://x.it/v1.2",
            "https://x.it",
            "https://comune.it/",
        ] {
            assert_eq!(page_of_base_url(folder), None, "{folder}");
        }
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
    fn hex_colours() {
        assert_eq!(parse_hex("#0066CC"), Some((0, 0x66, 0xCC)));
        assert_eq!(parse_hex("#12345"), None);
        assert_eq!(parse_hex("0066CC"), None);
        assert_eq!(parse_hex("#00G6CC"), None);
        assert_eq!(parse_hex(DEFAULT_COLOUR), Some((0, 0x66, 0xCC)));
    }

    #[test]
    fn licences_by_id_ignore_case() {
        assert_eq!(licence("cc0-1.0").map(|l| l.0), Some("CC0-1.0"));
        assert_eq!(licence("MIT"), None);
        // As a clerk writes them.
        for (written, id) in [
            ("CC BY 4.0", "CC-BY-4.0"),
            ("cc by-sa 4.0", "CC-BY-SA-4.0"),
            ("IODL 2.0", "IODL-2.0"),
            ("CC0 1.0", "CC0-1.0"),
        ] {
            assert_eq!(licence(written).map(|l| l.0), Some(id), "{written}");
        }
        assert_eq!(licence("CC BY 3.0"), None);
    }
}
