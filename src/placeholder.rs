//! What `trasparenza init` leaves for the user to replace: the placeholder
//! values of `_sito.yaml` and the example unit. `validate` calls [`check`],
//! which reports each one still there as a warning (it publishes, but looks
//! wrong), so a new site builds at once and `check` says what is left to do.
//!
//! The values themselves live here, so `init` writes exactly what this
//! module recognises.

use crate::diagnostic::{Diagnostics, diag};
use crate::load::Loaded;
use crate::model::Span;
use crate::validate::on;

/// Marks a text value still to be written (`ente`, `titolo`).
pub(crate) const MARK: &str = "DA COMPILARE";
/// The body's name `init` writes without `--ente`.
pub(crate) const ENTE: &str = "Ente (DA COMPILARE)";
/// The address `init` writes without `--base-url`: `.example` is reserved
/// (RFC 2606), so no real site has it.
pub(crate) const BASE_URL: &str = "https://sito-da-compilare.example/lavoro-agile/";
/// The example unit file exactly as `init` writes it (its template has no
/// `@NAME@` values to fill): `import` removes a file only while it is
/// byte-identical to this, so a copy or an edit is never removed.
pub(crate) const EXAMPLE_UNIT: &str = include_str!("cmd/init/files/ufficio-esempio.yaml");
/// The first line of the example unit `init` writes.
pub(crate) const EXAMPLE_UNIT_MARKER: &str = "# ESEMPIO creato da trasparenza init: il primo import cancella questo file solo se nessuno l'ha modificato.";

/// Whether `bytes` are the example unit as `init` wrote it, untouched.
pub(crate) fn is_pristine_example(bytes: &[u8]) -> bool {
    bytes == EXAMPLE_UNIT.as_bytes()
}

/// Whether `url`'s host is under the reserved `.example` domain.
fn is_placeholder_url(url: &str) -> bool {
    let rest = url
        .trim()
        .split_once("://")
        .map_or(url, |(_, r)| r)
        .to_ascii_lowercase();
    let host = rest.split(['/', ':']).next().unwrap_or("");
    host == "example" || host.ends_with(".example")
}

/// Warns about every placeholder of `init` still in the site. A `--base-url`
/// given on the command line replaces the file's, so it is not reported.
pub(crate) fn check(loaded: &Loaded, base_url_override: Option<&str>, diags: &mut Diagnostics) {
    if let (Some(c), Some(src)) = (&loaded.config, &loaded.config_source) {
        let mut warn = |key: &str, value: &str| {
            let at = c.spans.key(key).unwrap_or(Span { line: 1, column: 1 });
            let d = diag!(
                Warning,
                "placeholder-value",
                &src.display,
                key = key,
                value = value
            );
            diags.push(on(src, at, d));
        };
        for (key, value) in [("ente", &c.ente), ("titolo", &c.titolo)] {
            if value.contains(MARK) {
                warn(key, value);
            }
        }
        let url = base_url_override.unwrap_or(&c.base_url);
        if base_url_override.is_none() && is_placeholder_url(url) {
            warn("base_url", url);
        }
    }
    for src in loaded.units.iter().map(|u| &u.source) {
        if src.text.lines().next().map(str::trim_end) != Some(EXAMPLE_UNIT_MARKER) {
            continue;
        }
        // `SourceFile` drops a BOM and CR, so an untouched example reads the same.
        let d = if src.text == EXAMPLE_UNIT {
            diag!(Warning, "placeholder-example-unit", &src.display)
        } else {
            diag!(Warning, "placeholder-example-first-line", &src.display)
        };
        diags.push(on(src, Span { line: 1, column: 1 }, d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_urls_are_the_reserved_domain_only() {
        assert!(is_placeholder_url(BASE_URL));
        assert!(is_placeholder_url("https://www.comune.EXAMPLE:8080/x/"));
        assert!(!is_placeholder_url(
            "https://www.comune.esempio.it/lavoro-agile/"
        ));
        assert!(!is_placeholder_url("https://example.com/"));
        assert!(!is_placeholder_url("https://www.example.it/"));
    }

    #[test]
    fn the_example_is_what_init_writes_and_starts_with_the_marker() {
        // `init` fills `@NAME@` values; the example has none, so it writes
        // the template's bytes, which is what `import` compares with.
        assert!(!EXAMPLE_UNIT.contains('@'));
        assert_eq!(EXAMPLE_UNIT.lines().next(), Some(EXAMPLE_UNIT_MARKER));
        assert!(is_pristine_example(EXAMPLE_UNIT.as_bytes()));
        let copy = EXAMPLE_UNIT.replace("Ufficio di esempio", "Polizia locale");
        assert!(!is_pristine_example(copy.as_bytes()));
    }
}
