# Checks across fields and files (validate.rs): diagnostics of `check`, `build` and `serve`. The id is the stable code.

validate-invalid-file-name = `{ $slug }` is not a valid file name for the site: names must be lowercase letters, digits and single dashes
    .hint = rename the file to `{ $suggestion }.{ $ext }`
    .spiegazione =
        The name of the file becomes the address of its page, so it may hold only lowercase letters without accents, digits and single dashes.
        Rename the file as suggested, for example `ufficio-tributi.yaml` rather than `Ufficio Tributi.yaml`.

validate-reserved-name = the name `{ $slug }` is used by a page the generator makes itself
    .hint = rename the file, for example to `ufficio-{ $slug }`
    .spiegazione =
        Some addresses (`tabella`, `cerca`, `archivio`, `assets`, ...) belong to pages the program makes; a file with the same name would take their place.
        Rename the file with a longer name.

validate-name-taken = the name `{ $slug }` is already used by { $other }: two files would publish at the same address
    .hint = rename one of the two files
    .spiegazione =
        Two files give the same name to their page (for example `tributi.yaml` and `tributi.md`), and only one page can be published at an address.
        Rename one of the two files.

validate-update-in-future = `aggiornato_il` is { $date }, after today ({ $today }): every page would show an update that has not happened
    .hint = write the day the catalogue was last updated, e.g. the date of the act
    .spiegazione =
        The date of the last update is later than today, and every page shows it to the public.
        Write the date of the last real update, for example that of the act that approved the catalogue.

validate-in-force-too-long = the catalogue is in force since { $since }, more than { $years } { $years ->
        [one] year
       *[other] years
    } ago, with no end: every page says "In vigore"
    .hint = if a newer act replaced it, add `valido_al` (the last day in force) or publish the new catalogue
    .spiegazione =
        The catalogue has a start of validity (`valido_dal`) several years ago and no end (`valido_al`), so every page still says "In vigore". A PIAO covers three years.
        This is only a note: if the act is still in force, nothing needs to change; otherwise add `valido_al` or archive it and publish the new catalogue.

validate-base-url-credentials = the base_url holds a user name or a password (`...@` before the host): it would be published in every page and in the open data
    .hint = remove the part up to `@` (the address of the published site needs no login); if it was a real password, change it
    .spiegazione =
        The address in `base_url` contains a user name or a password, which would be printed in every link, in the sitemap and in the open data.
        Remove the part before `@`; if the password was real, ask for it to be changed, since it may already be in the history of the files.

validate-base-url-is-a-page = `{ $url }` is the address of a page, not of the site's folder: every address of the site would be below it (`{ $url }/unit-name/`), in the pages, the sitemap and the open data
    .hint = write the folder's address: `base_url: { $folder }`
    .spiegazione =
        `base_url` is the address of the folder the site is published in, not of one of its pages: copied from the browser's address bar it may end with `index.html` or `.php`, and wrong addresses would be made from it.
        Remove the page's name and keep the folder, ending with `/`.

validate-ipa-code-unlikely = `{ $code }` does not look like an IPA code: the codes of the Index of the public administrations' digital addresses are short, with no spaces (for example `c_h501` for a Comune), and it is published as the body's identifier in the open data
    .hint = the body's code is on www.indicepa.gov.it; if it is not known, remove the `codice_ipa` line
    .spiegazione =
        `codice_ipa` is the body's code in the Index of the public administrations' digital addresses (IPA): it is published in the DCAT-AP_IT metadata, where it identifies who publishes the data for dati.gov.it.
        It is short, made of letters, digits and underscores (a Comune has `c_` followed by its land-registry code, for example `c_h501`); a name or a sentence there would publish a false identifier.

validate-area-spelt-two-ways = the area `{ $area }` is written `{ $other }` in { $file }: the home page would show two areas instead of one
    .hint = write the area's name the same way in every file (capitals and spaces included), as in the act
    .spiegazione =
        The home page groups the units by area using the text of `area` as it is written: `Area Finanziaria` and `Area finanziaria` (or with one more space) become two separate areas, each with its own units.
        Write the area the same way in every unit file.

validate-unit-name-twice = the unit `{ $name }` has the same name as the unit of { $file }: two units with one name would be published where the act has one
    .hint = if it is the same unit, gather its activities into one file and delete the other; if they are two units, write each name as the act does, which tells them apart (for example with the office's seat)
    .spiegazione =
        Each file in `content/` is an organizational unit with its own page. Two files with the same `nome` in the same area (for example a copy of a file made in the web editor, or a second import) publish two units of one name, counted twice.
        Gather the activities into one file, or give each unit the name it has in the act. The same name in two different areas (a `Segreteria` in each) is allowed.

validate-common-activity-repeated = the activity "{ $text }" is already among those common to every office (`{ $common }` of `_sito.yaml`): here, in `{ $list }`, it would be published and counted a second time for this unit
    .hint = remove it from this file, since it already applies to every office; or remove it from `_sito.yaml`, if it is not common to all
    .spiegazione =
        The activities listed in `_sito.yaml` apply to every unit and appear on each unit's page. When a unit repeats them in its own file, its page and the counts have them twice.
        Keep each activity in one place: in `_sito.yaml` if it belongs to every office, in the unit's file if it is its own.

validate-invalid-base-url = `{ $url }` is not a valid base_url: it must be an absolute http(s) address, such as https://www.comune.esempio.it/amministrazione-trasparente/lavoro-agile/
    .spiegazione =
        `base_url` is the full address at which the site will be published; the links, the sitemap and the open data are built from it.
        Write it in full, starting with `https://` and ending with `/`.

validate-invalid-colour = `{ $colour }` is not a colour
    .hint = write it as "#rrggbb" in quotes, for example "#006643"
    .spiegazione =
        `colore_primario` is written as a hexadecimal colour: `#` followed by six digits or letters from a to f.
        Put it in quotes, since YAML reads the rest of a line after ` #` as a comment: `colore_primario: "#006643"`.

validate-colour-too-light = `{ $colour }` is too light: white text on it has a contrast of { $ratio }:1, accessibility (WCAG AA) needs at least 4.5:1
    .hint = choose a darker shade of the body's colour
    .spiegazione =
        The site writes white text on the primary colour; on a light colour that text is hard to read, and the accessibility rules (WCAG 2.1 AA, required of public bodies) ask for a contrast of at least 4.5:1.
        Choose a darker shade of the same colour.

validate-dates-reversed = `valido_al` ({ $until }) comes before `valido_dal` ({ $since })
    .hint = check the two dates: the act is in force from `valido_dal` to `valido_al`
    .spiegazione =
        The end of validity comes before its start, so the period shown on the pages would make no sense.
        Check the two dates against the act; they may have been swapped.

validate-not-a-web-address = `{ $key }` is not a web address: `{ $url }`
    .hint = write the full address, starting with https://
    .spiegazione =
        This key holds a link that the pages show, and it must be a full web address.
        Write it starting with `https://`, as copied from the browser's address bar.

validate-unknown-licence = unknown licence `{ $licence }`
    .hint = use one of: { $licences }
    .spiegazione =
        `licenza` names the licence of the open data with one of a few fixed codes, and the one written is not among them.
        Use one of the codes listed in the hint, or remove the key to use the default licence.

validate-citation-without-rule = `altre_attivita_citazione` without `altre_attivita`: the act's words are not published
    .hint = add `altre_attivita: smartizzabili` or `altre_attivita: non_smartizzabili`, as the quoted sentence says
    .spiegazione =
        `altre_attivita_citazione` holds the act's sentence saying what applies to the activities it does not list; the pages quote it under the rule, that is under `altre_attivita`.
        Without `altre_attivita` in the same file the quotation appears nowhere: write the rule the sentence states (`smartizzabili` if the other activities are done in lavoro agile, `non_smartizzabili` if in presence), or remove the quotation.

validate-catalogue-empty = the catalogue lists no activity
    .hint = add a file per unit in content/, or the lists `smartizzabili:` / `non_smartizzabili:` (and `altre_attivita:`) here in _sito.yaml
    .spiegazione =
        The site has no units and `_sito.yaml` lists no activity, so every page would be empty.
        Add a file for each unit in `content/` (or import the catalogue with `trasparenza import`), or, for an act with no offices, write the lists in `_sito.yaml`.

validate-catalogue-one-sided = the catalogue lists no activity under `{ $list }` and does not say what applies to the activities not listed: its pages would say there is none ("0 { $label }")
    .hint = write here what the act says of the activities it does not list: `altre_attivita: smartizzabili` or `altre_attivita: non_smartizzabili`
    .spiegazione =
        No unit and no list of `_sito.yaml` has an activity on one side (for example none smartizzabile), and no `altre_attivita` rule says what applies to the activities the act does not list. The home page would then publish "0 smartizzabili (0%)" and each unit page "Nessuna attività", while an act that lists one side usually says that every other activity is on the other (for example "le attività non elencate sono svolte in lavoro agile").
        If the act says so, write it once in `_sito.yaml`: `altre_attivita: smartizzabili` or `altre_attivita: non_smartizzabili`; it applies to every unit that does not state its own. If the act does not say so, the catalogue would publish a count the act does not contain: check it with whoever wrote the act.
        It is for the current edition: an archived edition in `content/_archivio/` is the act as it was published and gets no such warning.

validate-unit-one-sided = the unit lists no activity under `{ $list }` and no rule says what applies to those not listed: its page would say "Nessuna attività" and the home page "0 { $label }"
    .hint = write what the act says of the activities not listed: `altre_attivita: smartizzabili` or `altre_attivita: non_smartizzabili`, here or in `_sito.yaml` for every unit
    .spiegazione =
        The unit lists activities on one side only, has no `altre_attivita`, and neither has `_sito.yaml`: its page would publish "Nessuna attività" under the other side and its card on the home page "0", as if the act said there were none. Usually the act says instead what applies to the activities not listed.
        Write that rule: `altre_attivita: smartizzabili` or `altre_attivita: non_smartizzabili` in the unit's file, or once in `_sito.yaml` if it applies to all. If the act really lists every activity of the unit, `altre_attivita` naming the listed side says so explicitly.
        It is for the current edition: an archived edition in `content/_archivio/` is the act as it was published and gets no such warning.

validate-unit-is-the-body = the only unit, "{ $name }", is named like the whole body: it would be published as an office with a page of its own
    .hint = a list for the whole body goes in `_sito.yaml` (`smartizzabili:`, `non_smartizzabili:`, `altre_attivita:`), with no unit file
    .spiegazione =
        The catalogue has one unit and its name is the body's (or "Ente", "Tutti gli uffici"): it is the list of an act without offices written as if it were an office, and the site would publish a page and a card for an organisational unit that does not exist.
        Move the lists to `_sito.yaml` (the keys `smartizzabili`, `non_smartizzabili` and `altre_attivita`, as in the unit's file) and delete the unit's file; the home page will show the body's activities.
        It is for the current edition: an archived edition in `content/_archivio/` is the act as it was published and gets no such warning.

validate-unit-no-activities = the unit has no activities
    .hint = add at least one activity under `smartizzabili:` or `non_smartizzabili:`, or say `altre_attivita: smartizzabili` (or `non_smartizzabili`) for all of them
    .spiegazione =
        A unit must list at least one activity, or say with `altre_attivita` how all of its activities are classified.
        For example:

            nome: Ufficio Tributi
            smartizzabili:
              - Istruttoria delle istanze di rimborso

validate-duplicate-activity = the same activity appears more than once in `{ $list }`: "{ $text }"
    .hint = it is already at line { $line }; remove this copy, or leave it if the act repeats it
    .spiegazione =
        The same text is listed twice in the same list, and the page would show it twice.
        Delete the copy at the line shown, unless the act itself repeats it.

validate-stray-dash-at-end = the activity ends with a stray dash
    .hint = check that the text was not cut when it was copied
    .spiegazione =
        The text ends with a dash, usually the sign that the rest of the sentence was lost when it was copied from the act.
        Compare it with the act and complete it.

validate-stray-mark-at-start = the activity starts with a stray `{ $mark }`
    .hint = remove it: the `- ` at the start of the line already makes the item (the text was probably pasted from a list)
    .spiegazione =
        The text begins with a dash or a bullet pasted from a list, which the page would show before the activity.
        Delete it: the `- ` at the start of the line is enough.

validate-activity-in-both-lists = the activity "{ $text }" is both smartizzabile and non smartizzabile
    .hint = keep it in only one of the two lists
    .spiegazione =
        The same activity is in `smartizzabili` and in `non_smartizzabili` of the same unit, which cannot both be true.
        Check the act and keep it in the right list only.

validate-activity-in-two-lists = the activity "{ $text }" is both in `{ $first }` and in `{ $second }`
    .hint = keep it in only one of the two lists
    .spiegazione =
        The same activity is in two lists of the same unit (for example in `smartizzabili` and in `parzialmente_smartizzabili`), which cannot both be true.
        Check the act and keep it in the right list only: an activity the act allows in lavoro agile only in part, by rotation or under conditions goes in `parzialmente_smartizzabili`, with its `condizione`.
