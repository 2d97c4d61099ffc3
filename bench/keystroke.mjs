// Time per keystroke of the search page (cerca/) on a built site, in
// headless Chromium:
//   node bench/keystroke.mjs --site PUBLIC_DIR [--passes N]
// Types a few queries letter by letter ("p", "pr", "pro", ... and on into a
// second word) into the search box. For each keystroke it records the time
// from the start of the search (search.js's own clock, in the
// `trasparenza:ricerca` event: analyse the query, match, rank, build the
// first results) to the end of the layout that shows them (forced here, so
// style and layout are counted too). The debounce, if any, is not counted.
// Pass 1 is a visitor's first time through: index parts are fetched as the
// letters need them (loopback). The later passes type the same letters again
// with every part already loaded: that is the per-keystroke figure.
// Prints one JSON line: median and p95 of each, in ms, and the result counts.
// --slips types the same queries with a slip in every word (SLIPS): the
// letters that find nothing as typed run the corrected search too.
// --cpu also records a Chromium performance trace of the later passes and
// gives, per keystroke, the CPU time of the page's main thread from the key
// to the layout (the trace's thread clock): on a shared machine wall times
// include waiting for a core, CPU time does not.
// --profile FILE also records a V8 CPU profile of the later passes (open it in
// Chromium's DevTools, Performance panel) and prints to stderr the functions
// with the most self time.
import { createRequire } from 'node:module';
import { serveStatic, launch } from '../tests/browser/lib/harness.mjs';

const A = createRequire(import.meta.url)('../themes/default/static/analyzer.js');

const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const site = arg('site');
const passes = Number(arg('passes', '3'));
const profile = arg('profile', null);
const cpu = process.argv.includes('--cpu');
if (!site || !(passes >= 2)) {
  console.error('usage: node bench/keystroke.mjs --site PUBLIC_DIR [--passes N>=2]');
  process.exit(2);
}
export const QUERIES = ['protocollazione', 'liquidazione fatture', 'gestione contratti pubblici', 'sopralluoghi cantieri', 'attività'];
export const SLIPS = ['protocolazione', 'liquidazzione fatture', 'gestione contrati pubblcii', 'sopraluoghi cantieri', 'atività'];
const queries = process.argv.includes('--slips') ? SLIPS : QUERIES;

const server = await serveStatic(site, '/bench/');
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(server.url + 'cerca/');
await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('meta.json') && e.responseEnd > 0));

/** Sets the box to `value` as a key press would and waits for its results. */
function key(value) {
  return page.evaluate((value) => new Promise((done) => {
    const root = document.getElementById('ricerca');
    const input = document.getElementById('ricerca-q');
    const timeout = setTimeout(() => done(null), 5000);
    performance.mark('keystroke-start');
    root.addEventListener('trasparenza:ricerca', (e) => {
      clearTimeout(timeout);
      const t = performance.now();
      document.body.getBoundingClientRect(); // style and layout of the new results
      void document.documentElement.offsetHeight;
      performance.mark('keystroke-end');
      done({ ms: e.detail.ms + (performance.now() - t), count: e.detail.count });
    }, { once: true });
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  }), value);
}

const cdp = profile ? await page.context().newCDPSession(page) : null;
if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); }

const first = [];
const warm = [];
const counts = {};
for (let p = 0; p < passes; p++) {
  if (p === 1 && cdp) await cdp.send('Profiler.start');
  if (p === 1 && cpu) await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline'] });
  for (const q of queries) {
    const chars = Array.from(q);
    for (let n = 1; n <= chars.length; n++) {
      const value = chars.slice(0, n).join('');
      // A space alone changes no word; a stop word alone ("a") is no query.
      if (value.endsWith(' ') || A.analyze(value).length === 0) continue;
      const r = await key(value);
      if (!r) throw new Error(`no results event for "${value}"`);
      (p === 0 ? first : warm).push(r.ms);
      if (process.env.BENCH_DEBUG) console.error(p, JSON.stringify(value), r.count, r.ms.toFixed(1));
      if (p === 0) counts[value] = r.count;
      else if (counts[value] !== r.count) throw new Error(`"${value}": ${r.count} results, ${counts[value]} before`);
    }
  }
}

const warmCpu = [];
if (cpu) {
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  // Each mark carries the main thread's CPU clock (`tts`): its difference
  // is the CPU the keystroke took, waiting for a core not counted.
  const marks = events.filter((e) => e.cat === 'blink.user_timing' && /^keystroke-/.test(e.name))
    .sort((a, b) => a.ts - b.ts);
  for (let i = 0; i + 1 < marks.length; i++) {
    if (marks[i].name === 'keystroke-start' && marks[i + 1].name === 'keystroke-end') {
      warmCpu.push((marks[i + 1].tts - marks[i].tts) / 1000);
    }
  }
}
if (cdp) {
  const { profile: prof } = await cdp.send('Profiler.stop');
  (await import('node:fs')).writeFileSync(profile, JSON.stringify(prof));
  // Self time per function: samples x interval.
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  prof.samples.forEach((id, i) => {
    const n = byId.get(id).callFrame;
    const key = `${n.functionName || '(anonymous)'} ${n.url.split('/').pop()}:${n.lineNumber + 1}`;
    self.set(key, (self.get(key) || 0) + (prof.timeDeltas[i] || 0) / 1000);
  });
  [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)
    .forEach(([k, ms]) => console.error(`${ms.toFixed(1).padStart(8)} ms  ${k}`));
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))];
  const r = (x) => Math.round(x * 10) / 10;
  return { n: s.length, median: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1]) };
};
console.log(JSON.stringify({
  chromium: browser.version(),
  first_pass: stats(first),
  warm: stats(warm),
  ...(cpu ? { warm_cpu: stats(warmCpu) } : {}),
  counts, // every value typed: its number of results
}));
await browser.close();
await server.close();
