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
