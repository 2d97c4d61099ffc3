//! The whole pipeline in memory: load -> validate -> theme -> render -> link
//! check. Shared by `build` (which then writes), `check` (which writes
//! nothing) and `serve`.

use std::path::Path;

use crate::diagnostic::Diagnostics;
use crate::load::{self, EnvironmentError};
use crate::model::Site;
use crate::render::{self, Output};
use crate::{linkcheck, theme, validate};

/// Options of a build that do not come from `content/`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Replaces `base_url` of `_sito.yaml`.
    pub base_url: Option<String>,
}

/// A site rendered in memory.
pub struct Built {
    pub site: Site,
    pub output: Output,
}

/// Runs every stage, collecting every problem into `diags`. Returns the
/// rendered site when there is no error.
pub fn run(
    root: &Path,
    opts: &BuildOptions,
    diags: &mut Diagnostics,
) -> Result<Option<Built>, EnvironmentError> {
    let loaded = load::load(root, diags)?;
    let tema = loaded.config.as_ref().and_then(|c| c.tema.clone());
    let settings = loaded.config_source.clone();
    let site = validate::validate(loaded, opts.base_url.as_deref(), diags);
    // Load the theme even when the content is broken, to report its errors too.
    let theme = theme::load(root, tema.as_deref(), settings.as_ref(), diags);
    let (Some(site), Some(theme)) = (site, theme) else {
        return Ok(None);
    };
    if diags.has_errors() {
        return Ok(None);
    }
    let Some(output) = render::render(&site, &theme, diags) else {
        return Ok(None);
    };
    linkcheck::report(&output, &site, root, diags);
    if diags.has_errors() {
        return Ok(None);
    }
    Ok(Some(Built { site, output }))
}
