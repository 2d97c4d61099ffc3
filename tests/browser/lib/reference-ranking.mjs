// The search's ranking computed the plain way, from the index files on disk:
// what the page (search.js, search-logic.js) must show, in the browser tests
// and in the node tests of search-logic.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const A = createRequire(import.meta.url)('../../../themes/default/static/analyzer.js');

/** Edit distance with swaps (optimal string alignment), the whole table. */
function osa(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d;
}

/** The numbers of a `Vlq` string (src/search/index.rs), the plain way: each
 * base64url digit carries 5 bits, lowest first; 32 added means more follow. */
function vlq(s) {
  const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const out = [];
  let n = 0, shift = 0;
  for (const c of s) {
    const d = DIGITS.indexOf(c);
    n += (d % 32) * 2 ** shift;
    if (d >= 32) shift += 5; else { out.push(n); n = 0; shift = 0; }
  }
  return out;
}

/** The ranking as the format documents it (src/search/index.rs and
 * search-logic.js), computed here the plain way from the index files: a word
 * scores a document by its best match (text 100, note/ambiti 40, unit
 * name/area 20). A match as typed (the same term; the last word, being
 * typed, also the terms it begins) adds 10 for the whole word and 5 for the
 * same accent, and counts as typed; a word of the same family adds 5; a
 * corrected word (only when nothing matches as typed or by family, and only
 * for words of 5 letters or more, 9 for two slips) takes 5 off for its
 * second slip. Candidates share the term's first two letters (its shard).
 * Every word must score; more words as typed first, then the best total,
 * ties in catalogue order. Returns every result's link, in order. */
export function referenceRanking(indice, q, filters = {}) {
  const read = (f) => JSON.parse(readFileSync(join(indice, f), 'utf8'));
  const meta = read('meta.json');
  const units = read('unita.json');
  const unitArea = read('unita_aree.json');
  const shards = new Map(meta.shards);
  const undelta = (l) => { let p = 0; return l.map((x) => (p += x)); };
  const docUnit = [];
  const [unitSi, unitNon] = [vlq(meta.unit_si), vlq(meta.unit_non)];
  unitSi.forEach((si, u) => { for (let k = 0; k < si + unitNon[u]; k++) docUnit.push(u); });
  const firstOf = (u) => docUnit.indexOf(u);
  const tokens = A.analyze(q);
  const typing = /[\p{L}\p{N}]$/u.test(q);
  const words = tokens.map((t, i) => {
    const prefix = typing && i === tokens.length - 1 && Array.from(t.folded).length >= 2;
    const letters = Array.from(t.folded).length;
    const slips = /\p{N}/u.test(t.folded) ? 0 : letters >= 9 ? 2 : letters >= 5 ? 1 : 0;
    return { term: t.term, accent: t.accent, prefix, slips, typed: prefix ? t.folded.replace(/([cg])h$/, '$1') : t.term };
  });
  const run = (correct) => {
    const scored = words.map((w) => {
      const docs = new Map();
      const byUnit = new Map();
      const file = shards.get(Array.from(w.term).slice(0, 2).join(''));
      for (const [term, accent, ...lists] of file ? read(`t/${file}.json`) : []) {
        let score = null;
        if (term === w.term || (w.prefix && term.startsWith(w.typed))) {
          score = (weight) => 128 + weight + (term === w.term ? 10 : 0) + ((accent === 1) === w.accent ? 5 : 0);
        } else if (A.family(term) === A.family(w.term)) {
          score = (weight) => weight + 5;
        } else if (correct && w.slips) {
          const t = Array.from(term);
          let slips = osa(Array.from(w.term), t).at(-1).at(-1);
          if (w.prefix) slips = Math.min(slips, ...osa(Array.from(w.typed), t).at(-1));
          if (slips <= w.slips) score = (weight) => weight - 5 * (slips - 1);
        }
        if (!score) continue;
        [100, 40, 20].forEach((weight, f) => {
          const into = f === 2 ? byUnit : docs;
          for (const id of undelta(lists[f])) into.set(id, Math.max(into.get(id) || 0, score(weight)));
        });
      }
      return (d) => Math.max(docs.get(d) || 0, byUnit.get(docUnit[d]) || 0);
    });
    const ambito = meta.ambiti.findIndex((a) => a[1] === filters.ambito);
    const inAmbito = filters.ambito ? new Set(undelta(read(`a/${ambito}.json`))) : null;
    const results = [];
    docUnit.forEach((u, d) => {
      if (inAmbito && !inAmbito.has(d)) return;
      const si = d - firstOf(u) < unitSi[u];
      if (filters.tipo === 'si' && !si) return;
      if (filters.tipo === 'non' && si) return;
      if (filters.area && meta.areas[unitArea[u]]?.[1] !== filters.area) return;
      const s = scored.map((f) => f(d));
      if (s.some((x) => x === 0)) return;
      results.push({ d, typed: s.filter((x) => x >= 128).length, score: s.reduce((a, b) => a + (b % 128), 0) });
    });
    results.sort((a, b) => b.typed - a.typed || b.score - a.score || a.d - b.d);
    return results;
  };
  let results = run(false);
  if (!results.length && words.some((w) => w.slips)) results = run(true);
  return results.map(({ d }) => {
    const doc = read(`d/${Math.floor(d / meta.chunk)}.json`).docs[d % meta.chunk];
    return `../${units[docUnit[d]][0]}/#${doc[0]}`;
  });
}
