## L'anteprima nel browser (src/serve/reload.rs): la pagina mostrata finché
## nessuna costruzione è riuscita e il riquadro che elenca gli errori.

serve-unbuilt-title = Anteprima non disponibile
serve-unbuilt-text = Il sito non è ancora stato generato perché i file contengono errori.
serve-overlay-title = { $count ->
        [one] Il sito non è stato aggiornato: 1 errore
       *[other] Il sito non è stato aggiornato: { $count } errori
    }
serve-overlay-last-good = Questa è l'ultima versione senza errori.
serve-overlay-none-good = Non c'è ancora una versione senza errori da mostrare.
serve-overlay-fix = Correggi i file indicati e salva: la pagina si aggiornerà da sola.
serve-overlay-hint = Suggerimento
serve-overlay-close = Chiudi

## Il tempo di una ricostruzione nell'anteprima (src/serve/site.rs)

serve-rebuilds-stuck = non ricostruito: { $count ->
        [one] una ricostruzione precedente è ancora in corso
       *[other] { $count } ricostruzioni precedenti sono ancora in corso
    } oltre il tempo massimo di { $budget }, e ciascuna occupa un processore
    .hint = correggere il modello che non finisce mai, poi fermare `trasparenza serve` (Ctrl-C) e riavviarlo
    .spiegazione =
        Un modello del tema non finisce mai (per esempio un ciclo su un intervallo enorme) e le ricostruzioni fermate continuano a occupare i processori.
        L'anteprima non ne avvia altre finché non viene riavviata: correggere il modello, fermare `trasparenza serve` con Ctrl-C e avviarlo di nuovo.
serve-no-threads = impossibile avviare i processi della ricostruzione: { $error }
    .spiegazione =
        Il sistema non ha permesso all'anteprima di avviare i processi con cui ricostruisce il sito, di solito per mancanza di memoria o per un limite sul numero di processi.
        Chiudere altri programmi o alzare il limite, poi salvare di nuovo.
serve-rebuild-timeout = la ricostruzione ha superato { $budget } ed è stata fermata: un modello potrebbe non finire mai (un ciclo su un intervallo enorme, cicli annidati troppo in profondità)
    .hint = correggere il modello e salvare: il salvataggio successivo ricostruisce; per un catalogo molto grande alzare il limite con `serve --rebuild-timeout SECONDI`
    .spiegazione =
        L'anteprima dà a ogni ricostruzione un tempo massimo (`--rebuild-timeout`, 10 secondi se non indicato) e la ferma quando lo supera, così un modello che non finisce non blocca il lavoro.
        Di solito la causa è un modello del tema con un ciclo troppo lungo; se invece il catalogo è molto grande, aumentare il limite.

## Le righe dell'anteprima nel terminale e le sue risposte in testo semplice
## a un browser o a un altro programma (src/serve/mod.rs, watch.rs, http.rs, net.rs)

serve-cannot-listen = impossibile mettersi in ascolto su { $addr }: { $error }
serve-port-reserved = impossibile mettersi in ascolto su { $addr }: le porte sotto 1024 sono riservate all'amministratore del computer; scegliere una porta da 1024 in su, per esempio: trasparenza serve --port 1111
serve-address-not-here = impossibile mettersi in ascolto su { $addr }: { $ip } non è un indirizzo di questo computer; indicare con --bind uno dei suoi indirizzi, oppure 127.0.0.1 (solo questo computer) o 0.0.0.0 (anche gli altri della rete)
serve-cannot-watch = impossibile tenere d'occhio { $folder }: { $error }
serve-stopped-watching = le modifiche non vengono più seguite: riavviare `trasparenza serve` per vedere i nuovi salvataggi
# $host: il nome usato dalla richiesta, tra virgolette.
serve-forbidden-host =
    403 Forbidden: questa anteprima risponde solo agli indirizzi di questo computer (localhost, 127.0.0.1, [::1]), non a { $host }: una pagina web potrebbe cercare di leggerla attraverso un nome suo.
    Per aprirla da altri computer, avviarla con `trasparenza serve --bind 0.0.0.0`.
serve-busy = 503 Service Unavailable: l'anteprima ha già { $max } connessioni aperte; riprovare tra un momento
serve-moved = Spostato in { $location }
serve-method-not-allowed = 405 Method Not Allowed: l'anteprima risponde solo a GET e HEAD
# Perché una richiesta riceve 400 Bad Request o 431.
serve-request-head-too-large = la riga della richiesta e le intestazioni superano { $max } byte
serve-request-not-a-path = la destinazione della richiesta deve essere un percorso che comincia con /
serve-request-encoded-slash = le barre codificate non sono ammesse
serve-request-bad-percent = la sequenza `%` non è valida: dopo `%` servono due cifre esadecimali
serve-request-path-not-utf8 = il percorso non è UTF-8
serve-request-control-character = i caratteri di controllo non sono ammessi
serve-request-backslash = le barre rovesciate non sono ammesse
serve-request-dot-segment = i segmenti . e .. non sono ammessi
serve-request-empty-segment = i segmenti vuoti del percorso non sono ammessi
serve-request-colon = i due punti non sono ammessi nei percorsi
serve-request-head-not-utf8 = l'intestazione della richiesta non è UTF-8
serve-request-bad-line = la riga della richiesta deve essere: METODO DESTINAZIONE HTTP/1.1
serve-request-unknown-method = metodo sconosciuto
serve-request-control-in-target = i caratteri di controllo non sono ammessi nella destinazione della richiesta
serve-request-bad-version = qui si parla solo HTTP/1.0 e HTTP/1.1
serve-request-header-no-colon = una riga di intestazione non ha i due punti
serve-request-control-in-header = i caratteri di controllo non sono ammessi nelle intestazioni
