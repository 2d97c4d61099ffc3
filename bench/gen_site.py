#!/usr/bin/env python3
"""Writes a synthetic catalogue for benchmarks: a site folder with
content/_sito.yaml and one YAML file per unit, in area sub-folders.

    bench/gen_site.py --units N --out DIR --seed S

Deterministic (same arguments, same files). The activities are realistic
Italian: they are recombined from the example catalogue's own activities
(content/*.yaml of this repository), about 18 smartizzabili and 8 non
smartizzabili per unit, some in the long form with a note and ambiti.
Needs only the Python standard library.
"""
import argparse
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

TOPICS = [
    "tributi", "anagrafe", "stato civile", "elettorale", "lavori pubblici", "manutenzioni",
    "urbanistica", "edilizia privata", "ambiente", "polizia locale", "mobilità", "servizi sociali",
    "cultura", "biblioteca", "sport", "turismo", "istruzione", "personale", "ragioneria",
    "economato", "appalti", "contratti", "protocollo", "sistemi informativi", "comunicazione",
    "SUAP", "patrimonio", "cimiteri", "verde pubblico", "protezione civile", "avvocatura",
]
KINDS = ["Servizio", "Ufficio", "Settore", "Unità operativa"]
AREA_KINDS = ["Area", "Direzione", "Dipartimento"]
AMBITI = ["Tributi", "Personale", "Contenzioso", "Bilancio", "Anagrafe", "Appalti",
          "Trasparenza", "Privacy", "Sicurezza", "Formazione"]
NOTES = [
    "Limitatamente alle attività di back office.",
    "Previo accordo con il responsabile del servizio.",
    "Solo per le pratiche interamente digitali.",
    "Con accesso da remoto agli applicativi dell'ente.",
    "Esclusi i giorni di apertura al pubblico.",
    "Nel rispetto delle *misure di sicurezza* informatica.",
]
QUALIFIERS = [
    "per l'anno {y}", "relative al {n}° trimestre", "del settore {t}", "per il servizio {t}",
    "su richiesta degli uffici", "in collaborazione con l'ufficio {t}", "entro i termini di legge",
    "tramite piattaforma digitale", "per conto dell'ente", "nel territorio comunale",
]


def example_activities():
    """The example catalogue's activities, by list: {"smartizzabili": [...], "non_smartizzabili": [...]}."""
    out = {"smartizzabili": [], "non_smartizzabili": []}
    for f in sorted((REPO / "content").glob("*.yaml")):
        current = None
        for line in f.read_text(encoding="utf-8").splitlines():
            key = re.match(r"^(\w+):", line)
            if key:
                current = key.group(1) if key.group(1) in out else None
                continue
            m = re.match(r"^\s+-\s+(?:testo:\s+)?(.+)$", line) or re.match(r"^\s+testo:\s+(.+)$", line)
            if not m or current is None:
                continue
            text = m.group(1).strip()
            if text.startswith(("[", "{")) or text.endswith(":"):
                continue
            if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
                text = text[1:-1]
            out[current].append(text)
    if not all(out.values()):
        raise SystemExit("no activities found in content/*.yaml")
    return out


def slugify(s):
    s = s.lower()
    for a, b in (("àáâä", "a"), ("èéêë", "e"), ("ìíîï", "i"), ("òóôö", "o"), ("ùúûü", "u")):
        for c in a:
            s = s.replace(c, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def activity(rng, pool):
    """An activity: an example one, often recombined with another's ending or a qualifier."""
    text = rng.choice(pool).rstrip(".;")
    r = rng.random()
    if r < 0.35:
        other = rng.choice(pool).rstrip(".;").split()
        words = text.split()
        cut = max(2, len(words) // 2)
        text = " ".join(words[:cut] + other[len(other) // 2:])
    if rng.random() < 0.5:
        q = rng.choice(QUALIFIERS).format(y=rng.randint(2024, 2028), n=rng.randint(1, 4),
                                          t=rng.choice(TOPICS))
        text = f"{text} {q}"
    return text


def item(rng, pool, seen):
    """An activity not yet used in this unit (a unit may not list one twice)."""
    text = activity(rng, pool)
    while text.lower() in seen:
        text = activity(rng, pool)
    seen.add(text.lower())
    if rng.random() < 0.1:
        a = {"testo": text, "note": rng.choice(NOTES)}
        if rng.random() < 0.7:
            a["ambiti"] = sorted(rng.sample(AMBITI, rng.randint(1, 2)))
        return a
    return text


def q(s):
    return json.dumps(s, ensure_ascii=False)


def write_unit(path, unit):
    lines = [f"nome: {q(unit['nome'])}", f"area: {q(unit['area'])}", f"ordine: {unit['ordine']}"]
    if unit.get("responsabile"):
        lines.append(f"responsabile: {q(unit['responsabile'])}")
    for key in ("smartizzabili", "non_smartizzabili"):
        lines.append(f"{key}:")
        for a in unit[key]:
            if isinstance(a, str):
                lines.append(f"  - {q(a)}")
            else:
                lines.append(f"  - testo: {q(a['testo'])}")
                lines.append(f"    note: {q(a['note'])}")
                if "ambiti" in a:
                    lines.append(f"    ambiti: [{', '.join(q(x) for x in a['ambiti'])}]")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = example_activities()
    content = args.out / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "_sito.yaml").write_text(
        "ente: Comune di Prova Grande\n"
        "titolo: Attività smartizzabili\n"
        "base_url: https://www.comune.prova.it/amministrazione-trasparente/lavoro-agile/\n"
        "aggiornato_il: 2026-11-26\n"
        "periodo: 2026-2028\n",
        encoding="utf-8",
    )
    n_areas = max(1, args.units // 12)
    areas = []
    for i in range(n_areas):
        name = f"{AREA_KINDS[i % len(AREA_KINDS)]} {TOPICS[i % len(TOPICS)]} {i // len(TOPICS) + 1}"
        areas.append(name[0].upper() + name[1:])
    for i in range(args.units):
        topic = rng.choice(TOPICS)
        area = areas[i % n_areas]
        nome = f"{rng.choice(KINDS)} {topic} {i + 1}"
        seen = set()
        unit = {
            "nome": nome,
            "area": area,
            "ordine": i + 1,
            "responsabile": rng.choice(["Dott.ssa Maria Rossi", "Dott. Luca Bianchi", "Ing. Paola Verdi", None]),
            "smartizzabili": [item(rng, pool["smartizzabili"], seen) for _ in range(rng.randint(14, 22))],
            "non_smartizzabili": [item(rng, pool["non_smartizzabili"], seen) for _ in range(rng.randint(5, 11))],
        }
        write_unit(content / slugify(area) / f"{slugify(nome)}.yaml", unit)


if __name__ == "__main__":
    main()
