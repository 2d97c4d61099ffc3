//! Stage 2 of the pipeline: checks what a single file's schema cannot
//! (slugs, duplicates across files, reserved paths, empty lists, settings
//! values) and turns the loaded files into an ordered [`Site`].
//!
//! It reports every problem it finds; it reads no file and writes nothing.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::config::{
    LICENCES, is_web_url, licence, normalise_base_url, page_of_base_url, parse_hex,
};
use crate::diagnostic::{Diagnostic, Diagnostics, diag};
use crate::load::Loaded;
use crate::model::{
    self, Activity, AltreAttivita, Date, ListKind, Site, SiteConfig, Span, Unit, UnitFile,
};
use crate::slug;
use crate::source::SourceFile;

/// Checks everything and returns the site when there is no error.
///
/// `today` is the day of the build for the current edition; `None` for an
/// archived one (`content/_archivio/<edizione>/`), which records an act
/// that can no longer change: its dates are not compared with today, and
/// the checks that ask the clerk to say what the act says (a side with no
/// activity and no rule, a unit standing for the whole body) are not run,
/// since the answer would be to rewrite what was published then.
pub fn validate(
    loaded: Loaded,
    base_url_override: Option<&str>,
    today: Option<Date>,
    diags: &mut Diagnostics,
) -> Option<Site> {
    let before = diags.error_count();
    crate::placeholder::check(&loaded, base_url_override, diags);
    let config = loaded.config.map(|mut c| {
        if let Some(u) = base_url_override {
            c.base_url = u.to_string();
        }
        let empty = SourceFile::new("content/_sito.yaml", "");
        let src = loaded.config_source.as_ref().unwrap_or(&empty);
        check_config(&mut c, src, base_url_override.is_some(), diags);
        if let Some(today) = today {
            check_dates_against(&c, src, today, diags);
        }
        c
    });

    let mut taken: FxHashMap<String, std::path::PathBuf> = FxHashMap::default();
    let mut claim = |slug: &str, file: &std::path::Path, diags: &mut Diagnostics| {
        if !slug::is_valid(slug) {
            let suggestion = slug::slugify(slug);
            let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("yaml");
            let mut d = diag!(
                Error,
                "validate-invalid-file-name",
                file,
                slug = slug,
                suggestion = &suggestion,
                ext = ext
            );
            if suggestion.is_empty() {
                d.hint = None; // nothing to propose
            }
            diags.push(d);
        } else if slug::RESERVED.contains(&slug) {
            diags.push(diag!(Error, "validate-reserved-name", file, slug = slug));
        } else if let Some(first) = taken.get(slug) {
            diags.push(diag!(
                Error,
                "validate-name-taken",
                file,
                slug = slug,
                other = crate::diagnostic::display_path(first)
            ));
        } else {
            taken.insert(slug.to_string(), file.to_path_buf());
        }
    };

    let mut units = Vec::with_capacity(loaded.units.len());
    let mut sources = Vec::with_capacity(loaded.units.len());
    for lu in loaded.units {
        claim(&lu.unit.slug, &lu.unit.file, diags);
        // Checked once per parse: the preview's next load shares the result.
        let found = lu.checks.get_or_init(|| {
            let mut found = Diagnostics::new();
            check_unit(&lu.unit, &lu.source, &mut found);
            found.into_vec()
        });
        diags.extend(found.iter().cloned());
        units.push(lu.unit);
        sources.push(lu.source);
    }
    let mut pages = loaded.pages;
    for p in &pages {
        claim(&p.slug, &p.file, diags);
    }

    if diags.error_count() > before {
        return None;
    }
    let config = config?;
    if let Some(src) = &loaded.config_source {
        check_common(&config, src, diags);
    }
    // Units that failed to load are not "no units": warn only on clean content.
    if let Some(src) = loaded
        .config_source
        .as_ref()
        .filter(|_| !diags.has_errors())
    {
        check_not_empty(&config, &units, src, diags);
        // The current edition only (see above): an archived edition is the
        // act as it was published.
        if today.is_some() {
            check_one_sided(&config, &units, &sources, src, diags);
            check_unit_is_the_body(&config, &units, &sources, diags);
            check_area_spellings(&units, &sources, diags);
            check_same_names(&units, &sources, diags);
            check_repeated_common(&config, &units, &sources, diags);
        }
    }
    model::sort_units(&mut units);
    model::sort_pages(&mut pages);
    Some(Site {
        config,
        intro: loaded.intro.map(|f| f.text),
        units,
        pages,
    })
}

/// How many years a catalogue with a start and no end may read "In vigore"
/// before `check` notes it (a PIAO covers three years).
const YEARS_IN_FORCE: u16 = 3;

/// `_sito.yaml`'s dates against the day of the build (the current edition
/// only): an update dated in the future is a slip (a warning: every page
/// would show it); a catalogue in force since more than
/// [`YEARS_IN_FORCE`] years with no `valido_al` a note.
fn check_dates_against(c: &SiteConfig, src: &SourceFile, today: Date, diags: &mut Diagnostics) {
    let at = |key: &str| c.spans.value(key).unwrap_or(Span { line: 1, column: 1 });
    if c.aggiornato_il > today {
        let d = diag!(
            Warning,
            "validate-update-in-future",
            &src.display,
            date = c.aggiornato_il.to_string(),
            today = today.to_string()
        );
        diags.push(on(src, at("aggiornato_il"), d));
    }
    if let (Some(dal), None) = (c.valido_dal, c.valido_al) {
        let limit = Date {
            year: today.year.saturating_sub(YEARS_IN_FORCE),
            ..today
        };
        if dal < limit {
            let d = diag!(
                Note,
                "validate-in-force-too-long",
                &src.display,
                since = dal.to_string(),
                years = YEARS_IN_FORCE
            );
            diags.push(on(src, at("valido_dal"), d));
        }
    }
}

fn check_config(c: &mut SiteConfig, src: &SourceFile, overridden: bool, diags: &mut Diagnostics) {
    // `_sito.yaml` may be missing (then nothing below is reported) or the
    // key absent from it: the start of the file.
    let key_at = |path: &str| c.spans.key(path).unwrap_or(Span { line: 1, column: 1 });
    let value_at = |path: &str| c.spans.value(path).unwrap_or(Span { line: 1, column: 1 });
    match normalise_base_url(&c.base_url) {
        // `https://utente:password@host/`: published in every page's links,
        // the sitemap and the open data. The line is not shown (a log may
        // be public).
        Some(u) if !overridden && has_user_info(&u) => {
            let at = value_at("base_url");
            diags.push(
                diag!(Error, "validate-base-url-credentials", &src.display)
                    .at_line(at.line, at.column, None),
            );
        }
        Some(u) => c.base_url = u,
        // An override is checked where it is given: `--base-url` by the
        // command line's parser, an archived edition's is made from the
        // current one and is no address when the current one is broken
        // (already reported at `_sito.yaml`; nothing is rendered then).
        None if overridden => {}
        None => match page_of_base_url(&c.base_url) {
            // `.../lavoro-agile/index.html`, copied from the address bar.
            Some(folder) => {
                let d = diag!(
                    Error,
                    "validate-base-url-is-a-page",
                    &src.display,
                    url = c.base_url.trim(),
                    folder = &folder
                );
                diags.push(on(src, value_at("base_url"), d));
            }
            None => {
                let d = diag!(
                    Error,
                    "validate-invalid-base-url",
                    &src.display,
                    url = &c.base_url
                );
                diags.push(on(src, key_at("base_url"), d));
            }
        },
    }
    if let Some(colour) = &c.colore_primario {
        let at = key_at("colore_primario");
        match parse_hex(colour) {
            None => {
                let d = diag!(
                    Error,
                    "validate-invalid-colour",
                    &src.display,
                    colour = colour
                );
                diags.push(on(src, at, d));
            }
            Some(rgb) if contrast_with_white(rgb) < 4.5 => {
                let d = diag!(
                    Error,
                    "validate-colour-too-light",
                    &src.display,
                    colour = colour,
                    ratio = one_decimal(contrast_with_white(rgb))
                );
                diags.push(on(src, at, d));
            }
            Some(_) => {}
        }
    }
    if let (Some(dal), Some(al)) = (c.valido_dal, c.valido_al)
        && al < dal
    {
        let d = diag!(
            Error,
            "validate-dates-reversed",
            &src.display,
            until = al.to_string(),
            since = dal.to_string()
        );
        diags.push(on(src, key_at("valido_al"), d));
    }
    // (path in the file, shown name, address)
    let mut urls: Vec<(String, &str, &str)> = Vec::new();
    if let Some(u) = c.edizione_corrente.as_deref() {
        urls.push(("edizione_corrente".into(), "edizione_corrente", u));
    }
    if let Some(u) = c.fonte.as_ref().and_then(|f| f.url.as_deref()) {
        urls.push(("fonte.url".into(), "fonte.url", u));
    }
    for (i, p) in c.percorso.iter().enumerate() {
        if let Some(u) = p.url.as_deref() {
            urls.push((format!("percorso[{i}].url"), "percorso.url", u));
        }
    }
    let links = &c.collegamenti;
    for (k, v) in [
        ("collegamenti.accessibilita", &links.accessibilita),
        ("collegamenti.privacy", &links.privacy),
        ("collegamenti.note_legali", &links.note_legali),
    ] {
        if let Some(u) = v.as_deref() {
            urls.push((k.into(), k, u));
        }
    }
    for (path, key, u) in urls {
        if !is_web_url(u.trim()) {
            let d = diag!(
                Error,
                "validate-not-a-web-address",
                &src.display,
                key = key,
                url = u
            );
            diags.push(on(src, value_at(&path), d));
        }
    }
    // `codice_ipa: Comune di Prova`: a name is published as the body's
    // identifier in the DCAT-AP_IT metadata. IPA codes are short, with no
    // spaces (`c_h501`, `agid`, `r_lazio`).
    if let Some(code) = &c.codice_ipa {
        let code = code.trim();
        let unlikely = code.chars().count() > 20
            || !code
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '_' | '-' | '.'));
        if unlikely {
            let d = diag!(
                Warning,
                "validate-ipa-code-unlikely",
                &src.display,
                code = code
            );
            diags.push(on(src, value_at("codice_ipa"), d));
        }
    }
    if let Some(l) = &c.licenza
        && licence(l).is_none()
    {
        let known: Vec<&str> = LICENCES.iter().map(|x| x.0).collect();
        let d = diag!(
            Error,
            "validate-unknown-licence",
            &src.display,
            licence = l,
            licences = known.join(", ")
        );
        diags.push(on(src, key_at("licenza"), d));
    }
}

/// Whether the web address `u` carries `user:password@` before its host.
fn has_user_info(u: &str) -> bool {
    let rest = u.split_once("://").map_or(u, |(_, r)| r);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .contains('@')
}

/// The lists of `_sito.yaml` (activities common to every office) get the
/// checks of a unit's lists: repeated activities, one in both lists, a stray dash.
fn check_common(c: &SiteConfig, src: &SourceFile, diags: &mut Diagnostics) {
    check_citation(
        c.altre_attivita.is_some(),
        c.altre_attivita_citazione.is_some(),
        c.spans.key("altre_attivita_citazione"),
        src,
        diags,
    );
    if c.lists().iter().all(|(_, l)| l.is_empty()) {
        return;
    }
    let lists = Unit {
        file: src.display.clone(),
        data: UnitFile {
            smartizzabili: c.smartizzabili.clone(),
            parzialmente_smartizzabili: c.parzialmente_smartizzabili.clone(),
            non_smartizzabili: c.non_smartizzabili.clone(),
            altre_attivita: c.altre_attivita,
            ..UnitFile::default()
        },
        span: c.spans.key("").unwrap_or_default(),
        ..Unit::default()
    };
    check_unit(&lists, src, diags);
}

/// The act's words for a rule (`altre_attivita_citazione`) with no rule
/// beside them are never published: say so where they are.
fn check_citation(
    rule: bool,
    cited: bool,
    at: Option<Span>,
    src: &SourceFile,
    diags: &mut Diagnostics,
) {
    if cited && !rule {
        let d = diag!(Warning, "validate-citation-without-rule", &src.display);
        diags.push(on(src, at.unwrap_or_default(), d));
    }
}

/// A catalogue that lists nothing and states no rule publishes empty pages.
fn check_not_empty(
    c: &SiteConfig,
    units: &[std::sync::Arc<Unit>],
    src: &SourceFile,
    diags: &mut Diagnostics,
) {
    if units.is_empty() && c.lists().iter().all(|(_, l)| l.is_empty()) && c.altre_attivita.is_none()
    {
        let at = c.spans.key("ente").unwrap_or(Span { line: 1, column: 1 });
        let d = diag!(Warning, "validate-catalogue-empty", &src.display);
        diags.push(on(src, at, d));
    }
}

/// The two sides of the catalogue, as `altre_attivita` names them.
const SIDES: [AltreAttivita; 2] = [
    AltreAttivita::Smartizzabili,
    AltreAttivita::NonSmartizzabili,
];

/// The list of `side` among a unit's or `_sito.yaml`'s two.
fn side_of<'a>(
    smartizzabili: &'a [Activity],
    non_smartizzabili: &'a [Activity],
    side: AltreAttivita,
) -> &'a [Activity] {
    match side {
        AltreAttivita::Smartizzabili => smartizzabili,
        AltreAttivita::NonSmartizzabili => non_smartizzabili,
    }
}

/// A side with no activity and no rule for the activities not listed is
/// published as a fact: a unit page says "Nessuna attività" under it, and
/// the home page, when no rule is stated anywhere, "0 smartizzabili (0%)",
/// while the act most often says what applies to what it does not list.
///
/// - The whole catalogue (units and `_sito.yaml`'s lists) has nothing on a
///   side and no rule anywhere: one warning at `_sito.yaml` (the home's
///   count), and none per unit for that side (one rule there fixes all).
/// - Otherwise, a unit with one side empty, no rule of its own or of the
///   site, and no common activity on that side (its page then points to
///   them): a warning at the empty list's key, else at `nome`.
///
/// Both sides empty is another check's (an error for a unit, a warning for
/// the whole catalogue). Linear in the number of units.
fn check_one_sided(
    c: &SiteConfig,
    units: &[std::sync::Arc<Unit>],
    sources: &[std::sync::Arc<SourceFile>],
    src: &SourceFile,
    diags: &mut Diagnostics,
) {
    if c.altre_attivita.is_some() {
        return; // every unit has a rule
    }
    let common = |side| side_of(&c.smartizzabili, &c.non_smartizzabili, side);
    let total = |side| {
        common(side).len()
            + units
                .iter()
                .map(|u| side_of(&u.smartizzabili, &u.non_smartizzabili, side).len())
                .sum::<usize>()
    };
    let (smart, non_smart) = (total(SIDES[0]), total(SIDES[1]));
    let partial = c.parzialmente_smartizzabili.len()
        + units
            .iter()
            .map(|u| u.parzialmente_smartizzabili.len())
            .sum::<usize>();
    if smart + non_smart + partial == 0 {
        return; // `validate-catalogue-empty` or each unit's error
    }
    let any_rule = units.iter().any(|u| u.altre_attivita.is_some());
    for (side, n) in SIDES.into_iter().zip([smart, non_smart]) {
        if n == 0 && !any_rule {
            // At the other side's list in `_sito.yaml` (an act without
            // offices), else at `ente`.
            let other = SIDES.into_iter().find(|s| *s != side).unwrap_or(side);
            let at = c
                .spans
                .key(other.key())
                .filter(|_| !common(other).is_empty())
                .or_else(|| c.spans.key("ente"))
                .unwrap_or(Span { line: 1, column: 1 });
            diags.push(one_sided(true, src, at, side));
            continue;
        }
        if !common(side).is_empty() {
            continue;
        }
        for (u, usrc) in units.iter().zip(sources) {
            let empty = side_of(&u.smartizzabili, &u.non_smartizzabili, side).is_empty();
            let other_listed = u.lists().iter().any(|(_, l)| !l.is_empty());
            if empty && other_listed && u.altre_attivita.is_none() {
                let at = u
                    .spans
                    .key(side.key())
                    .or_else(|| u.spans.key("nome"))
                    .unwrap_or(u.span);
                diags.push(one_sided(false, usrc, at, side));
            }
        }
    }
}

/// The warning of a `side` with nothing and no rule, for the whole
/// catalogue (`whole`) or one unit, at `at` of `src`.
fn one_sided(whole: bool, src: &SourceFile, at: Span, side: AltreAttivita) -> Diagnostic {
    let (list, label) = (side.key(), side.key().replace('_', " "));
    let label = label.as_str();
    let d = if whole {
        diag!(
            Warning,
            "validate-catalogue-one-sided",
            &src.display,
            list = list,
            label = label
        )
    } else {
        diag!(
            Warning,
            "validate-unit-one-sided",
            &src.display,
            list = list,
            label = label
        )
    };
    on(src, at, d)
}

/// Names a unit is given when it stands for the whole body.
const WHOLE_BODY_NAMES: &[&str] = &[
    "ente",
    "l-ente",
    "intero-ente",
    "tutto-l-ente",
    "tutti-gli-uffici",
    "tutti-gli-uffici-dell-ente",
    "tutte-le-unita",
    "tutte-le-unita-organizzative",
    "tutti-i-servizi",
    "tutti-i-settori",
    "amministrazione",
];

/// The only unit named like the body (`ente`, or "Ente", "Tutti gli
/// uffici"): a list for the whole body published as a fake office, with
/// its own page and card. A list for the whole body goes in `_sito.yaml`.
fn check_unit_is_the_body(
    c: &SiteConfig,
    units: &[std::sync::Arc<Unit>],
    sources: &[std::sync::Arc<SourceFile>],
    diags: &mut Diagnostics,
) {
    let ([u], [usrc]) = (units, sources) else {
        return;
    };
    let name = slug::slugify(&u.nome);
    if name.is_empty()
        || !(name == slug::slugify(&c.ente) || WHOLE_BODY_NAMES.contains(&name.as_str()))
    {
        return;
    }
    let at = u.spans.value("nome").unwrap_or(u.span);
    let d = diag!(
        Warning,
        "validate-unit-is-the-body",
        &usrc.display,
        name = u.nome.trim()
    );
    diags.push(on(usrc, at, d));
}

/// One area written two ways (`Area Finanziaria`, `Area finanziaria`,
/// `Area  finanziaria`) in different unit files: the home page groups units
/// by the text as written, so it would show the area twice. A warning at
/// the first unit of each other spelling, naming the first spelling and its
/// file. Linear in the number of units.
fn check_area_spellings(
    units: &[std::sync::Arc<Unit>],
    sources: &[std::sync::Arc<SourceFile>],
    diags: &mut Diagnostics,
) {
    // By the area's slug (what its heading's anchor is made of): the first
    // spelling and its file; then the spellings already reported.
    let mut first: FxHashMap<String, (&str, &SourceFile)> = FxHashMap::default();
    let mut reported: FxHashSet<&str> = FxHashSet::default();
    for (u, src) in units.iter().zip(sources) {
        let Some(area) = u.area.as_deref().map(str::trim).filter(|a| !a.is_empty()) else {
            continue;
        };
        let (seen, seen_in) = *first.entry(slug::slugify(area)).or_insert((area, src));
        if seen == area || !reported.insert(area) {
            continue;
        }
        let at = u.spans.value("area").unwrap_or(u.span);
        let d = diag!(
            Warning,
            "validate-area-spelt-two-ways",
            &src.display,
            area = area,
            other = seen,
            file = crate::diagnostic::display_path(&seen_in.display)
        );
        diags.push(on(src, at, d));
    }
}

/// Two unit files with the same `nome` in the same area (`Ufficio Tributi`
/// and `Ufficio tributi`, a file copied in a web editor or imported twice):
/// two units of one name would be published where the act has one. The
/// same name in two areas (a `Segreteria` in each) is two units. A warning
/// at each later file, naming the first. Linear in the number of units.
fn check_same_names(
    units: &[std::sync::Arc<Unit>],
    sources: &[std::sync::Arc<SourceFile>],
    diags: &mut Diagnostics,
) {
    let mut first: FxHashMap<(String, String), &SourceFile> = FxHashMap::default();
    for (u, src) in units.iter().zip(sources) {
        let area = u.area.as_deref().map(slug::slugify).unwrap_or_default();
        let key = (slug::slugify(&u.nome), area);
        if key.0.is_empty() {
            continue;
        }
        let Some(&seen_in) = first.get(&key) else {
            first.insert(key, src);
            continue;
        };
        let at = u.spans.value("nome").unwrap_or(u.span);
        let d = diag!(
            Warning,
            "validate-unit-name-twice",
            &src.display,
            name = u.nome.trim(),
            file = crate::diagnostic::display_path(&seen_in.display)
        );
        diags.push(on(src, at, d));
    }
}

/// A unit listing again an activity of `_sito.yaml`'s common lists (those
/// of every office): its page and counts would have it twice. A warning at
/// each such activity, naming the common list. Linear in the number of
/// activities.
fn check_repeated_common(
    c: &SiteConfig,
    units: &[std::sync::Arc<Unit>],
    sources: &[std::sync::Arc<SourceFile>],
    diags: &mut Diagnostics,
) {
    let common: FxHashMap<&str, ListKind> = c
        .lists()
        .into_iter()
        .flat_map(|(kind, l)| l.iter().map(move |a| (a.testo.trim(), kind)))
        .collect();
    if common.is_empty() {
        return;
    }
    for (u, src) in units.iter().zip(sources) {
        for (kind, list) in u.lists() {
            for a in list {
                let Some(in_common) = common.get(a.testo.trim()) else {
                    continue;
                };
                let d = diag!(
                    Warning,
                    "validate-common-activity-repeated",
                    &src.display,
                    text = short(a.testo.trim()),
                    common = in_common.key(),
                    list = kind.key()
                );
                diags.push(on(src, a.span, d));
            }
        }
    }
}

/// The checks of one unit across its lists; every problem is placed at the
/// span of the activity it is about. Linear in the number of activities.
fn check_unit(u: &Unit, src: &SourceFile, diags: &mut Diagnostics) {
    check_citation(
        u.altre_attivita.is_some(),
        u.altre_attivita_citazione.is_some(),
        u.spans.key("altre_attivita_citazione"),
        src,
        diags,
    );
    if u.lists().iter().all(|(_, l)| l.is_empty()) && u.altre_attivita.is_none() {
        let d = diag!(Error, "validate-unit-no-activities", &src.display);
        diags.push(on(src, u.span, d));
    }
    for (kind, list) in u.lists() {
        let key = kind.key();
        // Each text and where it first appears.
        let mut first: FxHashMap<&str, Span> =
            FxHashMap::with_capacity_and_hasher(list.len(), Default::default());
        for a in list {
            let text = a.testo.trim();
            if text.is_empty() {
                continue; // reported by the schema check
            }
            // Every further copy is reported where it is: that is the line to remove.
            if let Some(at) = first.get(text) {
                let d = diag!(
                    Warning,
                    "validate-duplicate-activity",
                    &src.display,
                    list = key,
                    text = short(text),
                    line = at.line
                );
                diags.push(on(src, a.span, d));
            } else {
                first.insert(text, a.span);
            }
            if text.ends_with(" -") || text.ends_with(" –") {
                let d = diag!(Warning, "validate-stray-dash-at-end", &src.display);
                diags.push(on(src, a.span, d));
            }
            if let Some(mark) = text.chars().next().filter(|c| LEADING_MARKS.contains(c)) {
                let d = diag!(
                    Warning,
                    "validate-stray-mark-at-start",
                    &src.display,
                    mark = mark.to_string()
                );
                diags.push(on(src, a.span, d));
            }
        }
    }
    // The same activity in two lists cannot be true: reported at its first
    // place in the later list (`non_smartizzabili` after
    // `parzialmente_smartizzabili` after `smartizzabili`), once per pair.
    fn texts(l: &[Activity]) -> FxHashSet<&str> {
        l.iter().map(|a| a.testo.trim()).collect()
    }
    let (smart, partial) = (
        texts(&u.smartizzabili),
        texts(&u.parzialmente_smartizzabili),
    );
    let pairs: [(&FxHashSet<&str>, ListKind, ListKind); 3] = [
        (&smart, ListKind::Smart, ListKind::Partial),
        (&smart, ListKind::Smart, ListKind::NonSmart),
        (&partial, ListKind::Partial, ListKind::NonSmart),
    ];
    for (earlier, first, second) in pairs {
        if earlier.is_empty() {
            continue;
        }
        let mut reported = FxHashSet::default();
        let later = u.lists()[second as usize].1;
        for a in later {
            let text = a.testo.trim();
            if text.is_empty() || !earlier.contains(text) || !reported.insert(text) {
                continue;
            }
            let d = if first == ListKind::Smart && second == ListKind::NonSmart {
                diag!(
                    Error,
                    "validate-activity-in-both-lists",
                    &src.display,
                    text = short(text)
                )
            } else {
                diag!(
                    Error,
                    "validate-activity-in-two-lists",
                    &src.display,
                    text = short(text),
                    first = first.key(),
                    second = second.key()
                )
            };
            diags.push(on(src, a.span, d));
        }
    }
}

/// Dashes and bullets pasted at the start of an activity's text
/// (`- – dirigente`); `*` cannot get there (YAML reads it as an alias).
const LEADING_MARKS: &[char] = &['-', '–', '—', '•', '·', '▪', '◦', '●', '‣'];

/// `d` placed at `span` of `src`, with the line's text shown under it.
pub(crate) fn on(src: &SourceFile, span: Span, d: Diagnostic) -> Diagnostic {
    d.at_line(span.line, span.column, src.line(span.line))
}

/// A contrast ratio with one decimal, written as the language writes it
/// (`3.2` in English, `3,2` in Italian).
fn one_decimal(x: f64) -> String {
    let text = format!("{x:.1}");
    match crate::i18n::current() {
        crate::i18n::Lang::It => text.replace('.', ","),
        crate::i18n::Lang::En => text,
    }
}

fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(57).collect();
        format!("{cut}...")
    } else {
        s.to_string()
    }
}

/// WCAG contrast ratio of white against `rgb`.
pub(crate) fn contrast_with_white(rgb: (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(rgb.0) + 0.7152 * lin(rgb.1) + 0.0722 * lin(rgb.2);
    1.05 / (l + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_info_in_an_address() {
        assert!(has_user_info("https://utente:segreto@www.comune.it/a/"));
        assert!(has_user_info("https://utente@www.comune.it/"));
        assert!(!has_user_info("https://www.comune.it/a/@b/"));
        assert!(!has_user_info("https://www.comune.it/?a=b@c"));
    }

    /// An activity in two of the three lists is an error at its place in the
    /// later list, once per pair; in `_sito.yaml`'s lists too.
    #[test]
    fn an_activity_in_two_of_the_three_lists() {
        let src = SourceFile::new(
            "_sito.yaml",
            "ente: E\ntitolo: T\nbase_url: https://e.it/\naggiornato_il: 2026-01-01\n\
             smartizzabili:\n  - Posta\n  - Archivio\n\
             parzialmente_smartizzabili:\n  - Posta\n  - Sportello\n\
             non_smartizzabili:\n  - Sportello\n  - Archivio\n  - Posta\n",
        );
        let c = crate::load::parse_site(&src).unwrap();
        let mut diags = Diagnostics::new();
        check_common(&c, &src, &mut diags);
        let mut got: Vec<(usize, &str)> = diags
            .since(0)
            .iter()
            .map(|d| (d.line, d.code.unwrap_or("")))
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                (9, "validate-activity-in-two-lists"),
                (12, "validate-activity-in-two-lists"),
                (13, "validate-activity-in-both-lists"),
                (14, "validate-activity-in-both-lists"),
                (14, "validate-activity-in-two-lists"),
            ]
        );
    }

    #[test]
    fn contrast() {
        assert!(contrast_with_white(parse_hex("#006643").unwrap()) > 4.5);
        assert!(contrast_with_white(parse_hex("#0066CC").unwrap()) > 4.5);
        assert!(contrast_with_white(parse_hex("#ffcc00").unwrap()) < 4.5);
    }
}
