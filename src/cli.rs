//! The command line: clap definitions of every command's arguments, plus the
//! exit codes (0 ok, 1 content errors, 2 usage or environment errors).
//! Definitions only: the dispatch is `cmd::run`, so `cmd` depends on `cli`
//! and never the other way. Every text of `--help` and of clap's errors is
//! a message of `locales/<lang>/cli.ftl` ([`crate::i18n`]): [`Cli`]'s
//! `parse` chooses the language (`--lang`, else the environment) before
//! clap reads the command line.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::i18n::cli::{Localised, chosen, localise};
use crate::i18n::{self, Lang, t};

/// Exit code when the content has errors.
pub const EXIT_CONTENT: u8 = 1;
/// Exit code for usage errors and problems with folders (unreadable, not writable).
pub const EXIT_USAGE: u8 = 2;

/// The whole command line: `trasparenza [--lang it|en] COMMAND ...`.
/// `Cli::parse()` (clap's [`Parser`], with this crate's `parse`) and
/// `Cli::command()` give the texts in the chosen language.
#[derive(Debug, clap::Args)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
    #[arg(long, global = true, value_enum, value_name = t!("cli-value-lang"), help = t!("cli-lang"))]
    pub(crate) lang: Option<Lang>,
}

impl Cli {
    /// The command line as the derives define it, texts in the current
    /// language, before [`localise`].
    fn definition(for_update: bool) -> clap::Command {
        let cmd = clap::Command::new("trasparenza").version(env!("CARGO_PKG_VERSION"));
        let cmd = if for_update {
            <Self as clap::Args>::augment_args_for_update(cmd)
        } else {
            <Self as clap::Args>::augment_args(cmd)
        };
        cmd.about(t!("cli-about")).long_about(None)
    }
}

impl CommandFactory for Cli {
    fn command() -> clap::Command {
        localise(Self::definition(false))
    }

    fn command_for_update() -> clap::Command {
        localise(Self::definition(true))
    }
}

/// clap's own `parse` with the language chosen first (`--lang`, else the
/// environment) and clap's errors written in it.
impl Parser for Cli {
    fn parse() -> Self {
        Self::parse_from(std::env::args_os())
    }

    fn try_parse() -> Result<Self, clap::Error> {
        Self::try_parse_from(std::env::args_os())
    }

    fn parse_from<I, T>(args: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        Self::try_parse_from(args).unwrap_or_else(|e| e.apply::<Localised>().exit())
    }

    fn try_parse_from<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
        i18n::set(chosen(&args));
        let mut cmd = Self::command();
        let mut matches = cmd.try_get_matches_from_mut(args)?;
        let cli = Self::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))?;
        if let Some(lang) = cli.lang {
            i18n::set(lang);
        }
        Ok(cli)
    }
}

/// The commands, one module each in `cmd/`. Each has an Italian alias.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// `trasparenza build`: the site into the output folder.
    #[command(about = t!("cli-build"), alias = "costruisci")]
    Build(BuildArgs),
    /// `trasparenza serve`: the live preview.
    #[command(about = t!("cli-serve"), alias = "anteprima")]
    Serve(ServeArgs),
    /// `trasparenza check`: every check of a build, writing nothing.
    #[command(about = t!("cli-check"), alias = "controlla")]
    Check(CheckArgs),
    /// `trasparenza import FILE`: the catalogue from a document.
    #[command(about = t!("cli-import"), alias = "importa")]
    Import(ImportArgs),
    /// `trasparenza init`: a new site.
    #[command(about = t!("cli-init"), alias = "inizializza")]
    Init(InitArgs),
    /// `trasparenza archivia`: the current edition into the archive.
    #[command(about = t!("cli-archivia"))]
    Archivia(ArchiviaArgs),
    /// `trasparenza completions SHELL`: a shell's completion script.
    #[command(about = t!("cli-completions"), alias = "completamenti")]
    Completions(CompletionsArgs),
    /// `trasparenza spiega [CODE]`: what a diagnostic means and how to fix it.
    #[command(about = t!("cli-spiega"), alias = "explain")]
    Spiega(SpiegaArgs),
    /// `trasparenza man [COMMAND]`: a manual page.
    #[command(about = t!("cli-man"), hide = true)]
    Man(ManArgs),
}

/// Which diagnostic to explain.
#[derive(Debug, clap::Args)]
pub struct SpiegaArgs {
    #[arg(value_name = t!("cli-value-code"), help = t!("cli-spiega-code"))]
    pub(crate) code: Option<String>,
}

/// Which manual page.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    #[arg(value_name = t!("cli-value-command"), help = t!("cli-man-command"))]
    pub(crate) command: Option<String>,
}

/// Which shell the completions are for.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    #[arg(value_enum, value_name = t!("cli-value-shell"), help = t!("cli-completions-shell"))]
    pub(crate) shell: clap_complete::Shell,
}

/// Which site and under what name its current edition is archived.
#[derive(Debug, clap::Args)]
pub struct ArchiviaArgs {
    #[arg(long, value_name = t!("cli-value-dir"), default_value = ".", help = t!("cli-archivia-root"))]
    pub(crate) root: PathBuf,
    #[arg(long, value_name = t!("cli-value-name"), help = t!("cli-archivia-edizione"))]
    pub(crate) edizione: Option<String>,
}

/// Where the site is and where it goes.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[arg(long, value_name = t!("cli-value-dir"), default_value = ".", help = t!("cli-root"))]
    pub(crate) root: PathBuf,
    #[arg(long, value_name = t!("cli-value-dir"), help = t!("cli-build-output"))]
    pub(crate) output: Option<PathBuf>,
    #[arg(long, help = t!("cli-build-force"))]
    pub(crate) force: bool,
    #[arg(long, value_name = t!("cli-value-url"), value_parser = base_url, help = t!("cli-build-base-url"))]
    pub(crate) base_url: Option<String>,
    #[arg(long, help = t!("cli-build-strict"))]
    pub(crate) strict: bool,
}

/// What `check` looks at and how it reports.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[arg(long, value_name = t!("cli-value-dir"), default_value = ".", help = t!("cli-root"))]
    pub(crate) root: PathBuf,
    #[arg(long, help = t!("cli-check-strict"))]
    pub(crate) strict: bool,
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = t!("cli-value-format"), help = t!("cli-check-format"))]
    pub(crate) format: Format,
    #[arg(long, value_name = t!("cli-value-url"), value_parser = base_url, help = t!("cli-check-base-url"))]
    pub(crate) base_url: Option<String>,
}

/// How problems are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Human,
    Json,
    Github,
    Gitlab,
}

/// Where the new site goes and what it starts with.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// `trasparenza init nuovo-sito`, as `zola init` and `mdbook init`
    /// take it: the same as `--root nuovo-sito`.
    #[arg(value_name = t!("cli-value-dir"), conflicts_with = "root", help = t!("cli-init-dir"))]
    pub(crate) dir: Option<PathBuf>,
    #[arg(long, value_name = t!("cli-value-dir"), default_value = ".", help = t!("cli-init-root"))]
    pub(crate) root: PathBuf,
    #[arg(long, value_name = t!("cli-value-name"), help = t!("cli-init-ente"))]
    pub(crate) ente: Option<String>,
    #[arg(long, value_name = t!("cli-value-url"), value_parser = base_url, help = t!("cli-init-base-url"))]
    pub(crate) base_url: Option<String>,
    #[arg(long, visible_alias = "shape", value_enum, value_name = t!("cli-value-shape"), help = t!("cli-init-forma"))]
    pub(crate) forma: Option<Forma>,
}

impl InitArgs {
    /// The folder of the new site: the one named after `init`, else `--root`.
    pub(crate) fn root(&self) -> &PathBuf {
        self.dir.as_ref().unwrap_or(&self.root)
    }
}

/// The shape of the act `init` starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Forma {
    // One list for the whole body: `_sito.yaml`'s lists, no unit file.
    #[value(alias = "list")]
    Elenco,
    // A list for each office: one file per unit (the example unit).
    #[value(alias = "offices")]
    Uffici,
}

/// Where the site is and where the preview listens.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[arg(long, value_name = t!("cli-value-dir"), default_value = ".", help = t!("cli-root"))]
    pub(crate) root: PathBuf,
    #[arg(long, value_name = t!("cli-value-ip"), default_value = "127.0.0.1", value_parser = ip, help = t!("cli-serve-bind"))]
    pub(crate) bind: std::net::IpAddr,
    #[arg(long, value_name = t!("cli-value-port"), default_value = "1111", value_parser = port, help = t!("cli-serve-port"))]
    pub(crate) port: u16,
    #[arg(long, help = t!("cli-serve-open"))]
    pub(crate) open: bool,
    #[arg(long, help = t!("cli-serve-poll"))]
    pub(crate) poll: bool,
    #[arg(long, value_name = t!("cli-value-seconds"), default_value = "10", value_parser = seconds, help = t!("cli-serve-rebuild-timeout"))]
    pub(crate) rebuild_timeout: u64,
}

/// What `import` reads and where it writes.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    #[arg(value_name = t!("cli-value-file"), help = t!("cli-import-file"))]
    pub(crate) file: PathBuf,
    #[arg(long, value_name = t!("cli-value-dir"), default_value = ".", help = t!("cli-import-root"))]
    pub(crate) root: PathBuf,
    #[arg(long, help = t!("cli-import-dry-run"))]
    pub(crate) dry_run: bool,
    #[arg(long, help = t!("cli-import-force"))]
    pub(crate) force: bool,
    #[arg(long, value_name = t!("cli-value-name"), help = t!("cli-import-sheet"))]
    pub(crate) sheet: Option<String>,
    #[arg(long, value_name = t!("cli-value-name"), help = t!("cli-import-encoding"))]
    pub(crate) encoding: Option<String>,
    #[arg(long, value_name = t!("cli-value-char"), help = t!("cli-import-delimiter"))]
    pub(crate) delimiter: Option<String>,
}

/// `--base-url`: an absolute http(s) address, normalised to end with `/`.
/// A bad one is a usage error (exit 2), like any bad flag.
fn base_url(s: &str) -> Result<String, String> {
    crate::config::normalise_base_url(s).ok_or_else(|| t!("cli-error-base-url"))
}

/// `--bind`: an IP address (v4 or v6).
fn ip(s: &str) -> Result<std::net::IpAddr, String> {
    s.parse().map_err(|_| t!("cli-error-ip"))
}

/// `--port`: 0 to 65535.
fn port(s: &str) -> Result<u16, String> {
    s.parse()
        .map_err(|_| t!("cli-error-number", min = 0u16, max = u16::MAX))
}

/// `--rebuild-timeout`: 1 to 3600 seconds.
fn seconds(s: &str) -> Result<u64, String> {
    let (min, max) = (1, 3600);
    match s.parse() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(t!("cli-error-number", min = min, max = max)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_lang;
    use clap::error::{ContextKind, ContextValue, ErrorKind};

    #[test]
    fn cli_is_well_formed() {
        for lang in Lang::ALL {
            with_lang(lang, || Cli::command().debug_assert());
        }
    }

    /// Every command's and flag's text, by path (`build --root`).
    fn texts(cmd: &clap::Command, path: &str, all: &mut Vec<(String, Option<String>)>) {
        let long = cmd.get_long_about().map(ToString::to_string);
        assert_eq!(
            long, None,
            "{path}: a long text that is not in the catalogue"
        );
        all.push((path.to_string(), cmd.get_about().map(ToString::to_string)));
        for arg in cmd.get_arguments() {
            let name = format!("{path} {}", arg.get_id());
            let long = arg.get_long_help().map(ToString::to_string);
            assert_eq!(
                long, None,
                "{name}: a long text that is not in the catalogue"
            );
            all.push((name, arg.get_help().map(ToString::to_string)));
        }
        for sub in cmd.get_subcommands() {
            texts(sub, &format!("{path} {}", sub.get_name()), all);
        }
    }

    /// Every text of `--help` comes from the catalogue: each is there and
    /// differs between Italian and English (a doc comment or a literal
    /// would be the same in both).
    #[test]
    fn every_help_text_is_in_both_languages() {
        let [it, en] = Lang::ALL.map(|lang| {
            with_lang(lang, || {
                let mut all = Vec::new();
                texts(&Cli::command(), "trasparenza", &mut all);
                all
            })
        });
        assert_eq!(it.len(), en.len());
        assert!(it.len() > 40, "{}", it.len());
        for ((path, it), (_, en)) in it.iter().zip(&en) {
            // Clap's `help help` repeats a command's text; all else has one.
            let (Some(it), Some(en)) = (it, en) else {
                panic!("{path}: no text ({it:?}, {en:?})");
            };
            assert_ne!(it, en, "{path}: the same text in Italian and English");
        }
    }

    /// No English sentence is left in this file's code: a string literal
    /// with two words is a text for people and belongs in the catalogue.
    #[test]
    fn no_text_for_people_is_written_here() {
        let source = include_str!("cli.rs");
        let code = &source[..source.find("#[cfg(test)]").unwrap_or(source.len())];
        let mut found = Vec::new();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            for (i, literal) in line.split('"').enumerate() {
                let words = literal.split_whitespace().count();
                if i % 2 == 1 && words > 1 && literal.chars().any(char::is_alphabetic) {
                    found.push(format!("src/cli.rs:{}: \"{literal}\"", n + 1));
                }
            }
        }
        assert!(
            found.is_empty(),
            "texts to move to locales/:\n{}",
            found.join("\n")
        );
    }

    /// What `trasparenza <args>` says on a usage error, in `lang`.
    fn error(lang: Lang, args: &[&str]) -> String {
        let mut all = vec!["trasparenza", "--lang", lang.code()];
        all.extend(args);
        with_lang(lang, || match Cli::try_parse_from(all) {
            Ok(cli) => panic!("{args:?} parsed: {cli:?}"),
            Err(e) => e.apply::<Localised>().render().to_string(),
        })
    }

    /// clap's words that must not show in Italian.
    const CLAP_WORDS: &[&str] = &[
        "error:",
        "Usage",
        "unexpected",
        "invalid",
        "required",
        "provided",
        "For more",
        "tip:",
        "OPTIONS",
        "COMMAND",
        "possible values",
        "similar",
        "exists",
        "cannot",
    ];

    #[test]
    fn usage_errors_are_in_italian() {
        for (args, expected) in [
            (
                &["build", "--nope"][..],
                "errore: argomento inatteso '--nope'",
            ),
            (&["frobnicate"], "comando sconosciuto 'frobnicate'"),
            (&["buidl"], "suggerimento: ne esiste uno simile: 'build'"),
            (&["build", "--root"], "'--root <CARTELLA>' vuole un valore"),
            (
                &["check", "--format", "xml"],
                "valore non valido 'xml' per '--format <FORMATO>'\n  [valori possibili: human, json, github, gitlab]",
            ),
            (
                &["check", "--forma", "json"],
                "ne esiste uno simile: '--format'",
            ),
            (
                &["serve", "--port", "x"],
                "deve essere un numero intero da 0 a 65535",
            ),
            (
                &["serve", "--rebuild-timeout", "0"],
                "deve essere un numero intero da 1 a 3600",
            ),
            (&["serve", "--bind", "x"], "deve essere un indirizzo IP"),
            (
                &["init", "--base-url", "www.x.it"],
                "valore non valido 'www.x.it' per '--base-url <URL>': deve essere un indirizzo http(s) assoluto",
            ),
            (
                &["import"],
                "manca questo argomento obbligatorio:\n  <FILE>\n\nUso: trasparenza import [OPZIONI] <FILE>",
            ),
            (
                &["build", "--strict", "--strict"],
                "'--strict' non può essere usato più di una volta",
            ),
            (&["--strict", "build"], "esiste 'build --strict'"),
            (&[], "'trasparenza' vuole un comando"),
        ] {
            let text = error(Lang::It, args);
            assert!(text.contains(expected), "{args:?}:\n{text}");
            assert!(
                text.ends_with("Per saperne di più, prova '--help'.\n"),
                "{text}"
            );
            for word in CLAP_WORDS {
                assert!(!text.contains(word), "{args:?}: `{word}` in\n{text}");
            }
            // The same error in English says the same in clap's words.
            let en = error(Lang::En, args);
            assert!(en.starts_with("error: "), "{en}");
            assert!(
                en.ends_with("For more information, try '--help'.\n"),
                "{en}"
            );
        }
        let en = error(Lang::En, &["check", "--format", "xml"]);
        assert!(en.starts_with("error: invalid value 'xml' for '--format <FORMAT>'\n  [possible values: human, json, github, gitlab]\n"), "{en}");
    }

    /// The kinds of error this command line cannot produce today, with
    /// the context clap gives them.
    #[test]
    fn every_kind_of_usage_error_is_in_italian() {
        let s = |v: &str| ContextValue::String(v.to_string());
        let n = ContextValue::Number;
        let kinds = [
            (
                ErrorKind::NoEquals,
                vec![(ContextKind::InvalidArg, s("--x"))],
                "serve il segno =",
            ),
            (
                ErrorKind::ArgumentConflict,
                vec![
                    (ContextKind::InvalidArg, s("--a")),
                    (ContextKind::PriorArg, s("--b")),
                ],
                "'--a' non può essere usato insieme a '--b'",
            ),
            (
                ErrorKind::ArgumentConflict,
                vec![
                    (ContextKind::InvalidArg, s("--a")),
                    (
                        ContextKind::PriorArg,
                        ContextValue::Strings(vec!["--b".into(), "--c".into()]),
                    ),
                ],
                "insieme a:\n  --b\n  --c",
            ),
            (
                ErrorKind::TooManyValues,
                vec![
                    (ContextKind::InvalidArg, s("--a")),
                    (ContextKind::InvalidValue, s("v")),
                ],
                "valore inatteso 'v' per '--a'",
            ),
            (
                ErrorKind::TooFewValues,
                vec![
                    (ContextKind::InvalidArg, s("--a")),
                    (ContextKind::MinValues, n(3)),
                    (ContextKind::ActualNumValues, n(1)),
                ],
                "'--a' vuole 3 valori; ne è stato dato solo uno",
            ),
            (
                ErrorKind::WrongNumberOfValues,
                vec![
                    (ContextKind::InvalidArg, s("--a")),
                    (ContextKind::ExpectedNumValues, n(2)),
                    (ContextKind::ActualNumValues, n(3)),
                ],
                "'--a' vuole 2 valori, ma ne sono stati dati 3",
            ),
            (
                ErrorKind::MissingRequiredArgument,
                vec![(
                    ContextKind::InvalidArg,
                    ContextValue::Strings(vec!["<A>".into(), "<B>".into()]),
                )],
                "mancano questi argomenti obbligatori:\n  <A>\n  <B>",
            ),
            (ErrorKind::InvalidUtf8, vec![], "non è testo UTF-8 valido"),
            (
                ErrorKind::Io,
                vec![],
                "la riga di comando non si può leggere",
            ),
        ];
        for (kind, context, expected) in kinds {
            let text = with_lang(Lang::It, || {
                let mut e = clap::error::Error::<Localised>::new(kind);
                for (k, v) in context {
                    e.insert(k, v);
                }
                e.render().to_string()
            });
            assert!(text.starts_with("errore: "), "{kind:?}: {text}");
            assert!(text.contains(expected), "{kind:?}:\n{text}");
            for word in CLAP_WORDS {
                assert!(!text.contains(word), "{kind:?}: `{word}` in\n{text}");
            }
        }
    }

    #[test]
    fn lang_is_parsed_and_commands_have_italian_names() {
        let cli = with_lang(Lang::It, || {
            Cli::try_parse_from(["trasparenza", "costruisci", "--lang", "en"])
        })
        .unwrap();
        assert!(matches!(cli.command, Command::Build(_)));
        assert_eq!(cli.lang, Some(Lang::En));
        for (alias, name) in [
            ("anteprima", "serve"),
            ("controlla", "check"),
            ("importa", "import"),
            ("inizializza", "init"),
            ("completamenti", "completions"),
        ] {
            let cmd = with_lang(Lang::It, Cli::command);
            let found = cmd.find_subcommand(alias).map(|c| c.get_name());
            assert_eq!(found, Some(name), "{alias}");
        }
    }
}
