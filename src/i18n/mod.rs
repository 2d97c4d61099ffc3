//! Every message a person reads, in their language: the catalogue of
//! `locales/<lang>/*.ftl` (Project Fluent, compiled into the binary), the
//! language of the process and [`t!`], which fetches a message with its
//! arguments. Italian when nothing is set (CI runners often have no `LANG`)
//! and for `LC_ALL`/`LC_MESSAGES`/`LANG=it_*`; English for `en_*`; the
//! global `--lang it|en` wins over the environment ([`cli`] reads it before
//! clap parses, so that `--help` and clap's errors are in that language).
//!
//! `t!` never panics: a message missing in the current language comes from
//! the other one, one missing in both is its own id. The tests forbid both:
//! every id is in both languages with the same placeables, and every id that
//! the code names exists. How to add a message: `locales/README.md`.

pub(crate) mod cli;
#[cfg(test)]
mod literals;

use std::sync::OnceLock;
#[cfg(not(test))]
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Lang {
    /// Italiano: the default.
    It,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Italian (the default) first.
    pub(crate) const ALL: [Lang; 2] = [Lang::It, Lang::En];

    /// The language code of the catalogue's folder (`locales/it/`).
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    /// The other language: where a missing message is looked up.
    fn other(self) -> Lang {
        match self {
            Lang::It => Lang::En,
            Lang::En => Lang::It,
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty (POSIX's order)
    /// decides; `en*` is English, anything else (`it_IT.UTF-8`, `C.UTF-8`,
    /// `POSIX`, another language) or nothing set is Italian.
    pub(crate) fn from_env() -> Lang {
        Lang::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (the tests').
    fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty());
        match chosen {
            Some(locale) if Lang::language_of(&locale) == "en" => Lang::En,
            _ => Lang::It,
        }
    }

    /// The language part of a locale: `en` of `en_US.UTF-8` or `en@euro`.
    fn language_of(locale: &str) -> &str {
        locale.split(['_', '.', '@', '-']).next().unwrap_or(locale)
    }
}

/// The language of the process: 0 until it is chosen, then 1 + the index of
/// the language in [`Lang::ALL`].
#[cfg(not(test))]
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message from now on (the command line does,
/// once, before it parses).
#[cfg(not(test))]
pub(crate) fn set(lang: Lang) {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CURRENT.store(index as u8 + 1, Ordering::Relaxed);
}

/// The language of the process: the one [`set`] chose, else the
/// environment's ([`Lang::from_env`]).
#[cfg(not(test))]
pub(crate) fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        0 => {
            let lang = Lang::from_env();
            set(lang);
            lang
        }
        n => Lang::ALL[(usize::from(n) - 1).min(Lang::ALL.len() - 1)],
    }
}

#[cfg(test)]
thread_local! {
    /// In unit tests the language is each test's own (tests run side by
    /// side in one process) and Italian unless the test sets it, whatever
    /// the environment of the machine.
    static TEST_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// [`set`] of the unit tests: this thread's language.
#[cfg(test)]
pub(crate) fn set(lang: Lang) {
    TEST_LANG.with(|l| l.set(Some(lang)));
}

/// [`current`] of the unit tests: this thread's language, else Italian.
#[cfg(test)]
pub(crate) fn current() -> Lang {
    TEST_LANG.with(std::cell::Cell::get).unwrap_or(Lang::It)
}

/// Runs `f` with `lang` as the current language (of this thread: see
/// `TEST_LANG`), then puts the previous one back.
#[cfg(test)]
pub(crate) fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = TEST_LANG.with(|l| l.replace(Some(lang)));
    let result = f();
    TEST_LANG.with(|l| l.set(before));
    result
}

/// The catalogue's files, each in every language: `(name, Italian,
/// English)`. A new file of `locales/` is listed here (a test fails on a
/// file left out).
macro_rules! catalogue_files {
    ($($name:literal),* $(,)?) => {
        &[$((
            $name,
            include_str!(concat!("../../locales/it/", $name)),
            include_str!(concat!("../../locales/en/", $name)),
        )),*]
    };
}

/// The files of the catalogue, one per area of the program.
const FILES: &[(&str, &str, &str)] = catalogue_files![
    "cli.ftl",
    "cmd.ftl",
    "diagnostic.ftl",
    "editions.ftl",
    "import.ftl",
    "import-flat.ftl",
    "linkcheck.ftl",
    "load.ftl",
    "pipeline.ftl",
    "placeholder.ftl",
    "serve.ftl",
    "source.ftl",
    "spiega.ftl",
    "theme.ftl",
    "validate.ftl",
    "write.ftl",
    "yaml.ftl",
];

/// One language's messages.
type Bundle = FluentBundle<FluentResource>;

/// The catalogue, both languages in [`Lang::ALL`]'s order, parsed once.
fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(bundle))
}

/// Parses one language's files. Never fails: a syntax error or a repeated
/// id loses that message only (the tests forbid both).
fn bundle(lang: Lang) -> Bundle {
    let locale = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![locale]);
    // No Unicode isolation marks around arguments: terminals and CI logs
    // show them as stray characters.
    bundle.set_use_isolating(false);
    for (_, it, en) in FILES {
        let text = match lang {
            Lang::It => it,
            Lang::En => en,
        };
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// One language's bundle.
fn bundle_of(lang: Lang) -> &'static Bundle {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &bundles()[index]
}

/// An argument of a message (`{ $name }` in the `.ftl` files): a text or a
/// number. Numbers choose plural forms (`{ $n -> [one] ... *[other] ... }`).
pub(crate) struct Arg<'a>(FluentValue<'a>);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg(FluentValue::from(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg(FluentValue::from(text.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg(FluentValue::from(text))
    }
}

impl<'a> From<std::borrow::Cow<'a, str>> for Arg<'a> {
    fn from(text: std::borrow::Cow<'a, str>) -> Self {
        Arg(FluentValue::from(text))
    }
}

impl From<&std::path::Path> for Arg<'_> {
    fn from(path: &std::path::Path) -> Self {
        Arg(FluentValue::from(path.display().to_string()))
    }
}

/// Numbers of every width the code counts with.
macro_rules! number_args {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Arg<'_> {
            fn from(n: $ty) -> Self {
                Arg(FluentValue::from(n))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

/// Every stable code of a diagnostic, sorted: the ids of the catalogue
/// that have a `.spiegazione` (the long explanation `trasparenza spiega`
/// prints). Read from the Italian files; a test keeps English in step.
pub(crate) fn explained_codes() -> &'static [&'static str] {
    static CODES: OnceLock<Vec<&'static str>> = OnceLock::new();
    CODES
        .get_or_init(|| {
            let mut codes = Vec::new();
            for (_, it, _) in FILES {
                let Ok(resource) = fluent_syntax::parser::parse(*it) else {
                    continue;
                };
                for entry in resource.body {
                    if let fluent_syntax::ast::Entry::Message(m) = entry
                        && m.attributes.iter().any(|a| a.id.name == "spiegazione")
                    {
                        codes.push(m.id.name);
                    }
                }
            }
            codes.sort_unstable();
            codes
        })
        .as_slice()
}

/// The message `id` in the current language, with its arguments; what
/// [`t!`] calls.
pub(crate) fn message(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    message_in(current(), id, args)
}

/// Whether the catalogue has `id` (a message, or `message.attribute`) in
/// the current language or the other.
pub(crate) fn has(id: &str) -> bool {
    let lang = current();
    [lang, lang.other()]
        .into_iter()
        .any(|l| format_in(bundle_of(l), id, None).is_some())
}

/// `id` formatted by `bundle`: a message's value, or with
/// `message.attribute` one of its attributes (`yaml-unknown-key.hint`);
/// `None` when the bundle has no such text.
fn format_in(bundle: &Bundle, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let (message, attribute) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let message = bundle.get_message(message)?;
    let pattern = match attribute {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// The message `id` (or `message.attribute`) in `lang`, else in the other
/// language, else `id` itself. A missing argument shows as `{$name}`;
/// nothing panics.
pub(crate) fn message_in(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, Arg(value)) in args {
        fluent_args.set(*name, value.clone());
    }
    [lang, lang.other()]
        .into_iter()
        .find_map(|l| format_in(bundle_of(l), id, Some(&fluent_args)))
        .unwrap_or_else(|| id.to_string())
}

/// `t!("id")` or `t!("id", name = value, n = 3)`: the message `id` of the
/// catalogue in the current language, a `String`. Values are texts
/// (`&str`, `String`, `&Path`) or numbers; the names are the message's
/// `{ $name }`s.
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::message($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}
pub(crate) use t;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;

    /// A message's shape: its attributes and the arguments it names.
    type Shape = (BTreeSet<String>, BTreeSet<String>);

    /// Every message and term of one `.ftl` text with its shape; the
    /// parser's errors fail the test.
    fn shapes(name: &str, text: &str) -> BTreeMap<String, Shape> {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{name}: {errors:?}"));
        let mut all = BTreeMap::new();
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                ast::Entry::Junk { content } => panic!("{name}: cannot be read: {content}"),
                _ => continue,
            };
            let mut args = BTreeSet::new();
            value.iter().for_each(|p| pattern_args(p, &mut args));
            let mut attrs = BTreeSet::new();
            for a in &attributes {
                attrs.insert(a.id.name.to_string());
                pattern_args(&a.value, &mut args);
            }
            assert!(
                all.insert(id.clone(), (attrs, args)).is_none(),
                "{name}: {id} is written twice"
            );
        }
        all
    }

    /// The `$arguments` a pattern names, in selectors and variants too.
    fn pattern_args(pattern: &ast::Pattern<&str>, args: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_args(expression, args);
            }
        }
    }

    fn expression_args(expression: &ast::Expression<&str>, args: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_args(selector, args);
                for v in variants {
                    pattern_args(&v.value, args);
                }
            }
            ast::Expression::Inline(inline) => inline_args(inline, args),
        }
    }

    fn inline_args(inline: &ast::InlineExpression<&str>, args: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                args.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. }
            | ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => {
                for a in &arguments.positional {
                    inline_args(a, args);
                }
                for a in &arguments.named {
                    inline_args(&a.value, args);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_args(expression, args),
            _ => {}
        }
    }

    /// Every language's messages, by file.
    fn catalogue() -> Vec<(&'static str, [BTreeMap<String, Shape>; 2])> {
        FILES
            .iter()
            .map(|(name, it, en)| (*name, [shapes(name, it), shapes(name, en)]))
            .collect()
    }

    #[test]
    fn every_message_is_in_both_languages_with_the_same_arguments() {
        let mut ids = BTreeSet::new();
        for (name, [it, en]) in catalogue() {
            let only_it: Vec<_> = it.keys().filter(|id| !en.contains_key(*id)).collect();
            let only_en: Vec<_> = en.keys().filter(|id| !it.contains_key(*id)).collect();
            assert!(only_it.is_empty(), "{name}: only in Italian: {only_it:?}");
            assert!(only_en.is_empty(), "{name}: only in English: {only_en:?}");
            for (id, shape) in &it {
                assert_eq!(
                    shape, &en[id],
                    "{name}: {id}: (attributes, arguments) differ between it and en"
                );
                // Ids are named after their file (`cli-...` in cli.ftl), so
                // two files cannot take the same id.
                let stem = name.trim_end_matches(".ftl");
                let bare = id.trim_start_matches('-');
                assert!(
                    bare.starts_with(&format!("{stem}-"))
                        && bare
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{name}: `{id}` must be `{stem}-words-in-lowercase`"
                );
                assert!(ids.insert(id.clone()), "{id} is in two files");
            }
        }
        assert!(ids.len() > 50, "{}", ids.len());
    }

    #[test]
    fn every_file_of_locales_is_compiled_in() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let listed: BTreeSet<&str> = FILES.iter().map(|(name, _, _)| *name).collect();
        for lang in Lang::ALL {
            let mut found = BTreeSet::new();
            for entry in std::fs::read_dir(root.join(lang.code())).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                assert!(name.ends_with(".ftl"), "locales/{}/{name}", lang.code());
                found.insert(name);
            }
            let listed: BTreeSet<String> = listed.iter().map(|s| s.to_string()).collect();
            assert_eq!(
                found,
                listed,
                "locales/{}/ against i18n::FILES",
                lang.code()
            );
        }
        // The bundles hold every message (none lost to a repeated id).
        for (lang, bundle) in Lang::ALL.iter().zip(bundles()) {
            for (name, shapes) in catalogue() {
                for id in shapes[0].keys().filter(|id| !id.starts_with('-')) {
                    assert!(bundle.has_message(id), "{}: {name}: {id}", lang.code());
                }
            }
        }
    }

    /// Every `t!("id"` and `i18n::message("id"` in the sources names a message of
    /// the catalogue: the fallback to the id itself never shows.
    #[test]
    fn every_id_the_code_names_exists() {
        let ids: BTreeSet<String> = catalogue()
            .into_iter()
            .flat_map(|(_, [it, _])| it.into_keys())
            .collect();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut named = 0;
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for opener in [
                "t!(\"",
                "i18n::message(\"",
                "diag!(Error, \"",
                "diag!(Warning, \"",
                "diag!(Note, \"",
            ] {
                for (at, _) in text.match_indices(opener) {
                    // `t!(` itself, not `print!(` or `assert!(`.
                    let before = text[..at].chars().next_back().unwrap_or(' ');
                    let line = &text[text[..at].rfind('\n').map_or(0, |n| n + 1)..at];
                    if before.is_alphanumeric() || before == '_' || line.contains("//") {
                        continue; // another macro, or an example in a comment
                    }
                    let rest = &text[at + opener.len()..];
                    let id = &rest[..rest.find('"').unwrap_or(0)];
                    named += 1;
                    assert!(
                        ids.contains(id) || (id.contains('.') && has(id)),
                        "{}: `{id}` is not in locales/",
                        entry.path().display()
                    );
                }
            }
        }
        assert!(named > 50, "{named}");
    }

    #[test]
    fn the_environment_chooses_the_language() {
        let env = |vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> = vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            Lang::from_locale_vars(|name| {
                vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
            })
        };
        assert_eq!(env(&[]), Lang::It, "nothing set: Italian");
        assert_eq!(env(&[("LANG", "en_US.UTF-8")]), Lang::En);
        assert_eq!(env(&[("LANG", "en")]), Lang::En);
        assert_eq!(env(&[("LANG", "it_IT.UTF-8")]), Lang::It);
        assert_eq!(env(&[("LANG", "C.UTF-8")]), Lang::It);
        assert_eq!(env(&[("LANG", "de_DE.UTF-8")]), Lang::It);
        assert_eq!(env(&[("LANG", "")]), Lang::It);
        // LC_ALL, then LC_MESSAGES, then LANG; an empty one does not count.
        assert_eq!(
            env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "it_IT.UTF-8")]),
            Lang::It
        );
        assert_eq!(
            env(&[("LC_MESSAGES", "it_IT.UTF-8"), ("LC_ALL", "en_GB.UTF-8")]),
            Lang::En
        );
        assert_eq!(env(&[("LC_ALL", ""), ("LANG", "en_US")]), Lang::En);
        assert_eq!(env(&[("LC_ALL", "en_US@euro")]), Lang::En);
    }

    #[test]
    fn arguments_and_plurals_are_filled_in() {
        let missing = |n: usize| {
            message_in(
                Lang::It,
                "cli-error-missing-arguments",
                &[("count", n.into())],
            )
        };
        assert_eq!(missing(1), "manca questo argomento obbligatorio:");
        assert_eq!(missing(2), "mancano questi argomenti obbligatori:");
        let en = message_in(
            Lang::En,
            "cli-error-invalid-value",
            &[("value", "x".into()), ("arg", "--port".into())],
        );
        // No isolation marks (U+2068, U+2069) around the arguments.
        assert_eq!(en, "invalid value 'x' for '--port'");
        assert_eq!(
            message_in(
                Lang::It,
                "cli-error-number",
                &[("min", 1u64.into()), ("max", 3600u64.into())]
            ),
            "deve essere un numero intero da 1 a 3600"
        );
    }

    #[test]
    fn a_missing_message_or_argument_never_panics() {
        assert_eq!(message_in(Lang::It, "no-such-id", &[]), "no-such-id");
        let text = message_in(Lang::En, "cli-error-invalid-value", &[]);
        assert!(text.contains("{$value}"), "{text}");
    }

    #[test]
    fn the_current_language_can_be_set() {
        assert_eq!(current(), Lang::It, "Italian unless set");
        with_lang(Lang::En, || {
            assert_eq!(current(), Lang::En);
            assert_eq!(t!("cli-heading-options"), "Options");
        });
        with_lang(Lang::It, || {
            assert_eq!(current(), Lang::It);
            assert_eq!(t!("cli-heading-options"), "Opzioni");
        });
    }
}
