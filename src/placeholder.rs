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

/// Sentences of `init`'s `_index.md` that are false for most acts: the
/// catalogue is by office, and it reproduces a section of a PIAO. Found
/// whatever the line breaks between their words.
pub(crate) const INTRO_SENTENCES: &[&str] = &[
    UNITS_SENTENCE,
    "Il catalogo riproduce la sezione dedicata all'organizzazione del lavoro agile del Piano integrato di attività e organizzazione (PIAO), al quale si rimanda per il testo ufficiale.",
];
/// The sentence of `init`'s `_index.md` about offices (an act with one list
/// for the whole body gets [`LIST_SENTENCE`] instead).
pub(crate) const UNITS_SENTENCE: &str = "Per ciascuna unità organizzativa sono indicate, accanto a queste, le attività che devono essere svolte in presenza.";
/// What `init --forma elenco` writes instead of [`UNITS_SENTENCE`]: true of
/// every catalogue, so not reported.
pub(crate) const LIST_SENTENCE: &str =
    "Accanto a queste sono indicate le attività che devono essere svolte in presenza.";
/// The line `init --forma elenco` writes above the example lists of `_sito.yaml`.
pub(crate) const EXAMPLE_LISTS_MARKER: &str = "# ESEMPIO creato da trasparenza init: scrivete qui sotto gli elenchi dell'atto e sopra, in altre_attivita, ciò che dice delle attività non elencate; poi cancellate questa riga.";

/// What `import` puts in place of [`EXAMPLE_LISTS_MARKER`] when it has
/// written the act's lists but the act states no rule for the activities it
/// does not list: `altre_attivita` is still `init`'s example, which `check`
/// reports until the line is deleted.
pub(crate) const EXAMPLE_RULE_MARKER: &str = "# ESEMPIO creato da trasparenza init: gli elenchi qui sotto sono quelli dell'atto, ma altre_attivita (sopra) è ancora l'esempio: impostatelo come dice l'atto, o toglietelo se l'atto non dice nulla delle attività non elencate; poi cancellate questa riga.";

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
    if let Some(src) = &loaded.config_source
        && let Some((n, lists)) = src.text.lines().enumerate().find_map(|(n, l)| {
            let l = l.trim_end();
            (l == EXAMPLE_LISTS_MARKER || l == EXAMPLE_RULE_MARKER)
                .then_some((n, l == EXAMPLE_LISTS_MARKER))
        })
    {
        let d = if lists {
            diag!(Warning, "placeholder-example-lists", &src.display)
        } else {
            diag!(Warning, "placeholder-example-rule", &src.display)
        };
        diags.push(on(
            src,
            Span {
                line: n + 1,
                column: 1,
            },
            d,
        ));
    }
    if let Some(src) = &loaded.intro {
        for sentence in INTRO_SENTENCES {
            if let Some(at) = find_spaced(&src.text, sentence) {
                let d = diag!(
                    Warning,
                    "placeholder-intro-sentence",
                    &src.display,
                    text = *sentence
                );
                diags.push(on(src, at, d));
            }
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

/// Where `needle` starts in `text`, any run of white space (a line break
/// too) in either standing for any other; each place `needle`'s first word
/// is found costs at most `needle`'s length.
fn find_spaced(text: &str, needle: &str) -> Option<Span> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let first = *words.first()?;
    for (start, _) in text.match_indices(first) {
        let mut rest = &text[start + first.len()..];
        let mut whole = true;
        for w in &words[1..] {
            let trimmed = rest.trim_start();
            match trimmed.strip_prefix(w) {
                Some(r) if trimmed.len() < rest.len() => rest = r,
                _ => {
                    whole = false;
                    break;
                }
            }
        }
        if whole {
            let before = &text[..start];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            return Some(Span {
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intro_sentences_are_found_across_line_breaks_only_whole() {
        let s = INTRO_SENTENCES[1];
        let wrapped = format!(
            "Titolo\n\nPrima. {}\nDopo.",
            s.replacen(" sezione ", "\n  sezione ", 1)
        );
        assert_eq!(find_spaced(&wrapped, s), Some(Span { line: 3, column: 8 }));
        let cut = s.replace(", al quale", ". Al quale");
        assert_eq!(find_spaced(&cut, s), None);
        assert_eq!(
            find_spaced("Il catalogoriproduce", "Il catalogo riproduce"),
            None
        );
        // init writes them.
        let intro = include_str!("cmd/init/files/_index.md");
        for s in INTRO_SENTENCES {
            assert!(find_spaced(intro, s).is_some(), "{s}");
        }
    }

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
