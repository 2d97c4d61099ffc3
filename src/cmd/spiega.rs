//! `trasparenza spiega [CODE]` (also `explain`): the long explanation of a
//! diagnostic, found by the code printed after its message
//! (`[yaml-unknown-key]`), in the chosen language, as `rustc --explain`
//! does; with no code, every code with its message. The texts are the
//! `.spiegazione` attributes of the catalogue (`locales/<lang>/*.ftl`), so
//! they cannot drift from the messages they explain.

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
/// from file to file shown as `{$name}`), then the explanation.
fn explain(code: &str) -> String {
    let message = i18n::message(code, &[]);
    let long = i18n::message(&format!("{code}.spiegazione"), &[]);
    format!("{code}: {message}\n\n{}\n", long.trim_end())
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
