//! The published pages' fixed phrases: the theme's `lingue/<lingua>.ftl`
//! (Project Fluent), one file per language, so that a body publishing in
//! German or French translates one file. The built-in theme ships
//! `lingue/it.ftl`; a site's `themes/<tema>/lingue/*.ftl` overrides or adds
//! files as every theme file does. `lingua` in `_sito.yaml` picks the file
//! (Italian without it); a phrase the file lacks comes from the Italian one,
//! and a warning names the missing ids.
//!
//! The templates read a phrase with the `frase` function
//! (`{{ frase(id="base-fonte") }}`, `{{ frase(id="...", n=3, nome=x) }}`):
//! text arguments are HTML-escaped, the phrase itself is the theme's own
//! markup. The search scripts' phrases (ids starting `js-`) are handed to
//! them by `frasi_js()` as JSON, only those differing from the Italian the
//! scripts carry (`static/search-logic.js`), so Italian pages are unchanged.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::diagnostic::{Diagnostics, diag};
use crate::source::SourceFile;

/// The language of the pages when `_sito.yaml` names none.
pub(crate) const DEFAULT_LANG: &str = "it";

/// The prefix of the ids the search scripts use.
const SCRIPT_PREFIX: &str = "js-";

/// Placeholders the scripts fill in: `{numero}` (a count, in the page's
/// language), `{parole}` and `{corrette}` (words of the query, as typed and
/// corrected), `{regola}` (the rule for unlisted activities). Passed to
/// every `js-` phrase.
const SCRIPT_ARGS: [&str; 4] = ["numero", "parole", "corrette", "regola"];

type Bundle = FluentBundle<FluentResource>;

/// The phrases of one language, with the Italian ones behind them.
pub struct Phrases {
    /// The chosen language's file, then the theme's Italian one.
    bundles: Vec<Bundle>,
    /// The built-in Italian, which the scripts carry.
    builtin: Bundle,
    /// Every id of the Italian file that starts with `js-`, sorted.
    script_ids: Vec<String>,
    /// Every id of the files of `bundles`.
    ids: BTreeSet<String>,
}

/// True for a language code: lowercase letters, optionally a dash and more
/// (`de`, `fr`, `de-ch`); it names the file `lingue/<code>.ftl`.
pub(crate) fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// One bundle of `text`; `None` (and an error at each syntax error) when
/// the file does not parse.
fn bundle_of(lang: &str, file: &SourceFile, diags: &mut Diagnostics) -> Option<Bundle> {
    let resource = match FluentResource::try_new(file.text.clone()) {
        Ok(r) => r,
        Err((_, errors)) => {
            for e in errors {
                // The start of the entry that does not parse (the error's
                // own position may be lines later, where Fluent gave up).
                let at = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
                let before = &file.text[..at.min(file.text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                diags.push(
                    diag!(
                        Error,
                        "theme-phrases-syntax",
                        &file.display,
                        detail = e.kind.to_string()
                    )
                    .at_line(line, column, file.line(line)),
                );
            }
            return None;
        }
    };
    let mut bundle = Bundle::new_concurrent(vec![lang.parse().unwrap_or_default()]);
    // No Unicode isolation marks around arguments: they would be published.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        // A repeated id: the first one counts.
        for e in errors {
            diags.push(diag!(
                Error,
                "theme-phrases-syntax",
                &file.display,
                detail = e.to_string()
            ));
        }
        return None;
    }
    Some(bundle)
}

/// The ids of the messages of a Fluent text (nothing when it does not parse).
fn ids(text: &str) -> BTreeSet<String> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Loads the phrases of `lang` from the theme's `files` (name under
/// `lingue/` -> file, the site's over the built-in ones) and the built-in
/// Italian `builtin_it`. `None` after an error.
pub(crate) fn load(
    files: &BTreeMap<String, SourceFile>,
    builtin_it: &SourceFile,
    lang: &str,
    diags: &mut Diagnostics,
) -> Option<Phrases> {
    let italian_name = format!("{DEFAULT_LANG}.ftl");
    let italian = files.get(&italian_name).unwrap_or(builtin_it);
    let builtin = bundle_of(DEFAULT_LANG, builtin_it, diags)?;
    let italian_bundle = bundle_of(DEFAULT_LANG, italian, diags)?;
    let italian_ids = ids(&italian.text);
    let mut all_ids = italian_ids.clone();
    let mut bundles = Vec::new();
    if lang != DEFAULT_LANG {
        // Present: `theme::load` says so at `lingua` before calling.
        let file = files.get(&format!("{lang}.ftl"))?;
        bundles.push(bundle_of(lang, file, diags)?);
        let translated = ids(&file.text);
        let missing: Vec<&str> = italian_ids
            .iter()
            .filter(|id| !translated.contains(*id))
            .map(String::as_str)
            .collect();
        all_ids.extend(translated.iter().cloned());
        if !missing.is_empty() {
            diags.push(diag!(
                Warning,
                "theme-phrases-missing",
                &file.display,
                lang = lang,
                count = missing.len(),
                ids = missing.join(", ")
            ));
        }
    }
    bundles.push(italian_bundle);
    let script_ids = italian_ids
        .into_iter()
        .filter(|id| id.starts_with(SCRIPT_PREFIX))
        .collect();
    Some(Phrases {
        bundles,
        builtin,
        script_ids,
        ids: all_ids,
    })
}

/// `id` formatted by `bundle`, or `None` when it has no such message.
fn format_in(bundle: &Bundle, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned(),
    )
}

impl Phrases {
    /// The phrase `id` with `args`, in the site's language or else in
    /// Italian; `None` when neither has it.
    pub(crate) fn format(&self, id: &str, args: &FluentArgs<'_>) -> Option<String> {
        self.bundles.iter().find_map(|b| format_in(b, id, args))
    }

    /// Every phrase without arguments: (id, [`format`](Self::format) of it
    /// with none), for each id of the language's and the Italian file.
    pub(crate) fn without_arguments(&self) -> impl Iterator<Item = (&str, String)> {
        let none = FluentArgs::new();
        self.ids
            .iter()
            .filter_map(move |id| Some((id.as_str(), self.format(id, &none)?)))
    }

    /// A script phrase as the scripts read it: its text for 0, 1 and many
    /// (one text when the three are the same), with `{numero}` and
    /// `{parole}` where the scripts put the count and the words.
    fn script_value(texts: impl Fn(&FluentArgs<'_>) -> Option<String>) -> serde_json::Value {
        let forms: Vec<String> = [0u32, 1, 2]
            .into_iter()
            .map(|n| {
                let mut args = FluentArgs::new();
                args.set("n", FluentValue::from(n));
                for name in SCRIPT_ARGS {
                    args.set(name, FluentValue::from(format!("{{{name}}}")));
                }
                texts(&args).unwrap_or_default()
            })
            .collect();
        if forms.iter().all(|f| *f == forms[0]) {
            serde_json::Value::from(forms[0].clone())
        } else {
            serde_json::Value::from(forms)
        }
    }

    /// The built-in Italian of every script phrase, as the scripts carry it.
    pub(crate) fn builtin_script_phrases(&self) -> BTreeMap<String, serde_json::Value> {
        self.script_ids
            .iter()
            .map(|id| {
                let value = Self::script_value(|a| format_in(&self.builtin, id, a));
                (id.clone(), value)
            })
            .collect()
    }

    /// The script phrases that differ from the built-in Italian, as a JSON
    /// object; `""` when none does (an Italian site).
    pub(crate) fn script_json(&self) -> String {
        let builtin = self.builtin_script_phrases();
        let changed: BTreeMap<&String, serde_json::Value> = self
            .script_ids
            .iter()
            .filter_map(|id| {
                let value = Self::script_value(|a| self.format(id, a));
                (builtin.get(id) != Some(&value)).then_some((id, value))
            })
            .collect();
        if changed.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&changed).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IT: &str = include_str!("../../themes/default/lingue/it.ftl");

    fn italian() -> SourceFile {
        SourceFile::new("themes/default/lingue/it.ftl", IT)
    }

    fn phrases(files: &[(&str, &str)], lang: &str) -> (Option<Phrases>, Diagnostics) {
        let files = files
            .iter()
            .map(|(n, t)| {
                (
                    n.to_string(),
                    SourceFile::new(format!("themes/default/lingue/{n}"), *t),
                )
            })
            .collect();
        let mut d = Diagnostics::new();
        (load(&files, &italian(), lang, &mut d), d)
    }

    fn args(pairs: &[(&'static str, FluentValue<'static>)]) -> FluentArgs<'static> {
        let mut a = FluentArgs::new();
        for (k, v) in pairs {
            a.set(*k, v.clone());
        }
        a
    }

    #[test]
    fn italian_plurals_agree_with_the_count() {
        let (p, d) = phrases(&[], "it");
        assert!(d.is_empty(), "{:?}", d.sorted());
        let p = p.expect("loads");
        let say = |id: &str, n: i64| p.format(id, &args(&[("n", FluentValue::from(n))])).unwrap();
        assert_eq!(say("comune-smartizzabili-n", 0), "smartizzabili");
        assert_eq!(say("comune-smartizzabili-n", 1), "smartizzabile");
        assert_eq!(say("comune-non-smartizzabili-n", 2), "non smartizzabili");
        assert_eq!(
            say("unita-attivita-smartizzabili-n", 1),
            "attività smartizzabile"
        );
        assert_eq!(
            say("comune-unita-organizzative-n", 1),
            "unità organizzativa"
        );
        assert_eq!(p.script_json(), "", "an Italian page carries no phrases");
    }

    #[test]
    fn a_translation_falls_back_to_italian_and_names_what_it_lacks() {
        let de = "comune-nota = Anmerkung\njs-nota = Anmerkung\n";
        let (p, d) = phrases(&[("de.ftl", de)], "de");
        let p = p.expect("loads");
        assert_eq!(
            p.format("comune-nota", &FluentArgs::new()).unwrap(),
            "Anmerkung"
        );
        assert_eq!(
            p.format("criteri-titolo", &FluentArgs::new()).unwrap(),
            "Criteri"
        );
        let all = d.sorted();
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].code, Some("theme-phrases-missing"));
        assert!(
            all[0].message.contains("criteri-titolo"),
            "{}",
            all[0].message
        );
        assert!(
            !all[0].message.contains("comune-nota,"),
            "{}",
            all[0].message
        );
        assert_eq!(p.script_json(), r#"{"js-nota":"Anmerkung"}"#);
    }

    #[test]
    fn a_broken_file_is_an_error_at_its_line() {
        let text = "comune-nota = Note\ncriteri-titolo Critères\njs-nota = Note\n";
        let (p, d) = phrases(&[("fr.ftl", text)], "fr");
        assert!(p.is_none());
        let all = d.sorted();
        assert_eq!(all[0].code, Some("theme-phrases-syntax"), "{all:?}");
        assert_eq!(all[0].line, 2);
    }

    #[test]
    fn language_codes_are_plain() {
        for ok in ["it", "de", "fr", "lld", "de-ch"] {
            assert!(is_language_code(ok), "{ok}");
        }
        for bad in ["", "d", "DE", "deutsch", "../it", "de/x", "de-", "it.ftl"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }

    /// The scripts carry the Italian of their phrases (static/search-logic.js,
    /// between `/* frasi: inizio */` and `/* frasi: fine */`): it must be the
    /// built-in file's, or an Italian page would show other words than a
    /// translated one falls back to.
    #[test]
    fn the_scripts_carry_the_italian_of_lingue_it() {
        let js = include_str!("../../themes/default/static/search-logic.js");
        let inside = js
            .split_once("/* frasi: inizio */")
            .and_then(|(_, r)| r.split_once("/* frasi: fine */"))
            .expect("search-logic.js marks its phrases")
            .0;
        let carried: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(inside).expect("the phrases are JSON");
        let (p, _) = phrases(&[], "it");
        let expected = p.expect("loads").builtin_script_phrases();
        assert_eq!(
            carried,
            expected,
            "paste into search-logic.js: {}",
            serde_json::to_string(&expected).unwrap()
        );
    }

    /// Every `frase(id="...")` of the built-in templates, `frase('...')` of
    /// its scripts and `phrase("...")` of the render stage (titles,
    /// navigation) names a phrase of lingue/it.ftl, and every phrase is used.
    #[test]
    fn templates_name_only_phrases_that_exist_and_every_phrase_is_used() {
        let known = ids(IT);
        let mut used = BTreeSet::new();
        let mut texts: Vec<String> = Vec::new();
        for (path, bytes) in super::super::embedded::DEFAULT_THEME {
            if path.starts_with("templates/") || path.ends_with(".js") {
                texts.push(String::from_utf8(bytes.to_vec()).unwrap());
            }
        }
        let render = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render");
        for entry in std::fs::read_dir(render).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        for text in &texts {
            for (mark, end) in [
                ("frase(id=\"", '"'),
                ("frase('", '\''),
                ("phrase(\"", '"'),
                ("phrase(theme, \"", '"'),
            ] {
                for part in text.split(mark).skip(1) {
                    let id = part.split(end).next().unwrap_or("");
                    assert!(known.contains(id), "unknown phrase `{id}`");
                    used.insert(id.to_string());
                }
            }
        }
        let unused: Vec<&String> = known.iter().filter(|id| !used.contains(*id)).collect();
        assert!(unused.is_empty(), "phrases no template uses: {unused:?}");
    }
}
