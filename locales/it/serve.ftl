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
