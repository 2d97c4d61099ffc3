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
    slugify_upto(s, usize::MAX)
}

/// The start of [`slugify`]`(s)`: all of it when it has at most `limit`
/// bytes, else its first `limit + 1` bytes or more (a slug is ASCII). Every
/// page's anchors are cut from the first words of long texts, so the rest is
/// never read; ASCII is read a byte at a time, only other characters are
/// decoded.
fn slugify_upto(s: &str, limit: usize) -> String {
    let mut out = String::with_capacity(s.len().min(limit.saturating_add(1)));
    let mut dash = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let folded = if b.is_ascii() {
            i += 1;
            b.is_ascii_alphanumeric()
                .then(|| char::from(b.to_ascii_lowercase()))
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            fold_char(c)
        };
        match folded {
            Some(a) => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(a);
                if out.len() > limit {
                    break;
                }
            }
            None => dash = true,
        }
    }
    out
}

/// A short anchor for an activity: the first words of its text, at most
/// `max` bytes, cut at a word boundary.
pub(crate) fn anchor(text: &str, max: usize) -> String {
    anchor_of(slugify_upto(text, max), max)
}

/// The anchor cut from `full`, a slug or a start of one longer than `max`
/// ([`slugify_upto`]).
fn anchor_of(mut full: String, max: usize) -> String {
    if full.len() <= max {
        return if full.is_empty() {
            "attivita".into()
        } else {
            full
        };
    }
    let cut = full[..=max].rfind('-').unwrap_or(max);
    full.truncate(cut);
    full
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

    /// The slugify and anchor before the ASCII fast path and the early stop:
    /// every char decoded, the whole text slugified.
    fn slugify_char_by_char(s: &str) -> String {
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

    /// The anchor cut from the whole slug, as it was.
    fn anchor_of_whole_slug(text: &str, max: usize) -> String {
        anchor_of(slugify_char_by_char(text), max)
    }

    #[test]
    fn slugs_and_anchors_are_those_of_the_char_by_char_slugify() {
        // Random texts of ASCII, accented letters (either case), letters
        // that are not folded, multi-char lowercases, spaces and
        // punctuation; a fixed seed, so a failure repeats.
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "7",
            "q",
            " ",
            "  ",
            "-",
            "--",
            ",",
            "'",
            "_",
            ".",
            "\t",
            "\n",
            "à",
            "È",
            "é",
            "Ì",
            "ò",
            "Ù",
            "ç",
            "Ñ",
            "ß",
            "İ",
            "Ø",
            "ø",
            "€",
            "日本",
            "\u{a0}",
            "Ä",
            "lavoro",
            "AGILE",
            "Dell'ente",
            "perché",
            "ATTIVITÀ",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % n as u64).unwrap_or(0)
        };
        for _ in 0..20_000 {
            let len = next(40);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            assert_eq!(slugify(&text), slugify_char_by_char(&text), "{text:?}");
            for max in [0, 1, 2, 5, 17, 30, 48, 60, 200] {
                assert_eq!(
                    anchor(&text, max),
                    anchor_of_whole_slug(&text, max),
                    "{text:?} {max}"
                );
            }
        }
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
