//! The lists for the whole body and the act's rule, written into
//! `content/_sito.yaml`: the user's own file, with its comments, so only the
//! lines of the two lists change (as `update` edits a unit's, matched the
//! same way) and `altre_attivita` is added at the end, or its line replaced
//! (only with `--force` when the site says otherwise). The new text is read
//! back with the loader and compared before anything is written; `cmd::import`
//! backs the file up and writes it. Also [`set_rule`], the same edit of
//! `altre_attivita` in a unit file.

use std::path::{Path, PathBuf};

use super::catalogue::{Rule, Unit};
use super::target::{BACKUP, WriterBug};
use super::{unit_yaml, update};
use crate::i18n::t;
use crate::model::{Activity, AltreAttivita, SiteConfig, Spans};
use crate::source::SourceFile;

/// What happens to `altre_attivita` in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleEdit {
    /// The act states no rule.
    None,
    /// The file says the same already, with the act's words (or on a line
    /// import does not edit).
    Same,
    /// Added.
    Add,
    /// Replaced: the file said the opposite (`--force`), or the same
    /// without the act's words, which are added.
    Replace,
    /// The file says the opposite: left as it is, a conflict.
    Conflict,
}

/// `altre_attivita` of `text` (a file as the loader read it, its keys at
/// `spans`, its value `current`) set to what `rule` says. The text is
/// unchanged unless the edit is [`RuleEdit::Add`] or [`RuleEdit::Replace`].
pub(crate) fn set_rule(
    text: &str,
    spans: &Spans,
    current: Option<AltreAttivita>,
    rule: Option<&Rule>,
    force: bool,
) -> Result<(String, RuleEdit), String> {
    let Some(rule) = rule else {
        return Ok((text.to_string(), RuleEdit::None));
    };
    let want = if rule.smart {
        AltreAttivita::Smartizzabili
    } else {
        AltreAttivita::NonSmartizzabili
    };
    match current {
        // The same rule without the act's words: they are added (the page
        // quotes them under the rule), unless the line is not plain.
        Some(c) if c == want => match spans.key("altre_attivita_citazione") {
            None => match replace_rule(text, spans, rule) {
                Ok(out) => Ok((out, RuleEdit::Replace)),
                Err(_) => Ok((text.to_string(), RuleEdit::Same)),
            },
            Some(_) => Ok((text.to_string(), RuleEdit::Same)),
        },
        Some(_) if !force => Ok((text.to_string(), RuleEdit::Conflict)),
        Some(_) => Ok((replace_rule(text, spans, rule)?, RuleEdit::Replace)),
        None => {
            let mut out = text.to_string();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&unit_yaml::rule_lines(rule));
            Ok((out, RuleEdit::Add))
        }
    }
}

/// `text` with its `altre_attivita` line (and the citation under it, if
/// any, one line) replaced by `rule`'s value and the act's words.
fn replace_rule(text: &str, spans: &Spans, rule: &Rule) -> Result<String, String> {
    let at = spans
        .key("altre_attivita")
        .map(|s| s.line.saturating_sub(1))
        .unwrap_or(usize::MAX);
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if !lines
        .get(at)
        .is_some_and(|l| l.starts_with("altre_attivita:"))
    {
        return Err(t!("import-flat-rule-line-odd"));
    }
    // The old citation (one line) goes with the old rule.
    let cited = spans
        .key("altre_attivita_citazione")
        .map(|s| s.line.saturating_sub(1));
    if let Some(c) = cited {
        let whole = lines.get(c).is_some_and(|l| {
            l.starts_with("altre_attivita_citazione:") && !l.trim_end().ends_with(['|', '>'])
        });
        if !whole {
            return Err(t!("import-flat-rule-line-odd"));
        }
    }
    let new = unit_yaml::rule_value_lines(rule);
    lines[at] = &new;
    if let Some(c) = cited {
        lines[c] = "";
    }
    let mut out: String = lines.concat();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// A conflict's message and its hint, as the report prints them.
pub(crate) fn with_hint(message: String, hint: String) -> String {
    format!("{message}\n  = {}", t!("cmd-hint", hint = hint))
}

/// What import does to `content/_sito.yaml`.
#[derive(Debug, Clone)]
pub(crate) struct SitePlan {
    /// As shown: `content/_sito.yaml`.
    pub path: PathBuf,
    pub write_to: PathBuf,
    /// The text to write (the file's BOM and line ends kept).
    pub text: String,
    /// Whether the file changes.
    pub changed: bool,
    /// The lists' changes.
    pub lists: update::Lists,
    /// The lists had no item before.
    pub new_lists: bool,
    pub rule: RuleEdit,
}

/// Plans the edit of `_sito.yaml` under `root` for the body-wide lists and
/// rule of `site`. A reason it cannot be done goes to `conflicts` (then
/// nothing at all is written); a text that would not read back as planned
/// is a [`WriterBug`].
pub(crate) fn plan(
    site: &Unit,
    root: &Path,
    force: bool,
    conflicts: &mut Vec<String>,
) -> Result<Option<SitePlan>, WriterBug> {
    let path = Path::new("content").join("_sito.yaml");
    let write_to = root.join(&path);
    let shown = path.display().to_string();
    let conflicts = std::cell::RefCell::new(conflicts);
    let refuse_raw = |message: String| conflicts.borrow_mut().push(message);
    let refuse = |why: String| {
        refuse_raw(with_hint(
            t!(
                "import-flat-site-conflict",
                path = shown.as_str(),
                why = why
            ),
            t!("import-flat-site-conflict-hint", backup = BACKUP),
        ))
    };
    if write_to.is_symlink() {
        refuse(t!("import-flat-site-linked"));
        return Ok(None);
    }
    let raw = match std::fs::read(&write_to) {
        Ok(raw) => raw,
        Err(e) => {
            refuse(e.to_string());
            return Ok(None);
        }
    };
    let Ok(raw_text) = std::str::from_utf8(&raw) else {
        refuse(t!("import-flat-site-unreadable"));
        return Ok(None);
    };
    let read = raw_text
        .strip_prefix('\u{feff}')
        .unwrap_or(raw_text)
        .replace("\r\n", "\n");
    let Ok(config) = crate::load::parse_site(&SourceFile::new(&path, read.clone())) else {
        refuse(t!("import-flat-site-unreadable"));
        return Ok(None);
    };
    let nome = config.ente.clone();
    let old = update::Old {
        slug: "",
        nome: &nome,
        lists: config.lists().map(|(_, l)| l),
        spans: &config.spans,
    };
    let mut lists = match update::update_lists(&old, &read, site.lists().map(|(_, l)| l)) {
        Ok(l) => l,
        Err(why) => {
            refuse(why);
            return Ok(None);
        }
    };
    // The notes of `init`'s example lists are no one's.
    if read
        .lines()
        .any(|l| l.trim_end() == crate::placeholder::EXAMPLE_LISTS_MARKER)
    {
        lists.dropped_notes.clear();
    }
    // The rule goes after the lists: reread the spans of the new text.
    let edited = match crate::load::parse_site(&SourceFile::new(&path, lists.text.clone())) {
        Ok(c) => c,
        Err(d) => {
            let first = d.first().map(|d| d.to_string()).unwrap_or_default();
            return Err(WriterBug(t!(
                "import-bug-unreadable",
                path = path.as_path(),
                error = first
            )));
        }
    };
    let (text, rule) = match set_rule(
        &lists.text,
        &edited.spans,
        config.altre_attivita,
        site.rule.as_ref(),
        force,
    ) {
        Ok(r) => r,
        Err(why) => {
            refuse(why);
            return Ok(None);
        }
    };
    if rule == RuleEdit::Conflict
        && let Some(r) = &site.rule
    {
        let message = with_hint(
            t!(
                "import-flat-rule-conflict",
                path = shown.as_str(),
                old = config
                    .altre_attivita
                    .map(AltreAttivita::key)
                    .unwrap_or_default(),
                new = super::lists::list_key(r.smart),
                place = r.place.as_str()
            ),
            t!("import-flat-rule-conflict-hint"),
        );
        refuse_raw(message);
    }
    let text = example_marker(text, rule);
    verify(
        &path,
        &config,
        &text,
        &lists.lists,
        site.rule.as_ref(),
        rule,
    )?;
    let Some(on_disk) = super::target::on_disk(&raw, &read, &text) else {
        refuse(t!("import-flat-site-line-ends"));
        return Ok(None);
    };
    Ok(Some(SitePlan {
        path,
        write_to,
        changed: text != read,
        text: on_disk,
        new_lists: config.lists().iter().all(|(_, l)| l.is_empty()),
        lists,
        rule,
    }))
}

/// `init --forma elenco`'s line marking its example lists, once the act's
/// lists are written: gone when the act stated its rule (the file's
/// `altre_attivita` is the act's), else replaced by the line saying that
/// `altre_attivita` is still the example, so that `check` says what is left
/// to do and not that the lists are still the example.
fn example_marker(text: String, rule: RuleEdit) -> String {
    use crate::placeholder::{EXAMPLE_LISTS_MARKER, EXAMPLE_RULE_MARKER};
    if !text.lines().any(|l| l.trim_end() == EXAMPLE_LISTS_MARKER) {
        return text;
    }
    let stated = matches!(rule, RuleEdit::Same | RuleEdit::Add | RuleEdit::Replace);
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        if line.trim_end() != EXAMPLE_LISTS_MARKER {
            out.push_str(line);
        } else if !stated {
            out.push_str(EXAMPLE_RULE_MARKER);
            out.push('\n');
        }
    }
    out
}

/// Reads `text` back with the loader: the lists must be `lists`, the rule
/// what the edit made it, every other key as in `old`.
fn verify(
    path: &Path,
    old: &SiteConfig,
    text: &str,
    lists: &[Vec<Activity>; 3],
    rule: Option<&Rule>,
    edit: RuleEdit,
) -> Result<(), WriterBug> {
    let back = crate::load::parse_site(&SourceFile::new(path, text.to_string())).map_err(|d| {
        let first = d.first().map(|d| d.to_string()).unwrap_or_default();
        WriterBug(t!("import-bug-unreadable", path = path, error = first))
    })?;
    let texts = |l: &[Activity]| {
        l.iter()
            .map(|a| (a.testo.clone(), a.note.clone(), a.ambiti.clone()))
            .collect::<Vec<_>>()
    };
    let want_rule = match (edit, rule) {
        (RuleEdit::Add | RuleEdit::Replace, Some(r)) => (
            Some(if r.smart {
                AltreAttivita::Smartizzabili
            } else {
                AltreAttivita::NonSmartizzabili
            }),
            Some(r.text.clone()),
        ),
        _ => (old.altre_attivita, old.altre_attivita_citazione.clone()),
    };
    let rest = |c: &SiteConfig| {
        let mut c = c.clone();
        for (_, l) in c.lists_mut() {
            l.clear();
        }
        c.altre_attivita = None;
        c.altre_attivita_citazione = None;
        c.spans = Spans::default();
        c
    };
    let same = back
        .lists()
        .iter()
        .zip(lists)
        .all(|((_, b), l)| texts(b) == texts(l))
        && (back.altre_attivita, back.altre_attivita_citazione.clone()) == want_rule
        && rest(&back) == rest(old);
    if same {
        Ok(())
    } else {
        Err(WriterBug(t!("import-bug-different", path = path)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(smart: bool) -> Rule {
        Rule {
            smart,
            text: "Le attività non elencate sono svolte in presenza.".into(),
            place: "paragraph 4".into(),
        }
    }

    fn spans(text: &str) -> (Option<AltreAttivita>, Spans) {
        let c = crate::load::parse_site(&SourceFile::new("content/_sito.yaml", text)).unwrap();
        (c.altre_attivita, c.spans)
    }

    const SITE: &str =
        "# commento\nente: Comune\ntitolo: T\nbase_url: https://x.it/\naggiornato_il: 2026-01-01\n";

    #[test]
    fn the_rule_is_added_kept_or_a_conflict() {
        let (cur, sp) = spans(SITE);
        let (text, edit) = set_rule(SITE, &sp, cur, Some(&rule(false)), false).unwrap();
        assert_eq!(edit, RuleEdit::Add);
        assert!(text.starts_with(SITE), "{text}");
        assert!(
            text.ends_with(
                "altre_attivita: non_smartizzabili\naltre_attivita_citazione: Le attività non elencate sono svolte in presenza.\n"
            ),
            "{text}"
        );
        let (cur, sp) = spans(&text);
        assert_eq!(cur, Some(AltreAttivita::NonSmartizzabili));
        let (same, edit) = set_rule(&text, &sp, cur, Some(&rule(false)), false).unwrap();
        assert_eq!((same.as_str(), edit), (text.as_str(), RuleEdit::Same));
        let (kept, edit) = set_rule(&text, &sp, cur, Some(&rule(true)), false).unwrap();
        assert_eq!((kept.as_str(), edit), (text.as_str(), RuleEdit::Conflict));
        // The same rule written without the act's words: they are added.
        let bare = format!("{SITE}altre_attivita: non_smartizzabili\n");
        let (cur_bare, sp_bare) = spans(&bare);
        let (cited, edit) = set_rule(&bare, &sp_bare, cur_bare, Some(&rule(false)), false).unwrap();
        assert_eq!(edit, RuleEdit::Replace);
        assert_eq!(
            cited,
            format!(
                "{SITE}altre_attivita: non_smartizzabili\naltre_attivita_citazione: Le attività non elencate sono svolte in presenza.\n"
            )
        );
        let (forced, edit) = set_rule(&text, &sp, cur, Some(&rule(true)), true).unwrap();
        assert_eq!(edit, RuleEdit::Replace);
        assert_eq!(spans(&forced).0, Some(AltreAttivita::Smartizzabili));
        assert!(forced.starts_with(SITE), "{forced}");
        // One citation, the new rule's (the old one went with its rule).
        assert_eq!(
            forced.matches("altre_attivita_citazione:").count(),
            1,
            "{forced}"
        );
    }
}
