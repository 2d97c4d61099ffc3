## The command layer (src/cmd/output.rs): every sentence the commands print
## besides the diagnostics. Ids: cmd-<command>-<what>; cmd-* without a
## command are shared. Numbers are passed as numbers (plurals select on them);
## $counts is the text of cmd-counts; paths are shown as given.
## Selectors passed by the code as fixed words (never translated text) are
## named in the comment above each message.

## Labels of the lines the printer writes

cmd-error = error: { $message }
cmd-warning = warning: { $message }
# The line below a message that says what to do (after two spaces and "= ").
cmd-hint = hint: { $hint }

## Any command reading a site (cmd/mod.rs)

# $problem: not-a-folder | missing | unreadable
cmd-site-folder = the site folder { $root } { $problem ->
        [not-a-folder] is not a folder but a file (use --root to point at the site folder, the one holding content/)
        [missing] does not exist (use --root to point at the site folder, or create a site with `trasparenza init --root { $root }`)
       *[unreadable] cannot be read (give this user permission to read it, or use --root to point at the site folder)
    }
# After the shown diagnostics: the ones of a kind left out. $severity: error | warning | note.
cmd-more-like = { $file }: { $more } more { $severity ->
        [error] { $more ->
            [one] error
           *[other] errors
        }
        [note] { $more ->
            [one] note
           *[other] notes
        }
       *[warning] { $more ->
            [one] warning
           *[other] warnings
        }
    } like "{ $words }..." not shown
cmd-more-beyond = { $count } more { $count ->
        [one] warning and note
       *[other] warnings and notes
    } not shown
cmd-json-lists-all = (`trasparenza check --format json` lists every one)
# The last line of the report, when there is any error or warning.
cmd-problems = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
# "9 units, 193 activities, 12 pages" (the activities of _sito.yaml included);
# with no unit (an act without offices: every list is in _sito.yaml)
# "12 activities for the whole body, 3 pages".
cmd-counts = { $units ->
        [0] { $activities } { $activities ->
            [one] activity
           *[other] activities
        } for the whole body
       *[other] { $units } { $units ->
            [one] unit
           *[other] units
        }, { $activities } { $activities ->
            [one] activity
           *[other] activities
        }
    }, { $pages } { $pages ->
        [one] page
       *[other] pages
    }
cmd-strict = --strict: warnings count as errors.
cmd-stdout-failed = cannot write to stdout: { $error }

## check (cmd/check.rs)

cmd-check-ok = No errors: { $counts }; every internal link and anchor resolves.

## build (cmd/build.rs)

# $refusal: the guard's sentence (write-refused-*).
cmd-build-refused = { $refusal }.
cmd-build-not-built = The site was not built; { $output } is unchanged.
cmd-build-waiting = Another build is writing into { $output }; waiting for it to finish.
# $into: the output, or "output -> folder" when it is a link.
cmd-build-done = Built { $counts }, { $files } files ({ $kib } KiB) into { $into } in { $ms } ms

## completions, man (cmd/completions.rs)

cmd-completions-not-a-command = `{ $name }` is not a command of trasparenza
cmd-completions-man-failed = cannot write the manual page: { $error }

## archivia (cmd/archivia.rs)

cmd-archivia-done =
    Archived content/ as content/_archivio/{ $name }/ ({ $files } files).
    Next: edit content/ for the new edition (_sito.yaml: periodo, pubblicato_il, aggiornato_il, fonte; then the units), and build.
cmd-archivia-nothing = Nothing was archived: fix _sito.yaml, or name the edition with --edizione.
cmd-archivia-has-errors = Nothing was archived: the current edition has the errors listed above, which the copy in content/_archivio/ would keep (and the site would not build until they were corrected there too); correct them, then run archivia again.
cmd-archivia-no-content = there is no content/ folder in { $root } (use --root to point at the site folder)
cmd-archivia-bad-name = `{ $name }` is not a valid edition name: use lowercase letters, digits and single dashes
cmd-archivia-bad-name-suggestion = `{ $name }` is not a valid edition name: use lowercase letters, digits and single dashes (for example `{ $suggestion }`)
cmd-archivia-exists = content/_archivio/{ $name }/ already exists: an archived edition is never overwritten (choose another name with --edizione, or delete that folder first)
# $action: create | remove | copy | rename
cmd-archivia-cannot = cannot { $action ->
        [create] create
        [remove] remove
        [copy] copy
       *[rename] rename into place
    } { $path }: { $error }
cmd-archivia-appeared = content/_archivio/{ $name }/ appeared while copying: nothing was archived
cmd-archivia-removed-partial = Removed content/_archivio/{ $name }/, a partial copy left by an interrupted archivia.
cmd-archivia-not-a-plain-file = content/{ $path } is not a plain file (a link?): copy it by hand or remove it, then run archivia again
cmd-archivia-cannot-read = cannot read content/: { $error }
cmd-archivia-cannot-read-file = cannot read content/{ $path }: { $error }

## serve (cmd/serve.rs)

cmd-serve-no-signals = cannot set up Ctrl-C handling: { $error }
cmd-serve-cannot-open-site = cannot open the site folder { $root }: { $error } (use --root to point at the site folder)
cmd-serve-address-in-use = { $address } is already in use (is another preview running?); choose another port, for example: trasparenza serve --port { $port }
cmd-serve-cannot-watch = cannot watch the site folder for changes: { $error } (try --poll)
cmd-serve-on-the-network = listening on { $ip }: other machines on the network can see the preview
# $poll: yes | no
cmd-serve-serving = Serving { $root } at { $url } ({ $poll ->
        [yes] checking for changes every 300 ms
       *[no] watching content/ and themes/
    }; Ctrl-C to stop)
cmd-serve-stopped = Stopped ({ $signal }).
# $changed: how many saved files started the build (0 at the first build);
# $path: the first of them; $others: how many more ($changed - 1);
# $unchanged: yes (no page changed) | no.
cmd-serve-built = { $changed ->
        [0] Built
       *[other] Rebuilt
    } { $pages } pages, { $files } files in { $ms } ms{ $changed ->
        [0] { "" }
        [one] { " " }({ $path } changed)
       *[other] { " " }({ $path } and { $others } more changed)
    }{ $unchanged ->
        [yes] ; nothing changed
       *[no] { "" }
    }
cmd-serve-rebuild-failed = Rebuild failed in { $ms } ms{ $changed ->
        [0] { "" }
        [one] { " " }({ $path } changed)
       *[other] { " " }({ $path } and { $others } more changed)
    }: the preview keeps the last good site and shows the errors on every page
cmd-serve-build-failed = Build failed in { $ms } ms{ $changed ->
        [0] { "" }
        [one] { " " }({ $path } changed)
       *[other] { " " }({ $path } and { $others } more changed)
    }: every page shows the errors until they are fixed
cmd-serve-cannot-open-browser = cannot open the browser ({ $program }: { $error }); open { $url } yourself

## import (cmd/import.rs)

cmd-import-sheet-only = --sheet applies only to spreadsheets (.xlsx, .ods)
cmd-import-delimiter-only = --delimiter applies only to CSV files (.csv, .tsv)
cmd-import-encoding-only = --encoding applies only to .csv, .tsv, .txt and .html files
cmd-import-unknown-encoding = --encoding `{ $label }` is not an encoding I know (try utf-8 or windows-1252)
cmd-import-bad-delimiter = --delimiter `{ $delimiter }`: use `,`, `;`, `tab` or `|`
cmd-import-no-such-file = { $file }: no such file
cmd-import-not-a-file = { $file } is not a file
cmd-import-unknown-format = { $file }: I cannot tell the format from its name; import reads { $formats }
cmd-import-unknown-format-hint = { $kind ->
        [pdf] a PDF cannot be read: open it and copy the table into a .txt file, or save it as .docx
        [word] open it in Word or LibreOffice and save it as .docx ("Save as", "Word Document"), then import the .docx
       *[other] save it in one of the formats read (.docx for a document, .xlsx or .csv for a spreadsheet), or copy the table into a .txt file
    }
cmd-import-no-such-root = --root { $root }: no such folder
# $flag: " --root FOLDER", or nothing for the current folder.
cmd-import-no-site = { $root } has no site yet (no { $settings })
cmd-import-no-site-hint = run `trasparenza init{ $flag }` first, then import
cmd-import-cannot = { $name }: { $error }
# $kind: warning | note
cmd-import-note = { $kind ->
        [warning] warning
       *[note] note
    }: { $name }, { $place }: { $message }
cmd-import-no-catalogue = { $name }: no catalogue found ({ $tables } { $tables ->
        [one] table
       *[other] tables
    } read)
cmd-import-no-catalogue-hint = the table needs a header row naming the unit (Unità organizzativa, Ufficio, Servizio, ...) and either the two lists (Attività smartizzabili, Attività non smartizzabili) or the activity and a column saying whether it is smartizzabile; with no unit column, both lists or the activity and its kind (for the whole body); a text or page, its items under a lead-in naming the list ("Attività indifferibili da rendere in presenza:")
cmd-import-bug-hint = this is a bug of trasparenza import; nothing was written
cmd-import-nothing-written = Nothing was written.
# $dry_run: yes | no
cmd-import-copied = { $dry_run ->
        [yes] Would copy
       *[no] Copied
    } { $count } { $count ->
        [one] file
       *[other] files
    } into { $dir }/:
cmd-import-would-remove = Would remove { $path } ({ $why }).
cmd-import-dry-run = Dry run: nothing written.
cmd-import-cannot-back-up = cannot keep a copy in { $dir }: { $error }; nothing was written
cmd-import-cannot-write = cannot write { $path }: { $error } ({ $written } of { $total } files written; copies of the replaced ones are in { $dir })
cmd-import-cannot-remove = cannot remove { $path }: { $error }
cmd-import-removed = Removed { $path }: { $why }.
cmd-import-wrote = Wrote { $count } unit { $count ->
        [one] file
       *[other] files
    } in { $dir }: { $new } new, { $updated } updated, { $replaced } replaced; { $unchanged } unchanged.
cmd-import-units-in-order = { $name }: { $units } { $units ->
        [one] unit
       *[other] units
    } in the act's order:
# The words of each unit's row (the code aligns the columns).
cmd-import-smartizzabili = { $count ->
        [one] smartizzabile
       *[other] smartizzabili
    }
cmd-import-parzialmente-smartizzabili = { $count ->
        [one] smartizzabile in part
       *[other] smartizzabili in part
    }
cmd-import-non-smartizzabili = { $count ->
        [one] non smartizzabile
       *[other] non smartizzabili
    }
cmd-import-action-new = new
cmd-import-action-update = update
cmd-import-action-unchanged = unchanged
cmd-import-action-replace = replace
cmd-import-totals = { $units ->
        [0] { $activities } { $activities ->
            [one] activity
           *[other] activities
        } for the whole body
       *[other] { $units } { $units ->
            [one] unit
           *[other] units
        }, { $activities } { $activities ->
            [one] activity
           *[other] activities
        }
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }.
cmd-import-renamed = note: { $why }
# $dry_run: yes | no
cmd-import-updating = { $dry_run ->
        [yes] Would update
       *[no] Updating
    } { $path }: { $added } added, { $removed } removed, { $moved } moved, { $changed } changed, { $details } with a new note or ambiti
cmd-import-kept = Kept, not in { $name } ({ $count } { $count ->
        [one] unit; --force removes it
       *[other] units; --force removes them
    }, keeping a copy):

## init (cmd/init/mod.rs)

cmd-init-empty-ente = --ente is empty: give the body's name, e.g. --ente "Comune di Esempio"
cmd-init-bad-epoch = SOURCE_DATE_EPOCH `{ $value }` is not a number of seconds since 1970-01-01
cmd-init-folder-is-a-file = { $root } is a file, not a folder: name the folder of the new site (a new one, or that of an existing site)
cmd-init-in-root = the site is not created in { $root }: it is the filesystem's root; give a new folder, for example: trasparenza init { $inside }
cmd-init-in-home = the site is not created in { $root }: it is your home folder, and the site's files would land among your own; give a new folder inside it, for example: trasparenza init { $inside }
cmd-init-inside-site = the site is not created in { $root }: it is inside the { $folder }/ folder of the site { $site }, and its files would be published as part of that site; that site needs no init (trasparenza build --root { $site }), for a new site give a folder outside { $site }
cmd-init-cannot-create = cannot create the site folder { $root }: { $error }
cmd-init-cannot-write = cannot write { $path }: { $error }
cmd-init-created = Created in { $root }:
cmd-init-kept = Kept, already there (not overwritten):
cmd-init-example-not-added = Not added, since content/ already holds files (it would be published beside them):
# $count: how many settings are left (1 or 2); $first and $second name them.
cmd-init-replace = Next: replace { $count ->
        [one] { $first }
       *[other] { $first } and { $second }
    } in content/_sito.yaml (`trasparenza check` lists what is left),
# $step: example | lists | switch | units
cmd-init-then = then { $step ->
        [example] import the catalogue or edit content/ufficio-esempio.yaml
        [lists] write the act's lists and its rule (altre_attivita) in content/_sito.yaml
        [switch] for one list for the whole body, write the act's lists and its rule (altre_attivita) in content/_sito.yaml (already there, not changed), as in the commented examples at its end, and delete content/ufficio-esempio.yaml
       *[units] import the catalogue or add a file per unit to content/
    }.
cmd-init-next = Next: { $step ->
        [example] import the catalogue or edit content/ufficio-esempio.yaml
        [lists] write the act's lists and its rule (altre_attivita) in content/_sito.yaml
        [switch] for one list for the whole body, write the act's lists and its rule (altre_attivita) in content/_sito.yaml (already there, not changed), as in the commented examples at its end, and delete content/ufficio-esempio.yaml
       *[units] import the catalogue or add a file per unit to content/
    }.
cmd-init-ask-shape = How does the act list the activities? 1) uffici: a list for each office, one file per unit; 2) elenco: one list for the whole body, in _sito.yaml. [uffici]
# $flag: " --root FOLDER", or nothing for the current folder.
cmd-init-preview-and-build = Preview: trasparenza serve{ $flag }    Build: trasparenza build{ $flag }
