## Scrittura del sito (src/write.rs, src/write/guard.rs): i motivi per cui
## `build` non scrive o non pubblica, stampati dopo "errore: ".
## .spiegazione: il testo lungo di `trasparenza spiega CODICE`.


write-cannot-write = impossibile scrivere { $path }: { $error }
    .spiegazione =
        Il sistema non ha permesso di scrivere il sito su disco; dopo i due punti c'è il motivo (disco pieno, permessi mancanti).
        Il sito precedente resta com'era. Liberare spazio o correggere i permessi e costruire di nuovo.

write-leftover = impossibile rimuovere { $path }, una copia di un sito precedente ({ $error }); non serve più: rimuoverla come l'utente a cui appartiene, per esempio sudo rm -rf '{ $path }'
    .spiegazione =
        Una copia di un sito precedente accanto alla cartella di uscita appartiene a un altro utente (per esempio dopo una costruzione eseguita con `sudo`) e non è stato possibile eliminarla. Non serve.
        Rimuoverla come l'utente a cui appartiene.

write-nothing-published = { $leftover }; non è stato pubblicato nulla
    .spiegazione =
        Una copia rimasta da un sito precedente occupa il nome che serve alla costruzione e non può essere né rimossa né spostata, quindi il nuovo sito non è stato pubblicato.
        Rimuovere la copia come l'utente a cui appartiene e costruire di nuovo.

# Ogni rifiuto della cartella di uscita: "il sito non viene scritto in USCITA: perché; che cosa fare".
write-refused-filesystem-root = il sito non viene scritto in { $output }: è la radice del file system; scegliere una cartella vuota
    .spiegazione = La costruzione sostituisce per intero la cartella di uscita, quindi questa non è mai la radice del disco. Indicare una cartella vuota con `--output`.
write-refused-site-folder = il sito non viene scritto in { $output }: è la cartella del sito stessa, che contiene content/; scegliere una cartella al suo interno, come public
    .spiegazione = La costruzione sostituisce per intero la cartella di uscita, e così cancellerebbe i contenuti. Usare una cartella dentro il sito, come `public`.
write-refused-contains-site-folder = il sito non viene scritto in { $output }: contiene la cartella del sito e il suo content/; scegliere una cartella dentro il sito, come public
    .spiegazione = La costruzione sostituisce per intero la cartella di uscita, che qui contiene il sito e i suoi contenuti. Usare una cartella dentro il sito, come `public`.
write-refused-protected = il sito non viene scritto in { $output }: è la cartella { $folder }, da cui il sito viene costruito; scegliere un'altra cartella, come public
    .spiegazione = `content/` e `themes/` sono ciò da cui il sito viene costruito; scriverci dentro li cancellerebbe. Usare un'altra cartella, come `public`.
write-refused-contains-protected = il sito non viene scritto in { $output }: contiene la cartella { $folder } del sito; scegliere un'altra cartella, come public
    .spiegazione = La cartella di uscita viene sostituita per intero, e questa contiene una cartella da cui il sito viene costruito. Usare un'altra cartella, come `public`.
write-refused-inside-protected = il sito non viene scritto in { $output }: si trova dentro la cartella { $folder }, da cui il sito viene costruito; scegliere una cartella al di fuori, come public
    .spiegazione = Un sito scritto dentro `content/` o `themes/` verrebbe riletto come contenuto o come tema. Usare una cartella al di fuori, come `public`.
write-refused-home = il sito non viene scritto in { $output }: è la cartella personale dell'utente o la contiene; scegliere una cartella vuota
    .spiegazione = La costruzione sostituisce per intero la cartella di uscita, e cancellerebbe i file della cartella personale. Indicare una cartella vuota con `--output`.
write-refused-current-folder = il sito non viene scritto in { $output }: è la cartella corrente o la contiene; scegliere una cartella al suo interno, come public
    .spiegazione = La costruzione sostituisce per intero la cartella di uscita, compresa la cartella da cui si esegue il comando. Usare una cartella al suo interno, come `public`.
write-refused-not-a-folder = il sito non viene scritto in { $output }: { $path } è un file, non una cartella; spostare il file o scegliere un'altra cartella (--force non sostituisce mai un file)
    .spiegazione = La cartella di uscita, o una delle cartelle del suo percorso, è un file. Spostare il file o scegliere un'altra cartella.
write-refused-dangling-link = il sito non viene scritto in { $output }: { $link } è un collegamento a { $target }, che non esiste; creare quella cartella o correggere il collegamento
    .spiegazione = La cartella di uscita è un collegamento simbolico a una cartella che non esiste. Creare la cartella, oppure far puntare il collegamento a una esistente.
write-refused-foreign = il sito non viene scritto in { $output }: la cartella non è vuota e non è stata scritta da trasparenza (non contiene { $manifest }); svuotarla, scegliere un'altra cartella o aggiungere --force per sostituire tutto il suo contenuto
    .spiegazione =
        Ogni costruzione scrive nella cartella di uscita l'elenco dei suoi file (`.trasparenza-manifest.json`); una cartella che non lo contiene non è stata scritta dal programma, e sostituirla cancellerebbe file che il programma non conosce.
        Svuotare la cartella, sceglierne un'altra, oppure aggiungere `--force` se tutto il suo contenuto può essere sostituito.
write-refused-bad-manifest = il sito non viene scritto in { $output }: il suo { $manifest } non è stato scritto da trasparenza; svuotare la cartella, sceglierne un'altra o aggiungere --force per sostituire tutto il suo contenuto
    .spiegazione = L'elenco dei file nella cartella di uscita è danneggiato o non è stato scritto dal programma, che quindi non può sapere quali file sono suoi. Svuotare la cartella, sceglierne un'altra, oppure aggiungere `--force`.
write-refused-extra-files = il sito non viene scritto in { $output }: contiene file non scritti da trasparenza ({ $files }{ $more ->
        [0] { "" }
        [one] { " " }e un altro
       *[other] { " " }e altri { $more }
    }); spostarli altrove, oppure aggiungere --force per sostituirli con il sito
    .spiegazione = La cartella di uscita è un sito precedente, ma qualcuno vi ha aggiunto file che la costruzione cancellerebbe. Spostarli altrove, oppure aggiungere `--force` se possono essere eliminati.
write-refused-unreadable = il sito non viene scritto in { $output }: impossibile leggere { $path }: { $error }; verificare il percorso e i suoi permessi
    .spiegazione = Il programma non è riuscito a leggere la cartella di uscita per verificare che sostituirla sia sicuro. Verificare il percorso e i permessi.
write-refused-git-repository = il sito non viene scritto in { $output }: contiene un repository git (.git), che trasparenza non sostituisce mai, neanche con --force; scegliere un'altra cartella, come public
    .spiegazione = Una cartella con `.git` contiene la storia di un progetto, che la costruzione cancellerebbe. Scegliere un'altra cartella, come `public`.
write-refused-git-store = il sito non viene scritto in { $output }: è la cartella interna di un repository git (come .git), o si trova al suo interno, e contiene la storia del progetto, che trasparenza non sostituisce mai, neanche con --force; scegliere un'altra cartella, come public
    .spiegazione = La cartella `.git` (o un repository «bare») contiene tutta la storia di un progetto: sostituirla con il sito la cancellerebbe, e scriverci dentro la guasterebbe. Scegliere un'altra cartella, come `public`.
write-refused-mount-point = il sito non viene scritto in { $output }: vi è montato un disco o una condivisione, e una cartella montata non può essere scambiata con il nuovo sito; scrivere in una cartella al suo interno (--output { $inside }) e far puntare lì il server web
    .spiegazione = Il nuovo sito sostituisce la cartella di uscita in un solo passaggio, cosa impossibile per una cartella su cui è montato un disco o una condivisione di rete. Scrivere in una cartella al suo interno.
write-refused-mount-inside = il sito non viene scritto in { $output }: al suo interno, su { $path }, è montato un disco o una condivisione, i cui file verrebbero cancellati sostituendo la cartella; smontarlo o scegliere un'altra cartella, come public
    .spiegazione = Sostituire la cartella di uscita cancellerebbe i file di un disco o di una condivisione montati al suo interno. Smontarli, oppure scegliere un'altra cartella.
write-refused-top-level = il sito non viene scritto in { $output }: è una cartella del sistema, direttamente sotto /, con file che trasparenza non ha scritto, e nemmeno --force la sostituisce; scrivere in una cartella al suo interno (--output { $inside }) e far puntare lì il server web
    .spiegazione = Sostituire una cartella direttamente sotto la radice del file system (`/etc`, `/usr`, `/srv`, `/var`...) cancellerebbe file del sistema o di altri programmi; per questo `--force` non vale per queste cartelle. Scrivere in una cartella al loro interno, per esempio `/srv/sito`, e far puntare lì il server web.
write-refused-parent-not-writable = il sito non viene scritto in { $output }: impossibile scrivere in { $path } ({ $error }), dove il nuovo sito viene preparato prima di sostituire la cartella di uscita; rendere quella cartella scrivibile per questo utente o scegliere un'uscita in una cartella scrivibile
    .spiegazione = Il nuovo sito viene preparato accanto alla cartella di uscita e poi scambiato con essa; la cartella che contiene l'uscita non è scrivibile da questo utente. Concedere il permesso di scrittura, oppure scegliere un'altra uscita.
