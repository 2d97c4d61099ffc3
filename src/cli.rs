//! The command line: clap definitions and dispatch to `cmd::*`, plus the exit
//! codes (0 ok, 1 content errors, 2 usage or environment errors).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd;

/// Exit code when the content has errors.
pub const EXIT_CONTENT: u8 = 1;
/// Exit code for usage errors and problems with folders (unreadable, not writable).
pub const EXIT_USAGE: u8 = 2;

/// Publishes a public body's catalogue of "attività smartizzabili" (PIAO,
/// lavoro agile) as an accessible static website.
#[derive(Debug, Parser)]
#[command(name = "trasparenza", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site from content/ into the output folder (public/ by default).
    Build(BuildArgs),
    /// Preview the site at http://127.0.0.1:1111/, rebuilding and reloading the page on every save.
    Serve(ServeArgs),
    /// Check content and theme, render in memory and verify every internal
    /// link and anchor; writes nothing. For CI.
    Check(CheckArgs),
    /// Move the current edition to the archive: copy content/ (without
    /// _archivio/) into content/_archivio/<edizione>/, once a year before
    /// editing the new catalogue. Never overwrites an edition.
    Archivia(ArchiviaArgs),
}

/// Which site and under what name its current edition is archived.
#[derive(Debug, clap::Args)]
pub struct ArchiviaArgs {
    /// The site folder: the one holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// The edition's folder name under content/_archivio/ [default: periodo
    /// of _sito.yaml, else the year of pubblicato_il or aggiornato_il].
    #[arg(long, value_name = "NAME")]
    pub edizione: Option<String>,
}

/// Where the site is and where it goes.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The site folder: the one holding content/ (and optionally themes/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: ROOT/public]. Replaced as a whole, only when the build succeeds.
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Publish under this address instead of base_url in content/_sito.yaml
    /// (canonical links, sitemap.xml, robots.txt).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Treat warnings as errors: exit 1 and write nothing when there is any.
    #[arg(long)]
    pub strict: bool,
}

/// What `check` looks at and how it reports.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The site folder: the one holding content/ (and optionally themes/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Treat warnings as errors (exit 1 when there is any).
    #[arg(long)]
    pub strict: bool,
    /// How to print problems: for people (stderr), as a JSON array (stdout),
    /// or as GitHub Actions annotations (stdout).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Check as if published under this address instead of base_url.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

/// How problems are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Where the site is and where the preview listens.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The site folder: the one holding content/ (and optionally themes/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// The address to listen on. Only this machine can connect by default;
    /// use 0.0.0.0 to let others on the network see the preview.
    #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Open the preview in the browser once it is ready.
    #[arg(long)]
    pub open: bool,
    /// Look for changes by scanning the folders every 300 ms instead of
    /// waiting for the system's notifications (Docker bind mounts, NFS, WSL).
    #[arg(long)]
    pub poll: bool,
}

/// Parses the arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => cmd::build::run(&args),
        Command::Serve(args) => cmd::serve::run(&args),
        Command::Check(args) => cmd::check::run(&args),
        Command::Archivia(args) => cmd::archivia::run(&args),
    }
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
