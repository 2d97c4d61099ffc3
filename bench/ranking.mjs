// Time per keystroke of the search's logic alone (search-logic.js: query,
// postings, ranking, the 20 results shown), in node, no browser:
//   node bench/ranking.mjs --site PUBLIC_DIR [--passes N] [--slips]
// Types the queries of bench/keystroke.mjs letter by letter against the
// index under PUBLIC_DIR/cerca/indice/ (read from disk, as the page fetches
// it). Pass 1 loads and decodes the parts the letters need; the later passes
// are warm, the figure to compare with bench/keystroke.sh's (which adds the
// DOM and the layout). Prints one JSON line: median, p95 and max in ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const S = createRequire(import.meta.url)('../themes/default/static/search-logic.js');
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const site = arg('site');
const passes = Number(arg('passes', '3'));
if (!site || !(passes >= 2)) {
  console.error('usage: node bench/ranking.mjs --site PUBLIC_DIR [--passes N>=2]');
  process.exit(2);
}
// The same as bench/keystroke.mjs (not imported: that file runs a browser).
const QUERIES = ['protocollazione', 'liquidazione fatture', 'gestione contratti pubblici', 'sopralluoghi cantieri', 'attività'];
// --slips: with a slip in every word, as bench/keystroke.mjs --slips.
const SLIPS = ['protocolazione', 'liquidazzione fatture', 'gestione contrati pubblcii', 'sopraluoghi cantieri', 'atività'];
const queries = process.argv.includes('--slips') ? SLIPS : QUERIES;

const indice = join(site, 'cerca/indice');
const files = new Map();
const load = (path) => {
  if (!files.has(path)) files.set(path, Promise.resolve(JSON.parse(readFileSync(join(indice, path), 'utf8'))));
  return files.get(path);
};
const m = S.open(JSON.parse(readFileSync(join(indice, 'meta.json'), 'utf8')), load);

const warm = [];
const counts = [];
for (let pass = 0; pass < passes; pass++) {
  for (const q of queries) {
    const letters = Array.from(q);
    for (let i = 1; i <= letters.length; i++) {
      const typed = letters.slice(0, i).join('');
      const t0 = performance.now();
      const words = S.queryWords(typed);
      const results = await S.search(m, { q: typed }, words);
      const shown = await S.page(m, results, 0, '../');
      shown.forEach((r) => S.highlights(r.doc[1], words));
      const ms = performance.now() - t0;
      if (pass > 0) warm.push(ms);
      if (pass === 0) counts.push(results.length);
    }
  }
}
warm.sort((a, b) => a - b);
const at = (p) => Number(warm[Math.min(warm.length - 1, Math.floor(p * warm.length))].toFixed(2));
console.log(JSON.stringify({ keystrokes: counts.length, median: at(0.5), p95: at(0.95), max: at(1), counts }));
