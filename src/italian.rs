//! Italian that depends on the word that follows: the articulated
//! prepositions and the article elide before a vowel sound, also when the
//! word is a number ("dall'11 marzo", "all'8 aprile", "l'8 marzo", but
//! "dal 1º marzo", "al 18 maggio"). Used by the `preposizione` filter of the
//! templates (registered in `theme`) and by texts written in Rust.
//! A count with its words in the number it takes ([`count`]: "1 attività
//! smartizzabile", "0 smartizzabili"). Pure: no I/O.

/// `n` followed by `one` when it is 1, else by `many` (Italian puts 0 in
/// the plural): "1 attività elencata", "0 attività elencate".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `prep` ("dal", "al", "del", "nel", "sul", "il", "lo") as it is written
/// before `next`: elided with an apostrophe and no space ("dall'"), or
/// followed by a space ("dal "). Any other word is returned with a space.
pub(crate) fn before(prep: &str, next: &str) -> String {
    let elided = match prep {
        "dal" | "al" | "del" | "nel" | "sul" | "col" => Some(format!("{prep}l'")),
        "il" | "lo" => Some("l'".to_string()),
        _ => None,
    };
    match elided {
        Some(e) if starts_with_vowel_sound(next) => e,
        _ => format!("{prep} "),
    }
}

/// Whether `text` is read starting with a vowel: a word starting with a
/// vowel, or a number read so ("otto", "undici", "uno", "ottanta"...). An
/// ordinal "1º" is read "primo".
fn starts_with_vowel_sound(text: &str) -> bool {
    let text = text.trim_start();
    let digits: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .filter(char::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return text
            .chars()
            .next()
            .is_some_and(|c| "aeiouàèéìòóùAEIOUÀÈÉÌÒÓÙ".contains(c));
    }
    let after = text.chars().find(|c| !(c.is_ascii_digit() || *c == '.'));
    let ordinal = matches!(after, Some('º' | '°' | 'ª'));
    match digits.as_str() {
        // "uno" as a cardinal, "primo" as an ordinal.
        "1" => !ordinal,
        // "otto", "ottanta", "ottocento", "ottomila"...
        d if d.starts_with('8') => true,
        // "undici", "undicimila", "undici milioni".
        d if d.starts_with("11") && d.len() % 3 == 2 => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_takes_its_number() {
        assert_eq!(
            count(0, "attività elencata", "attività elencate"),
            "0 attività elencate"
        );
        assert_eq!(
            count(1, "attività elencata", "attività elencate"),
            "1 attività elencata"
        );
        assert_eq!(
            count(2, "unità organizzativa", "unità organizzative"),
            "2 unità organizzative"
        );
    }
    use crate::model::Date;

    #[test]
    fn prepositions_elide_before_eight_eleven_and_vowels() {
        let cases = [
            ("dal", "11 marzo 2026", "dall'"),
            ("al", "8 aprile 2026", "all'"),
            ("al", "11 marzo 2026", "all'"),
            ("il", "8 marzo 2026", "l'"),
            ("del", "1%", "dell'"),
            ("dal", "1º marzo 2026", "dal "),
            ("al", "18 maggio 2026", "al "),
            ("al", "21 giugno 2026", "al "),
            ("dal", "2 gennaio 2026", "dal "),
            ("del", "80%", "dell'"),
            ("del", "110", "del "),
            ("del", "11.000", "dell'"),
            ("al", "anno", "all'"),
            ("al", "Ufficio", "all'"),
            ("al", "Comune", "al "),
            ("per", "11 marzo", "per "),
            ("al", "", "al "),
        ];
        for (prep, next, want) in cases {
            assert_eq!(before(prep, next), want, "{prep} {next}");
        }
    }

    /// Every day of a month before every preposition the pages use with a
    /// date: only the 8th and the 11th elide (the 1st is "1º", "primo").
    #[test]
    fn every_day_of_the_month() {
        for day in 1..=31u8 {
            let text = Date::parse(&format!("2026-03-{day:02}")).unwrap().italian();
            for prep in ["dal", "al", "il", "del"] {
                let got = before(prep, &text);
                let elides = day == 8 || day == 11;
                assert_eq!(got.ends_with('\''), elides, "{prep} {text}: {got}");
            }
        }
    }
}
