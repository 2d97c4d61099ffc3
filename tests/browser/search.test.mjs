// The search page (cerca/) and the home's search box on the example site,
// served under the sub-path of base_url: what a person typing a few words
// gets, the filters, shared URLs, the back button, the link to the activity,
// and the page without JavaScript. Expected results are the example
// catalogue's (content/*.yaml).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, tempDir, serveStatic, launch, guardOrigin, REPO, BIN } from './lib/harness.mjs';
import { referenceRanking } from './lib/reference-ranking.mjs';
import { axeViolations } from './lib/checks.mjs';


const PREFIX = '/amministrazione-trasparente/lavoro-agile/';
let server, browser, rankServer;

before(async () => {
  server = await serveStatic(buildSite().public, PREFIX);
  rankServer = await serveStatic(buildSite('search_rank').public, '/');
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await rankServer?.close(); await split?.srv.close(); });

// A catalogue large enough for the split index (bench/gen_site.py, 60 units),
// built once for the tests that need it.
let split = null;
async function splitSite() {
  if (split) return split;
  const root = tempDir('trasparenza-split-');
  execFileSync('python3', [join(REPO, 'bench/gen_site.py'), '--units', '60', '--out', root, '--seed', '3']);
  execFileSync(BIN, ['build', '--root', root], { stdio: 'ignore' });
  split = { root, indice: join(root, 'public/cerca/indice'), srv: await serveStatic(join(root, 'public'), PREFIX) };
  return split;
}

async function open(path, { js = true, srv = server } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1280, height: 900 } });
  const foreign = await guardOrigin(context, srv.origin);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(srv.url + path);
  return { context, page, foreign, errors };
}

/** Waits for the live region to announce a count and returns the results. */
async function results(page) {
  await page.waitForFunction(() => /trovat|Nessuna/.test(document.getElementById('ricerca-stato').textContent));
  // Every page of results, as a person pressing "Mostra altri" would.
  while (await page.locator('#ricerca-altri').isVisible()) {
    const before = await page.locator('#ricerca-risultati > li').count();
    await page.locator('#ricerca-altri').click();
    await page.waitForFunction((n) => document.querySelectorAll('#ricerca-risultati > li').length > n, before);
  }
  return page.locator('#ricerca-risultati > li').evaluateAll((items) => items.map((li) => ({
    testo: li.querySelector('.risultato-testo').textContent,
    unita: li.querySelector('.risultato-unita').textContent,
    esito: li.querySelector('.esito').lastChild.textContent,
    href: li.querySelector('a').getAttribute('href'),
  })));
}

/** Types like a person, one key at a time, and waits for the new results. */
async function type(page, text) {
  await page.locator('#ricerca-q').fill('');
  await page.evaluate(() => { document.getElementById('ricerca-stato').textContent = ''; });
  await page.locator('#ricerca-q').pressSequentially(text, { delay: 20 });
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, text);
  return results(page);
}

const row = (r) => `${r.testo} | ${r.unita} | ${r.esito}`;
const ENTRATE = 'Servizio entrate e demografici';

test('typing finds the expected activities, with unit, label and link', async () => {
  const { context, page, foreign, errors } = await open('cerca/');
  assert.equal(await page.locator('h1').innerText(), "Cerca un'attività");
  assert.equal(await page.locator('#ricerca-senza-js').isVisible(), false, 'the no-JS message is hidden');

  const fatture = await type(page, 'fatture');
  assert.deepEqual(fatture.map(row).sort(), [
    `Emissione fatture e liquidazione mensile Iva, split payment | Servizio risorse umane e finanziarie | Smartizzabile`,
    `Gestione liquidazioni fatture. | Servizio Sociale, cultura e comunicazione | Smartizzabile`,
    `Gestione utenze edifici ed aree pubbliche (attivazione convenzioni, controllo e liquidazione fatture) | Servizio Lavori pubblici | Smartizzabile`,
    `IMU - TARI - ALTRE IMPOSTE E TASSE - verifiche rendiconti per liquidazione fatture coattiva e supporto e liquidazione fatture | ${ENTRATE} | Smartizzabile`,
    `TARI - predisposizione file per verifiche UTC per pagamento fatture AMSA | ${ENTRATE} | Smartizzabile`,
  ].sort());
  assert.equal(await page.locator('#ricerca-stato').textContent(), '5 attività trovate.');
  const marks = await page.locator('#ricerca-risultati mark').allTextContents();
  assert.ok(marks.length >= 5 && marks.every((m) => m === 'fatture'), `highlighted: ${marks}`);

  // Singular meets plural: the typed word is `sopralluogo`, the catalogue says `sopralluoghi`.
  const sopralluogo = await type(page, 'sopralluogo');
  assert.deepEqual(sopralluogo.map((r) => `${r.unita} | ${r.esito}`).sort(), [
    'Servizio Lavori pubblici | Non smartizzabile',
    'Servizio Lavori pubblici | Non smartizzabile',
    'Servizio Lavori pubblici | Non smartizzabile',
    'Servizio Lavori pubblici | Smartizzabile',
    'Servizio Sociale, cultura e comunicazione | Non smartizzabile',
    'Servizio Sviluppo del territorio | Non smartizzabile',
    'Titolari di incarichi di Elevata Qualificazione | Non smartizzabile',
  ]);
  assert.ok(sopralluogo.every((r) => /sopralluoghi/i.test(r.testo)));

  // No accent typed, `attività` found; then the words of its family (`attivazione`), below.
  const attivita = await type(page, 'attivita');
  assert.ok(attivita.length >= 20, `${attivita.length} results`);
  const family = attivita.findIndex((r) => !/attivit[àa]/i.test(r.testo));
  assert.ok(family >= 20, 'the results that say attività come first');
  assert.ok(attivita.slice(family).every((r) => /attiva/i.test(r.testo)), 'then those that say attivazione');
  assert.ok(attivita.some((r) => row(r) === 'Economato: attività di back office | Servizio Segreteria, appalti e sistemi informativi | Smartizzabile'));
  assert.ok(attivita.some((r) => row(r) === 'Attività di coordinamento. | Servizio Sviluppo del territorio | Non smartizzabile'));
  assert.ok(attivita.some((r) => row(r) === `attività di sportello | ${ENTRATE} | Non smartizzabile`));
  assert.match(await page.locator('#ricerca-stato').textContent(), new RegExp(`^${attivita.length} attività trovate\\.$`));

  // Every word must match: IMU and accertamenti (or accertamento).
  const imu = await type(page, 'IMU accertamenti');
  assert.deepEqual(imu.map(row).sort(), [
    `IMU - CUP emissione accertamenti | ${ENTRATE} | Smartizzabile`,
    `IMU - TARI - CUP - ALTRE IMPOSTE E TASSE - - consultazione pratiche di archivio per emissione accertamenti | ${ENTRATE} | Non smartizzabile`,
    `IMU - TARI - CUP - ALTRE IMPOSTE E TASSE - postalizzazione accertamenti | ${ENTRATE} | Non smartizzabile`,
    `IMU - TARI - CUP - determinazioni per accertamento entrata | ${ENTRATE} | Smartizzabile`,
    `IMU - emissione accertamenti aree | ${ENTRATE} | Smartizzabile`,
  ].sort());

  const webinar = await type(page, 'webinar');
  assert.deepEqual(webinar.map(row), [
    'Formazione tramite webinar | Segretario comunale - Dirigente Area Risorse servizi e territorio | Smartizzabile',
    'Formazione tramite webinar | Titolari di incarichi di Elevata Qualificazione | Smartizzabile',
  ]);
  assert.deepEqual(webinar.map((r) => r.href), [
    '../segretario-comunale/#formazione-tramite-webinar',
    '../titolari-elevata-qualificazione/#formazione-tramite-webinar',
  ]);

  // While typing, the last word matches as a prefix.
  const partial = await type(page, 'webin');
  assert.equal(partial.length, 2);

  const none = await type(page, 'zzzzqqq');
  assert.equal(none.length, 0);
  assert.match(await page.locator('#ricerca-stato').textContent(), /^Nessuna attività trovata/);

  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a slip finds the activity and says "Forse cercavi"; its link searches the corrected words', async () => {
  const { context, page, foreign, errors } = await open('cerca/');
  const forse = page.locator('#ricerca-forse');
  const fixed = await type(page, 'gestione apalti');
  assert.ok(fixed.length > 5, `${fixed.length} results`);
  assert.ok(fixed.every((r) => /gestion/i.test(r.testo) && /appalti/i.test(`${r.testo} ${r.unita}`)), 'gestione, and appalti');
  assert.equal(await forse.innerText(),
    'Forse cercavi gestione appalti? Nessuna attività trovata con «apalti»: sono mostrate quelle con «appalti».');
  assert.deepEqual(await forse.locator('strong').allTextContents(), ['appalti'], 'the corrected word, in bold');
  assert.equal(await page.locator('#ricerca-stato').textContent(),
    `Forse cercavi «gestione appalti»? ${fixed.length} attività trovate.`);
  const marks = await page.locator('#ricerca-risultati mark').allTextContents();
  assert.ok(marks.some((m) => /^appalti$/i.test(m)), `the correction is highlighted: ${marks}`);
  const link = forse.getByRole('link', { name: 'gestione appalti' });
  assert.equal(await link.getAttribute('href'), `${PREFIX}cerca/?q=gestione+appalti`);
  assert.deepEqual(await axeViolations(page), [], 'WCAG 2.1 AA with the suggestion shown');

  // From the keyboard: Tab from the box reaches the link; Enter searches the corrected words.
  await page.locator('#ricerca-q').focus();
  let tabs = 0;
  while (!(await link.evaluate((a) => a === document.activeElement)) && tabs++ < 20) await page.keyboard.press('Tab');
  assert.ok(tabs <= 20, 'the link is reached with Tab');
  await page.evaluate(() => { document.getElementById('ricerca-stato').textContent = ''; });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'gestione appalti');
  const exact = await results(page);
  assert.deepEqual(exact.map(row).sort(), fixed.map(row).sort());
  assert.equal(await forse.isVisible(), false, 'nothing to correct any more');
  assert.equal(await page.locator('#ricerca-stato').textContent(), `${exact.length} attività trovate.`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ricerca-q', 'the focus back in the box');
  assert.equal(await page.locator('#ricerca-q').inputValue(), 'gestione appalti');
  // Back: the slip again, with its suggestion.
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'gestione apalti');
  await forse.waitFor();

  // A swapped pair of letters, a letter missing, one too many: one slip each.
  for (const [slip, word] of [['anagarfe', 'anagrafe'], ['sopraluoghi', 'sopralluoghi'], ['webbinar', 'webinar']]) {
    const got = await type(page, slip);
    assert.ok(got.length > 0, slip);
    assert.deepEqual(await forse.locator('strong').allTextContents(), [word], slip);
  }
  // Short words are words, not slips: `imi` is not corrected into `imu`.
  assert.deepEqual(await type(page, 'imi'), []);
  assert.equal(await forse.isVisible(), false);
  // A word the catalogue has is taken as typed, its family below it.
  const contabile = (await type(page, 'contabile')).map((r) => r.testo);
  const exactAt = contabile.indexOf("Redazione del conto dell'agente contabile");
  const familyAt = contabile.indexOf('Tenuta della contabilità finanziaria ed economica');
  assert.ok(exactAt >= 0 && familyAt > exactAt, `${exactAt} ${familyAt}`);
  assert.equal(await forse.isVisible(), false);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('only the count is announced, in a polite live region', async () => {
  const { context, page } = await open('cerca/?q=fatture');
  await results(page);
  const live = await page.locator('[aria-live]').evaluateAll((els) => els.map((e) => [e.id, e.getAttribute('aria-live')]));
  assert.deepEqual(live, [['ricerca-stato', 'polite']]);
  assert.equal(await page.locator('#ricerca-risultati').getAttribute('aria-live'), null);
  await context.close();
});

test('a filter narrows the results and goes into the URL; back undoes it', async () => {
  const { context, page, errors } = await open('cerca/');
  const all = await type(page, 'sopralluogo');
  assert.equal(all.length, 7);
  await page.evaluate(() => { document.getElementById('ricerca-stato').textContent = ''; });
  await page.getByLabel('solo smartizzabili').check();
  const smart = await results(page);
  assert.deepEqual(smart.map((r) => `${r.unita} | ${r.esito}`), ['Servizio Lavori pubblici | Smartizzabile']);
  assert.match(await page.locator('#ricerca-risultati mark').first().textContent(), /^sopralluoghi$/i);
  assert.equal(new URL(page.url()).search, '?q=sopralluogo&tipo=si');

  await page.evaluate(() => { document.getElementById('ricerca-stato').textContent = ''; });
  await page.getByLabel('solo non smartizzabili').check();
  await page.getByLabel('Unità organizzativa').selectOption({ label: 'Servizio Lavori pubblici' });
  const narrowed = await results(page);
  assert.equal(narrowed.length, 3);
  assert.ok(narrowed.every((r) => r.unita === 'Servizio Lavori pubblici' && r.esito === 'Non smartizzabile'));
  assert.equal(new URL(page.url()).search, '?q=sopralluogo&tipo=non&unita=lavori-pubblici');

  // Area: units outside it are not offered any more.
  await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Settore Polizia locale e mobilità' });
  const units = await page.locator('#ricerca-unita option').allTextContents();
  assert.deepEqual(units, ['Tutte le unità', 'Settore Polizia locale e mobilità']);

  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('unita') === 'lavori-pubblici');
  assert.equal(await page.getByLabel('Unità organizzativa').inputValue(), 'lavori-pubblici');
  assert.equal((await results(page)).length, 3);
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await page.waitForFunction(() => location.search === '?q=sopralluogo');
  assert.equal(await page.getByLabel('tutte', { exact: true }).isChecked(), true);
  assert.equal(await page.getByLabel('Unità organizzativa').inputValue(), '');
  assert.equal((await results(page)).length, 7);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the filter of the activities in part: their label, colour and condition, WCAG 2.1 AA', async () => {
  // tests/fixtures/parziale: "Ricevimento" is in the common list in presence
  // and in part at the Ufficio tributi.
  const srv = await serveStatic(buildSite('parziale').public, '/');
  const { context, page, errors } = await open('cerca/', { srv });
  const all = await type(page, 'ricevimento');
  assert.deepEqual(all.map((r) => r.esito).sort(), ['Non smartizzabile', 'Parzialmente smartizzabile']);
  await page.evaluate(() => { document.getElementById('ricerca-stato').textContent = ''; });
  await page.getByLabel('solo parzialmente smartizzabili', { exact: true }).check();
  const part = await results(page);
  assert.deepEqual(part.map(row), ['Ricevimento dei contribuenti su appuntamento | Ufficio tributi | Parzialmente smartizzabile']);
  assert.equal(new URL(page.url()).search, '?q=ricevimento&tipo=parz');
  const item = page.locator('#ricerca-risultati > li.risultato-parz');
  assert.equal(await item.locator('.condizione').textContent(), 'Condizione: in parte, con appuntamento in videochiamata');
  assert.deepEqual(await axeViolations(page), [], 'WCAG 2.1 AA with a result in part shown');
  // The unit page it links to, and the home with its bar and cards.
  for (const path of ['tributi/', '', 'tabella/']) {
    await page.goto(srv.url + path);
    assert.deepEqual(await axeViolations(page), [], `WCAG 2.1 AA on /${path}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
  await srv.close();
});

test('a shared URL restores the query and the filters', async () => {
  const { context, page, foreign } = await open('cerca/?q=imu&tipo=non&area=area-risorse-servizi-e-territorio');
  const got = await results(page);
  assert.equal(await page.locator('#ricerca-q').inputValue(), 'imu');
  assert.equal(await page.getByLabel('solo non smartizzabili').isChecked(), true);
  assert.equal(await page.getByLabel('Area', { exact: true }).inputValue(), 'area-risorse-servizi-e-territorio');
  assert.deepEqual(got.map((r) => r.testo).sort(), [
    'IMU - TARI - CUP - ALTRE IMPOSTE E TASSE - - consultazione pratiche di archivio per emissione accertamenti',
    'IMU - TARI - CUP - ALTRE IMPOSTE E TASSE - postalizzazione accertamenti',
  ]);
  assert.deepEqual(foreign, []);
  await context.close();

  // Filters alone (no words): every activity that passes them.
  const only = await open('cerca/?unita=polizia-locale-mobilita&tipo=non');
  const list = await results(only.page);
  assert.deepEqual(list.map((r) => r.testo), [
    'Ricezione degli utenti esterni in occasione degli orari di apertura al pubblico degli uffici e/o su appuntamento',
  ]);
  await only.context.close();
});

test('a result link lands on the activity of the unit page', async () => {
  const { context, page } = await open('cerca/?q=webinar');
  await results(page);
  await page.locator('#ricerca-risultati a').nth(1).click();
  await page.waitForURL(/titolari-elevata-qualificazione\/#formazione-tramite-webinar$/);
  const target = await page.locator('li:target');
  assert.equal(await target.count(), 1);
  assert.match(await target.innerText(), /^Formazione tramite webinar/);
  await context.close();
});

test('the home search box leads to the results', async () => {
  const { context, page, errors } = await open('');
  await page.getByLabel("Cerca un'attività").fill('fatture');
  await page.getByRole('search').getByRole('button', { name: 'Cerca' }).click();
  await page.waitForURL(/cerca\/\?q=fatture$/);
  assert.equal((await results(page)).length, 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the search works from the keyboard alone', async () => {
  const { context, page } = await open('cerca/');
  await page.locator('#ricerca-q').focus();
  await page.keyboard.type('webinar');
  await page.keyboard.press('Enter');
  assert.equal((await results(page)).length, 2);
  // Tab from the box reaches the button, then the filters, then the results.
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => document.activeElement.getAttribute('href') || document.activeElement.id || document.activeElement.name));
  }
  assert.ok(seen.includes('../segretario-comunale/#formazione-tramite-webinar'), seen.join(', '));
  await context.close();
});

test('without JavaScript the page says so and links the full catalogue', async () => {
  const { context, page } = await open('cerca/?q=fatture', { js: false });
  const msg = page.locator('#ricerca-senza-js');
  assert.equal(await msg.isVisible(), true);
  assert.equal(await page.locator('#ricerca-forse').isVisible(), false, 'no empty "Forse cercavi"');
  assert.match(await msg.innerText(), /JavaScript/);
  await msg.getByRole('link', { name: 'tabella completa' }).click();
  await page.waitForURL(/tabella\/$/);
  // The home's box is a plain form: it lands on the search page.
  await page.goto(server.url);
  await page.getByLabel("Cerca un'attività").fill('imu');
  await page.getByLabel("Cerca un'attività").press('Enter');
  await page.waitForURL(/cerca\/\?q=imu$/);
  assert.equal(await page.locator('#ricerca-senza-js').isVisible(), true);
  await context.close();
});

test('the search page with results fits a 320 px wide phone', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(server.url + 'cerca/?q=IMU+accertamenti');
  await results(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  await context.close();
});

test('ranking: text before note before unit name; the typed accent first', async () => {
  const { context, page } = await open('cerca/', { srv: rankServer });
  const contratti = await type(page, 'contratti');
  assert.deepEqual(contratti.map((r) => r.testo), [
    'Stipula dei contratti', // in the text
    'Protocollo della corrispondenza', // in the note
    'Archiviazione pratiche', // in the unit's name
  ]);
  const accent = await type(page, 'attività');
  assert.deepEqual(accent.map((r) => r.testo), ['Attività di sportello', 'Attivita senza accento']);
  const plain = await type(page, 'attivita');
  assert.deepEqual(plain.map((r) => r.testo), ['Attivita senza accento', 'Attività di sportello']);
  await context.close();
});

// A catalogue large enough for the split index (bench/gen_site.py, 60 units):
// a query downloads only the term files of its words and the documents it
// shows; the unit names load only for the unit filter.
test('on a large catalogue a query downloads only what it needs', async () => {
  const { root, indice, srv } = await splitSite();
  assert.ok(readdirSync(join(indice, 't')).length > 50, 'the index is split');
  // What the generated YAML says: activities whose text or note has `fattura`/`fatture`.
  let expected = 0;
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    if (e.isDirectory()) return walk(join(dir, e.name));
    if (!e.name.endsWith('.yaml') || e.name.startsWith('_')) return;
    const lines = readFileSync(join(dir, e.name), 'utf8').split('\n');
    lines.forEach((l, i) => {
      const m = l.match(/^ {2}- (?:testo: )?(".*")$/);
      if (!m) return;
      const note = (lines[i + 1] || '').match(/^ {4}note: (".*")$/);
      const text = JSON.parse(m[1]) + ' ' + (note ? JSON.parse(note[1]) : '');
      if (/\bfattur[ae]\b/i.test(text)) expected += 1;
    });
  });
  walk(join(root, 'content'));
  assert.ok(expected > 20, `${expected} activities with fatture`);

  const { context, page, foreign, errors } = await open('cerca/', { srv });
  const fetched = [];
  page.on('request', (r) => fetched.push(decodeURIComponent(new URL(r.url()).pathname).slice(PREFIX.length)));
  const got = await type(page, 'fatture');
  assert.equal(got.length, expected);
  assert.ok(got.every((r) => r.href.startsWith('../') && r.href.includes('/#')));
  const terms = fetched.filter((p) => p.startsWith('cerca/indice/t/'));
  assert.deepEqual([...new Set(terms)], ['cerca/indice/t/fa.json'], 'only the shard of `fa`');
  assert.ok(!fetched.includes('cerca/indice/unita.json'), 'unit names not needed yet');
  const docs = new Set(fetched.filter((p) => p.startsWith('cerca/indice/d/')));
  // Every document file fetched holds a result on screen: none is fetched for nothing.
  const shownIds = new Set(got.map((r) => r.href.split('#')[1]));
  assert.ok(docs.size >= 1 && docs.size <= readdirSync(join(indice, 'd')).length);
  for (const f of docs) {
    const chunk = JSON.parse(readFileSync(join(root, 'public', f), 'utf8'));
    assert.ok(chunk.docs.some((d) => shownIds.has(d[0])), `${f} holds no result shown`);
  }

  // The unit filter loads the names, lists them, and narrows the results.
  const unitName = got[0].unita;
  await page.getByLabel('Unità organizzativa').focus();
  await page.waitForFunction(() => document.querySelectorAll('#ricerca-unita option').length > 60);
  await page.evaluate(() => { document.getElementById('ricerca-stato').textContent = ''; });
  await page.getByLabel('Unità organizzativa').selectOption({ label: unitName });
  const narrowed = await results(page);
  assert.ok(narrowed.length >= 1 && narrowed.length < got.length);
  assert.ok(narrowed.every((r) => r.unita === unitName));
  // A link lands on its activity.
  const href = narrowed[0].href;
  await page.locator('#ricerca-risultati a').first().click();
  await page.waitForURL((u) => u.hash === '#' + href.split('#')[1]);
  assert.equal(await page.locator('li:target').count(), 1);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();

  // A shared URL with a unit filter works on a fresh page.
  const slug = href.split('/')[1];
  const shared = await open(`cerca/?q=fatture&unita=${slug}`, { srv });
  assert.equal((await results(shared.page)).length, narrowed.length);
  assert.equal(await shared.page.getByLabel('Unità organizzativa').inputValue(), slug);
  await shared.context.close();
});

/** The links of the results on screen and the count announced. */
async function shownLinks(page) {
  await page.waitForFunction(() => /trovat|Nessuna/.test(document.getElementById('ricerca-stato').textContent));
  const links = await page.locator('#ricerca-risultati > li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const said = await page.locator('#ricerca-stato').textContent();
  const count = /^Nessuna/.test(said) ? 0 : Number(said.replace(/\D/g, ''));
  return { links, count };
}

test('the ranking is the documented one: same results, same order', async () => {
  const { indice } = await splitSite();
  const cases = [
    ['fatture'], ['gestione contr'], ['sopralluogh'], ['attività'], ['attivita'], ['tributi'],
    ['verifica pagamenti digitali'], ['polizia'], ['pr', { tipo: 'non' }],
    ['contratti', { area: 'area-tecnica' }], ['zzzz'], ['contratti', { ambito: 'tributi' }],
    ['', { tipo: 'non', ambito: 'protocollo' }], ['', { area: 'area-tecnica' }],
    ['fatturre'], ['gestione contrati'], ['contrati', { area: 'area-tecnica' }], ['amministrativo'],
  ];
  const { context, page, errors } = await open('cerca/', { srv: split.srv });
  for (const [q, filters = {}] of cases) {
    const expected = referenceRanking(indice, q, filters);
    assert.ok(expected.length > 0 || q === 'zzzz', `${q} ${JSON.stringify(filters)}: no results to compare`);
    await page.goto(split.srv.url + 'cerca/?' + new URLSearchParams({ q, ...filters }));
    const got = await shownLinks(page);
    assert.equal(got.count, expected.length, `${q}: count`);
    assert.deepEqual(got.links, expected.slice(0, 20), `${q}: the first page, in order`);
  }
  assert.ok(cases.some(([q, f]) => referenceRanking(indice, q, f).length > 100), 'a query with many results');
  // The whole list of one query, page after page.
  await page.goto(split.srv.url + 'cerca/?q=fatture');
  const all = (await results(page)).map((r) => r.href);
  assert.deepEqual(all, referenceRanking(indice, 'fatture'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Mostra altri" shows the next 20, moves the focus to them, then goes away', async () => {
  const { indice } = await splitSite();
  const expected = referenceRanking(indice, 'gestione');
  assert.ok(expected.length > 40 && expected.length <= 200, `${expected.length} results`);
  const { context, page } = await open('cerca/?q=gestione', { srv: split.srv });
  const first = await shownLinks(page);
  assert.equal(first.links.length, 20, 'only the first page is built');
  const more = page.locator('#ricerca-altri');
  assert.equal(await more.textContent(), 'Mostra altri 20 risultati');
  let shown = 20;
  while (shown < expected.length) {
    await more.press('Enter');
    const next = Math.min(20, expected.length - shown);
    await page.waitForFunction((n) => document.querySelectorAll('#ricerca-risultati > li').length === n, shown + next);
    // Focus on the first new result, so a keyboard user goes on from there.
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), expected[shown]);
    shown += next;
    const left = expected.length - shown;
    assert.equal(await more.isVisible(), left > 0);
    if (left > 0) assert.equal(await more.textContent(), `Mostra altri ${Math.min(20, left)} risultati`);
  }
  const links = await page.locator('#ricerca-risultati > li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, expected);
  assert.equal(await page.locator('#ricerca-stato').textContent(), `${expected.length} attività trovate.`);
  await context.close();
});

test('each key shows its results; the live region announces once, for the last', async () => {
  const { indice } = await splitSite();
  const expected = Object.fromEntries(['fa', 'fat', 'fatture'].map((q) => [q, referenceRanking(indice, q)]));
  const { context, page } = await open('cerca/', { srv: split.srv });
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('meta.json')));
  // One key, then its results: the list follows every key.
  for (const q of ['fa', 'fat']) {
    await page.evaluate((q) => new Promise((done) => {
      document.getElementById('ricerca').addEventListener('trasparenza:ricerca', done, { once: true });
      const box = document.getElementById('ricerca-q');
      box.value = q;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }), q);
    const links = await page.locator('#ricerca-risultati > li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, expected[q].slice(0, 20), `results of "${q}"`);
  }
  // A burst of keys: a screen reader hears one count, the last query's.
  await page.evaluate(() => {
    const stato = document.getElementById('ricerca-stato');
    stato.textContent = ''; // `fat` may have been announced already, with the same count
    window.said = [];
    new MutationObserver(() => window.said.push(stato.textContent))
      .observe(stato, { childList: true, characterData: true, subtree: true });
    const box = document.getElementById('ricerca-q');
    for (const q of ['fatt', 'fattu', 'fattur', 'fatture']) {
      box.value = q;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'fatture');
  await page.waitForFunction(() => window.said.length > 0);
  assert.deepEqual(await page.evaluate(() => window.said), [`${expected.fatture.length} attività trovate.`]);
  const links = await page.locator('#ricerca-risultati > li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, expected.fatture.slice(0, 20));
  await context.close();
});
