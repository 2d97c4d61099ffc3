#!/usr/bin/env python3
"""Deterministic synthetic catalogue in the CONTENT.md format, for benchmarks.

    python3 gen_catalogue.py --units N --out DIR [--seed S] [--check]

Writes DIR/content/_sito.yaml, DIR/content/_index.md, one extra page
(note-metodologiche.md) and N unit files (a few under sub-folders).
Activity texts recombine the phrases of the real seed catalogue
(tests/fixtures/import/processi-smartizzabili.txt). The YAML is emitted by hand so that it
looks like what editors write: block scalars (| and >-), quoted strings with
colons, flow lists, comments, lists with and without indentation, .yml files.
--check re-reads every file with PyYAML and asserts it loads to the intended data.
Same --units and --seed give byte-identical output.
"""
import argparse, os, random, re, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the seed catalogue, kept in the repository as an import fixture
SEED_FILE = HERE.parent.parent / "tests" / "fixtures" / "import" / "processi-smartizzabili.txt"
RESERVED = {"cerca", "assets", "404", "catalogo", "sitemap", "robots", "index"}

# ---------------------------------------------------------------- seed phrases
def parse_seed(path):
    """Return (unit_names, smart, non_smart) phrase lists from the seed table."""
    names, cols = [], {1: [], 2: []}
    tok = re.compile(r"<p>(.*?)</p>|<li>•\s*(.*?)</li>")
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or parts[0].startswith("Unità organizzativa"):
            continue
        m = re.search(r"<b>(.*?)</b>", parts[0])
        if m:
            names.append(m.group(1))
        for c in (1, 2):
            for p, li in tok.findall(parts[c] if c < len(parts) else ""):
                if p and cols[c]:          # a page break split the previous item
                    cols[c][-1] += " " + p.strip()
                elif li:
                    cols[c].append(li.strip())
    out = []
    for c in (1, 2):                       # split run-on items "A. B. C."
        items = []
        for it in cols[c]:
            if it.count(". ") > 2:             # "A. B. C."
                items += [s for s in re.split(r"(?<=[a-z)])\. (?=[A-Z][a-z])", it) if len(s) > 3]
            elif len(it) > 280:                # "A B C" with no stops: split at "word Capital"
                items += re.split(r"(?<=[a-z]) (?=[A-Z][a-z])", it)
            else:
                items.append(it)
        out.append(items)
    return names, out[0], out[1]

SEPS = (": ", " (", ", ", " - ")
MODIFIERS = [", limitatamente alle attività di back office", " in presenza",
             " tramite portale dedicato", " (D. Lgs. 33/2013)", ", ove necessario",
             ", ai sensi della L. 241/1990", " per l'anno 2026", " e relativi adempimenti",
             ": verifica e aggiornamento", " con collegamento da remoto",
             " (art. 5, comma 2)", ", incluso l'invio alla Corte dei Conti",
             ' secondo il "Piano triennale"', " – fase istruttoria"]

def split_phrase(p):
    for s in SEPS:
        i = p.find(s)
        if 8 < i:
            return p[:i], p[i:]
    return p, ""

class Phrases:
    def __init__(self, items, rng):
        self.items, self.rng = items, rng
        pairs = [split_phrase(p) for p in items]
        self.heads = [h.rstrip(" .;") for h, _ in pairs]
        self.tails = [t for _, t in pairs if t]

    def one(self):
        r, rng = self.rng.random(), self.rng
        if r < 0.45:
            return rng.choice(self.items)
        if r < 0.85:
            return rng.choice(self.heads) + rng.choice(self.tails)
        return rng.choice(self.heads) + rng.choice(MODIFIERS)

# ---------------------------------------------------------------- vocabularies
TOPICS = ["risorse umane e finanziarie", "entrate e demografici", "segreteria, appalti e sistemi informativi",
          "sociale, cultura e comunicazione", "sviluppo del territorio", "lavori pubblici",
          "polizia locale e mobilità", "tributi", "anagrafe e stato civile", "servizi educativi",
          "biblioteca civica", "urbanistica", "edilizia privata", "ambiente ed ecologia",
          "protezione civile", "servizi cimiteriali", "patrimonio", "economato", "contratti",
          "sport e tempo libero", "politiche giovanili", "commercio e attività produttive (SUAP)",
          "sportello unico per l'edilizia", "manutenzioni", "verde pubblico", "statistica",
          "elettorale", "sistemi informativi", "comunicazione e URP", "avvocatura",
          "controllo di gestione", "turismo", "cultura e musei", "politiche sociali",
          "casa e politiche abitative", "trasporto scolastico", "ristorazione scolastica",
          "gare e appalti", "ragioneria", "personale", "protocollo e archivio", "messi notificatori",
          "igiene urbana", "pari opportunità", "partecipate e società", "qualità e performance"]
PREFIXES = ["Servizio", "Ufficio", "Settore", "Unità operativa", "Sportello"]
SEDI = ["Centro", "Nord", "Sud", "San Martino", "Sant'Anna", "Borgo Vecchio", "Ca' Bianca",
        "Località Pianezzà", "Frazione Cantù", "Santa Maria delle Grazie"]
AMBITI = ["Contenzioso", "Tributi", "Personale", "Bilancio", "Anagrafe", "Edilizia", "SUAP",
          "Lavori pubblici", "Protocollo", "Privacy", "Trasparenza", "Formazione", "Sociale",
          "Cultura", "Polizia locale", "Mobilità", "Patrimonio", "Informatica", "Appalti",
          "Cimiteri", "Ambiente", "Elettorale", "Scuola", "Comunicazione"]
TITOLI = ["Dott.", "Dott.ssa", "Ing.", "Arch.", "Geom.", "Avv.", "Rag.", "Sig.ra", "Sig."]
NOMI = ["Maria", "Niccolò", "Nicolò", "Lucia", "Andrea", "Ilaria", "Gian Luca", "Pier Paolo",
        "Maria Grazia", "Elisabetta", "Mattia", "Noemi", "Francesca", "Giosuè", "Raffaella"]
COGNOMI = ["Rossi", "D'Angelo", "Dell'Acqua", "De Luca", "Lo Russo", "Cantù", "Mazzà",
           "Brambilla", "Dall'Ara", "Sant'Ambrogio", "Ferrari", "Esposito", "Colombo", "Fabbri"]
DESC_SENTENCES = [
    "Il servizio si occupa di {a}.", "Cura in particolare {a} e {b}.",
    "Garantisce il supporto agli uffici per {a}.",
    "Per informazioni consultare la pagina [Uffici e orari](https://www.comune.esempio.it/uffici/{slug}/).",
    "**Orari**: dal lunedì al venerdì, 9:00–12:30; giovedì anche 14:30–17:30.",
    "Riferimento normativo: *D. Lgs. 33/2013*, art. 13, e L. 81/2017 sul \"lavoro agile\".",
    "L’ufficio opera in coordinamento con l'Area di appartenenza e con il Segretario comunale.",
    "Le attività «in presenza» sono organizzate a rotazione.",
]

def slugify(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > 60:
        s = s[:60].rsplit("-", 1)[0]
    return s

def lower_first(s):
    return s[:1].lower() + s[1:] if s[1:2].islower() else s

# ---------------------------------------------------------------- YAML emitter
INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
AMBIGUOUS = re.compile(r"(?i)[-+]?[0-9][0-9_.:eE+-]*|[-+]?\.(inf|nan)|true|false|yes|no|on|off|y|n|null|~|")

def plain_ok(s, flow=False):
    if not s or s != s.strip() or "\n" in s or "\t" in s or s[0] in INDICATORS:
        return False
    if ": " in s or " #" in s or s.endswith(":") or AMBIGUOUS.fullmatch(s):
        return False
    return not (flow and re.search(r"[,\[\]{}:#]", s))

def quoted(s, rng):
    if "'" in s or ('"' not in s and rng.random() < 0.6):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "'" + s.replace("'", "''") + "'"

def scalar(s, rng, flow=False):
    if plain_ok(s, flow) and rng.random() > 0.04:   # editors sometimes quote anyway
        return s
    return quoted(s, rng)

def folded(s, indent, width=72):
    """`>-` block for a one-line text; None if folding would not round-trip."""
    if "  " in s or s != s.strip() or "\n" in s or len(s) < 90:
        return None
    lines, cur = [], ""
    for w in s.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    lines.append(cur)
    return ">-\n" + "".join(" " * indent + l + "\n" for l in lines)

def literal(s, indent):
    """`|` block for a text ending with one newline."""
    return "|\n" + "".join((" " * indent + l if l else "") + "\n" for l in s.rstrip("\n").split("\n"))

def emit_value(s, rng, indent):
    """Text after `key: ` (ends with newline)."""
    if "\n" in s:
        return literal(s, indent)
    return scalar(s, rng) + "\n"

def emit_activities(key, acts, rng, base):
    if not acts:
        return ""
    simple = all(isinstance(a, str) for a in acts)
    if simple and len(acts) <= 4 and all(plain_ok(a, flow=True) for a in acts) and rng.random() < 0.5:
        return f"{key}: [{', '.join(acts)}]\n"
    ind = base                                   # 2 = "  - x", 0 = "- x"
    out = [f"{key}:\n"]
    for a in acts:
        if isinstance(a, str):
            out.append(" " * ind + "- " + scalar(a, rng) + "\n")
            continue
        pad = " " * (ind + 2)
        f = folded(a["testo"], ind + 4) if rng.random() < 0.4 else None
        out.append(" " * ind + "- testo: " + (f or scalar(a["testo"], rng) + "\n"))
        if "note" in a:
            out.append(pad + "note: " + emit_value(a["note"], rng, ind + 4))
        if "ambiti" in a:
            out.append(pad + "ambiti: [" + ", ".join(scalar(x, rng, flow=True) for x in a["ambiti"]) + "]\n")
    return "".join(out)

# ---------------------------------------------------------------- the catalogue
def gen_count(rng, mean, shape):
    return min(60, int(round(rng.gammavariate(shape, mean / shape))))

def gen_activity(rng, phrases):
    testo = phrases.one()
    if rng.random() >= 0.20:
        return testo
    a = {"testo": testo}
    r = rng.random()
    if r < 0.45:
        a["note"] = rng.choice(["Limitatamente alle attività di back office.",
                                "Solo previa autorizzazione del responsabile.",
                                "Secondo il calendario concordato con l'ufficio.",
                                'Vedi anche la circolare n. 3/2026: "modalità operative".'])
    elif r < 0.70:
        a["note"] = (f"Da svolgersi con strumenti dell'ente:\n\n- {phrases.one()}\n"
                     f"- {lower_first(phrases.one())}\n\n*Aggiornato il 12/01/2026.*\n")
    if rng.random() < 0.7:
        a["ambiti"] = rng.sample(AMBITI, rng.choice([1, 1, 1, 2, 2, 3]))
    return a

def gen_list(rng, phrases, n, avoid=()):
    """n activities, without repeating a text nor taking one of `avoid` (the other
    list's: trasparenza refuses an activity in both lists) (a few tries; the seed
    pools are small). Tries again only on a clash, so catalogues without one are
    the same bytes as ../shared/bench/gen_catalogue.py's."""
    acts, seen = [], set(avoid)
    for _ in range(n):
        for _try in range(8):
            a = gen_activity(rng, phrases)
            t = a if isinstance(a, str) else a["testo"]
            if t not in seen:
                break
        seen.add(t)
        acts.append(a)
    return acts

def gen_descrizione(rng, smart, slug):
    picks = [lower_first(smart.one()).rstrip(".") for _ in range(2)]
    sents = rng.sample(DESC_SENTENCES, rng.randint(2, 4))
    paras = [" ".join(s.format(a=picks[0], b=picks[1], slug=slug) for s in sents)]
    if rng.random() < 0.3:
        paras.append("Principali procedimenti:\n\n" + "".join(f"- {smart.one()}\n" for _ in range(3)).rstrip())
    if rng.random() < 0.2:
        return paras[0].split(". ")[0].rstrip(".") + "."   # a short one-line description
    return "\n\n".join(paras) + "\n"

def make_names(rng, n, seed_names):
    names, seen = [], set()
    pool = list(seed_names)
    while len(names) < n:
        if pool:
            base = pool.pop(0)
        else:
            t = rng.choice(TOPICS)
            if rng.random() < 0.4:
                t += " e " + rng.choice(TOPICS)
            p = rng.choice(PREFIXES)
            base = p + " " + t if not t.startswith(p.lower()) else t[0].upper() + t[1:]
        name, k = base, 1
        while name.lower() in seen:
            k += 1
            name = f"{base} – sede di {rng.choice(SEDI)}" if k < 4 else f"{base} (sportello n. {k})"
        seen.add(name.lower())
        names.append(name)
    return names

def make_areas(rng, n):
    areas, seen = [], set()
    fixed = ["Area Risorse, servizi e territorio", "Area Servizi alla persona", "Area Tecnica"]
    while len(areas) < n:
        if fixed:
            a = fixed.pop(0)
        else:
            t = rng.sample(TOPICS, 2)
            a = f"Area {t[0][0].upper() + t[0][1:]} e {t[1]}"
            if a in seen:
                a += f" – Dipartimento {len(areas) + 1}"
        if a not in seen:
            seen.add(a)
            areas.append(a)
    return areas

def build(n_units, seed):
    rng = random.Random(seed)
    seed_names, smart_items, non_items = parse_seed(SEED_FILE)
    smart, non = Phrases(smart_items, rng), Phrases(non_items, rng)
    areas = make_areas(rng, max(1, n_units // 10))
    names = make_names(rng, n_units, seed_names)
    folders = {a: slugify(a)[:24].rstrip("-") for a in rng.sample(areas, max(1, len(areas) // 10))}
    units, slugs = [], set(RESERVED)
    for i, nome in enumerate(names):
        slug = slugify(nome)
        k = 1
        while slug in slugs:
            k += 1
            slug = f"{slugify(nome)}-{k}"
        slugs.add(slug)
        u = {"nome": nome}
        area = areas[i] if i < len(areas) else (None if rng.random() < 0.04 else rng.choice(areas))
        if area:
            u["area"] = area
        if rng.random() < 0.3:
            u["ordine"] = rng.randrange(10, 500, 10)
        if rng.random() < 0.6:
            u["responsabile"] = f"{rng.choice(TITOLI)} {rng.choice(NOMI)} {rng.choice(COGNOMI)}"
        if rng.random() < 0.7:
            u["descrizione"] = gen_descrizione(rng, smart, slug)
        ns, nn = gen_count(rng, 18, 2.0), gen_count(rng, 8, 1.2)
        if ns + nn == 0:
            ns = 1
        if ns:
            u["smartizzabili"] = gen_list(rng, smart, ns)
        if nn:
            smart_texts = [a if isinstance(a, str) else a["testo"] for a in u.get("smartizzabili", [])]
            u["non_smartizzabili"] = gen_list(rng, non, nn, smart_texts)
        if rng.random() < 0.01 and ns > 1:               # real catalogues repeat an item
            u["smartizzabili"].append(u["smartizzabili"][0])
        folder = folders.get(area, "")
        if folder and rng.random() < 0.3:
            folder += "/archivio-2025"
        ext = ".yml" if rng.random() < 0.03 else ".yaml"
        units.append((Path(folder) / (slug + ext), u))
    return rng, units

def unit_yaml(u, rng):
    base = 0 if rng.random() < 0.3 else 2
    out = []
    if rng.random() < 0.1:
        out.append("# Scheda aggiornata dopo la revisione del PIAO\n")
    out.append("nome: " + scalar(u["nome"], rng) + "\n")
    if "area" in u:
        out.append("area: " + scalar(u["area"], rng) + "\n")
    if "ordine" in u:
        out.append(f"ordine: {u['ordine']}" + ("   # posizione nella pagina\n" if rng.random() < 0.2 else "\n"))
    if "responsabile" in u:
        out.append("responsabile: " + scalar(u["responsabile"], rng) + "\n")
    if "descrizione" in u:
        out.append("descrizione: " + emit_value(u["descrizione"], rng, 2))
    out.append(emit_activities("smartizzabili", u.get("smartizzabili"), rng, base))
    out.append(emit_activities("non_smartizzabili", u.get("non_smartizzabili"), rng, base))
    return "".join(out)

SITO = """\
ente: Comune di Esempio
titolo: Attività smartizzabili
base_url: https://www.comune.esempio.it/amministrazione-trasparente/lavoro-agile/
aggiornato_il: 2026-11-26
fonte:
  titolo: 'PIAO 2026-2028, sezione 3.2 "Organizzazione del lavoro agile"'
  atto: Deliberazione della Giunta comunale n. 10 del 29/01/2026
  url: https://www.comune.esempio.it/piao-2026-2028.pdf
percorso:
  - titolo: Amministrazione trasparente
    url: https://www.comune.esempio.it/amministrazione-trasparente/
  - titolo: Disposizioni generali
licenza: CC-BY-4.0
"""
INDEX_MD = """\
Il **catalogo delle attività smartizzabili** elenca, per ciascuna unità organizzativa
dell'ente, le attività che possono essere svolte in *lavoro agile* e quelle che
richiedono la presenza in sede, come previsto dal PIAO (sezione 3.2).

- Le attività sono riportate così come approvate dalla Giunta comunale.
- Per le modalità di accesso al lavoro agile vedi il [regolamento](https://www.comune.esempio.it/regolamento-lavoro-agile.pdf).

> Nota: l'elenco non è esaustivo; le attività non individuate sono valutate dal dirigente.
"""
NOTE_MD = """\
---
titolo: Note metodologiche
---
Le attività sono state rilevate con i responsabili dei servizi nel mese di gennaio 2026.
Un'attività è «smartizzabile» quando può essere svolta *interamente* da remoto.
"""

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="reload every file with PyYAML and compare")
    args = ap.parse_args()
    content = Path(args.out) / "content"
    if content.exists() and any(content.iterdir()):
        ap.error(f"{content} is not empty")
    content.mkdir(parents=True, exist_ok=True)
    rng, units = build(args.units, args.seed)
    (content / "_sito.yaml").write_text(SITO, encoding="utf-8")
    (content / "_index.md").write_text(INDEX_MD, encoding="utf-8")
    (content / "note-metodologiche.md").write_text(NOTE_MD, encoding="utf-8")
    for rel, u in units:
        p = content / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(unit_yaml(u, rng), encoding="utf-8")
    acts = [a for _, u in units for k in ("smartizzabili", "non_smartizzabili") for a in u.get(k, [])]
    n = len(units)
    print(f"{n} units, {len({u.get('area') for _, u in units} - {None})} areas, "
          f"{sum(len(u.get('smartizzabili', [])) for _, u in units) / n:.1f} smartizzabili and "
          f"{sum(len(u.get('non_smartizzabili', [])) for _, u in units) / n:.1f} non_smartizzabili per unit, "
          f"{100 * sum(isinstance(a, dict) for a in acts) / len(acts):.0f}% long form, "
          f"{sum(1 for r, _ in units if r.parent != Path('.'))} in sub-folders")
    if args.check:
        import yaml
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when there
        for rel, u in units:
            got = yaml.load((content / rel).read_text(encoding="utf-8"), Loader=loader)
            assert got == u, f"{rel}: reloads as\n{got}\nexpected\n{u}"
        print("check: every unit file reloads to the intended data")

if __name__ == "__main__":
    main()
