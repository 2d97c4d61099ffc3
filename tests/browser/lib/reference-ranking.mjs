// The search's ranking computed the plain way, from the index files on disk:
// what the page (search.js, search-logic.js) must show, in the browser tests
// and in the node tests of search-logic.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const A = createRequire(import.meta.url)('../../../themes/default/static/analyzer.js');

/** The ranking as the format documents it (src/search/index.rs), computed
 * here the plain way from the index files: a word scores a document by its
 * best match (text 100, note/ambiti 40, unit name/area 20; +10 for the whole
 * word, +5 for the same accent); the last word, being typed, also matches
 * the terms it begins; every word must score; best total first, ties in
 * catalogue order. Returns every result's link, in order. */
export function referenceRanking(indice, q, filters = {}) {
  const read = (f) => JSON.parse(readFileSync(join(indice, f), 'utf8'));
  const meta = read('meta.json');
  const units = read('unita.json');
  const shards = new Map(meta.shards);
  const undelta = (l) => { let p = 0; return l.map((x) => (p += x)); };
  const docUnit = [];
  meta.unit_si.forEach((si, u) => { for (let k = 0; k < si + meta.unit_non[u]; k++) docUnit.push(u); });
  const firstOf = (u) => docUnit.indexOf(u);
  const tokens = A.analyze(q);
  const typing = /[\p{L}\p{N}]$/u.test(q);
  const words = tokens.map((t, i) => {
    const prefix = typing && i === tokens.length - 1 && Array.from(t.folded).length >= 2;
    return { term: t.term, accent: t.accent, prefix, typed: prefix ? t.folded.replace(/([cg])h$/, '$1') : t.term };
  });
  const scored = words.map((w) => {
    const docs = new Map();
    const byUnit = new Map();
    const file = shards.get(Array.from(w.term).slice(0, 2).join(''));
    for (const [term, accent, ...lists] of file ? read(`t/${file}.json`) : []) {
      if (!(term === w.term || (w.prefix && term.startsWith(w.typed)))) continue;
      const bonus = (term === w.term ? 10 : 0) + ((accent === 1) === w.accent ? 5 : 0);
      [100, 40, 20].forEach((weight, f) => {
        const into = f === 2 ? byUnit : docs;
        for (const id of undelta(lists[f])) into.set(id, Math.max(into.get(id) || 0, weight + bonus));
      });
    }
    return (d) => Math.max(docs.get(d) || 0, byUnit.get(docUnit[d]) || 0);
  });
  const ambito = meta.ambiti.findIndex((a) => a[1] === filters.ambito);
  const inAmbito = filters.ambito ? new Set(undelta(read(`a/${ambito}.json`))) : null;
  const results = [];
  docUnit.forEach((u, d) => {
    if (inAmbito && !inAmbito.has(d)) return;
    const si = d - firstOf(u) < meta.unit_si[u];
    if (filters.tipo === 'si' && !si) return;
    if (filters.tipo === 'non' && si) return;
    if (filters.area && meta.areas[meta.unit_area[u]]?.[1] !== filters.area) return;
    const s = scored.map((f) => f(d));
    if (s.some((x) => x === 0)) return;
    results.push({ d, score: s.reduce((a, b) => a + b, 0) });
  });
  results.sort((a, b) => b.score - a.score || a.d - b.d);
  return results.map(({ d }) => {
    const doc = read(`d/${Math.floor(d / meta.chunk)}.json`).docs[d % meta.chunk];
    return `../${units[docUnit[d]][0]}/#${doc[0]}`;
  });
}

