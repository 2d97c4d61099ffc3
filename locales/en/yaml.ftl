## Problems of the YAML files: syntax (src/yaml.rs), the shape of each file
## (src/yaml/schema.rs) and slips of typing (src/yaml/slips.rs).
## Each message's id is its stable code; .spiegazione is the text of
## `trasparenza spiega CODE`.
## Selectors passed by the code as plain strings (never translated text):
##   $item     none | activity | item
##   $record   site | unit | page | activity | crumb | fonte | collegamenti
##   $found    null | bool | number | text | list | map | tagged
##   $expected text | line | integer | date | list | record | choice
##   $severity error | warning
##   $quotes   double | single

## YAML syntax (yaml.rs)

yaml-file-empty = the file is empty
    .hint = { $record ->
        [site] write at least `ente`, `titolo`, `base_url` and `aggiornato_il`
        [page] write at least `titolo: Titolo della pagina`
       *[unit] write the unit's `nome` and its activities, as in the other files
    }
    .spiegazione =
        The file holds nothing but blank lines or comments, so there is nothing to publish from it.
        Fill it in as the other files of the same kind are, or delete it if it was created by mistake.

yaml-nested-too-deep = lists or groups are nested too deeply here
    .hint = content files need only two or three levels of indentation
    .spiegazione =
        The file opens more than 128 lists or groups one inside the other (`[`, `{"{"}` or indentation), which no content file needs.
        It is usually a paste gone wrong or a file that is not content at all. Compare it with another unit file and rewrite the part shown.

yaml-unknown-key = unknown key `{ $key }`
    .hint = did you mean `{ $suggestion }`?
    .hint-keys = the valid keys here are: { $keys }
    .hint-condizione = `condizione` is only for the activities in `parzialmente_smartizzabili`: move the activity to that list, or remove the line
    .spiegazione =
        The file uses a key that this kind of file does not have, often a key with a typing mistake (`smartizabili` for `smartizzabili`).
        A key that is not recognised would be silently ignored and its content not published, so the build stops.
        Correct the spelling as the hint suggests, or remove the line.

yaml-duplicate-key = the key `{ $key }` appears twice
    .hint = keep only one of them (YAML would silently use the last one)
    .spiegazione =
        The same key is written twice in the same group. YAML would keep only the last value and drop the first without saying so.
        Merge the two into one: for a list, move all the `- ` items under a single key.

yaml-missing-key = the required key `{ $key }` is missing
    .hint = add a line `{ $key }: ...`
    .spiegazione =
        A key that every file of this kind must have is not there, so the page cannot be made.
        Add a line with the key and its value, as in the other files.

yaml-tab-indent = a tab character is used here; YAML indentation must use spaces
    .hint = replace the tab with spaces (two spaces per level, as in the rest of the file)
    .spiegazione =
        YAML does not accept the tab character for indentation: the lines of a file must be indented with spaces only.
        Tabs often come from editors that insert them automatically. Replace each tab at the start of the line with spaces, two per level.

yaml-second-document = a line `---` starts a second YAML document in the same file
    .hint = one file holds one unit: remove this line, or move what follows into its own file
    .spiegazione =
        In YAML a line `---` after some content starts a new document, and a content file holds one only.
        It happens when two files are pasted into one. Delete the line, or move what follows it into a new file.

yaml-control-character = the text holds an invisible control character ({ $code }), which YAML does not allow
    .hint = delete it (it usually comes from pasting text copied from another program)
    .spiegazione =
        The text holds a control character that cannot be seen but that YAML refuses (its code is shown in brackets).
        It usually arrives with text copied from a PDF, a spreadsheet or an e-mail. Delete the character (or retype the word around it).

yaml-alias-repetition = the file repeats YAML aliases (`*name`) too many times
    .hint = write the text out instead of using anchors (`&name`) and aliases (`*name`)
    .spiegazione =
        The file uses aliases (`*name`) that copy other values so many times that reading it would take too long; it is refused.
        Content files do not need anchors and aliases: write each text out where it belongs.

yaml-unclosed-quote = the quotation mark `{ $quote }` opened here is never closed
    .hint = end the text with `{ $quote }` on the same line
    .spiegazione =
        A text starts with a quotation mark but does not end with the same mark, so YAML reads the rest of the file as part of it.
        Add the closing mark at the end of the text. A quotation mark inside a text in double quotes is written `\"`; inside single quotes, `''`.

yaml-unclosed-bracket = the `{ $open }` opened here is never closed with `{ $close }`
    .hint = add `{ $close }` at the end, or write the items as `- ` lines
    .spiegazione =
        A list in square brackets or a group in braces is opened here and never closed.
        Close it at the end, or better write the items one per line, each starting with `- `, as in the other files.

yaml-bad-indentation = this line is not indented like the lines around it
    .hint = keys of the same group start in the same column; list items start with `- ` under their key (use spaces, not tabs)
    .spiegazione =
        In YAML the indentation (the spaces at the start of a line) says what belongs to what. This line starts in a column that matches no group above it.
        Align it with the lines of the same group; the items of a list start with `- ` a little to the right of their key.

yaml-invalid = the file is not valid YAML here: { $detail }
    .hint = compare this line with a correct one in another file (indentation, quotes, `- ` for list items)
    .spiegazione =
        The YAML reader stopped at this point; the detail after the colon is its own description of the problem (in English).
        Compare the line, and the one before it, with a correct file: the cause is usually indentation, a quotation mark or a missing `- `.

yaml-list-line-without-dash = this line is indented like the list's items, but does not start with `- `
    .hint = if it is an item of the list, start it with `- `; if it is a new key (like `non_smartizzabili:`), remove its indentation, so that it starts in the same column as the list's key
    .spiegazione =
        In a list every item starts with `- `, all with the same indentation. A line with that indentation but no dash is neither an item nor a key: it happens when an activity's dash is lost, or when a key like `non_smartizzabili:` is indented like the activities above it.
        Add `- ` at the start of the activity, or move the key to the start of the line.

yaml-line-without-key = this line is neither a key (`key: value`) nor an item of a list (`- text`)
    .hint = if it is an activity, write it as `- text` under its list, with the same indentation as the others; if it continues the text of the line above, indent it more than that line
    .spiegazione =
        Each line of a content file is a key followed by `:` and its value, an item of a list starting with `- `, or the continuation, indented more, of the text of the line above. A line of plain text at the start of the line is none of these.
        Make it an activity (`- text`) in the right list, or indent it if it continues the text above.

yaml-colon-in-text = this text contains `: ` (colon and space), which YAML reads as a key followed by a value
    .hint = put the whole text in double quotes: { $quoted }
    .spiegazione =
        In YAML a colon followed by a space separates a key from its value, so an activity such as `Taxi e NCC: istruire gli atti` is read as a key, not as text.
        Put the whole text in double quotes:

            smartizzabili:
              - "Taxi e NCC: istruire gli atti"

## The shape of each file (yaml/schema.rs)

yaml-not-a-map = the file should be a list of keys (`key: value` lines), but it is { $found ->
        [null] nothing
        [bool] a yes/no value
        [number] a number
        [list] a list
        [map] a group of keys
        [tagged] a tagged value
       *[text] text
    }
    .hint = { $record ->
        [site] write at least `ente`, `titolo`, `base_url` and `aggiornato_il`
        [page] write at least `titolo: Titolo della pagina`
       *[unit] write the unit's `nome` and its activities, as in the other files
    }
    .spiegazione =
        A content file is a series of `key: value` lines; this one holds something else at the top (a lone text, a list).
        Start the file with its keys, as the other files of the same kind do.

yaml-missing-key-in = the required key `{ $key }` is missing from { $record ->
        [site] the site settings
        [page] the front matter
        [activity] this activity
        [crumb] this step of `percorso`
        [fonte] `fonte`
        [collegamenti] `collegamenti`
       *[unit] the unit
    }
    .hint = add a line `{ $key }: ...`
    .spiegazione =
        A key that this group must have is not there: a unit needs its `nome`, the site settings need `ente`, `titolo`, `base_url` and `aggiornato_il`, an activity written as a group needs its `testo`.
        Add the key with its value, indented like the other keys of the group.

yaml-tag-not-allowed = { $item ->
        [activity] an activity in `{ $key }`
        [item] an item of `{ $key }`
       *[none] `{ $key }`
    } has a YAML tag `!{ $tag }`, which content files do not use
    .hint = remove `!{ $tag }`
    .spiegazione =
        A word starting with `!` before a value is a YAML tag, which changes how the value is read; content files never need one.
        Remove the tag and leave the value as plain text.

yaml-bidi-character = { $item ->
        [activity] an activity in `{ $key }`
        [item] an item of `{ $key }`
       *[none] `{ $key }`
    } holds an invisible character that changes the direction of the text ({ $code }): the page would show it in another order than it is written
    .hint = type the text again without it (it usually comes with text pasted from elsewhere)
    .spiegazione =
        The text holds an invisible character that reverses the direction of writing (used for Arabic or Hebrew): the published page would show the words in an order different from the file.
        Retype the text, or delete and rewrite the part around the position shown.

yaml-only-invisible = { $item ->
        [activity] an activity in `{ $key }`
        [item] an item of `{ $key }`
       *[none] `{ $key }`
    } holds only invisible characters: it would be published empty
    .hint = write the text, or remove the line
    .spiegazione =
        The value seems filled in but holds only invisible characters (zero-width spaces, soft hyphens), so the page would show an empty line.
        Write the text, or delete the line.

yaml-invalid-date = `{ $value }` is not a valid date
    .hint = { $meant ->
        [none] write it as YYYY-MM-DD, for example 2026-11-26
       *[other] write it as YYYY-MM-DD: { $meant }
    }
    .spiegazione =
        Dates are written year-month-day with digits and dashes, the way the pages and the open data read them.
        Write for example `aggiornato_il: 2026-11-26`, not `26/11/2026`.

yaml-not-a-choice = { $item ->
        [activity] an activity in `{ $key }`
        [item] an item of `{ $key }`
       *[none] `{ $key }`
    } cannot be `{ $value }`
    .hint = did you mean `{ $suggestion }`?
    .hint-choices = write one of: { $choices }
    .spiegazione =
        This key accepts only a few fixed words, and the one written is not among them.
        Write one of the words listed in the hint, exactly as spelled there; for example `altre_attivita: smartizzabili`.

yaml-item-no-text = { $item ->
        [activity] an activity in `{ $key }`
        [item] an item of `{ $key }`
       *[none] `{ $key }`
    } has no text
    .hint = write the text, or remove the empty `-` line
    .spiegazione =
        A list line has the dash `-` but no text after it, so the page would show an empty item.
        Write the activity after `- `, or delete the line.

yaml-empty-value = { $item ->
        [activity] an activity in `{ $key }`
        [item] an item of `{ $key }`
       *[none] `{ $key }`
    } is empty
    .hint = write a value after the colon
    .spiegazione =
        The key is there but has no value after the colon, and this key must have one.
        Write the value on the same line, after `: `.

yaml-wrong-type = { $item ->
        [activity] an activity in `{ $key }`
        [item] an item of `{ $key }`
       *[none] `{ $key }`
    } should be { $expected ->
        [line] a line of text
        [integer] a whole number, like 30
        [date] a date written YYYY-MM-DD
        [list] a list (one `- ` line per item)
        [record] a group of keys (`key: value` lines, indented)
        [choice] one of the words listed in the hint
       *[text] text
    }, but it is { $found ->
        [null] nothing
        [bool] a yes/no value
        [number] a number
        [list] a list
        [map] a group of keys
        [tagged] a tagged value
       *[text] text
    }
    .hint = put the value in double quotes, so YAML reads it as text
    .hint-list = write each item on its own line, starting with `- `
    .hint-choices = write one of: { $choices }
    .spiegazione =
        The value is of a different kind from what the key expects: a list where one text is wanted, a number where a text is wanted, and so on.
        A text that YAML reads as a number or as yes/no (`2026`, `no`) must be put in double quotes; a list is written one `- ` line per item.

## Slips of typing (yaml/slips.rs)

yaml-slip-dash-without-space = this line starts with `-` without a space after it, { $severity ->
        [error] so it is not a new item and YAML cannot read the list
       *[warning] so it is not a new item: YAML adds it to the text of the line above
    }
    .hint = { $severity ->
        [error] use `- ` at the start (a dash and a space), like the other items
       *[warning] if it is a new item, start it with `- ` (a dash and a space) in the same column as the other items' dashes
    }
    .spiegazione =
        A list item starts with a dash followed by a space (`- Sportello`). Without the space (`-Sportello`) the line is not a new item: YAML joins it to the line above, or cannot read the list at all.
        Add the space after the dash.

yaml-slip-bullet = this line starts with `{ $mark }`, which is not a list mark in YAML, { $severity ->
        [error] so it is not a new item and YAML cannot read the list
       *[warning] so it is not a new item: YAML adds it to the text of the line above
    }
    .hint = { $severity ->
        [error] use `- ` at the start (a dash and a space) instead of `{ $mark }`
       *[warning] if it is a new item, start it with `- ` (a dash and a space) in the same column as the other items' dashes, instead of `{ $mark }`
    }
    .spiegazione =
        Bullets pasted from a word processor or an e-mail (`•`, `·`, `–`, `*`) are not list marks in YAML: only a dash followed by a space is.
        Replace the bullet with `- ` in the same column as the other items.

yaml-slip-comment = YAML reads ` #` as the start of a comment: `{ $cut }` is left out of the text
    .hint = if it belongs to the text, put the whole text in { $quotes ->
        [single] single quotes (writing each `'` inside it twice)
       *[double] double quotes
    }: { $suggestion }; a note for the editors goes on a line of its own
    .spiegazione =
        In YAML a `#` after a space starts a comment, which is not published: the text after it is cut off the activity.
        If the `#` is part of the text (`n. #12`), put the whole text in quotes; a note for whoever edits the file goes on a line of its own starting with `#`.

yaml-slip-quoted-start = the text starts with a quotation mark, so YAML takes { $quoted } for the whole text and cannot read what follows
    .hint = put the whole text in { $quotes ->
        [single] single quotes (writing each `'` inside it twice)
       *[double] double quotes
    }: { $suggestion }
    .spiegazione =
        A text that begins with a quotation mark ends, for YAML, where that mark closes: `- 'attività' di portierato` leaves ` di portierato` outside.
        Put the whole text in quotes, as the hint shows.

yaml-slip-double-dash = this line starts with two dashes, so YAML reads a list inside the list instead of a text
    .hint = remove the second `-` (it was probably pasted with the text); to keep it, put the text in { $quotes ->
        [single] single quotes (writing each `'` inside it twice)
       *[double] double quotes
    }: { $suggestion }
    .spiegazione =
        `- - dirigente` is read as a list inside the list, not as the text `- dirigente`: the second dash was usually pasted with the text.
        Delete it, or put the text in quotes if the dash belongs to it.

yaml-slip-anchor = `&{ $name }` is a YAML anchor: YAML copies this value wherever `*{ $name }` is written
    .hint = write the text out in each place instead (whoever edits the file next may not know that a change here changes the others too)
    .spiegazione =
        An anchor (`&name`) marks a value that YAML copies wherever `*name` appears. It works, but whoever edits the file next may change one place without knowing that others change too.
        Write the text out in full in each place.

yaml-slip-alias = `*{ $name }` is a YAML alias: the value published here is the one written at `&{ $name }`
    .hint = write the text out here instead of `*{ $name }`
    .spiegazione =
        An alias (`*name`) publishes here a copy of the value marked `&name` elsewhere in the file; what is read here is not what is published.
        Write the text out in full instead of the alias.

yaml-slip-standard-tag = `{ $tag }` is a YAML tag, which content files do not use: the value is read as the text after it
    .hint = remove `{ $tag }`
    .spiegazione =
        A word starting with `!!` is a YAML type tag; the program ignores it and reads the text after it.
        Remove the tag, so the file shows what is published.

yaml-slip-star = the text starts with `*`, which YAML reads as a reference to an anchor (`*name`)
    .hint = remove the `*` (the `- ` already makes the item), or put the whole text in { $quotes ->
        [single] single quotes (writing each `'` inside it twice)
       *[double] double quotes
    }: { $suggestion }
    .spiegazione =
        In YAML a text starting with `*` is a reference to a value marked elsewhere, not a text: `- * Protocollo` cannot be read.
        Remove the asterisk (the `- ` already makes the item), or put the text in quotes.

## Fragments

# A key that is not a text (a list or a group written as a key), shown
# instead of its name in `yaml-unknown-key`.
yaml-key-not-text = (a list or map used as a key)
