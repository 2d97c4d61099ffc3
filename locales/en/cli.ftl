# The command line: --help of every command, clap's headings and parse errors.
# Ids: cli-<command>-<flag> for one command's flag, cli-<flag> when several
# commands share it; cli-heading-*, cli-value-* (the <NAME> of a flag's
# value), cli-error-* (parse errors).

## The program and its commands

cli-about = Static-site generator for an Italian public body's catalogue of activities that can be done in lavoro agile (PIAO, Amministrazione Trasparente): accessible pages, search, open data
cli-build = Build the site from content/ into the output folder (public/ by default)
cli-serve = Preview the site at http://127.0.0.1:1111/, rebuilding and reloading the page on every save
cli-check = Check content and theme, render in memory and verify every internal link and anchor; writes nothing. For CI
cli-import = Read the catalogue from a PIAO document, a spreadsheet, a CSV or an HTML table, and write one unit file per unit into content/ of the site folder
cli-init = Create a new site that builds at once: content/ with settings, an example unit, .gitignore and CI files for GitHub and GitLab
cli-archivia = Archive the current edition, once a year before editing the new catalogue: copy content/ (without _archivio/) into content/_archivio/<edizione>/; content/ stays as it is. Never overwrites an edition
cli-completions = Print the shell completion script for SHELL on stdout (e.g. `trasparenza completions bash > /etc/bash_completion.d/trasparenza`)
cli-spiega = Explain a diagnostic code (the one in square brackets after the message, for example `yaml-unknown-key`): what it means and how to fix it; with no code, the list of codes
cli-man = Print the manual page (roff) on stdout: `trasparenza man | man -l -`; `trasparenza man build`: the page of one command (trasparenza-build(1))
cli-help-command = Print this message or the help of the given command
cli-help-command-command = The command whose help to print
# After a command's text: its Italian name, which works as well.
cli-alias = (also: { $alias })

## Flags

cli-lang = The language of messages [default: the one of LC_ALL, LC_MESSAGES or LANG; Italian when none is set]
cli-help = Print help
cli-version = Print version
cli-root = The site folder: the one holding content/ (and optionally themes/)
cli-archivia-root = The site folder: the one holding content/
cli-archivia-edizione = The edition's folder name under content/_archivio/ [default: periodo of _sito.yaml, else the year of pubblicato_il or aggiornato_il]
cli-build-output = Where to write the site [default: public/ in the site folder]. Replaced as a whole, only when the build succeeds, and only if it is empty or an earlier output of trasparenza (see --force). A symlink is followed: the folder it points to is replaced, the link stays
cli-build-force = Replace the output folder even if it is not empty and was not written by trasparenza. Never the site folder, content/, themes/, a folder holding them, a folder directly under / (/etc, /srv...) or a file
cli-build-base-url = Publish under this address instead of base_url in content/_sito.yaml (canonical links, sitemap.xml, robots.txt)
cli-build-strict = Treat warnings as errors: exit 1 and write nothing when there is any
cli-check-strict = Treat warnings as errors (exit 1 when there is any)
cli-check-format = How to print problems: for people (stderr), as a JSON array (stdout), as GitHub Actions annotations (stdout), or as a GitLab Code Quality report (stdout)
cli-check-base-url = Check as if published under this address instead of base_url
cli-init-dir = The folder of the new site, as with --root (created if missing)
cli-init-root = The folder of the new site (created if missing). Existing files are kept
cli-init-ente = The body's name, as in its acts ("Comune di ..."). Without it a placeholder is written, which `check` reports until replaced
cli-init-base-url = The address the site will be published at. Without it a placeholder is written, which `check` reports until replaced
cli-init-forma = The shape of the act: `elenco` (alias `list`), one list for the whole body, written in _sito.yaml with no unit file; `uffici` (alias `offices`), a list for each office, one file per unit. Without it, init asks in a terminal and otherwise writes `uffici`
cli-serve-bind = The address to listen on. Only this machine can connect by default; use 0.0.0.0 to let others on the network see the preview
cli-serve-port = The port to listen on (0: any free port)
cli-serve-open = Open the preview in the browser once it is ready
cli-serve-poll = Look for changes by scanning the folders every 300 ms instead of waiting for the system's notifications (Docker bind mounts, NFS, WSL)
cli-serve-rebuild-timeout = Stop waiting for a rebuild after this many seconds and report it as failed (a theme template that never ends); the next save rebuilds
cli-import-file = The file holding the catalogue: .docx, .odt, .xlsx, .xls, .ods, .csv, .tsv, .html/.htm, or .txt (the text of the PIAO's table)
cli-import-root = The site folder (made by `trasparenza init`): files go into content/ of it
cli-import-dry-run = Show what would be written, updated, copied and removed, and write nothing
cli-import-force = Write every unit of the file whole instead of updating the site's units, remove the units the file lacks, write a linked unit where its link leads, replace a file that is not a unit. A copy of each is kept in content/.trasparenza-backup/
cli-import-sheet = Read only this sheet of a spreadsheet [default: every sheet]
cli-import-encoding = The encoding of a CSV or text file (utf-8, windows-1252, ...) [default: detected]
cli-import-delimiter = The separator of a CSV: `,`, `;`, `tab` or `|` [default: detected]
cli-completions-shell = bash, zsh, fish, elvish or powershell
cli-spiega-code = The code to explain; none for the list
cli-man-command = A command, for its own page; none for trasparenza(1)

## What a flag's value is called: --root <DIR>

cli-value-code = CODE
cli-value-command = COMMAND
cli-value-dir = DIR
cli-value-name = NAME
cli-value-shape = SHAPE
cli-value-url = URL
cli-value-ip = IP
cli-value-port = PORT
cli-value-seconds = SECONDS
cli-value-file = FILE
cli-value-char = CHAR
cli-value-shell = SHELL
cli-value-format = FORMAT
cli-value-lang = LANG

## Headings of --help
# English keeps clap's own (the same words), so that manual pages keep their
# standard sections; these are used by no English run, only kept beside the
# Italian ones.

cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
# In "Usage: trasparenza build [OPTIONS]".
cli-usage-options = [OPTIONS]
cli-default = [default: { $value }]
cli-possible-values = [possible values: { $values }]

## Errors in the command line (exit 2)

cli-error = error:
cli-error-tip = tip:
cli-error-more = For more information, try '{ $help }'.
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-invalid-command = unrecognized command '{ $command }'
cli-error-value-required = a value is required for '{ $arg }' but none was supplied
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-invalid-value-because = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-no-equals = an equal sign is needed when assigning values to '{ $arg }'
cli-error-used-twice = the argument '{ $arg }' cannot be used more than once
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-conflict-many = the argument '{ $arg }' cannot be used with:
cli-error-conflict-command = the command '{ $command }' cannot be used with '{ $other }'
cli-error-missing-arguments = { $count ->
    [one] this required argument was not provided:
   *[other] these required arguments were not provided:
}
cli-error-missing-command = '{ $command }' needs a command but none was given
cli-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-error-too-few-values = { $min } values required by '{ $arg }'; only { $count ->
    [one] one was provided
   *[other] { $count } were provided
}
cli-error-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $count ->
    [one] one was provided
   *[other] { $count } were provided
}
cli-error-not-utf8 = an argument is not valid UTF-8 text
cli-error-other = the command line cannot be read
cli-error-possible-values = [possible values: { $values }]
cli-error-commands = [commands: { $values }]
cli-error-similar = { $count ->
    [one] a similar one exists: { $values }
   *[other] some similar ones exist: { $values }
}
cli-error-tip-exists = '{ $suggestion }' exists
cli-error-tip-as-value = to pass '{ $value }' as a value, use '{ $suggestion }'
cli-error-tip-remove-dashes = the command '{ $command }' exists; to use it, remove the '--' before it
cli-error-base-url = it must be an absolute http(s) address without ? or #, such as https://www.comune.esempio.it/amministrazione-trasparente/lavoro-agile/
cli-error-ip = it must be an IP address, such as 127.0.0.1 or 0.0.0.0
cli-error-number = it must be a whole number from { $min } to { $max }

## The section headings of the manual pages (cmd/completions.rs)

cli-man-name = NAME
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-options = OPTIONS
cli-man-subcommands = SUBCOMMANDS
cli-man-extra = EXTRA
cli-man-version = VERSION
cli-man-authors = AUTHORS
