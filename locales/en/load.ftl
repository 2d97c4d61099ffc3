# Finding and reading the content folder (load.rs). The id is the stable code.

load-no-content-folder = there is no content/ folder in { $root } (use --root to point at the site folder)
    .spiegazione =
        The program looks for the catalogue in the `content/` folder of the site folder, and there is none here.
        Run the command from the site folder, or name it with `--root`; a new site is created with `trasparenza init`.

load-no-content-folder-site-above = there is no content/ folder in { $root }: the site seems to be { $site } (use --root { $site }, or run the command from there)
    .spiegazione =
        The command was run inside the `content/` folder of a site (or a folder in it), while it is meant to be run from the site folder, the one that holds `content/`.
        Name it with `--root`, as the message says, or go there (`cd ..`) and run the command again.

load-site-settings-missing = the site settings file is missing
    .hint = create content/_sito.yaml with at least `ente`, `titolo`, `base_url` and `aggiornato_il`
    .spiegazione =
        `content/_sito.yaml` holds the body's name, the title and the address of the site; without it no page can be made.
        Create it (`trasparenza init` writes one to fill in) with at least:

            ente: Comune di Esempio
            titolo: Attività smartizzabili
            base_url: https://www.comune.esempio.it/lavoro-agile/
            aggiornato_il: 2026-11-26

load-cannot-read = cannot read: { $error }
    .spiegazione =
        A file or folder could not be read; the reason given by the system follows the colon.
        Check that it exists and that the user running the program may read it.

load-link-loop = this symbolic link leads back to { $ancestor }, a folder that contains it: it was not followed
    .hint = remove the link, or point it at a file or folder that does not contain it
    .spiegazione =
        A symbolic link points to a folder that contains the link itself, which would make the reading go round forever; it is skipped.
        Remove the link or point it elsewhere.

load-link-dangling = this symbolic link leads to nothing: its target does not exist
    .hint = remove the link, or copy the file it should lead to into content/
    .spiegazione =
        A symbolic link points to a file or folder that no longer exists, so there is nothing to read.
        Remove the link, or put the real file in `content/`.

load-link-hidden = this symbolic link leads to { $target }, a hidden file or folder of the site (its name starts with `.`): it was not read
    .hint = hidden files (.env, .git) are never content: remove the link, or copy the content into a file of content/
    .spiegazione =
        A link in `content/` points to a hidden file of the site, such as `.env` or `.git`, which may hold passwords and is never published.
        Remove the link; if the text is content, copy it into a file of `content/`.

load-link-outside = this symbolic link leads outside the site folder (to { $target }): it was not read
    .hint = copy the file into content/ instead of linking it: a build publishes only what is inside the site folder
    .spiegazione =
        A symbolic link points outside the site folder; following it could publish files that were never meant to be.
        Copy the file into `content/` instead of linking it.

load-link-unfollowable = cannot follow this symbolic link: { $error }
    .spiegazione =
        The system could not tell where this symbolic link leads; its reason follows the colon.
        Check the link and the permissions of the folder it points to, or replace it with a copy of the file.

load-name-spaces = the file name `{ $name }` begins or ends with a space: it was not read
    .hint = rename the file to `{ $trimmed }`
    .spiegazione =
        A space at the start or the end of a file name cannot be seen and would end up in the page's address, so the file is skipped.
        Rename it without the space.

load-not-yaml-extension = `{ $name }` is not read as a unit: a unit's file name ends in `.yaml` or `.yml`
    .hint = if it is a unit, rename it to `{ $stem }.yaml`; if it is a copy, move it out of content/ or begin its name with `_`
    .spiegazione =
        The file looks like a unit file but its name does not end in `.yaml` or `.yml` (for example `tributi.yaml.txt` or `tributi.yml1`), so it is not published.
        Rename it if it is a unit; move a backup copy out of `content/`, or start its name with `_`, which the program skips.

load-not-regular = this is { $what ->
        [fifo] a named pipe (FIFO)
        [socket] a socket
        [device] a device
       *[special] a special file
    }, not a file: it was not read
    .hint = replace it with a plain file saved by an editor
    .spiegazione =
        Something in the folder has the name of a content file but is a special object of the system, not a file written by an editor; it is not read.
        Replace it with a normal file.

load-page-no-front-matter = an extra page must start with front matter
    .hint = begin the file with three lines: `---`, `titolo: Titolo della pagina`, `---`
    .spiegazione =
        A page file (`.md`) begins with a small header, between two `---` lines, that gives at least its title:

            ---
            titolo: Modalità di accesso al lavoro agile
            ---

load-page-front-matter-unclosed = the front matter is not closed
    .hint = add a line `---` after the front matter
    .spiegazione =
        The header of the page starts with `---` but has no second `---` line to end it, so the text of the page cannot be told from the header.
        Add a line `---` after the last key of the header.
