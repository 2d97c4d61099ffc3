// Measures one search engine on a built site in headless Chromium:
//   node bench/query.mjs --engine trasparenza|pagefind --site DIR
// Prints one JSON line: bytes the first query downloads (raw and gzip, from
// page load to the first results shown, the engine's JS included), the first
// query's time and the median time of the following queries, in ms.
// Uses the browser tests' harness (serveStatic, Debian's Chromium).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic, launch } from '../tests/browser/lib/harness.mjs';

const arg = (name) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : null; };
const engine = arg('engine');
const site = arg('site');
const QUERIES = ['fatture', 'sopralluogo', 'IMU accertamenti', 'attivita', 'webinar', 'gestione contratti', 'formazione'];
const PREFIX = '/bench/';

const server = await serveStatic(site, PREFIX);
const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
// Every request, the page's and its workers' (Pagefind searches in a worker).
const fetched = new Set();
context.on('requestfinished', (r) => fetched.add(r.url()));

/** Bytes of the engine's files the page has fetched so far, from disk. */
async function downloaded() {
  const urls = [...fetched];
  if (process.env.BENCH_DEBUG) console.error(urls);
  let raw = 0, gz = 0, n = 0;
  for (const u of urls) {
    const path = decodeURIComponent(new URL(u).pathname).slice(PREFIX.length);
    const ours = /^cerca\/indice\/|^assets\/(search|search-logic|analyzer)\.js$/.test(path);
    const theirs = /^pagefind\//.test(path);
    if (!(engine === 'pagefind' ? theirs : ours)) continue;
    const file = join(site, path);
    if (!existsSync(file)) continue;
    const b = readFileSync(file);
    raw += b.length; gz += gzipSync(b).length; n += 1;
  }
  return { raw, gz, n };
}

let times = [];
let counts = [];
if (engine === 'trasparenza') {
  await page.goto(server.url + 'cerca/');
  await page.waitForLoadState('load');
  // The page loads meta.json at start, as it does for a visitor.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('meta.json') && e.responseEnd > 0));
  for (const q of QUERIES) {
    const d = await page.evaluate((q) => new Promise((done) => {
      const root = document.getElementById('ricerca');
      root.addEventListener('trasparenza:ricerca', (e) => done(e.detail), { once: true });
      const input = document.getElementById('ricerca-q');
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }), q);
    times.push(d.ms); counts.push(d.count);
    if (process.env.BENCH_DEBUG) console.error(q, d);
    if (times.length === 1) var first = await downloaded();
  }
} else {
  await page.goto(server.url);
  await page.evaluate(async (base) => {
    window.pf = await import(base + 'pagefind/pagefind.js');
    await window.pf.options({ baseUrl: base });
    await window.pf.init();
  }, server.url);
  for (const q of QUERIES) {
    const d = await page.evaluate(async (q) => {
      const t0 = performance.now();
      const s = await window.pf.search(q);
      await Promise.all(s.results.slice(0, 20).map((r) => r.data()));
      return { ms: performance.now() - t0, count: s.results.length };
    }, q);
    times.push(d.ms); counts.push(d.count);
    if (times.length === 1) var first = await downloaded();
  }
}
const next = times.slice(1).sort((a, b) => a - b);
console.log(JSON.stringify({
  engine,
  first_query_bytes: first.raw,
  first_query_gzip: first.gz,
  first_query_files: first.n,
  first_query_ms: Math.round(times[0] * 10) / 10,
  next_median_ms: Math.round(next[Math.floor(next.length / 2)] * 10) / 10,
  results: Object.fromEntries(QUERIES.map((q, i) => [q, counts[i]])),
}));
await browser.close();
await server.close();
