## Reading a content file from disk (src/source.rs).

source-cannot-read = cannot read the file: { $error }
    .spiegazione =
        The file exists but the system refused to read it; the reason given by the system follows the colon.
        Check that the file has not been moved or deleted and that the user running the program may read it.

source-too-large = the file is { $size_kib } KiB, too large to be content (the limit is { $limit_kib } KiB)
    .hint = a unit file holds one unit's activities; split very large files or check this is the right file
    .spiegazione =
        Content files are written by hand and are small; one over the limit is usually a different file saved in `content/` by mistake (an export, an archive).
        Move it out of `content/`, or split a very large unit into several files.

source-utf16 = the file is UTF-16 text ({ $order ->
        [le-bom] little-endian, with a byte order mark
        [be-bom] big-endian, with a byte order mark
        [be] big-endian
       *[le] little-endian
    }), not UTF-8
    .hint = save it as UTF-8: Notepad calls UTF-16 "Unicode"; choose "UTF-8" under Encoding in Save as
    .spiegazione =
        The file was saved in the UTF-16 encoding (Notepad's "Unicode"), which the program does not read: content files are UTF-8.
        Open it and save it again choosing "UTF-8" as the encoding in the Save as window.

source-not-utf8 = the file is not UTF-8 text (byte 0x{ $byte } at byte offset { $offset })
    .hint = save the file as UTF-8 (it was probably saved as Windows-1252 or Latin-1 by an old editor)
    .hint-letter = save the file as UTF-8 (it was probably saved as Windows-1252 or Latin-1 by an old editor, where this byte is `{ $letter }`)
    .spiegazione =
        The file holds bytes that are not UTF-8 text, usually accented letters (à, è, ù) saved by an old editor in the Windows-1252 or Latin-1 encoding.
        Open the file and save it again as UTF-8; check the accented letters near the position shown.

