//! The command line: clap definitions of every command's arguments, plus the
//! exit codes (0 ok, 1 content errors, 2 usage or environment errors).
//! Definitions only: the dispatch is `cmd::run`, so `cmd` depends on `cli`
//! and never the other way.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Exit code when the content has errors.
pub const EXIT_CONTENT: u8 = 1;
/// Exit code for usage errors and problems with folders (unreadable, not writable).
pub const EXIT_USAGE: u8 = 2;

/// Publishes a public body's catalogue of "attività smartizzabili" (PIAO,
/// lavoro agile) as an accessible static website.
#[derive(Debug, Parser)]
#[command(name = "trasparenza", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands, one module each in `cmd/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site from content/ into the output folder (public/ by default).
    Build(BuildArgs),
    /// Preview the site at http://127.0.0.1:1111/, rebuilding and reloading the page on every save.
    Serve(ServeArgs),
    /// Check content and theme, render in memory and verify every internal
    /// link and anchor; writes nothing. For CI.
    Check(CheckArgs),
    /// Read the catalogue from a PIAO document, a spreadsheet, a CSV or an
    /// HTML table, and write one unit file per unit into ROOT/content/.
    Import(ImportArgs),
    /// Create a new site that builds at once: content/ with settings, an
    /// example unit, .gitignore and CI files for GitHub and GitLab.
    Init(InitArgs),
    /// Move the current edition to the archive: copy content/ (without
    /// _archivio/) into content/_archivio/<edizione>/, once a year before
    /// editing the new catalogue. Never overwrites an edition.
    Archivia(ArchiviaArgs),
    /// Print the shell completion script for SHELL on stdout (e.g.
    /// `trasparenza completions bash > /etc/bash_completion.d/trasparenza`).
    Completions(CompletionsArgs),
    /// Print the manual page (roff) on stdout: `trasparenza man | man -l -`;
    /// `trasparenza man build`: the page of one command (trasparenza-build(1)).
    #[command(hide = true)]
    Man(ManArgs),
}

/// Which manual page.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A command, for its own page; none for trasparenza(1).
    pub(crate) command: Option<String>,
}

/// Which shell the completions are for.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}

/// Which site and under what name its current edition is archived.
#[derive(Debug, clap::Args)]
pub struct ArchiviaArgs {
    /// The site folder: the one holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(crate) root: PathBuf,
    /// The edition's folder name under content/_archivio/ [default: periodo
    /// of _sito.yaml, else the year of pubblicato_il or aggiornato_il].
    #[arg(long, value_name = "NAME")]
    pub(crate) edizione: Option<String>,
}

/// Where the site is and where it goes.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The site folder: the one holding content/ (and optionally themes/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(crate) root: PathBuf,
    /// Where to write the site [default: ROOT/public]. Replaced as a whole, only when the build
    /// succeeds, and only if it is empty or an earlier output of trasparenza (see --force). A
    /// symlink is followed: the folder it points to is replaced, the link stays.
    #[arg(long, value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,
    /// Replace the output folder even if it is not empty and was not written by trasparenza.
    /// Never the site folder, content/, themes/, a folder holding them, or a file.
    #[arg(long)]
    pub(crate) force: bool,
    /// Publish under this address instead of base_url in content/_sito.yaml
    /// (canonical links, sitemap.xml, robots.txt).
    #[arg(long, value_name = "URL", value_parser = base_url)]
    pub(crate) base_url: Option<String>,
    /// Treat warnings as errors: exit 1 and write nothing when there is any.
    #[arg(long)]
    pub(crate) strict: bool,
}

/// What `check` looks at and how it reports.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The site folder: the one holding content/ (and optionally themes/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(crate) root: PathBuf,
    /// Treat warnings as errors (exit 1 when there is any).
    #[arg(long)]
    pub(crate) strict: bool,
    /// How to print problems: for people (stderr), as a JSON array (stdout),
    /// as GitHub Actions annotations (stdout), or as a GitLab Code Quality
    /// report (stdout).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
    /// Check as if published under this address instead of base_url.
    #[arg(long, value_name = "URL", value_parser = base_url)]
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
    /// The folder of the new site (created if missing). Existing files are kept.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(crate) root: PathBuf,
    /// The body's name, as in its acts ("Comune di ..."). Without it a
    /// placeholder is written, which `check` reports until replaced.
    #[arg(long, value_name = "NAME")]
    pub(crate) ente: Option<String>,
    /// The address the site will be published at. Without it a placeholder
    /// is written, which `check` reports until replaced.
    #[arg(long, value_name = "URL", value_parser = base_url)]
    pub(crate) base_url: Option<String>,
}

/// Where the site is and where the preview listens.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The site folder: the one holding content/ (and optionally themes/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(crate) root: PathBuf,
    /// The address to listen on. Only this machine can connect by default;
    /// use 0.0.0.0 to let others on the network see the preview.
    #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
    pub(crate) bind: std::net::IpAddr,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    pub(crate) port: u16,
    /// Open the preview in the browser once it is ready.
    #[arg(long)]
    pub(crate) open: bool,
    /// Look for changes by scanning the folders every 300 ms instead of
    /// waiting for the system's notifications (Docker bind mounts, NFS, WSL).
    #[arg(long)]
    pub(crate) poll: bool,
    /// Stop waiting for a rebuild after this many seconds and report it as
    /// failed (a theme template that never ends); the next save rebuilds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub(crate) rebuild_timeout: u64,
}

/// What `import` reads and where it writes.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The file holding the catalogue: .docx, .odt, .xlsx, .ods, .csv, .tsv,
    /// .html/.htm, or .txt (the text of the PIAO's table).
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,
    /// The site folder (made by `trasparenza init`): files go into ROOT/content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(crate) root: PathBuf,
    /// Show what would be written, updated, copied and removed, and write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Write every unit of the file whole instead of updating the site's units, remove the
    /// units the file lacks, write a linked unit where its link leads, replace a file that is
    /// not a unit. A copy of each is kept in content/.trasparenza-backup/.
    #[arg(long)]
    pub(crate) force: bool,
    /// Read only this sheet of a spreadsheet [default: every sheet].
    #[arg(long, value_name = "NAME")]
    pub(crate) sheet: Option<String>,
    /// The encoding of a CSV or text file (utf-8, windows-1252, ...) [default: detected].
    #[arg(long, value_name = "NAME")]
    pub(crate) encoding: Option<String>,
    /// The separator of a CSV: `,`, `;`, `tab` or `|` [default: detected].
    #[arg(long, value_name = "CHAR")]
    pub(crate) delimiter: Option<String>,
}

/// `--base-url`: an absolute http(s) address, normalised to end with `/`.
/// A bad one is a usage error (exit 2), like any bad flag.
fn base_url(s: &str) -> Result<String, String> {
    crate::config::normalise_base_url(s).ok_or_else(|| {
        "it must be an absolute http(s) address without ? or #, such as https://www.comune.esempio.it/amministrazione-trasparente/lavoro-agile/".to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
