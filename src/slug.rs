//! Slugs: the URL-safe names of units, pages, areas and activity anchors.
//! Pure functions, no I/O.

/// Paths the generator writes itself: a unit or page may not take them.
pub const RESERVED: &[&str] = &[
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
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Folds an Italian (or other Latin) letter to ASCII, if it has a plain form.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
        _ => return None,
    })
}

/// `Servizio Lavori pubblici` -> `servizio-lavori-pubblici`.
pub fn slugify(s: &str) -> String {
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
pub fn anchor(text: &str, max: usize) -> String {
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
