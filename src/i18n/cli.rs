//! clap in the user's language: the `--lang` read before parsing, the
//! headings, usage lines and help flags of `--help` ([`localise`]), and
//! clap's parse errors rebuilt from their kind and context ([`Localised`]).
//! The texts of the commands and flags themselves are `t!` calls in
//! `src/cli.rs`; every text comes from `locales/<lang>/cli.ftl`.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::builder::{StyledStr, Styles};
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};

/// A parse error of clap, written by [`Localised`].
type Error = clap::error::Error<Localised>;
use clap::{Arg, ArgAction, Command};

use super::{Lang, t};

/// The language for this command line: `--lang it|en` (or `--lang=en`)
/// anywhere before `--`, else the environment's. A wrong value is left to
/// clap, which reports it in the environment's language.
pub(crate) fn chosen(args: &[OsString]) -> Lang {
    let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(arg) = args.next() {
        let value = match arg {
            "--" => break,
            "--lang" => args.next(),
            _ => arg.strip_prefix("--lang="),
        };
        match value {
            Some("it") => return Lang::It,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_env()
}

/// Puts the headings, usage lines and help and version flags of `cmd` and
/// of its commands in the current language (their own texts already are),
/// and builds it: clap's `help` command and usage lines exist only then.
pub(crate) fn localise(cmd: Command) -> Command {
    let mut cmd = texts(cmd.disable_version_flag(true));
    cmd.build();
    // `help`'s commands say what each command does, as the main list does;
    // and `help help` gets the headings the other commands got from
    // `texts` (it printed "Usage:" and "Commands:" in English).
    let abouts: Vec<(String, String)> = cmd
        .get_subcommands()
        .filter_map(|c| Some((c.get_name().to_string(), c.get_about()?.to_string())))
        .collect();
    let cmd = cmd.mut_subcommand("help", |help| {
        let help = help.about(t!("cli-help-command")).mut_subcommands(|c| {
            let about = match abouts.iter().find(|(name, _)| name == c.get_name()) {
                _ if c.get_name() == "help" => t!("cli-help-command"),
                Some((_, about)) => about.clone(),
                None => t!("cli-help-command-command"),
            };
            c.about(about)
        });
        if clap_speaks_it() {
            help
        } else {
            help.help_template(template())
                .subcommand_help_heading(t!("cli-heading-commands"))
                .subcommand_value_name(t!("cli-value-command"))
        }
    });
    usage(cmd)
}

/// The place of `--help` and `--version` in the list of flags: the end.
const LAST: usize = 1000;

/// `cmd`'s and its commands' own help flag, headings, template, defaults
/// and possible values, before clap builds them.
fn texts(cmd: Command) -> Command {
    let aliases: Vec<String> = cmd.get_all_aliases().map(str::to_string).collect();
    let cmd = match (aliases.first(), cmd.get_about()) {
        (Some(alias), Some(about)) => {
            let about = format!("{about} {}", t!("cli-alias", alias = alias.as_str()));
            cmd.about(about)
        }
        _ => cmd,
    };
    // Help and version last, after the flags of the command and --lang.
    let cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(t!("cli-help"))
            .display_order(LAST),
    );
    let cmd = match cmd.get_version() {
        Some(_) => cmd.arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("cli-version"))
                .display_order(LAST + 1),
        ),
        None => cmd,
    };
    let cmd = if clap_speaks_it() {
        cmd
    } else {
        cmd.help_template(template())
            .subcommand_help_heading(t!("cli-heading-commands"))
            .subcommand_value_name(t!("cli-value-command"))
    };
    cmd.mut_args(arg).mut_subcommands(texts)
}

/// Whether clap's own headings ("Usage:", "Options", "[OPTIONS]"...) are
/// in the current language: English. They are then left as clap writes
/// them, so that clap_mangen keeps the sections every manual page has
/// (OPTIONS, SUBCOMMANDS); in another language they come from the
/// catalogue.
fn clap_speaks_it() -> bool {
    super::current() == Lang::En
}

/// clap's default template with the usage heading in the current language.
fn template() -> StyledStr {
    let usage = Styles::styled().get_usage().to_owned();
    let mut template = StyledStr::new();
    let _ = write!(
        template,
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("cli-heading-usage")
    );
    template
}

/// One flag or argument: under the heading of its kind, its default and
/// possible values written by us (clap writes `[default: ...]` in English).
fn arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        t!("cli-heading-arguments")
    } else {
        t!("cli-heading-options")
    };
    let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let takes_values = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() {
        let value = defaults.join(", ");
        help = format!("{help} {}", t!("cli-default", value = value));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_values && !possible.is_empty() {
        let values = possible.join(", ");
        help = format!("{help} {}", t!("cli-possible-values", values = values));
    }
    let arg = arg.help(help.trim_start().to_string());
    let arg = if clap_speaks_it() {
        arg
    } else {
        arg.help_heading(heading)
    };
    if takes_values {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

/// Every command's usage line as clap writes it, with `[OPTIONS]` in the
/// current language (clap's usage is the same for every command but that
/// word).
fn usage(mut cmd: Command) -> Command {
    if clap_speaks_it() {
        return cmd;
    }
    let line = cmd.render_usage().to_string();
    let line = line
        .split_once(' ')
        .map_or(line.as_str(), |(_, l)| l)
        .trim();
    let line = line.replace("[OPTIONS]", &t!("cli-usage-options"));
    cmd.override_usage(line).mut_subcommands(usage)
}

/// clap's errors in the current language: the same parts as clap's own
/// (`error:`, the problem, tips, the usage line, where to read more), each
/// from the catalogue. Used as `error.apply::<Localised>()`.
pub(crate) struct Localised;

impl ErrorFormatter for Localised {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let styles = Styles::styled();
        let (bad, tip) = (styles.get_error(), styles.get_valid());
        let mut out = StyledStr::new();
        let _ = write!(out, "{bad}{}{bad:#} {}", t!("cli-error"), problem(error));
        let mut tips = Vec::new();
        for kind in [
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedArg,
            ContextKind::SuggestedValue,
        ] {
            let similar = match error.get(kind) {
                Some(ContextValue::String(one)) => vec![one.clone()],
                Some(ContextValue::Strings(many)) => many.clone(),
                _ => continue,
            };
            if !similar.is_empty() {
                let values = quoted(&similar);
                tips.push(t!(
                    "cli-error-similar",
                    count = similar.len(),
                    values = values
                ));
            }
        }
        if let Some(ContextValue::StyledStrs(suggested)) = error.get(ContextKind::Suggested) {
            tips.extend(suggested.iter().filter_map(|s| suggestion(&s.to_string())));
        }
        if !tips.is_empty() {
            out.push_str("\n");
        }
        for text in tips {
            let _ = write!(out, "\n  {tip}{}{tip:#} {text}", t!("cli-error-tip"));
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let line = usage.split_once(' ').map_or(usage.as_str(), |(_, l)| l);
            let heading = styles.get_usage();
            let _ = write!(
                out,
                "\n\n{heading}{}{heading:#} {}",
                t!("cli-heading-usage"),
                line.trim()
            );
        }
        let _ = write!(out, "\n\n{}\n", t!("cli-error-more", help = "--help"));
        out
    }
}

/// A text of the context: `--root <CARTELLA>`, `build`.
fn text(error: &Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::Strings(many)) => many.join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A number of the context (how many values were given or wanted).
fn number(error: &Error, kind: ContextKind) -> i64 {
    match error.get(kind) {
        Some(ContextValue::Number(n)) => *n as i64,
        _ => 0,
    }
}

/// `'a', 'b'`.
fn quoted(values: &[String]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    quoted.join(", ")
}

/// The line that says what is wrong, from the error's kind and context;
/// the list of valid values or commands follows on the next line.
fn problem(error: &Error) -> String {
    let arg = || text(error, ContextKind::InvalidArg);
    let value = || text(error, ContextKind::InvalidValue);
    let list = |kind, id| match error.get(kind) {
        Some(ContextValue::Strings(values)) if !values.is_empty() => {
            let values = values.join(", ");
            let list = match id {
                "commands" => t!("cli-error-commands", values = values),
                _ => t!("cli-error-possible-values", values = values),
            };
            format!("\n  {list}")
        }
        _ => String::new(),
    };
    match error.kind() {
        ErrorKind::UnknownArgument => t!("cli-error-unknown-argument", arg = arg()),
        ErrorKind::InvalidSubcommand => {
            let command = text(error, ContextKind::InvalidSubcommand);
            t!("cli-error-invalid-command", command = command)
        }
        ErrorKind::InvalidValue if value().is_empty() => {
            let line = t!("cli-error-value-required", arg = arg());
            line + &list(ContextKind::ValidValue, "values")
        }
        ErrorKind::InvalidValue => {
            let line = t!("cli-error-invalid-value", value = value(), arg = arg());
            line + &list(ContextKind::ValidValue, "values")
        }
        ErrorKind::ValueValidation => match std::error::Error::source(error) {
            Some(reason) => t!(
                "cli-error-invalid-value-because",
                value = value(),
                arg = arg(),
                reason = reason.to_string()
            ),
            None => t!("cli-error-invalid-value", value = value(), arg = arg()),
        },
        ErrorKind::NoEquals => t!("cli-error-no-equals", arg = arg()),
        ErrorKind::ArgumentConflict => conflict(error),
        ErrorKind::MissingRequiredArgument => {
            let missing = match error.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(missing)) => missing.clone(),
                _ => Vec::new(),
            };
            let mut line = t!("cli-error-missing-arguments", count = missing.len());
            for m in missing {
                line.push_str(&format!("\n  {m}"));
            }
            line
        }
        ErrorKind::MissingSubcommand => {
            let command = text(error, ContextKind::InvalidSubcommand);
            let line = t!("cli-error-missing-command", command = command);
            line + &list(ContextKind::ValidSubcommand, "commands")
        }
        ErrorKind::TooManyValues => {
            t!("cli-error-too-many-values", value = value(), arg = arg())
        }
        ErrorKind::TooFewValues => t!(
            "cli-error-too-few-values",
            min = number(error, ContextKind::MinValues),
            arg = arg(),
            count = number(error, ContextKind::ActualNumValues)
        ),
        ErrorKind::WrongNumberOfValues => t!(
            "cli-error-wrong-number-of-values",
            expected = number(error, ContextKind::ExpectedNumValues),
            arg = arg(),
            count = number(error, ContextKind::ActualNumValues)
        ),
        ErrorKind::InvalidUtf8 => t!("cli-error-not-utf8"),
        _ => match std::error::Error::source(error) {
            Some(reason) => reason.to_string(),
            None => t!("cli-error-other"),
        },
    }
}

/// "cannot be used with": another flag, several, or the same one twice.
fn conflict(error: &Error) -> String {
    let arg = text(error, ContextKind::InvalidArg);
    let prior = error.get(ContextKind::PriorArg);
    if arg.is_empty() {
        let command = text(error, ContextKind::InvalidSubcommand);
        let other = text(error, ContextKind::PriorArg);
        return t!(
            "cli-error-conflict-command",
            command = command,
            other = other
        );
    }
    match prior {
        Some(ContextValue::String(other)) if *other == arg => t!("cli-error-used-twice", arg = arg),
        Some(ContextValue::String(other)) => {
            t!("cli-error-conflict", arg = arg, other = other.as_str())
        }
        Some(ContextValue::Strings(others)) => {
            let mut line = t!("cli-error-conflict-many", arg = arg);
            for other in others {
                line.push_str(&format!("\n  {other}"));
            }
            line
        }
        _ => t!("cli-error-conflict-many", arg = arg),
    }
}

/// clap's ready-made tips, which are English sentences, said again in the
/// current language; a tip of another shape is left out.
fn suggestion(tip: &str) -> Option<String> {
    if let Some(rest) = tip.strip_prefix("to pass '") {
        let (value, rest) = rest.split_once("' as a value, use '")?;
        let suggestion = rest.strip_suffix('\'')?;
        return Some(t!(
            "cli-error-tip-as-value",
            value = value,
            suggestion = suggestion
        ));
    }
    if let Some(rest) = tip.strip_prefix("subcommand '") {
        let command = rest.strip_suffix("' exists; to use it, remove the '--' before it")?;
        return Some(t!("cli-error-tip-remove-dashes", command = command));
    }
    let suggestion = tip.strip_prefix('\'')?.strip_suffix("' exists")?;
    Some(t!("cli-error-tip-exists", suggestion = suggestion))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_is_read_before_parsing() {
        assert_eq!(chosen(&args(&["t", "--lang", "en", "build"])), Lang::En);
        assert_eq!(chosen(&args(&["t", "build", "--lang=en"])), Lang::En);
        assert_eq!(chosen(&args(&["t", "--lang", "it"])), Lang::It);
        // After `--` it is a value, not the flag.
        let after = chosen(&args(&["t", "--", "--lang", "en"]));
        assert_eq!(after, Lang::from_env());
    }

    #[test]
    fn clap_tips_are_said_again() {
        let it =
            |tip: &str| super::super::with_lang(Lang::It, || suggestion(tip)).unwrap_or_default();
        assert_eq!(
            it("'trasparenza build --strict' exists"),
            "esiste 'trasparenza build --strict'"
        );
        assert_eq!(
            it("to pass '-x' as a value, use 'trasparenza import -- -x'"),
            "per passare '-x' come valore, usa 'trasparenza import -- -x'"
        );
        assert_eq!(
            it("subcommand 'build' exists; to use it, remove the '--' before it"),
            "il comando 'build' esiste: per usarlo, togli il '--' che lo precede"
        );
        assert_eq!(it("something new"), "");
    }
}
