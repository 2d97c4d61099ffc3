// The search's logic (themes/default/static/search-logic.js) in node, with
// no browser: the index files of sites built by the real binary are read from
// disk through the `load` the page would give it. The page code (search.js:
// DOM, fetch, history) is tested in Chromium by search.test.mjs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSite, tempDir, REPO, BIN } from './lib/harness.mjs';
import { referenceRanking } from './lib/reference-ranking.mjs';
import S from '../../themes/default/static/search-logic.js';
import A from '../../themes/default/static/analyzer.js';

let small; // tests/fixtures/search_rank: a one-file index
let slips; // tests/fixtures/search_slips: the words the slips below miss
let split; // bench/gen_site.py, 60 units: an index split into shards

before(() => {
  small = join(buildSite('search_rank').public, 'cerca/indice');
  slips = join(buildSite('search_slips').public, 'cerca/indice');
  const root = tempDir('trasparenza-logic-');
  execFileSync('python3', [join(REPO, 'bench/gen_site.py'), '--units', '60', '--out', root, '--seed', '3']);
  execFileSync(BIN, ['build', '--root', root], { stdio: 'ignore' });
  split = join(root, 'public/cerca/indice');
});

/** The index of folder `indice`, opened as the page opens it (by `logic`,
 * search-logic.js's source unless given); `loaded` lists every file asked
 * for, in order. */
function openIndex(indice, logic = S) {
  const loaded = [];
  const files = new Map();
  const load = (path) => {
    loaded.push(path);
    if (!files.has(path)) files.set(path, Promise.resolve().then(() => JSON.parse(readFileSync(join(indice, path), 'utf8'))));
    return files.get(path);
  };
  const meta = JSON.parse(readFileSync(join(indice, 'meta.json'), 'utf8'));
  return { m: logic.open(meta, load), loaded };
}

/** Every result's link, page after page, as "Mostra altri" shows them. */
async function links(m, q, filters = {}, logic = S) {
  const results = await logic.search(m, { q, tipo: '', area: '', unita: '', ambito: '', ...filters });
  const out = [];
  for (let from = 0; from < results.length; from += logic.PAGE) {
    const shown = await logic.page(m, results, from, '../');
    assert.ok(shown.length === Math.min(S.PAGE, results.length - from));
    out.push(...shown.map((r) => r.href));
  }
  return out;
}

test('the ranking is the documented one, on a split index', async () => {
  const { m } = openIndex(split);
  const cases = [
    ['fatture'], ['Fatture'], ['gestione contr'], ['gestione contr '], ['sopralluogh'], ['attività'],
    ['attivita'], ['tributi'], ['verifica pagamenti digitali'], ['polizia'], ['pr', { tipo: 'non' }],
    ['contratti', { area: 'area-tecnica' }], ['zzzz'], ['contratti', { ambito: 'tributi' }],
    ['', { tipo: 'non', ambito: 'protocollo' }], ['', { area: 'area-tecnica' }], ['gestione', { tipo: 'si' }],
    // As a hurried clerk types or pastes.
    ['• fatture'], ['- sopralluoghi;'], ['IMU: accertamenti'], ['Tel. 0123 456789'], ['#2'],
    ["dell'ufficio"], ['FATTURE   elettroniche'], ['pagamenti\tdigitali'],
    // Slips, corrected; words of one family.
    ['fatturre'], ['gestione contrati'], ['sopraluoghi', { tipo: 'non' }], ['contrati', { area: 'area-tecnica' }],
    ['amministrativo'], ['digitalizzazione '],
  ];
  let many = false;
  for (const [q, filters = {}] of cases) {
    const expected = referenceRanking(split, q, filters);
    many ||= expected.length > 100;
    assert.deepEqual(await links(m, q, filters), expected, `${JSON.stringify(q)} ${JSON.stringify(filters)}`);
  }
  assert.ok(many, 'a query with more than 100 results');
});

test('the scripts the site serves, their comments stripped by the build, work as their sources', async () => {
  const assets = join(split, '../../assets');
  const served = createRequire(join(assets, 'search-logic.js'))('./search-logic.js');
  const servedA = createRequire(join(assets, 'analyzer.js'))('./analyzer.js');
  for (const name of ['search-logic.js', 'analyzer.js', 'search.js']) {
    const source = readFileSync(join(REPO, 'themes/default/static', name), 'utf8');
    assert.ok(readFileSync(join(assets, name), 'utf8').length < source.length * 0.75, `${name}: stripped`);
  }
  const text = "L'Ufficio tributi: verifica dell'attività di accertamento IMU, fatturazione 2024 (sopralluoghi)";
  assert.deepEqual(servedA.analyze(text), A.analyze(text));
  const mine = openIndex(split).m;
  const theirs = openIndex(split, served).m;
  for (const [q, filters] of [['fatture'], ['gestione contr'], ['fatturre'], ['sopraluoghi', { tipo: 'non' }],
    ['', { area: 'area-tecnica' }], ['digitalizzazione ']]) {
    assert.deepEqual(await links(theirs, q, filters, served), await links(mine, q, filters), q);
    const [a, b] = [await served.search(theirs, { q }), await S.search(mine, { q })];
    const [pa, pb] = [await served.page(theirs, a, 0, ''), await S.page(mine, b, 0, '')];
    assert.deepEqual(served.suggestion(theirs, q, served.queryWords(q), a, pa[0]),
      S.suggestion(mine, q, S.queryWords(q), b, pb[0]), q);
    assert.deepEqual(served.highlights(text, served.queryWords(q), a.fixes), S.highlights(text, S.queryWords(q), b.fixes));
  }
});

test('text before note before unit name; the typed accent first', async () => {
  const { m } = openIndex(small);
  const texts = async (q) => {
    const results = await S.search(m, { q });
    return (await S.page(m, results, 0, '')).map((r) => r.doc[1]);
  };
  assert.deepEqual(await texts('contratti'), [
    'Stipula dei contratti', // in the text
    'Protocollo della corrispondenza', // in the note
    'Archiviazione pratiche', // in the unit's name
  ]);
  assert.deepEqual(await texts('attività'), ['Attività di sportello', 'Attivita senza accento']);
  assert.deepEqual(await texts('attivita'), ['Attivita senza accento', 'Attività di sportello']);
  // Stop words only: no word to match, so the filters alone decide (the page
  // asks only when a filter is set): every activity, in catalogue order.
  assert.deepEqual(S.queryWords('e di per'), []);
  assert.deepEqual(await texts('e di per'), ['Archiviazione pratiche', 'Protocollo della corrispondenza',
    'Stipula dei contratti', 'Attivita senza accento', 'Attività di sportello']);
});

test('only the word being typed matches the terms it begins', () => {
  const [w] = S.queryWords('Sopralluogh');
  // On the way to `sopralluoghi`, whose stem is `sopralluog`.
  assert.deepEqual(w, {
    term: 'sopralluogh', typed: 'sopralluog', prefix: true, accent: false, root: 'soprallogh', slips: 2, first: 's',
    start: 0, end: 11,
  });
  assert.ok(S.matches('sopralluog', w));
  assert.ok(!S.matches('sopralluog', S.queryWords('sopralluogh ')[0]), 'a finished word matches its own stem only');
  const [a, b] = S.queryWords('fatture contr');
  assert.equal(a.prefix, false);
  assert.equal(b.prefix, true);
  assert.ok(S.matches('contratt', b) && !S.matches('contratt', { ...b, prefix: false }));
  // A space, a colon or a semicolon after the last word: the word is finished.
  for (const q of ['contr ', 'contr:', 'contr;']) assert.equal(S.queryWords(q)[0].prefix, false, q);
  // One letter is not a beginning worth matching.
  assert.equal(S.queryWords('c')[0].prefix, false);
  assert.deepEqual(S.queryWords('  '), []);
});

test('a query loads only the files it needs, each once', async () => {
  const { m, loaded } = openIndex(split);
  for (const q of ['f', 'fa', 'fat', 'fatt', 'fattu', 'fattur', 'fatture']) await links(m, q);
  const shards = new Set(loaded.filter((p) => p.startsWith('t/')));
  assert.deepEqual([...shards], ['t/fa.json'], 'the shard of `fa` only');
  assert.ok(!loaded.includes('unita.json'), 'unit names not needed without the unit filter');
  assert.ok(!loaded.includes('unita_aree.json'), 'nor the areas without the area filter');
  assert.ok(loaded.some((p) => p.startsWith('d/')), 'the documents shown');
  // The unit filter needs every unit's name; an unknown unit finds nothing.
  const unit = JSON.parse(readFileSync(join(split, 'unita.json'), 'utf8'))[5][0];
  const inUnit = await links(m, 'gestione', { unita: unit });
  assert.ok(inUnit.length > 0 && inUnit.every((h) => h.startsWith(`../${unit}/#`)));
  assert.ok(loaded.includes('unita.json'));
  assert.deepEqual(await links(m, 'gestione', { unita: 'non-esiste' }), []);
});

test('results link to their unit page, and common activities to the home page', async () => {
  // A one-file index in the format of src/search/index.rs: unit 0 (empty
  // slug) holds the activities common to every office.
  const meta = {
    v: 3, areas: [], ambiti: [], unit_area: [-1, -1], unit_si: [1, 1], unit_non: [0, 1], docs_total: 3,
    chunk: 64, shards: [], units: [['', ''], ['tributi', 'Ufficio tributi']], ambito_docs: [],
    terms: [['protocoll', 0, [0, 1], [], []], ['tribut', 0, [], [], [1]]],
    docs: [['protocollo', 'Protocollo', '', []], ['protocollo-tributi', 'Protocollo tributi', '', []],
      ['sportello', 'Sportello', '', []]],
  };
  const m = S.open(meta, () => assert.fail('a one-file index loads nothing else'));
  const shown = await S.page(m, await S.search(m, { q: 'protocollo' }), 0, '../');
  assert.deepEqual(shown.map((r) => [r.href, r.si]), [['../#protocollo', true], ['../tributi/#protocollo-tributi', true]]);
  // The unit's name matches every activity of the unit, below a match in the text.
  const tributi = await S.page(m, await S.search(m, { q: 'tributi' }), 0, '');
  assert.deepEqual(tributi.map((r) => [r.href, r.si, r.unit.name]),
    [['tributi/#protocollo-tributi', true, 'Ufficio tributi'], ['tributi/#sportello', false, 'Ufficio tributi']]);
  assert.deepEqual(Array.from(await S.search(m, { q: 'tributi', tipo: 'non' })), [2]);
});

test('format 4: the activities in part sit between the two lists, with their filter and condition', async () => {
  // Unit 0 (common): 1 si, 1 parz; unit 1: 1 si, 2 parz, 1 non (postings
  // delta-encoded: documents 0..5). A document
  // in part has a fifth element, its condition.
  const meta = {
    v: 4, areas: [], ambiti: [], unit_area: [-1, -1], unit_si: [1, 1], unit_parz: [1, 2], unit_non: [0, 1], docs_total: 6,
    chunk: 64, shards: [], units: [['', ''], ['anagrafe', 'Anagrafe']], ambito_docs: [],
    terms: [['pratic', 0, [0, 1, 1, 1, 1, 1], [], []], ['rotazion', 0, [], [3], []]],
    docs: [['a', 'Pratiche a', '', []], ['b', 'Pratiche b', '', [], 'con turnazione'],
      ['c', 'Pratiche c', '', []], ['d', 'Pratiche d', '', [], 'a rotazione'], ['e', 'Pratiche e', '', []],
      ['f', 'Pratiche f', '', []]],
  };
  const m = S.open(meta, () => assert.fail('a one-file index loads nothing else'));
  const all = await S.page(m, await S.search(m, { q: 'pratiche' }), 0, '');
  assert.deepEqual(all.map((r) => [r.doc[0], r.kind]), [['a', 1], ['b', 3], ['c', 1], ['d', 3], ['e', 3], ['f', 2]]);
  assert.deepEqual(Array.from(await S.search(m, { q: 'pratiche', tipo: 'parz' })), [1, 3, 4]);
  assert.deepEqual(Array.from(await S.search(m, { q: 'pratiche', tipo: 'si' })), [0, 2]);
  assert.deepEqual(Array.from(await S.search(m, { q: 'pratiche', tipo: 'non' })), [5]);
  assert.deepEqual(Array.from(await S.search(m, { q: '', tipo: 'parz', unita: 'anagrafe' })), [3, 4]);
  // The condition's words find the activity (index.rs puts them with the note's).
  assert.deepEqual(Array.from(await S.search(m, { q: 'rotazione' })), [3]);
  // An index without unit_parz (format 3) has none.
  const v3 = S.open({ ...meta, v: 3, unit_parz: undefined, unit_non: [1, 1], docs_total: 4,
    docs: meta.docs.slice(0, 4) }, () => assert.fail());
  assert.deepEqual(v3.unitList.map((u) => u.nParz), [0, 0]);
  assert.deepEqual(Array.from(await S.search(v3, { q: '', tipo: 'parz' })), []);
});

test('the matching words of a text are marked, in code points', () => {
  const words = S.queryWords('attiv');
  const text = "Città dell'attività, attivo";
  const ranges = S.highlights(text, words);
  assert.deepEqual(ranges.map(([a, b]) => Array.from(text).slice(a, b).join('')), ['attività', 'attivo']);
  assert.deepEqual(S.highlights(text, S.queryWords('zzz')), []);
});

test('the units for the unit filter, grouped by area', async () => {
  const { m } = openIndex(split);
  await S.ensureNames(m);
  const groups = S.unitGroups(m, '');
  const meta = JSON.parse(readFileSync(join(split, 'meta.json'), 'utf8'));
  const unitArea = JSON.parse(readFileSync(join(split, 'unita_aree.json'), 'utf8'));
  assert.equal(meta.unit_area, undefined, 'a split meta.json leaves the areas to unita_aree.json');
  const named = unitArea.filter((_, i) => m.unitList[i].slug).length;
  assert.equal(groups.reduce((n, g) => n + g.units.length, 0), named, 'every unit with a page');
  assert.equal(new Set(groups.map((g) => g.label)).size, groups.length, 'one group per area');
  const area = meta.areas[0];
  const one = S.unitGroups(m, area[1]);
  assert.deepEqual(one.map((g) => g.label), [area[0]]);
});

test('the state a URL carries: read, written, in a fixed order', () => {
  const s = S.stateOf('?tipo=non&q=IMU+%26+TARI+%232&x=1&area=');
  assert.deepEqual(s, { q: 'IMU & TARI #2', tipo: 'non', area: '', unita: '', ambito: '' });
  assert.equal(S.queryString(s), '?q=IMU+%26+TARI+%232&tipo=non');
  assert.deepEqual(S.stateOf(S.queryString(s)), s);
  assert.equal(S.queryString({ q: '  fatture ', tipo: '', area: 'area-tecnica', unita: '', ambito: '' }),
    '?q=fatture&area=area-tecnica');
  assert.equal(S.queryString({ q: '   ', tipo: '', area: '', unita: '', ambito: '' }), '');
  assert.deepEqual(S.stateOf(''), { q: '', tipo: '', area: '', unita: '', ambito: '' });
});

test('the count the live region says, in Italian', () => {
  assert.equal(S.countMessage(0), 'Nessuna attività trovata. Prova con meno parole o togli qualche filtro.');
  assert.equal(S.countMessage(1), '1 attività trovata.');
  assert.equal(S.countMessage(2), '2 attività trovate.');
  assert.equal(S.countMessage(12345), '12.345 attività trovate.');
  // With a rule for the activities not listed, no result says it.
  var rule = 'Tutte le attività non elencate sono smartizzabili: si possono svolgere in lavoro agile.';
  assert.equal(S.countMessage(0, rule), 'Nessuna attività elencata trovata. ' + rule + ' Prova con meno parole o togli qualche filtro.');
  assert.equal(S.countMessage(0, ''), 'Nessuna attività trovata. Prova con meno parole o togli qualche filtro.');
  assert.equal(S.countMessage(1, rule), '1 attività trovata.');
});

/** The texts of every result of `q` on the slips fixture, and whether the
 * list is a corrected one; `m` is opened once per test. */
async function found(m, q) {
  const results = await S.search(m, { q });
  const shown = await S.page(m, results, 0, '');
  return { texts: shown.map((r) => r.doc[1]), corrected: !!results.corrected, results, shown };
}

test('slips a hurried clerk makes are forgiven: a letter missing, doubled, swapped, wrong, an accent with a letter', async () => {
  const { m } = openIndex(slips);
  const cases = [
    ['apalti', ['Gestione appalti di servizi']], // a letter missing
    ['fatturre ', ['Liquidazione fatture dei fornitori']], // doubled
    ['anagarfe', ['Aggiornamento anagrafe']], // swapped
    ['contrstti', ['Verificare i contratti', 'Archivio dei contratti']], // wrong
    ['attivta', ['Attività di sportello']], // the accent dropped with its letter
    ['sopraluoghi', ['Sopralluoghi nei cantieri']],
    ['protocolazzione', ['Protocollazione della posta in arrivo']], // two slips in a long word
    ['SOPRALUOGHI cantieri', ['Sopralluoghi nei cantieri']], // with an exact word
  ];
  for (const [q, want] of cases) {
    const got = await found(m, q);
    assert.deepEqual(got.texts, want, q);
    assert.ok(got.corrected, `${q}: a corrected list`);
  }
});

test('short words are not corrected into noise, and a word the catalogue has is taken as typed', async () => {
  const { m } = openIndex(slips);
  // `imu`, `tari`, `posta` are in the catalogue; 3 and 4 letters get no slip.
  for (const q of ['imi', 'tasi', 'posa', 'imu2']) assert.deepEqual((await found(m, q)).texts, [], q);
  assert.deepEqual([S.slipsFor('posa'), S.slipsFor('posta'), S.slipsFor('contratti'), S.slipsFor('contratto'),
    S.slipsFor('protocollo'), S.slipsFor('2026x')], [0, 1, 2, 2, 2, 0]);
  // `fattore` is one slip from `fatture`: found only when asked for.
  const fatture = await found(m, 'fatture');
  assert.deepEqual(fatture.texts, ['Liquidazione fatture dei fornitori', 'Fatturazione elettronica']);
  assert.equal(fatture.corrected, false);
  assert.deepEqual((await found(m, 'fattore')).texts, ['Calcolo del fattore di rischio']);
  // Nothing near enough: nothing, and no correction.
  const none = await found(m, 'zanzariera');
  assert.deepEqual([none.texts, none.corrected], [[], false]);
});

test('derived words of one family find each other, ranked below the word as typed', async () => {
  const { m } = openIndex(slips);
  const cases = [
    ['scuola', ["Gestione della scuola dell'infanzia", 'Iscrizioni ai servizi scolastici']],
    ['scolastico', ['Iscrizioni ai servizi scolastici', "Gestione della scuola dell'infanzia"]],
    ['fattura', ['Liquidazione fatture dei fornitori', 'Fatturazione elettronica']],
    ['fatturazione', ['Fatturazione elettronica', 'Liquidazione fatture dei fornitori']],
    ['verificare ', ['Verificare i contratti', 'Archivio dei contratti']], // `verifica` in a note
  ];
  for (const [q, want] of cases) {
    const got = await found(m, q);
    assert.deepEqual(got.texts, want, q);
    assert.equal(got.corrected, false, q);
  }
  const root = (w) => A.family(A.terms(w)[0]);
  for (const [a, b] of [['scuola', 'scolastici'], ['fattura', 'fatturazione'], ['gestione', 'gestire'],
    ['protocollo', 'protocollista'], ['liquidazione', 'liquidatore'], ['comune', 'comunale'], ['tributo', 'tributario'],
    ['certificato', 'certificazione'], ['attività', 'attivazione'], ['fornitore', 'fornitura']]) {
    assert.equal(root(a), root(b), `${a} / ${b}`);
  }
  // Not a family: similar letters, other meanings.
  for (const [a, b] of [['contratto', 'contributo'], ['acquisto', 'acqua'], ['ente', 'entrate'], ['pagamento', 'paga'],
    ['fattura', 'fattore'], ['scuola', 'suolo']]) {
    assert.notEqual(root(a), root(b), `${a} / ${b}`);
  }
});

test('the ranking: more words as typed first, then the scores; a correction below all', async () => {
  const { m } = openIndex(slips);
  const all = { lo: 0, hi: m.docsTotal, area: -1, tipo: 0, inAmbito: null };
  const score = (pairs) => { const s = new Uint8Array(m.docsTotal); for (const [d, v] of pairs) s[d] = v; return s; };
  // Doc 0: as typed in a unit's name (128 + 20); doc 1: a family word in the text (100 + 5); doc 2: both words as typed.
  const a = score([[0, 148], [1, 105], [2, 243]]);
  const b = score([[0, 243], [1, 243], [2, 148]]);
  assert.deepEqual(Array.from(S.rank(m, [a], all)), [2, 0, 1]);
  assert.deepEqual(Array.from(S.rank(m, [a, b], all)), [0, 2, 1], 'two words as typed before one, whatever the scores');
  // A word without a match in a document leaves it out.
  assert.deepEqual(Array.from(S.rank(m, [a, score([[1, 100]])], all)), [1]);
  // Two words corrected: the one with a word as typed first, though its total is lower.
  const got = await found(m, 'contrati verifica ');
  assert.deepEqual(got.texts, ['Archivio dei contratti', 'Verificare i contratti']);
  assert.ok(got.corrected);
});

test('"Forse cercavi": the query as the catalogue writes it, the corrected words marked', async () => {
  const { m } = openIndex(slips);
  const sug = async (q) => {
    const words = S.queryWords(q);
    const results = await S.search(m, { q }, words);
    const shown = await S.page(m, results, 0, '');
    return S.suggestion(m, q, words, results, shown[0]);
  };
  assert.deepEqual(await sug('Gestione  apalti!'), {
    q: 'Gestione  appalti!', parts: [['Gestione  ', false], ['appalti', true], ['!', false]], fixed: [['apalti', 'appalti']],
  });
  assert.deepEqual((await sug('anagarfe')).fixed, [['anagarfe', 'anagrafe']]);
  assert.deepEqual((await sug('SOPRALUOGHI cantieri')).q, 'sopralluoghi cantieri');
  // No correction, no suggestion; a family word is not a correction.
  assert.equal(await sug('appalti'), null);
  assert.equal(await sug('scolastico'), null);
  assert.equal(await sug('zanzariera'), null);
  // The corrected words are marked in the results, as the typed ones.
  const words = S.queryWords('apalti');
  const results = await S.search(m, { q: 'apalti' }, words);
  const text = 'Gestione appalti di servizi';
  assert.deepEqual(S.highlights(text, words, results.fixes), [[9, 16]]);
  assert.deepEqual(S.highlights(text, words), []);
});

test('the distance counts one slip per letter missing, added, wrong, or swapped with its neighbour', () => {
  const d = (a, b, max = 2, prefix = false) => S.distance(a, b, max, prefix);
  assert.deepEqual([d('appalt', 'appalt'), d('apalt', 'appalt'), d('appallt', 'appalt'), d('apqalt', 'appalt'),
    d('paaplt', 'appalt'), d('anagarf', 'anagraf')], [0, 1, 1, 1, 2, 1]);
  assert.equal(d('abcdef', 'uvwxyz', 1), 2, 'more than the most allowed: max + 1');
  assert.equal(d('fattur', 'fatturazion', 2), 3, 'the whole term');
  assert.equal(d('fatturr', 'fatturazion', 1, true), 1, 'a beginning of it');
  assert.equal(d('sopraluog', 'sopralluog', 1, true), 1);
});
