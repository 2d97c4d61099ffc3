# Ricerca e lettura della cartella dei contenuti (load.rs). L'id è il codice stabile.

load-no-content-folder = in { $root } non c'è la cartella content/ (usare --root per indicare la cartella del sito)
    .spiegazione =
        Il programma cerca il catalogo nella cartella `content/` della cartella del sito, e qui non c'è.
        Eseguire il comando dalla cartella del sito, oppure indicarla con `--root`; un nuovo sito si crea con `trasparenza init`.

load-no-content-folder-site-above = in { $root } non c'è la cartella content/: il sito sembra essere { $site } (usare --root { $site }, o eseguire il comando da lì)
    .spiegazione =
        Il comando è stato eseguito dentro la cartella `content/` di un sito (o in una sua sottocartella), mentre va eseguito dalla cartella del sito, quella che contiene `content/`.
        Indicarla con `--root`, come dice il messaggio, oppure spostarsi lì (`cd ..`) e ripetere il comando.

load-site-settings-missing = manca il file delle impostazioni del sito
    .hint = creare content/_sito.yaml con almeno `ente`, `titolo`, `base_url` e `aggiornato_il`
    .spiegazione =
        `content/_sito.yaml` contiene il nome dell'ente, il titolo e l'indirizzo del sito; senza di esso non si può creare alcuna pagina.
        Crearlo (`trasparenza init` ne scrive uno da compilare) con almeno:

            ente: Comune di Esempio
            titolo: Attività smartizzabili
            base_url: https://www.comune.esempio.it/lavoro-agile/
            aggiornato_il: 2026-11-26

load-cannot-read = impossibile leggere: { $error }
    .spiegazione =
        Non è stato possibile leggere un file o una cartella; dopo i due punti c'è il motivo indicato dal sistema.
        Verificare che esista e che l'utente che esegue il programma possa leggerlo.

load-link-loop = questo collegamento simbolico riporta a { $ancestor }, una cartella che lo contiene: non è stato seguito
    .hint = rimuovere il collegamento, oppure farlo puntare a un file o a una cartella che non lo contiene
    .spiegazione =
        Un collegamento simbolico punta a una cartella che contiene il collegamento stesso, e la lettura girerebbe in tondo all'infinito; viene quindi saltato.
        Rimuovere il collegamento o farlo puntare altrove.

load-link-dangling = questo collegamento simbolico non porta a nulla: la sua destinazione non esiste
    .hint = rimuovere il collegamento, oppure copiare in content/ il file a cui dovrebbe portare
    .spiegazione =
        Un collegamento simbolico punta a un file o a una cartella che non esiste più, quindi non c'è niente da leggere.
        Rimuovere il collegamento, oppure mettere in `content/` il file vero.

load-link-hidden = questo collegamento simbolico porta a { $target }, un file o una cartella nascosti del sito (il nome inizia con `.`): non è stato letto
    .hint = i file nascosti (.env, .git) non sono mai contenuti: rimuovere il collegamento, oppure copiare il contenuto in un file di content/
    .spiegazione =
        Un collegamento in `content/` punta a un file nascosto del sito, come `.env` o `.git`, che può contenere password e non viene mai pubblicato.
        Rimuovere il collegamento; se il testo è un contenuto, copiarlo in un file di `content/`.

load-link-outside = questo collegamento simbolico porta fuori dalla cartella del sito (a { $target }): non è stato letto
    .hint = copiare il file in content/ invece di collegarlo: la costruzione pubblica solo ciò che si trova nella cartella del sito
    .spiegazione =
        Un collegamento simbolico punta fuori dalla cartella del sito; seguirlo potrebbe pubblicare file che non dovevano esserlo.
        Copiare il file in `content/` invece di collegarlo.

load-link-unfollowable = impossibile seguire questo collegamento simbolico: { $error }
    .spiegazione =
        Il sistema non è riuscito a stabilire dove porta questo collegamento simbolico; dopo i due punti c'è il motivo.
        Verificare il collegamento e i permessi della cartella a cui punta, oppure sostituirlo con una copia del file.

load-name-spaces = il nome del file `{ $name }` inizia o termina con uno spazio: il file non è stato letto
    .hint = rinominare il file in `{ $trimmed }`
    .spiegazione =
        Uno spazio all'inizio o alla fine del nome di un file non si vede e finirebbe nell'indirizzo della pagina, quindi il file viene saltato.
        Rinominarlo senza lo spazio.

load-not-yaml-extension = `{ $name }` non viene letto come unità: il nome del file di un'unità termina con `.yaml` o `.yml`
    .hint = se è un'unità, rinominarlo in `{ $stem }.yaml`; se è una copia, spostarla fuori da content/ o far iniziare il suo nome con `_`
    .spiegazione =
        Il file sembra un file di unità ma il suo nome non termina con `.yaml` o `.yml` (per esempio `tributi.yaml.txt` o `tributi.yml1`), quindi non viene pubblicato.
        Rinominarlo se è un'unità; spostare una copia di riserva fuori da `content/`, oppure far iniziare il suo nome con `_`, che il programma salta.

load-not-regular = questo è { $what ->
        [fifo] una pipe con nome (FIFO)
        [socket] un socket
        [device] un dispositivo
       *[special] un file speciale
    }, non un normale file: non è stato letto
    .hint = sostituirlo con un normale file salvato da un editor
    .spiegazione =
        Nella cartella c'è un elemento con il nome di un file di contenuto che però è un oggetto speciale del sistema, non un file scritto con un editor; non viene letto.
        Sostituirlo con un file normale.

load-page-no-front-matter = una pagina aggiuntiva deve iniziare con l'intestazione
    .hint = iniziare il file con tre righe: `---`, `titolo: Titolo della pagina`, `---`
    .spiegazione =
        Un file di pagina (`.md`) inizia con una breve intestazione, tra due righe `---`, che indica almeno il titolo:

            ---
            titolo: Modalità di accesso al lavoro agile
            ---

load-page-front-matter-unclosed = l'intestazione non è chiusa
    .hint = aggiungere una riga `---` dopo l'intestazione
    .spiegazione =
        L'intestazione della pagina inizia con `---` ma manca la seconda riga `---` che la chiude, quindi non si distingue dove finisce l'intestazione e dove inizia il testo.
        Aggiungere una riga `---` dopo l'ultima chiave dell'intestazione.
