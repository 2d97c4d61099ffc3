## Leggere un file di contenuto dal disco (src/source.rs).

source-cannot-read = impossibile leggere il file: { $error }
    .spiegazione =
        Il file esiste ma il sistema non ne ha permesso la lettura; dopo i due punti c'è il motivo indicato dal sistema.
        Verificare che il file non sia stato spostato o eliminato e che l'utente che esegue il programma possa leggerlo.

source-too-large = il file è di { $size_kib } KiB, troppo grande per essere un contenuto (il limite è { $limit_kib } KiB)
    .hint = un file di unità contiene le attività di una sola unità; dividere i file molto grandi o verificare che sia il file giusto
    .spiegazione =
        I file di contenuto sono scritti a mano e sono piccoli; uno oltre il limite di solito è un altro file salvato per errore in `content/` (un'esportazione, un archivio).
        Spostarlo fuori da `content/`, oppure dividere un'unità molto grande in più file.

source-utf16 = il file è un testo UTF-16 ({ $order ->
        [le-bom] little-endian, con indicatore dell'ordine dei byte
        [be-bom] big-endian, con indicatore dell'ordine dei byte
        [be] big-endian
       *[le] little-endian
    }), non UTF-8
    .hint = salvarlo come UTF-8: il Blocco note chiama UTF-16 "Unicode"; in "Salva con nome" scegliere "UTF-8" come codifica
    .spiegazione =
        Il file è stato salvato con la codifica UTF-16 (la "Unicode" del Blocco note), che il programma non legge: i file di contenuto sono in UTF-8.
        Aprirlo e salvarlo di nuovo scegliendo "UTF-8" come codifica nella finestra "Salva con nome".

source-not-utf8 = il file non è un testo UTF-8 (byte 0x{ $byte } alla posizione { $offset })
    .hint = salvare il file come UTF-8 (probabilmente un vecchio editor lo ha salvato come Windows-1252 o Latin-1)
    .hint-letter = salvare il file come UTF-8 (probabilmente un vecchio editor lo ha salvato come Windows-1252 o Latin-1, dove questo byte è `{ $letter }`)
    .spiegazione =
        Il file contiene byte che non sono testo UTF-8, di solito lettere accentate (à, è, ù) salvate da un vecchio editor con la codifica Windows-1252 o Latin-1.
        Aprire il file e salvarlo di nuovo come UTF-8; controllare le lettere accentate vicino alla posizione indicata.

