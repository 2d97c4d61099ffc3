#!/usr/bin/env python3
"""Generates a synthetic trasparenza site for benchmarks.

    bench/gen_site.py --units N --out DIR [--seed S] [--smart K] [--non K]

Writes DIR/content/ shaped like a real catalogue: `_sito.yaml`, `_index.md`,
two extra pages (`note-metodologiche.md`, `glossario.md`) and N unit files
`unita-0001.yaml`, ... (4 digits, 5 from 10,000 units), each in the folder of
its area (`content/<area-slug>/`, a few without area at the top). Units have on
average --smart "smartizzabili" (default 18, each unit between K-13 and K+13)
and --non "non smartizzabili" (default 8, between K-7 and K+7) activities made
of words taken from the example catalogue; about 5% of the activities are in
long form (`testo`, Markdown `note`, `ambiti`); some units have `responsabile`
and a Markdown `descrizione`. No activity repeats within a unit, in either
list. The output depends only on the arguments: the same arguments give the
same bytes (the vocabulary is fixed in this file, the random generator is
seeded). DIR/content is replaced if it exists; nothing else in DIR is touched.

Used by bench/serve.sh (reload latency on a 1,000-unit site) and the other
bench scripts; bench/build.sh uses the acceptance catalogue of bench/acceptance/.
"""

import argparse
import random
import re
import shutil
import sys
from pathlib import Path
# Words of the example catalogue (content/*.yaml), frozen here so the
# generated site does not change when the example does.
VERBS = """Gestione Redazione Predisposizione Controllo Verifica Monitoraggio
Istruttoria Aggiornamento Elaborazione Rilascio Liquidazione Programmazione
Coordinamento Rendicontazione Archiviazione Protocollazione Registrazione
Caricamento Pubblicazione Supporto Organizzazione Analisi""".split()
NOUNS = """atti provvedimenti determinazioni delibere contratti gare pratiche
fatture autorizzazioni verbali relazioni certificati istanze comunicazioni
regolamenti convenzioni pagamenti mandati reversali segnalazioni concessioni
permessi utenze anagrafiche tributi accertamenti rimborsi contributi bandi
graduatorie presenze turni trasferte stipendi dati statistiche""".split()
QUALIFIERS = """amministrativi contabili edilizi cimiteriali demografici
elettorali tributari sociali culturali scolastici sportivi ambientali
urbanistici commerciali finanziari informatici digitali pubblici privati
esterni interni""".split()
OBJECTS = [
    "del personale dell'ente", "degli utenti", "del servizio", "dei fornitori",
    "del territorio", "degli edifici pubblici", "delle aree verdi",
    "della polizia locale", "dei cittadini", "delle imprese",
    "degli uffici comunali", "del bilancio", "della giunta",
    "del consiglio comunale", "delle associazioni",
]
DETAILS = """redazione atti, caricamento in portali, redazione verbali
comunicazioni, autorizzazioni, dinieghi, contestazioni
controllo e liquidazione fatture
tramite applicativo gestionale
con firma digitale e protocollo informatico
tramite posta elettronica certificata
verifica dei requisiti e istruttoria
ricezione, smistamento e archiviazione""".split("\n")
PRESENCE = """Sopralluoghi Ricevimento Sportello Consegna Sorveglianza
Pattugliamento Notifica Manutenzione Pulizia Rilevazione Assistenza
Accompagnamento Custodia Allestimento""".split()
PLACES = [
    "presso gli uffici comunali", "sul territorio", "presso i cantieri", "in sede",
    "presso il cimitero", "presso le scuole", "al pubblico", "presso la biblioteca",
    "in occasione di eventi", "presso i magazzini",
]

AREAS = [
    "Direzione e coordinamento",
    "Area Risorse, servizi e territorio",
    "Area Servizi alla persona",
    "Area Tecnica",
    "Settore Polizia locale e mobilità",
    "Area Affari generali",
]
KINDS = ["Servizio", "Ufficio", "Settore", "Unità operativa"]
AMBITI = [
    "Tributi", "Personale", "Contenzioso", "Appalti", "Bilancio", "Anagrafe",
    "Edilizia", "Servizi sociali", "Cultura", "Protocollo",
]
NOTES = [
    "Limitatamente alle attività di *back office*.",
    "Solo per le pratiche già istruite; il **ricevimento** resta in presenza.",
    "Con accesso da remoto all'applicativo gestionale e firma digitale.",
    "Nei limiti previsti dal regolamento sul lavoro agile, art. 4.",
    "Previo accordo con il responsabile del servizio sulla *programmazione settimanale*.",
    "Escluse le scadenze di legge che richiedono la consegna a mano.",
]
TITLES = ["Dott.", "Dott.ssa", "Ing.", "Arch.", "Avv.", "Rag."]
FIRST = "Maria Luca Giulia Marco Anna Paolo Elena Andrea Chiara Stefano Laura Davide".split()
LAST = "Rossi Bianchi Ferrari Esposito Romano Colombo Ricci Marino Greco Bruno Gallo Conti".split()
LONG_FORM = 0.05  # share of activities in long form


def slugify(s):
    """A folder name from an area name (ASCII, lower case, hyphens)."""
    s = s.lower().replace("à", "a").replace("è", "e").replace("ù", "u")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def phrase(rng, smart):
    """One activity: a verb, an object, sometimes details in brackets."""
    if smart:
        words = [rng.choice(VERBS), rng.choice(NOUNS), rng.choice(QUALIFIERS)]
        if rng.random() < 0.6:
            words.append(rng.choice(OBJECTS))
        text = " ".join(words)
        if rng.random() < 0.35:
            text += " (" + rng.choice(DETAILS).strip() + ")"
        return text
    text = rng.choice(PRESENCE) + " " + rng.choice(NOUNS) + " " + rng.choice(QUALIFIERS)
    if rng.random() < 0.7:
        text += " " + rng.choice(PLACES)
    return text


def yaml_str(s):
    """A YAML scalar that keeps `s` verbatim (quoted: activities have colons and brackets)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def activities(rng, count, smart, taken):
    """YAML lines of `count` activities, distinct within the unit (`taken` is
    shared by both lists); about LONG_FORM of them in long form."""
    lines = []
    made = 0
    while made < count:
        text = phrase(rng, smart)
        if text.lower() in taken:
            text = f"{text} ({made + 1})"
        if text.lower() in taken:
            continue
        taken.add(text.lower())
        made += 1
        if rng.random() < LONG_FORM:
            lines.append(f"  - testo: {yaml_str(text)}")
            if rng.random() < 0.8:
                lines.append(f"    note: {yaml_str(rng.choice(NOTES))}")
            tags = rng.sample(AMBITI, rng.randint(1, 2))
            lines.append("    ambiti: [" + ", ".join(yaml_str(t) for t in tags) + "]")
        else:
            lines.append(f"  - {yaml_str(text)}")
    return lines


def unit_yaml(rng, i, width, area, n_smart, n_non):
    kind = rng.choice(KINDS)
    noun, qual = rng.choice(NOUNS), rng.choice(QUALIFIERS)
    name = f"{kind} {noun} {qual} {i:0{width}d}"
    taken = set()
    lines = [f"# {name}", "# Generated by bench/gen_site.py", "", f"nome: {yaml_str(name)}"]
    if area is not None:
        lines.append(f"area: {yaml_str(area)}")
    lines.append(f"ordine: {i}")
    if rng.random() < 0.6:
        who = f"{rng.choice(TITLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
        lines.append(f"responsabile: {yaml_str(who)}")
    if rng.random() < 0.3:
        lines += [
            "descrizione: |",
            f"  Cura {noun} {qual} {rng.choice(OBJECTS)} e le attività connesse.",
            f"  Gestisce in particolare le pratiche **{rng.choice(QUALIFIERS)}** e i",
            f"  rapporti con gli altri uffici ({rng.choice(DETAILS).strip()}).",
        ]
    if n_smart:
        lines.append("smartizzabili:")
        lines += activities(rng, n_smart, True, taken)
    if n_non:
        lines.append("non_smartizzabili:")
        lines += activities(rng, n_non, False, taken)
    return "\n".join(lines) + "\n"


SITO = """# Generated by bench/gen_site.py
ente: Comune di Sintesi
titolo: Attività smartizzabili
base_url: https://www.comune.sintesi.it/amministrazione-trasparente/lavoro-agile/
aggiornato_il: 2026-11-26
periodo: 2026-2028
"""

INDEX = """Catalogo sintetico di {units} unità organizzative, generato per le misure
di velocità di `trasparenza` (seme {seed}).
"""

PAGES = {
    "note-metodologiche.md": """---
titolo: Note metodologiche
---

Il catalogo è organizzato per **unità organizzativa**. Per ciascuna unità sono
riportati due elenchi: le attività *smartizzabili*, che possono essere svolte in
modalità di lavoro agile, e le attività *non smartizzabili*, che richiedono la
presenza in sede o sul territorio.

Il testo delle attività riproduce quello dell'atto di approvazione. La tabella
riepilogativa segue la struttura dell'atto, su tre colonne.

Gli elenchi possono essere rivisti in occasione del successivo aggiornamento del
PIAO: la data di ultimo aggiornamento è indicata in ogni pagina.
""",
    "glossario.md": """---
titolo: Glossario
---

- **Lavoro agile**: modalità di esecuzione del rapporto di lavoro subordinato
  senza precisi vincoli di orario o di luogo di lavoro.
- **PIAO**: Piano integrato di attività e organizzazione.
- **Unità organizzativa**: articolazione della struttura dell'ente (area,
  settore, servizio, ufficio).
- **Attività smartizzabile**: attività che può essere svolta anche in lavoro agile.
""",
}


def spread(rng, mean, half):
    """A count between mean-half and mean+half (at least 0), `mean` on average."""
    lo = max(0, mean - half)
    return rng.randint(lo, lo + 2 * (mean - lo))


def generate(units, out, seed, n_smart=18, n_non=8):
    rng = random.Random(seed)
    content = Path(out) / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    (content / "_sito.yaml").write_text(SITO, encoding="utf-8")
    (content / "_index.md").write_text(INDEX.format(units=units, seed=seed), encoding="utf-8")
    for name, text in PAGES.items():
        (content / name).write_text(text, encoding="utf-8")
    width = max(4, len(str(units)))
    for i in range(1, units + 1):
        # about 3% of the units have no area and sit at the top of content/
        area = None if rng.random() < 0.03 else AREAS[rng.randrange(len(AREAS))]
        folder = content if area is None else content / slugify(area)
        folder.mkdir(exist_ok=True)
        smart = spread(rng, n_smart, 13)
        non = spread(rng, n_non, 7)
        if smart + non == 0:
            smart = 1  # a unit needs at least one activity
        (folder / f"unita-{i:0{width}d}.yaml").write_text(
            unit_yaml(rng, i, width, area, smart, non), encoding="utf-8"
        )
    return content


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--units", type=int, required=True, help="number of unit files")
    p.add_argument("--out", required=True, help="site folder; its content/ is replaced")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--smart", type=int, default=18, help="smartizzabili per unit on average (default 18)")
    p.add_argument("--non", type=int, default=8, help="non smartizzabili per unit on average (default 8)")
    a = p.parse_args(argv)
    if a.units < 1 or a.units > 99999:
        p.error("--units must be between 1 and 99999")
    if a.smart < 0 or a.non < 0:
        p.error("--smart and --non must not be negative")
    content = generate(a.units, a.out, a.seed, a.smart, a.non)
    print(f"{a.units} units in {content}", file=sys.stderr)


if __name__ == "__main__":
    main()
