# Earlier editions (editions.rs). The id is the stable code.

editions-partial-copy = a partial copy left by an interrupted `archivia`: it is not published
    .hint = the next `trasparenza archivia` removes it; or delete the folder
    .spiegazione =
        `trasparenza archivia` copies the edition into a hidden folder before giving it its name; this copy was left by a run that was interrupted.
        It is not published. The next `archivia` removes it, or it can be deleted by hand.

editions-not-a-folder = this file is not an edition and is not published
    .hint = each earlier edition is a folder, `content/_archivio/2025/`, holding a whole content folder
    .spiegazione =
        `content/_archivio/` holds one folder per earlier edition; a file placed directly inside it is not an edition.
        Move the file into the edition it belongs to, or out of `_archivio/`.

editions-invalid-edition-name = `{ $name }` is not a valid edition name: names must be lowercase letters, digits and single dashes, like `2025` or `2025-2027`
    .hint = rename the folder to `{ $suggestion }`
    .spiegazione =
        The name of an edition's folder becomes part of its address (`archivio/2025/`), so it may hold only lowercase letters, digits and single dashes.
        Rename the folder, for example `2025-2027`.

editions-edition-expired = the edition `{ $edition }` (published { $published }) is past the five-year window of D.Lgs. 33/2013, art. 8 c. 3 since { $since }: it may be removed
    .hint = keep it if you wish (it is lawful); to stop publishing it, delete its folder
    .spiegazione =
        D.Lgs. 33/2013 (art. 8 c. 3) requires data to stay published for five years from 1 January of the year after publication; for this edition that period is over.
        This is only a note: the edition may stay online. To stop publishing it, delete its folder in `content/_archivio/`.
