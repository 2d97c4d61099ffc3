//! Slugs: the URL-safe names of units, pages, areas and activity anchors,
//! and the accent folding ([`FOLDS`]) they share with the search analyzer.
//! Pure functions, no I/O.

/// Paths the generator writes itself: a unit or page may not take them.
pub(crate) const RESERVED: &[&str] = &[
    "404",
    "archivio",
    "assets",
    "catalogo",
    "cerca",
    "dati",
    "index",
    "modifiche",
    "robots",
    "sitemap",
    "tabella",
];

/// True when `s` matches `^[a-z0-9]+(-[a-z0-9]+)*$`.
pub(crate) fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Accented lowercase letters and their plain form, sorted by the accented
/// letter: the one folding table of slugs, of the import's header matching
/// and of the search analyzer (Rust and, generated from this table, the
/// theme's `analyzer.js`). Every entry is covered by
/// `tests/fixtures/search/analyzer-vectors.json`.
pub(crate) const FOLDS: &[(char, char)] = &[
    ('à', 'a'),
    ('á', 'a'),
    ('â', 'a'),
    ('ã', 'a'),
    ('ä', 'a'),
    ('å', 'a'),
    ('ç', 'c'),
    ('è', 'e'),
    ('é', 'e'),
    ('ê', 'e'),
    ('ë', 'e'),
    ('ì', 'i'),
    ('í', 'i'),
    ('î', 'i'),
    ('ï', 'i'),
    ('ñ', 'n'),
    ('ò', 'o'),
    ('ó', 'o'),
    ('ô', 'o'),
    ('õ', 'o'),
    ('ö', 'o'),
    ('ù', 'u'),
    ('ú', 'u'),
    ('û', 'u'),
    ('ü', 'u'),
];

/// The plain form of an accented lowercase letter (`à` -> `a`); `None` for
/// any other char, plain letters included.
pub(crate) fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    FOLDS
        .binary_search_by_key(&c, |&(accented, _)| accented)
        .ok()
        .map(|i| FOLDS[i].1)
}

/// A char of a slug: an ASCII letter or digit, lowercased, or a letter of
/// [`FOLDS`] in either case, folded; `None` for anything else.
pub(crate) fn fold_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => fold(l),
        _ => None,
    }
}

/// `Servizio Lavori pubblici` -> `servizio-lavori-pubblici`.
pub(crate) fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        match fold_char(c) {
            Some(a) => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(a);
            }
            None => dash = true,
        }
    }
    out
}

/// A short anchor for an activity: the first words of its text, at most
/// `max` bytes, cut at a word boundary.
pub(crate) fn anchor(text: &str, max: usize) -> String {
    let full = slugify(text);
    if full.len() <= max {
        return if full.is_empty() {
            "attivita".into()
        } else {
            full
        };
    }
    let cut = full[..=max].rfind('-').unwrap_or(max);
    full[..cut].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_slugs() {
        for ok in ["a", "lavori-pubblici", "ufficio-2"] {
            assert!(is_valid(ok), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "Lavori",
            "lavori_pubblici",
            "città",
            "a b",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn slugify_folds_accents_and_punctuation() {
        assert_eq!(
            slugify("Settore Polizia locale e mobilità"),
            "settore-polizia-locale-e-mobilita"
        );
        assert_eq!(slugify("  IMU - TARI, CUP! "), "imu-tari-cup");
        assert_eq!(slugify("Dell'ente"), "dell-ente");
        assert!(is_valid(&slugify("Lavori_Pubblici 2")));
    }

    #[test]
    fn folds_is_sorted_for_the_binary_search() {
        assert!(FOLDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    /// The slug folded its own table until the analyzer's became the only
    /// one: every accented letter, either case, still folds as it did.
    #[test]
    fn slug_chars_fold_both_cases() {
        assert_eq!(
            slugify("ÀÁÂÄÃÅ àáâäãå ÈÉÊË èéêë ÌÍÎÏ ìíîï ÒÓÔÖÕ òóôöõ ÙÚÛÜ ùúûü Çç Ññ"),
            "aaaaaa-aaaaaa-eeee-eeee-iiii-iiii-ooooo-ooooo-uuuu-uuuu-cc-nn"
        );
        // Not folded: a separator, as before.
        assert_eq!(slugify("Ødegaard ß İ"), "degaard");
    }

    #[test]
    fn anchors_are_cut_at_words() {
        assert_eq!(
            anchor("Formazione tramite webinar", 40),
            "formazione-tramite-webinar"
        );
        assert_eq!(
            anchor(
                "Gestione rapporto di lavoro del dipendente, parte fiscale",
                30
            ),
            "gestione-rapporto-di-lavoro"
        );
        assert_eq!(anchor("...", 30), "attivita");
    }
}
