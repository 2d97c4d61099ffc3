//! Bad content: located messages, a non-zero exit, and `public/` untouched.

use crate::support::{Site, repo, snapshot_check, tree};

/// Two broken files: both errors in one run (`tests/fixtures/broken/`).
#[test]
fn two_broken_files_give_both_errors_in_one_run() {
    mistake_in("broken", 1);
}

#[test]
fn a_broken_build_leaves_public_byte_identical() {
    broken_build_leaves_public(
        "content/anagrafe.yaml",
        "nome: X\nsmartizzabili:\n\t- tab\n",
        "content/anagrafe.yaml:3:1",
    );
}

/// Builds the basic fixture, writes `text` into `file`, builds again: the
/// build fails with a message at `at`, `public/` is byte-identical and no
/// staging folder or lock is left beside it.
fn broken_build_leaves_public(file: &str, text: &str, at: &str) {
    let site = Site::fixture("basic");
    site.build();
    let before = tree(&site.public());
    site.write(file, text);
    let r = site.run(&["build"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(r.stderr().contains(at), "{}", r.stderr());
    assert_eq!(tree(&site.public()), before);
    let siblings: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !siblings.iter().any(|n| n.contains("trasparenza-")),
        "{siblings:?}"
    );
}

#[test]
fn missing_site_settings_is_an_error() {
    let site = Site::fixture("basic");
    std::fs::remove_file(site.root().join("content/_sito.yaml")).unwrap();
    let r = site.run(&["build"]);
    assert_eq!(r.code(), Some(1));
    assert!(r.stderr().contains("content/_sito.yaml"), "{}", r.stderr());
    assert!(!site.public().exists());
}

/// Compares what `check` prints for `tests/fixtures/errors/<case>`
/// (`check.txt`: stderr and stdout as a terminal shows them) and its JSON
/// (`check.json`) with the snapshots next to the fixture, exactly: every
/// message, their count and order, each line shown and its caret. Then
/// builds it: the exit code, `public/` written only on success, and the
/// same messages as `check`.
/// `SNAPSHOTS=overwrite cargo test --test testsuite errors` rewrites them.
fn mistake(case: &str, code: i32) {
    mistake_in(&format!("errors/{case}"), code);
}

/// [`mistake`] for `tests/fixtures/<fixture>`.
fn mistake_in(fixture: &str, code: i32) {
    let site = Site::fixture(fixture);
    let checked = snapshot_check(&site, &format!("tests/fixtures/{fixture}"), code);
    let (got, built) = site.run_seen(&["build"]);
    assert_eq!(got, Some(code), "{built}");
    assert_eq!(site.public().exists(), code == 0, "{built}");
    // Each ends with its own line: `build` "Built ..." or "The site was
    // not built; ..."; `check` "No errors: ..." when it succeeds.
    let (built_report, last) = last_line_cut(&built);
    let checked_report = if code == 0 {
        last_line_cut(&checked).0
    } else {
        checked.trim_end()
    };
    assert_eq!(built_report, checked_report, "build and check differ");
    if code == 0 {
        assert!(last.starts_with("Built "), "{built}");
    } else {
        assert_eq!(last, "The site was not built; [ROOT]/public is unchanged.");
    }
}

/// `text` without its last line, and that line.
fn last_line_cut(text: &str) -> (&str, &str) {
    let text = text.trim_end();
    text.rsplit_once('\n').unwrap_or(("", text))
}

macro_rules! mistakes {
    ($($name:ident: $case:literal, $code:literal;)+) => {
        $(
            #[test]
            fn $name() {
                mistake($case, $code);
            }
        )+

        /// Every case above, to find fixtures without a test.
        const CASES: &[&str] = &[$($case),+];
    };
}

/// A folder under `tests/fixtures/errors/` without a case above would have
/// no test and no snapshot.
#[test]
fn every_error_fixture_has_a_case() {
    let folders: Vec<String> = std::fs::read_dir(repo().join("tests/fixtures/errors"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // Each case's test fails when its snapshots are missing (and, with
    // `SNAPSHOTS=overwrite`, writes them), so the folders are enough here.
    let untested: Vec<_> = folders
        .iter()
        .filter(|f| !CASES.contains(&f.as_str()) && !COMPLETED.contains(&f.as_str()))
        .collect();
    assert!(
        untested.is_empty(),
        "add a case to `mistakes!` for {untested:?}"
    );
    let missing: Vec<_> = CASES
        .iter()
        .filter(|c| !folders.iter().any(|f| f == *c))
        .collect();
    assert!(
        missing.is_empty(),
        "no folder tests/fixtures/errors/ for {missing:?}"
    );
}

mistakes! {
    yaml_syntax_points_at_the_unclosed_quote: "yaml-syntax", 1;
    bad_indentation: "bad-indentation", 1;
    tab_in_indentation: "tab", 1;
    duplicate_key: "duplicate-key", 1;
    colon_inside_an_activity: "colon-in-text", 1;
    unknown_keys_with_suggestions: "unknown-key", 1;
    wrong_types: "wrong-type", 1;
    missing_keys: "missing-key", 1;
    empty_testo: "empty-testo", 1;
    a_unit_without_activities: "no-activities", 1;
    the_same_activity_in_both_lists: "both-lists", 1;
    // `parzialmente_smartizzabili`: its key misspelt, `condizione` outside
    // it or misspelt, a wrong item, an empty condition; an activity in two
    // of the three lists.
    partial_list_keys_and_items: "partial-keys", 1;
    the_same_activity_in_two_of_three_lists: "partial-two-lists", 1;
    the_same_activity_twice_is_a_warning: "duplicate-in-list", 0;
    // The second copy is the line to remove, even when an earlier line starts
    // with the same words (the text search pointed at line 4, and at line 9
    // for the activity in both lists).
    duplicate_is_reported_at_its_own_copy: "duplicate-prefix", 1;
    a_stray_dash_is_a_warning: "stray-dash", 0;
    invalid_slug_suggests_a_name: "invalid-slug", 1;
    duplicate_slugs_name_both_files: "duplicate-slug", 1;
    slug_colliding_with_a_generated_path: "reserved-slug", 1;
    empty_file: "empty-file", 1;
    windows_1252_file: "not-utf8", 1;
    bom_and_crlf_are_accepted: "bom-crlf", 0;
    alias_bomb: "alias-bomb", 1;
    deep_nesting: "deep-nesting", 1;
    settings_with_a_bad_date: "sito-bad-date", 1;
    settings_with_a_date_written_the_italian_way: "sito-date-written-italian", 1;
    an_update_in_the_future_and_a_catalogue_in_force_for_years: "sito-dates-against-today", 0;
    settings_with_a_bad_base_url: "sito-bad-base-url", 1;
    settings_with_a_page_as_base_url: "sito-base-url-a-page", 1;
    // The licence as a clerk writes it is the licence; a name as the IPA code is a warning.
    settings_with_an_ipa_code_and_a_licence_as_written: "sito-ipa-and-licence-as-written", 0;
    // One area written three ways: the home page would show three areas.
    one_area_spelt_three_ways_is_a_warning_at_each_other_spelling: "areas-spelt-two-ways", 0;
    // A unit file copied: two units of one name; one name in two areas is two units.
    the_same_unit_name_twice_in_one_area_is_a_warning: "unit-name-twice", 0;
    // A unit repeating an activity common to every office: counted twice.
    a_common_activity_repeated_in_a_unit_is_a_warning: "common-activity-repeated", 0;
    // Markdown headings: a second main heading, a skipped level.
    markdown_headings_that_break_the_outline_are_warnings: "markdown-headings", 0;
    // libyaml said these in English: a key indented like the items, a line with no key and no dash.
    a_line_without_its_dash_or_key_is_named: "list-line-without-dash", 1;
    settings_missing: "sito-missing", 1;
    unknown_theme: "unknown-tema", 1;
    // `tema: ../condivisi` published files from outside `themes/`.
    a_theme_path_is_refused: "tema-path", 1;
    template_error_in_a_site_theme: "theme-template-error", 1;
    front_matter_errors: "front-matter", 1;
    broken_links_and_anchors: "broken-link", 1;
    // Found from the stored span of each note and the body line of the page.
    broken_links_in_notes_and_pages: "broken-link-note", 1;
    // Issue 11: `- Sportello #2 (...)` was published as "Sportello" without a
    // word. Comment lines of their own, and a comment after quotes, cut nothing.
    a_comment_after_an_item_is_a_warning_quoting_the_cut: "comment-after-item", 0;
    // libyaml pointed at line 5, the next item.
    a_dash_without_space_is_reported_at_its_line: "dash-without-space", 1;
    // libyaml pointed at line 5 of a 4-line file, with no line shown.
    a_dash_without_space_on_the_last_line: "dash-last-item", 1;
    // Read as the text "• Certificati online • Sportello anagrafe": the
    // error was "`smartizzabili` should be a list" at line 2.
    typed_bullets_are_reported_at_each_line: "typed-bullet", 1;
    // `    -Sportello anagrafe` deeper than the dashes joins the item above.
    a_dash_line_joined_to_the_item_above_is_a_warning: "joined-line", 0;
    a_leading_dash_or_bullet_is_a_warning: "leading-dash", 0;
    // `- - dirigente` said only "should be a line of text, but it is a list".
    a_pasted_dash_read_as_a_list: "double-dash", 1;
    // It was libyaml's "did not find expected '-' indicator".
    a_quoted_start_followed_by_text: "quoted-start", 1;
    a_typed_star_in_the_common_lists: "sito-slips", 1;
    every_problem_of_one_file: "many-in-one-file", 1;
    valido_al_before_valido_dal_is_an_error_at_its_line: "valido-al-before-dal", 1;
    a_misspelt_altre_attivita_names_the_right_word: "altre-attivita-misspelt", 1;
    // The lists of `_sito.yaml` are checked like a unit's, at their lines.
    common_lists_get_the_checks_of_a_units_lists: "sito-lists-checks", 1;
    // A catalogue that lists nothing used to build without a word.
    an_empty_catalogue_is_a_warning: "empty-catalogue", 0;
    // Issue 20: a side with no activity and no rule was published as
    // "Nessuna attività" on the unit's page: a warning at the empty list's
    // key, else at `nome`; none for a unit with its own rule.
    a_one_sided_unit_without_a_rule_is_a_warning_at_it: "one-sided-units", 0;
    // Issue 20: the home said "0 smartizzabili (0%)" of an act listing only
    // what is done in presence: one warning, at the list of `_sito.yaml`.
    a_one_sided_catalogue_without_a_rule_is_one_warning: "one-sided-catalogue", 0;
    // Issue 20: the act's list for the whole body published as an office.
    the_only_unit_named_like_the_body_is_a_warning: "unit-named-like-ente", 0;
    // Issue 20: init's sentences about offices and the PIAO, false for most
    // acts, found across line breaks.
    init_intro_sentences_left_are_warnings_at_their_line: "init-intro-left", 0;
    // The act's words for a rule with no rule beside them are published
    // nowhere: a warning at the quotation (the site's is quoted; the unit's
    // lacks its rule).
    a_citation_without_its_rule_is_a_warning_at_it: "citation-without-rule", 0;
    // An archived edition is the act as published then: the checks asking
    // the clerk to say what the act says (one side empty with no rule, a
    // unit named like the body) warned on it, where nothing can be changed.
    archived_editions_get_no_one_sided_or_body_unit_warning: "archive-one-sided", 0;
    // Errors inside an archived edition carry the file's full path.
    errors_inside_the_archive_carry_the_full_path: "archive-edition", 1;
    // Issue 21: an archive and any error of the current content printed
    // `--base-url: error: archivio/2025/ is not a valid base_url` too.
    an_archive_beside_a_broken_current_edition_adds_no_phantom_error: "archive-with-broken-current", 1;
    // Issue 21: `<img src="https://...">` was published without a word.
    an_image_on_another_site_is_a_warning_at_it: "off-site-image", 0;
    pasted_html_and_links_to_local_files_are_warnings_at_them: "pasted-html-and-local-links", 0;
    // Issue 21: each was accepted without a word: `!!binary` published its
    // base64 text, an alias, a text of zero-width characters (an empty
    // activity), a bidi override (reversed text), a password in base_url.
    tags_anchors_invisible_texts_and_a_password_are_reported: "yaml-hidden", 1;
}

/// Cases whose fixture a test completes with what git cannot hold on every
/// system (a name ending in a space, a named pipe).
const COMPLETED: &[&str] = &["unit-file-names"];

/// Issue 21: `polizia.YAML`, `tributi.Yml` and `cultura.yaml ` were left out
/// of `check` and `build` without a word ("No errors: 1 unit" for 3), and so
/// was a named pipe named like a unit. The first two are units; a name
/// with spaces around it, a pipe and a near-`.yaml` ending are reported at
/// the file; an editor's backup (`anagrafe.yaml~`) is not.
#[cfg(unix)]
#[test]
fn unit_files_named_in_other_ways_are_read_or_reported() {
    let site = Site::fixture("errors/unit-file-names");
    let unit = |name: &str| format!("nome: {name}\nsmartizzabili:\n  - Prenotazioni\n");
    site.write("content/cultura.yaml ", &unit("Cultura"));
    site.write("content/ musei.yaml", &unit("Musei"));
    let fifo = site.root().join("content/scuola.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    snapshot_check(&site, "tests/fixtures/errors/unit-file-names", 1);

    for f in ["cultura.yaml ", " musei.yaml", "scuola.yaml"] {
        std::fs::remove_file(site.root().join("content").join(f)).unwrap();
    }
    let r = site.run(&["build"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(r.stdout().contains("3 units"), "{}", r.stdout());
    assert!(site.read("polizia/index.html").contains("Verbali"));
    assert!(site.read("tributi/index.html").contains("Accertamenti"));
    assert_eq!(site.run(&["check", "--strict"]).code(), Some(1));
}

#[test]
fn a_file_too_large_to_be_content() {
    let site = Site::fixture("basic");
    let line = "  - Attività ripetuta molte volte per superare il limite\n";
    site.write(
        "content/enorme.yaml",
        &format!("nome: Enorme\nsmartizzabili:\n{}", line.repeat(50_000)),
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code(), Some(1));
    assert!(
        r.stderr()
            .contains("content/enorme.yaml: error: the file is 2832 KiB, too large to be content (the limit is 2048 KiB)"),
        "{}",
        r.stderr()
    );
}

#[test]
fn strict_makes_warnings_fail_and_publishes_nothing() {
    let site = Site::fixture("errors/duplicate-in-list");
    let r = site.run(&["build", "--strict"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(r.stderr().contains("--strict: warnings count as errors"));
    assert!(!site.public().exists());
    let r = site.run(&["check", "--strict"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert_eq!(site.run(&["check"]).code(), Some(0));
}

#[test]
fn an_absolute_theme_path_is_refused_at_its_line() {
    let site = Site::fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("static")).unwrap();
    std::fs::write(outside.path().join("static/segreto.txt"), "segreto").unwrap();
    let sito = std::fs::read_to_string(site.root().join("content/_sito.yaml")).unwrap();
    site.write(
        "content/_sito.yaml",
        &format!("{sito}tema: {}\n", outside.path().display()),
    );
    let line = sito.lines().count() + 1;
    let r = site.run(&["build"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(
        r.stderr().contains(&format!(
            "content/_sito.yaml:{line}:1: error: `{}` is not a theme name",
            outside.path().display()
        )),
        "{}",
        r.stderr()
    );
    assert!(!site.public().exists());
}

/// Content text is printed escaped: an ESC sequence in an activity (YAML's
/// `\e` and `\a` in double quotes) could clear the terminal or set its
/// title when `check` prints the message.
#[test]
fn control_characters_in_content_are_printed_escaped() {
    let site = Site::fixture("basic");
    let evil = r"Protocollo \e]0;preso\a\e[2J";
    site.write(
        "content/eco.yaml",
        &format!("nome: Eco\nsmartizzabili:\n  - \"{evil}\"\n  - \"{evil}\"\n"),
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    let err = r.stderr();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(
        err.contains(
            "content/eco.yaml:4:5: warning: the same activity appears more than once in `smartizzabili`: \"Protocollo \\u{1b}]0;preso\\u{7}\\u{1b}[2J\""
        ),
        "{err}"
    );
    // The line itself shows what the file holds: the escapes as typed.
    assert!(
        err.contains(r#"4 |   - "Protocollo \e]0;preso\a\e[2J""#),
        "{err}"
    );
}

#[cfg(unix)]
mod symlinks {
    use crate::support::Site;
    use std::os::unix::fs::symlink;

    /// A unit file linked from elsewhere in the site folder is published
    /// (it was skipped without a word: 4 units built instead of 5).
    #[test]
    fn a_linked_unit_file_inside_the_site_is_followed() {
        let site = Site::fixture("basic");
        site.write(
            "condivisi/polizia.yaml",
            "nome: Polizia locale\nsmartizzabili:\n  - Verbali\n",
        );
        symlink(
            "../condivisi/polizia.yaml",
            site.root().join("content/polizia.yaml"),
        )
        .unwrap();
        let r = site.run(&["build"]);
        assert!(r.ok(), "{}", r.stderr());
        assert!(r.stdout().contains("5 units"), "{}", r.stdout());
        assert!(site.read("polizia/index.html").contains("Verbali"));
    }

    /// A link out of the site, a loop and a link to nothing are each an
    /// error at the link's name; nothing is published.
    #[test]
    fn other_links_are_errors_at_their_name() {
        let site = Site::fixture("basic");
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("segreto.yaml");
        std::fs::write(&secret, "nome: Segreto\nsmartizzabili:\n  - x\n").unwrap();
        let content = site.root().join("content");
        symlink(&secret, content.join("esterno.yaml")).unwrap();
        symlink(&content, content.join("uffici/giro")).unwrap();
        symlink("manca.yaml", content.join("perso.yaml")).unwrap();
        let r = site.run(&["build"]);
        assert_eq!(r.code(), Some(1), "{}", r.stderr());
        let err = r.stderr();
        for needle in [
            "content/esterno.yaml: error: this symbolic link leads outside the site folder",
            "content/uffici/giro: error: this symbolic link leads back to",
            "content/perso.yaml: error: this symbolic link leads to nothing",
            "3 errors",
        ] {
            assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
        }
        assert!(!err.contains("Segreto"), "{err}");
        assert!(!site.public().exists());
    }

    /// Issue 21: `content/x.yaml -> ../.env` (inside the site folder) was
    /// read, and its syntax error printed the secret's first line.
    #[test]
    fn a_link_to_a_hidden_file_of_the_site_is_not_read() {
        let site = Site::fixture("basic");
        site.write(".env", "DB_PASSWORD: hunter2 :\n");
        site.write(".git/config", "[core] token = hunter3\n");
        let content = site.root().join("content");
        symlink("../.env", content.join("ambiente.yaml")).unwrap();
        symlink("../.env", content.join("ambiente.md")).unwrap();
        symlink("../../.git", content.join("uffici/git")).unwrap();
        let r = site.run(&["check"]);
        assert_eq!(r.code(), Some(1), "{}", r.stderr());
        let err = r.stderr();
        for needle in [
            "content/ambiente.yaml: error: this symbolic link leads to .env, a hidden file or folder of the site",
            "content/ambiente.md: error: this symbolic link leads to .env, a hidden file",
            "content/uffici/git: error: this symbolic link leads to .git, a hidden file",
            "3 errors",
        ] {
            assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
        }
        assert!(!err.contains("hunter"), "{err}");
    }
}

/// A raw ESC byte pasted into a file: YAML refuses it; the error is at the
/// character (it was 1:1) and the line is shown with the ESC escaped.
#[test]
fn a_raw_control_character_is_located_and_shown_escaped() {
    let site = Site::fixture("basic");
    site.write(
        "content/eco.yaml",
        "nome: Eco\nsmartizzabili:\n  - Proto\u{1b}]0;preso\u{7}collo\n",
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    let err = r.stderr();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(
        err.contains(
            "content/eco.yaml:3:10: error: the text holds an invisible control character (\\u{1b})"
        ),
        "{err}"
    );
    assert!(
        err.contains("3 |   - Proto\\u{1b}]0;preso\\u{7}collo"),
        "{err}"
    );
}

/// The slips as a file saved on Windows has them (CRLF line ends), and as
/// long-form activities and `_sito.yaml` lists: each at its own line.
#[test]
fn slips_in_crlf_files_long_form_and_common_lists() {
    let site = Site::fixture("basic");
    let crlf = |s: &str| s.replace('\n', "\r\n");
    site.write(
        "content/sportello.yaml",
        &crlf("nome: Sportello\nsmartizzabili:\n  - testo: Sportello #2 (solo su appuntamento)\n  - Protocollo\n  -Certificati\n"),
    );
    site.write(
        "content/portineria.yaml",
        &crlf("nome: Portineria\nnon_smartizzabili:\n  - testo: \"Portierato\" notturno\n"),
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    let err = r.stderr();
    for needle in [
        "content/sportello.yaml:5:3: error: this line starts with `-` without a space after it",
        "5 |   -Certificati",
        "content/portineria.yaml:3:12: error: the text starts with a quotation mark, so YAML takes \"Portierato\" for the whole text",
        "put the whole text in single quotes (writing each `'` inside it twice): - testo: '\"Portierato\" notturno'",
        "2 errors",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }

    site.write(
        "content/sportello.yaml",
        &crlf("nome: Sportello\nsmartizzabili:\n  - testo: Sportello #2 (solo su appuntamento)\n  - Protocollo\n"),
    );
    std::fs::remove_file(site.root().join("content/portineria.yaml")).unwrap();
    let sito = std::fs::read_to_string(site.root().join("content/_sito.yaml")).unwrap();
    let line = sito.lines().count() + 2;
    site.write(
        "content/_sito.yaml",
        &crlf(&format!("{sito}smartizzabili:\n  - Formazione #online\n")),
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    let err = r.stderr();
    for needle in [
        "content/sportello.yaml:3:22: warning: YAML reads ` #` as the start of a comment: `#2 (solo su appuntamento)`",
        "- testo: \"Sportello #2 (solo su appuntamento)\"",
        &format!(
            "content/_sito.yaml:{line}:16: warning: YAML reads ` #` as the start of a comment: `#online`"
        ),
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert_eq!(site.run(&["check", "--strict"]).code(), Some(1));
}

/// A list pasted from a word processor into `_sito.yaml` saved with CRLF:
/// a dash pasted inside a text is a warning at it, and a typed `–` on the
/// last line an error at that line (libyaml pointed past the end of the file).
#[test]
fn pasted_dashes_in_common_lists_of_a_crlf_settings_file() {
    let site = Site::fixture("errors/no-activities");
    std::fs::remove_file(site.root().join("content/tributi.yaml")).unwrap();
    let sito = std::fs::read_to_string(site.root().join("content/_sito.yaml")).unwrap();
    let first = sito.lines().count() + 2;
    let write = |list: &str| {
        site.write(
            "content/_sito.yaml",
            &format!("{sito}smartizzabili:\n{list}").replace('\n', "\r\n"),
        )
    };
    write("  - – dirigente\n  - Protocollo\n");
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    let needle =
        format!("content/_sito.yaml:{first}:5: warning: the activity starts with a stray `–`");
    assert!(r.stderr().contains(&needle), "{}", r.stderr());

    write("  - Protocollo\n  – Posta elettronica certificata\n");
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    let err = r.stderr();
    let last = first + 1;
    for needle in [
        format!(
            "content/_sito.yaml:{last}:3: error: this line starts with `–`, which is not a list mark in YAML"
        ),
        format!("{last} |   – Posta elettronica certificata"),
        "instead of `–`".to_string(),
    ] {
        assert!(err.contains(&needle), "missing {needle:?} in:\n{err}");
    }
}

/// A build writes its pages into the staging folder as it renders them; a
/// broken link is found after that, by the link check. The build fails, the
/// staged pages are removed and `public/` is as it was.
#[test]
fn a_build_failing_at_the_link_check_leaves_public_byte_identical() {
    broken_build_leaves_public(
        "content/senza-area.yaml",
        "nome: Ufficio di staff\ndescrizione: Vedi [la pagina](../non-esiste/).\nsmartizzabili:\n  - Riunioni\naltre_attivita: non_smartizzabili\n",
        "content/senza-area.yaml:2:",
    );
}
