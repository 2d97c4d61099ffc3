# Collegamenti tra le pagine (linkcheck.rs). L'id è il codice stabile.

linkcheck-offsite-image = l'immagine `{ $url }` si trova su un altro sito: una pagina pubblicata non carica nulla da altri siti, quindi viene mostrata come collegamento
    .hint = copiare l'immagine nella cartella static/ del tema e scriverne l'indirizzo nel sito (`../assets/nome.png` dalla pagina di un'unità), oppure farne un collegamento: [testo](indirizzo)
    .spiegazione =
        Per la riservatezza dei visitatori le pagine pubblicate non caricano nulla da altri siti; un'immagine presa da un altro sito viene quindi mostrata come collegamento.
        Copiare l'immagine nella cartella `static/` del tema e usarne l'indirizzo sul sito.

linkcheck-broken-link = il collegamento `{ $url }` non porta da nessuna parte: { $reason } (si trova in: { $pages })
    .hint = i collegamenti tra le pagine del sito sono relativi, come `../tabella/` o `../nome-unita/#ancora`; verificare l'indirizzo
    .hint-template = il collegamento non è in nessun file di contenuto: viene da un modello del tema
    .spiegazione =
        Un collegamento in un testo del sito punta a una pagina, a un file o a un'ancora che il sito non ha; sul sito pubblicato porterebbe a una pagina di errore.
        Correggere l'indirizzo: i collegamenti tra le pagine del sito sono relativi, come `../tabella/`, e un'ancora (`#...`) deve esistere nella pagina a cui si riferisce.

# Parti di linkcheck-broken-link: il motivo ($reason) e le pagine ($pages).
linkcheck-reason-above-root = porta sopra la cartella principale del sito
linkcheck-reason-no-file = nel sito non c'è la pagina o il file `{ $path }`
linkcheck-reason-no-anchor = la pagina `{ $page }` non ha l'ancora `#{ $anchor }`
linkcheck-page-home = la pagina iniziale
linkcheck-page = `{ $url }`
# Due o tre pagine: $first sono le prime, separate da ", ".
linkcheck-pages-few = { $first } e { $last }
linkcheck-pages-many = { $first } e { $more ->
        [one] un'altra pagina
       *[other] altre { $more } pagine
    }
