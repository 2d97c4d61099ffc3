# The import report's own sentences (src/import/): where a thing is in the
# imported file, what was skipped or doubted, why a plan is refused, each
# change to a unit. The command's lines around them are in cmd.ftl.

## Places in the imported file (import/mod.rs and the readers)

# $table: a table's label (import-label-*); $cell: B5.
import-place-cell = { $table }, cell { $cell }
import-place-row = { $table }, row { $row }
import-place-row-column = { $table }, row { $row }, column { $column }
import-place-line = line { $line }
import-place-line-column = line { $line }, column { $column }
import-place-outside = outside the tables
import-label-table = table { $n }
import-label-table-named = table { $n } ({ $name })
import-label-sheet = sheet { $name }
import-label-file = the file
import-label-text = the text

## What the catalogue reader skipped or doubts (import/catalogue.rs)

# $first: the first row, its cells quoted.
import-no-header = skipped ({ $rows } { $rows ->
        [one] row
       *[other] rows
    }): no header row naming the unit and the activities (it starts with { $first })
import-title-above-header = skipped: a title above the header row: { $row }
import-header-repeated = skipped: the header row repeated (as at the top of a page)
import-not-a-row = skipped: not a row of the table (no tab in the line): "{ $text }"
import-outside-not-read = { $count } { $count ->
        [one] paragraph
       *[other] paragraphs
    } not read (a catalogue is read from tables only), the first: "{ $first }"
import-column-no-header = this column has no header: its text in { $rows } { $rows ->
        [one] row
       *[other] rows
    } was not imported
import-column-not-read = column "{ $name }" is not part of the catalogue: its text in { $rows } { $rows ->
        [one] row
       *[other] rows
    } was not imported
import-column-not-read-no-unit = column "{ $name }" was not read ({ $rows ->
        [one] 1 row
       *[other] { $rows } rows
    }), and the table has no unit column: its activities are imported for the whole body; if the column names the offices, title it "Ufficio" and import again
import-no-unit = skipped: activities with no unit named in this row or above it
import-joined = joined to the item before it, as a sentence broken across a page: "…{ $before }" + "{ $after }…"
import-no-activity = skipped: no activity in this row
import-kind-unclear = skipped: `{ $value }` does not say whether the activity is smartizzabile (write sì or no)
import-kind-empty = skipped: "{ $activity }": the cell is empty and does not say whether the activity is smartizzabile (write sì or no)
import-total-row = skipped: a row of totals, not a unit or an activity: { $row }
import-sheet-hidden = { $rows ->
        [one] skipped 1 row
       *[other] skipped { $rows } rows
    }: the sheet is hidden in the workbook; to read it, choose it with --sheet
import-list-none = "{ $text }": the act says the list { $list } is empty; it is not an activity and was not imported
import-unit-in-two-sheets = "{ $unit }" is also in another sheet ({ $first }): the activities of both sheets are imported together, as one unit; if a sheet is an earlier version of the catalogue, import only the right one with --sheet NAME
import-formula-error = skipped: the cell shows `{ $error }`, the error of a formula of the sheet, not a text of the act; fix the formula (or type the text) and import again: { $row }
import-condition-not-partial = condition not imported: "{ $condition }" goes with an activity the act does not say is done only in part (a condition belongs to activities parzialmente smartizzabili only)
import-run-together = this item of "{ $unit }" looks like several activities run together: "{ $start }…"; check it and split it in the unit file
import-no-activities = "{ $unit }" has no activities: no file is written for it

## Files that cannot be read (the readers)

import-cannot-read = cannot read { $path }: { $error }
import-too-many-cells = the tables of this file have more than { $max } cells (merged and repeated cells counted): not a catalogue
import-too-many-cells-hint = import the file that holds only the act's table
import-csv-unreadable = line { $line }: this CSV cannot be read: { $error }
import-csv-unreadable-hint = a quote `"` opened in a cell is never closed; or choose the separator with --delimiter
import-html-too-deep = { $place }: the HTML is nested more than { $max } levels deep (elements inside elements); no act's table is, and browsers stop there too: not read
import-html-too-deep-hint = save the page again from the program that made it, or copy the table into a .docx or .txt file
# $kind: .xlsx, .xls or .ods
import-sheet-damaged = cannot read this { $kind } spreadsheet: { $error }
import-sheet-damaged-hint = open it in Excel or LibreOffice Calc and save it again as { $kind }
import-no-such-sheet = there is no sheet named `{ $name }`
# $sheets: the names, each in backticks, joined by commas.
import-no-such-sheet-hint = the sheets are: { $sheets }
import-sheet-unreadable = cannot read sheet `{ $name }`: { $error }
# $member: word/document.xml; $kind: .docx or .odt
import-xml-member = { $member } of this { $kind } file
# $what: import-xml-member
import-xml-damaged = { $what } is damaged: { $error } (at byte { $byte })
import-xml-damaged-hint = open it in Word or LibreOffice and save it again
import-not-zip = this is not a { $kind } file (it is not a zip container)
import-save-again-hint = save it again as { $kind } from Word or LibreOffice
import-no-member = this { $kind } file has no { $member }
import-member-too-large = { $member } of this { $kind } file is larger than { $mib } MiB unpacked: not a catalogue
import-text-too-long = more than { $mib } MiB of text without markup; no act's table holds that

## The plan (import/target.rs, import/update.rs)

import-root-not-a-folder = --root { $root }: is a file, not a folder: give the site folder (the one holding content/)
import-conflict-link = { $path } is a symbolic link, or in a linked folder: import does not write through links
# $backup: content/.trasparenza-backup
import-conflict-link-hint = --force writes to the file it leads to (a copy is kept in { $backup }/)
import-conflict-line-ends = { $path } cannot be updated in place: it has line ends import does not keep (a lone CR)
# $why: one of import-list-*
import-conflict-update = { $path } cannot be updated in place: { $why }
import-conflict-replace-hint = --force replaces it whole (a copy is kept in { $backup }/)
import-conflict-unreadable = { $path } exists already, it does not read as a unit (`trasparenza check` says why)
import-conflict-not-a-unit = { $path } exists already, not a unit file import can update
import-conflict-exists-hint = fix it or move it away, or run again with --force to replace it (a copy is kept in { $backup }/)
import-conflict-outside = { $path } leads outside { $content }: import writes only there
import-conflict-source = { $path } is the file being imported: import would replace what it reads
# $unit: the unit's name; $base: the address it would take; $file: content/x.yaml
import-renamed-page = { $unit } would publish at { $base }/, but the extra page { $page } has that address: it is written as { $file }
import-renamed-reserved = { $unit } would publish at { $base }/, but the generator makes a page of that name: it is written as { $file }
import-renamed-taken = { $unit } would publish at { $base }/, but another file of the site has that name: it is written as { $file }
import-removal-not-imported = not in the imported file
import-kept-renamed = { $path } ("{ $old }") shares at least half its activities (and more than one) with the new unit "{ $new }": if the act renamed it, both would be published with the same activities: then delete { $path }
import-removal-example = the example unit made by `trasparenza init`
import-write-nothing = cannot write { $path }: { $error }; nothing was written
import-write-partly = cannot write { $path }: { $error } ({ $written } of { $total } { $total ->
        [one] file
       *[other] files
    } written; no existing file had been replaced)
import-backup-is-link = { $path } is a symbolic link
# Why a unit's file cannot be updated in place; $key: smartizzabili | non_smartizzabili
import-list-moved = its list `{ $key }` is not where it was read
import-list-not-at-margin = its list `{ $key }` is not written as `key:` at the start of a line
import-list-empty = its list `{ $key }` has no items
import-list-not-one-per-line = its list `{ $key }` is not written one item per `- ` line
import-list-indistinct = its list `{ $key }` has items import cannot tell apart
import-list-unplaceable = its list `{ $key }` has a line import cannot place
# A bug of the writer (a file would not publish what was imported).
import-bug-unreadable = { $path } does not read back: { $error }
import-bug-different = { $path } reads back different from the imported text

## One change of a unit updated (import/target.rs); $smart: yes | no

import-change-added = + added to { $list ->
        [smartizzabili] smartizzabili
        [parzialmente_smartizzabili] parzialmente smartizzabili
       *[non_smartizzabili] non smartizzabili
    }: { $text }
import-change-removed = - removed from { $list ->
        [smartizzabili] smartizzabili
        [parzialmente_smartizzabili] parzialmente smartizzabili
       *[non_smartizzabili] non smartizzabili
    }: { $text }
import-change-moved = > moved to { $list ->
        [smartizzabili] smartizzabili
        [parzialmente_smartizzabili] parzialmente smartizzabili
       *[non_smartizzabili] non smartizzabili
    }: { $text }
import-change-changed = ~ changed: { $before } -> { $after }
import-change-note-dropped = the note written in the file for "{ $text }" goes with the activity (the backup copy keeps it): "{ $note }"
