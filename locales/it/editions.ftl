# Le edizioni precedenti (editions.rs). L'id è il codice stabile.

editions-partial-copy = una copia parziale lasciata da un `archivia` interrotto: non viene pubblicata
    .hint = il prossimo `trasparenza archivia` la rimuove; oppure eliminare la cartella
    .spiegazione =
        `trasparenza archivia` copia l'edizione in una cartella nascosta prima di darle il suo nome; questa copia è rimasta da un'esecuzione interrotta.
        Non viene pubblicata. Il prossimo `archivia` la rimuove, oppure la si può eliminare a mano.

editions-not-a-folder = questo file non è un'edizione e non viene pubblicato
    .hint = ogni edizione precedente è una cartella, `content/_archivio/2025/`, che contiene un'intera cartella dei contenuti
    .spiegazione =
        `content/_archivio/` contiene una cartella per ogni edizione precedente; un file messo direttamente lì non è un'edizione.
        Spostare il file nell'edizione a cui appartiene, oppure fuori da `_archivio/`.

editions-invalid-edition-name = `{ $name }` non è un nome di edizione valido: i nomi possono contenere solo lettere minuscole, cifre e singoli trattini, come `2025` o `2025-2027`
    .hint = rinominare la cartella in `{ $suggestion }`
    .spiegazione =
        Il nome della cartella di un'edizione diventa parte del suo indirizzo (`archivio/2025/`), quindi può contenere solo lettere minuscole, cifre e singoli trattini.
        Rinominare la cartella, per esempio `2025-2027`.

editions-edition-expired = l'edizione `{ $edition }` (pubblicata il { $published }) ha superato dal { $since } il periodo di cinque anni del D.Lgs. 33/2013, art. 8 c. 3: può essere rimossa
    .hint = la si può tenere (è lecito); per non pubblicarla più, eliminarne la cartella
    .spiegazione =
        Il D.Lgs. 33/2013 (art. 8 c. 3) impone di tenere pubblicati i dati per cinque anni dal 1º gennaio dell'anno successivo alla pubblicazione; per questa edizione il periodo è terminato.
        È solo una nota: l'edizione può restare in linea. Per non pubblicarla più, eliminarne la cartella in `content/_archivio/`.
