# Collegamenti tra le pagine (linkcheck.rs). L'id è il codice stabile.

linkcheck-offsite-image = l'immagine `{ $url }` si trova su un altro sito: una pagina pubblicata non carica nulla da altri siti, quindi viene mostrata come collegamento
    .hint = copiare l'immagine nella cartella static/ del tema e scriverne l'indirizzo nel sito (`../assets/nome.png` dalla pagina di un'unità), oppure farne un collegamento: [testo](indirizzo)
    .spiegazione =
        Per la riservatezza dei visitatori le pagine pubblicate non caricano nulla da altri siti; un'immagine presa da un altro sito viene quindi mostrata come collegamento.
        Copiare l'immagine nella cartella `static/` del tema e usarne l'indirizzo sul sito.

linkcheck-html-as-text = il testo contiene HTML (`{ $tag }`{ $more ->
        [0] {""}
        [one] {" "}e un altro segno
       *[other] {" "}e altri { $more } segni
    }), che la pagina pubblicata mostra così com'è, con i segni `<` e `>`
    .hint = { $kind ->
        [br] per andare a capo, lasciare una riga vuota tra le due righe (un nuovo paragrafo)
        [bold] per il grassetto, scrivere **testo**
        [italic] per il corsivo, scrivere *testo*
        [link] per un collegamento, scrivere [testo](https://indirizzo)
        [paragraph] per separare i paragrafi, lasciare una riga vuota
        [list] per un elenco, lasciare una riga vuota e scrivere ogni voce su una riga che inizia con `- `
        [comment] un commento HTML viene pubblicato: toglierlo; una nota per chi modifica un file YAML va su una riga a sé che inizia con `#`, fuori dal testo
       *[other] scrivere il testo senza HTML: la formattazione si scrive in Markdown (**grassetto**, *corsivo*, elenchi con `- `)
    }
    .spiegazione =
        I testi in Markdown (descrizione, note, criteri, pagine) non possono contenere HTML: per sicurezza la pagina pubblicata mostra i segni HTML come testo, quindi chi legge vede per esempio `<br>` o `<b>` in mezzo alle parole.
        Capita incollando un testo da un'altra pagina web o da un gestionale. Scrivere la stessa formattazione in Markdown, come dice il suggerimento.

linkcheck-link-to-local-file = il collegamento `{ $url }` porta a un file del proprio computer o della rete dell'ufficio, che chi visita il sito non può aprire: la pagina mostra solo il suo testo
    .hint = pubblicare il file sul sito dell'ente e scrivere qui il suo indirizzo: [testo](https://...)
    .spiegazione =
        Un indirizzo come `file:///C:/...`, `C:\...` o `\\server\cartella\...` indica un file sul computer di chi ha scritto il testo o su una cartella condivisa dell'ufficio: dal sito pubblicato nessuno può aprirlo, quindi la pagina mostra il testo del collegamento senza collegamento.
        Pubblicare il documento sul sito dell'ente (per esempio tra gli atti o nella sezione dei documenti) e usare il suo indirizzo `https://`.

linkcheck-link-dropped = il collegamento `{ $url }` non porta a una pagina web, a un indirizzo e-mail o a un telefono: la pagina mostra solo il suo testo
    .hint = i collegamenti possono portare a pagine web (https://...), a indirizzi e-mail (mailto:...) e a numeri di telefono (tel:...)
    .spiegazione =
        Per sicurezza le pagine pubblicate tengono solo i collegamenti a pagine web (`https://`, `http://` o un indirizzo del sito), a indirizzi e-mail (`mailto:`) e a numeri di telefono (`tel:`); un altro indirizzo (`javascript:`, `ftp:`, `data:`) viene tolto e resta il testo.
        Scrivere l'indirizzo completo della pagina a cui si vuole portare.

linkcheck-heading-outline = { $level ->
        [1] il titolo `#` sarebbe un secondo titolo principale della pagina, che ha già il suo
       *[other] il titolo `{ $marks }` (livello { $level }) viene dopo uno di livello { $after }: i livelli intermedi mancano
    }
    .hint = { $level ->
        [1] iniziare i titoli del testo con `##`
       *[other] usare un titolo di un livello solo più profondo del precedente (dopo `#` della pagina, `##`; dopo `##`, `###`)
    }
    .spiegazione =
        Chi usa un lettore di schermo scorre la pagina per titoli: ogni pagina ha un solo titolo principale (il nome dell'unità o della pagina) e i titoli del testo scendono di un livello alla volta.
        Nei testi in Markdown il primo livello è quindi `##`, poi `###`, senza saltarne. Anche una riga di soli `=` o `-` sotto una riga di testo la trasforma in un titolo.

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
