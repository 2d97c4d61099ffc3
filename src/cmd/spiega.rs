//! `trasparenza spiega [CODE]` (also `explain`): the long explanation of a
//! diagnostic, found by the code printed after its message
//! (`[yaml-unknown-key]`), in the chosen language, as `rustc --explain`
//! does; with no code, every code with its message. The texts are the
//! `.spiegazione` attributes of the catalogue (`locales/<lang>/*.ftl`), so
//! they cannot drift from the messages they explain. The same texts, in
//! Italian and grouped by area, are the section "Che cosa significa questo
//! messaggio" of the clerks' guide `docs/guida.md`, which a test here
//! keeps equal to the catalogue (`SNAPSHOTS=overwrite` rewrites it).

use super::output::{Done, Failure, Message};
use crate::cli::SpiegaArgs;
use crate::i18n::{self, t};

/// Runs `trasparenza spiega`.
pub(super) fn run(args: &SpiegaArgs) -> Result<Done, Failure> {
    let codes = i18n::explained_codes();
    let text = match &args.code {
        None => list(codes),
        Some(asked) => {
            // `[yaml-unknown-key]` pasted with its brackets, or in capitals.
            let code = asked
                .trim()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_lowercase();
            match codes.iter().find(|c| **c == code) {
                Some(found) => explain(found),
                None => {
                    let near = codes
                        .iter()
                        .map(|c| (strsim::levenshtein(c, &code), *c))
                        .filter(|(d, c)| *d <= c.len() / 3)
                        .min()
                        .map(|(_, c)| c);
                    return Err(Failure::usage(Message::UnknownCode(asked.clone(), near)));
                }
            }
        }
    };
    Ok(Done::Bytes(text.into_bytes()))
}

/// One code: its message as the catalogue writes it (the parts that change
/// from file to file shown as `{$name}`), then the explanation and where
/// the clerks' guide has it (`docs/guida.md#<code>`, generated from the
/// same texts: see the test `the_guide_lists_every_code`).
fn explain(code: &str) -> String {
    let message = i18n::message(code, &[]);
    let long = i18n::message(&format!("{code}.spiegazione"), &[]);
    let guide = t!("spiega-guide", code = code);
    format!("{code}: {message}\n\n{}\n\n{guide}\n", long.trim_end())
}

/// Every code and its message, one per line, then how to ask for one.
fn list(codes: &[&str]) -> String {
    let width = codes.iter().map(|c| c.len()).max().unwrap_or(0);
    let mut out = String::new();
    for code in codes {
        let message = i18n::message(code, &[]);
        out.push_str(&format!("{code:width$}  {message}\n"));
    }
    out.push_str(&format!("\n{}\n", t!("spiega-how", count = codes.len())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    /// The areas of the guide's list of codes, in the guide's order: the
    /// first word of a code (its file in `locales/`), titled by
    /// `spiega-area-<area>`.
    const AREAS: [&str; 12] = [
        "yaml",
        "validate",
        "load",
        "source",
        "placeholder",
        "theme",
        "linkcheck",
        "editions",
        "import",
        "write",
        "serve",
        "pipeline",
    ];
    const GUIDE: &str = "docs/guida.md";
    const START: &str = "<!-- inizio: messaggi generati";
    const END: &str = "<!-- fine: messaggi generati -->";

    /// The guide's section of codes: per area, every code as a heading (its
    /// anchor is the code: `docs/guida.md#yaml-unknown-key`), its message
    /// quoted, its explanation; in Italian.
    fn guide_codes() -> String {
        with_lang(Lang::It, || {
            let codes = i18n::explained_codes();
            let mut out = String::new();
            for area in AREAS {
                let in_area: Vec<&&str> = codes
                    .iter()
                    .filter(|c| c.split('-').next() == Some(area))
                    .collect();
                if in_area.is_empty() {
                    continue;
                }
                let title = i18n::message(&format!("spiega-area-{area}"), &[]);
                out.push_str(&format!("\n### {title}\n"));
                for code in in_area {
                    let message = i18n::message(code, &[]);
                    let quoted: Vec<String> = message.lines().map(|l| format!("> {l}")).collect();
                    let long = i18n::message(&format!("{code}.spiegazione"), &[]);
                    out.push_str(&format!(
                        "\n#### {code}\n\n{}\n\n{}\n",
                        quoted.join("\n"),
                        long.trim_end()
                    ));
                }
            }
            out.push('\n');
            out
        })
    }

    #[test]
    fn every_code_has_an_area_of_the_guide() {
        for code in i18n::explained_codes() {
            let area = code.split('-').next().unwrap_or_default();
            assert!(AREAS.contains(&area), "add `{area}` to AREAS for {code}");
        }
        for area in AREAS {
            let id = format!("spiega-area-{area}");
            for lang in Lang::ALL {
                assert_ne!(i18n::message_in(lang, &id, &[]), id, "{id} missing");
            }
        }
    }

    /// docs/guida.md's "Che cosa significa questo messaggio" is the
    /// catalogue's explanations: a code added, removed or reworded fails
    /// here until `SNAPSHOTS=overwrite cargo test --lib spiega` rewrites the
    /// part between the two marks (review it with `git diff`).
    #[test]
    fn the_guide_lists_every_code() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GUIDE);
        let text = std::fs::read_to_string(&path).expect("docs/guida.md");
        let start = text.find(START).expect("the guide's start mark");
        let start = start + text[start..].find("-->\n").expect("end of the start mark") + 4;
        let end = text.find(END).expect("the guide's end mark");
        let generated = guide_codes();
        if text[start..end] == generated {
            return;
        }
        if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
            let new = format!("{}{generated}{}", &text[..start], &text[end..]);
            std::fs::write(&path, new).expect("write docs/guida.md");
            return;
        }
        panic!(
            "{GUIDE} differs from the catalogue's explanations: \
             `SNAPSHOTS=overwrite cargo test --lib spiega` rewrites it"
        );
    }

    #[test]
    fn every_code_is_explained_in_both_languages_and_differently() {
        let codes = i18n::explained_codes();
        for code in codes {
            let it = with_lang(Lang::It, || explain(code));
            let en = with_lang(Lang::En, || explain(code));
            assert!(it.starts_with(&format!("{code}: ")), "{it}");
            assert_ne!(it, en, "{code} reads the same in both languages");
            assert!(it.lines().count() >= 3, "{code} has no explanation: {it}");
        }
    }

    #[test]
    fn a_code_is_found_with_its_brackets_and_a_slip_gets_the_nearest() {
        let Some(code) = i18n::explained_codes().first().copied() else {
            return; // no diagnostic in the catalogue yet
        };
        let asked = |c: &str| {
            run(&SpiegaArgs {
                code: Some(c.to_string()),
            })
        };
        assert!(asked(&format!("[{}]", code.to_uppercase())).is_ok());
        let slip = format!("{}x", &code[..code.len() - 1]);
        assert!(asked(&slip).is_err());
        let listed = run(&SpiegaArgs { code: None });
        assert!(listed.is_ok());
    }
}
