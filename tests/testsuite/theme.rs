//! Template errors in a site's theme: every problem Tera finds, at compile
//! time or while rendering, is reported on the template file the user wrote,
//! at the line and column Tera gives, and nothing else is reported.

use crate::support::Site;

/// `check --format json` on the small site with `templates` written into
/// its `themes/default/templates/`: (file, line, column, message) of each
/// problem, in the order printed.
fn problems(templates: &[(&str, &str)]) -> Vec<(String, u64, u64, String)> {
    let site = Site::fixture("errors/theme-template-error");
    for (name, text) in templates {
        site.write(&format!("themes/default/templates/{name}"), text);
    }
    let r = site.run(&["check", "--format", "json"]);
    assert_eq!(r.code(), Some(1), "{}\n{}", r.stdout(), r.stderr());
    let all: serde_json::Value = serde_json::from_str(&r.stdout()).expect("JSON on stdout");
    all.as_array()
        .expect("an array")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

const PAGE_404: &str = "themes/default/templates/404.html";

#[test]
fn a_syntax_error_is_placed_on_its_line_and_column() {
    let p = problems(&[(
        "404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n  {% if %}\n{% endblock %}\n",
    )]);
    assert_eq!(p.len(), 1, "{p:?}");
    let (file, line, column, message) = &p[0];
    assert_eq!((file.as_str(), *line, *column), (PAGE_404, 3, 9), "{p:?}");
    assert!(message.starts_with("template error: "), "{message}");
    assert!(
        !message.contains("-->"),
        "Tera's printed report leaked: {message}"
    );
}

/// Tera checks filters once every template is parsed and joins what it
/// finds into one error: each problem is its own diagnostic, on its file
/// (before, only the first was reported).
#[test]
fn every_unknown_filter_is_reported_on_its_template() {
    let p = problems(&[
        (
            "404.html",
            "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ page.titolo | maiuscolo }}</p>\n{% endblock %}\n",
        ),
        (
            "page.html",
            "{% extends \"base.html\" %}\n{% block content %}{{ page.titolo | grassetto }}{% endblock %}\n",
        ),
    ]);
    assert_eq!(
        p,
        [
            (
                PAGE_404.to_string(),
                3,
                21,
                "template error: Unknown filter `maiuscolo`".to_string()
            ),
            (
                "themes/default/templates/page.html".to_string(),
                2,
                37,
                "template error: Unknown filter `grassetto`".to_string()
            ),
        ]
    );
}

#[test]
fn an_undefined_variable_is_found_while_rendering_and_placed() {
    let p = problems(&[(
        "404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.titolo }}</h1>\n<p>{{ pagina.sottotitolo }}</p>\n{% endblock %}\n",
    )]);
    assert_eq!(p.len(), 1, "{p:?}");
    let (file, line, column, message) = &p[0];
    assert_eq!((file.as_str(), *line, *column), (PAGE_404, 4, 7), "{p:?}");
    assert!(message.contains("pagina"), "{message}");
}

/// A problem about a template as a whole (its parent is missing) names the
/// template's file, not `base.html`.
#[test]
fn a_missing_parent_names_the_child_template() {
    let p = problems(&[(
        "404.html",
        "{% extends \"cornice.html\" %}\n{% block content %}x{% endblock %}\n",
    )]);
    assert_eq!(p.len(), 1, "{p:?}");
    let (file, _, _, message) = &p[0];
    assert_eq!(file, PAGE_404, "{p:?}");
    assert!(message.contains("cornice.html"), "{message}");
}

/// Issue 21: a theme linked from outside the site folder was published
/// (its `static/` copied into `assets/`) and links inside a theme were
/// dropped without a word. Now the theme folder and each link in it must
/// stay inside the site folder, as content's links do.
#[cfg(unix)]
mod links {
    use crate::support::Site;
    use std::os::unix::fs::symlink;

    /// The basic site with `tema: comune`.
    fn with_theme() -> Site {
        let site = Site::fixture("basic");
        let sito = std::fs::read_to_string(site.root().join("content/_sito.yaml")).unwrap();
        site.write("content/_sito.yaml", &format!("{sito}tema: comune\n"));
        site
    }

    #[test]
    fn a_theme_folder_outside_the_site_is_refused() {
        let site = with_theme();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(outside.path().join("static")).unwrap();
        std::fs::write(outside.path().join("static/segreto.txt"), "segreto").unwrap();
        std::fs::create_dir_all(site.root().join("themes")).unwrap();
        symlink(outside.path(), site.root().join("themes/comune")).unwrap();
        let r = site.run(&["build"]);
        assert_eq!(r.code(), Some(1), "{}", r.stderr());
        assert!(
            r.stderr()
                .contains("themes/comune: error: this symbolic link leads outside the site folder"),
            "{}",
            r.stderr()
        );
        assert!(!site.public().exists());
    }

    #[test]
    fn links_in_a_theme_are_followed_inside_the_site_and_refused_outside() {
        let site = with_theme();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("segreto.txt"), "segreto").unwrap();
        site.write(
            "condivisi/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
        site.write("themes/comune/static/proprio.css", "body{}");
        let dir = site.root().join("themes/comune/static");
        symlink(outside.path().join("segreto.txt"), dir.join("segreto.txt")).unwrap();
        symlink(outside.path(), dir.join("fuori")).unwrap();
        symlink("manca.css", dir.join("perso.css")).unwrap();
        symlink("../../../condivisi/logo.svg", dir.join("logo.svg")).unwrap();
        let r = site.run(&["check"]);
        assert_eq!(r.code(), Some(1), "{}", r.stderr());
        let err = r.stderr();
        for needle in [
            "themes/comune/static/segreto.txt: error: this symbolic link leads outside the site folder",
            "themes/comune/static/fuori: error: this symbolic link leads outside the site folder",
            "themes/comune/static/perso.css: error: this symbolic link leads to nothing",
            "3 errors",
        ] {
            assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
        }
        assert!(!err.contains("logo.svg"), "{err}");

        for f in ["segreto.txt", "fuori", "perso.css"] {
            std::fs::remove_file(dir.join(f)).unwrap();
        }
        site.build();
        assert!(site.public().join("assets/proprio.css").is_file());
        assert!(site.read("assets/logo.svg").contains("<svg"));
    }
}
