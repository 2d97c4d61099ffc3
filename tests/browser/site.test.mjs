// What a person sees on the home page and a unit page of the example site,
// served under the sub-path of base_url; and that no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite, serveStatic, launch, openPage } from './lib/harness.mjs';

const PREFIX = '/amministrazione-trasparente/lavoro-agile/';
let server, browser;

before(async () => {
  const site = buildSite();
  server = await serveStatic(site.public, PREFIX);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

function open(path, width = 1280) {
  return openPage(browser, server, server.url + path, width);
}

test('home page shows the catalogue grouped by area', async () => {
  const { context, page, foreign, errors, status } = await open('');
  assert.equal(status, 200);
  assert.equal(await page.title(), 'Attività smartizzabili - Comune di Esempio');
  assert.equal(await page.locator('h1').innerText(), 'Attività smartizzabili');
  const areas = await page.locator('main h2[id^="area-"]').allInnerTexts();
  assert.deepEqual(areas.map((a) => a.split('\n')[0].trim()),
    ['Direzione e coordinamento', 'Area Risorse, servizi e territorio', 'Settore Polizia locale e mobilità']);
  const main = await page.locator('main').innerText();
  assert.match(main, /193\s+attività censite in\s+9\s+unità organizzative/);
  assert.match(main, /Ultimo aggiornamento:\s*26 novembre 2026/);
  await page.getByRole('link', { name: 'Servizio Lavori pubblici' }).click();
  await page.waitForURL(/lavori-pubblici\/$/);
  assert.equal(await page.locator('h1').innerText(), 'Servizio Lavori pubblici');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('unit page shows both lists, the breadcrumb and the date', async () => {
  const { context, page, foreign, errors } = await open('polizia-locale-mobilita/');
  assert.equal(await page.locator('h1').innerText(), 'Settore Polizia locale e mobilità');
  const crumbs = await page.locator('[data-element="breadcrumb"] li').allInnerTexts();
  assert.deepEqual(crumbs.map((c) => c.replace('/', '').trim()),
    ['Amministrazione trasparente', 'Disposizioni generali', 'Atti generali', 'Attività smartizzabili',
      'Settore Polizia locale e mobilità']);
  const smart = page.locator('section[aria-labelledby="smartizzabili"] li[id]');
  const non = page.locator('section[aria-labelledby="non-smartizzabili"] li[id]');
  assert.equal(await smart.count(), 6);
  assert.equal(await non.count(), 1);
  assert.match(await smart.first().innerText(), /^Autorizzazioni occupazioni suolo pubblico: verifica compatibilità/);
  assert.match(await non.first().innerText(), /^Ricezione degli utenti esterni/);
  // The two lists differ by their headings' words, not colour alone.
  assert.match(await page.locator('#smartizzabili').innerText(), /^Attività smartizzabili/);
  assert.match(await page.locator('#non-smartizzabili').innerText(), /^Attività non smartizzabili/);
  assert.equal(await page.locator('time[datetime="2026-11-26"]').first().innerText(), '26 novembre 2026');
  // The breadcrumb's catalogue link goes back up one level, relative.
  await page.locator('[data-element="breadcrumb"] a', { hasText: 'Attività smartizzabili' }).click();
  await page.waitForURL(server.url);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link lands on the activity', async () => {
  const first = await open('segreteria-appalti-sistemi-informativi/');
  const id = await first.page.locator('section[aria-labelledby="smartizzabili"] li[id]').nth(3).getAttribute('id');
  await first.context.close();
  // Arrive from outside, as from a shared link: a fresh page at the deep link.
  const { context, page } = await open(`segreteria-appalti-sistemi-informativi/#${id}`);
  assert.ok(await page.locator(`[id="${id}"]`).evaluate((e) => e.matches(':target')), 'the activity is the target');
  // The browser scrolls to it once the page is laid out; wait for that (bounded).
  await page.waitForFunction((i) => {
    const top = document.getElementById(i).getBoundingClientRect().top;
    return top >= 0 && top < window.innerHeight / 2;
  }, id, { timeout: 5000 });
  await context.close();
});

test('pages fit a 320 px wide phone without horizontal scroll', async () => {
  for (const path of ['', 'entrate-demografici/', 'tabella/', 'note-metodologiche/']) {
    const { context, page } = await open(path, 320);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path || 'home'} scrolls sideways by ${overflow}px`);
    await context.close();
  }
});

test('the 404 page is styled under the base path', async () => {
  const { context, page, status, foreign } = await open('non-esiste/');
  assert.equal(status, 404);
  assert.equal(await page.locator('h1').innerText(), 'Pagina non trovata');
  const font = await page.locator('body').evaluate((e) => getComputedStyle(e).fontFamily);
  assert.match(font, /Titillium Web/, 'the stylesheet loaded from the absolute base path');
  assert.deepEqual(foreign, []);
  await context.close();
});
