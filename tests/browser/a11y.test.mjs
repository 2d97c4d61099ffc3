// Accessibility and validity of EVERY page, with the tools auditors use:
// axe-core (WCAG 2.0/2.1 A and AA) and the Nu Html Checker, plus keyboard
// reachability with a visible focus, no horizontal scroll at 320 px, no
// request leaving the origin. Run on the example site, on the "stress"
// fixture (long unbroken words, 12 areas, empty optional fields), on the
// three sites of examples/ and on the "parziale" fixture.
// Screenshots at 320 and 1280 px of the pages with a problem (of every page
// with TRASPARENZA_SCREENSHOTS=1) go to tests/browser/artifacts/ (gitignored).
// The same checks run on tests/browser/fixtures/broken/, where each must fail:
// a check that cannot fail proves nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, buildSite, serveStatic, launch, openPage, guardOrigin } from './lib/harness.mjs';
import { axeViolations, horizontalOverflow, keyboardProblems, vnuErrors, htmlFiles, pathOf } from './lib/checks.mjs';

const SITES = [
  { name: 'esempio', fixture: null, prefix: '/amministrazione-trasparente/lavoro-agile/', minPages: 10 },
  { name: 'stress', fixture: 'stress', prefix: '/trasparenza/', minPages: 10 },
  // The sites of examples/ (issue 11): a flat list whose act has expired, per-office lists with a residual rule, a regulation with criteria.
  { name: 'elenco-unico', fixture: '../../examples/elenco-unico', prefix: '/amministrazione-trasparente/lavoro-agile/', minPages: 4 },
  { name: 'uffici-con-regola', fixture: '../../examples/uffici-con-regola', prefix: '/trasparenza/lavoro-agile/', minPages: 8 },
  { name: 'regolamento-criteri', fixture: '../../examples/regolamento-criteri', prefix: '/ateneo/amministrazione-trasparente/lavoro-agile/', minPages: 4 },
  // Activities in part or under a condition (issue 20): their lists, chips, bar, table column, changes.
  { name: 'parziale', fixture: 'parziale', prefix: '/lavoro-agile/', minPages: 8 },
];
const BROKEN = join(REPO, 'tests/browser/fixtures/broken');
const ARTIFACTS = join(REPO, 'tests/browser/artifacts');

let browser, brokenServer, vnu;

before(async () => {
  for (const s of SITES) {
    s.public = buildSite(s.fixture).public;
    s.server = await serveStatic(s.public, s.prefix);
  }
  brokenServer = await serveStatic(BROKEN, '/');
  // One vnu.jar run for every folder (a run per file costs ~4 s each); it
  // works while the browser does.
  vnu = vnuErrors([...SITES.map((s) => s.public), BROKEN]);
  vnu.catch(() => {}); // awaited (and reported) by the tests below
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of SITES) await s.server?.close();
  await brokenServer?.close();
});

function open(server, url, width) {
  return openPage(browser, server, url, width);
}

function shotName(file) {
  const p = pathOf(file).replace(/\/$/, '').replaceAll('/', '_');
  return p === '' ? 'home' : p.replace(/\.html$/, '');
}

// Screenshots at 1280 and 320 px of a page with a problem, or of every page
// with TRASPARENZA_SCREENSHOTS=1 (a full-page PNG of the table costs more
// than its checks).
const EVERY_SCREENSHOT = process.env.TRASPARENZA_SCREENSHOTS === '1';

/** A browser tab that checks one page after another: one context per
 * worker, not per page (a new context cost about as much as axe's run on the
 * page). Each page is a new document, so nothing of a page is left when the
 * next one loads; the requests to other origins and the console errors are
 * counted page by page. */
async function tab(site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const foreign = await guardOrigin(context, site.server.origin);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, foreign, errors };
}

async function checkPage(site, dir, file, report, { page, foreign, errors }) {
  foreign.length = 0;
  errors.length = 0;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(site.server.url + pathOf(file));
  const found = [];
  const note = (what, list) => {
    report(file, what, [...list]);
    if (list.length) found.push(what);
  };
  note('axe 1280', await axeViolations(page));
  note('keyboard', await keyboardProblems(page));
  if (found.length || EVERY_SCREENSHOT) {
    await page.screenshot({ path: join(dir, `${shotName(file)}-1280.png`), fullPage: true });
  }
  await page.evaluate(() => document.activeElement?.blur());
  // The same page on a phone: media queries follow the new width.
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await horizontalOverflow(page);
  note('320 px', overflow > 0 ? [`scrolls sideways by ${overflow}px`] : []);
  note('axe 320', await axeViolations(page));
  note('requests to other origins', foreign);
  note('console errors', errors);
  if (found.length || EVERY_SCREENSHOT) {
    await page.screenshot({ path: join(dir, `${shotName(file)}-320.png`), fullPage: true });
  }
}

for (const site of SITES) {
  test(`${site.name}: every page passes axe, the keyboard, 320 px and the origin guard`, async () => {
    const dir = join(ARTIFACTS, site.name);
    mkdirSync(dir, { recursive: true });
    const files = htmlFiles(site.public);
    assert.ok(files.length >= site.minPages, `${files.length} pages`);
    const problems = {};
    const report = (file, what, list) => {
      if (list.length) (problems[file] ??= {})[what] = list;
    };
    // Two pages at a time: most of a page's time is the browser waiting on
    // itself (layout, axe), and the machines have two cores.
    const queue = [...files];
    const worker = async () => {
      const t = await tab(site);
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        await checkPage(site, dir, file, report, t);
      }
      await t.context.close();
    };
    await Promise.all([worker(), worker()]);
    assert.deepEqual(problems, {});
  });
}

test('the Nu Html Checker finds no error in any page of every site', async () => {
  const errors = await vnu;
  const ours = errors.filter((e) => SITES.some((s) => e.file.startsWith(s.public)));
  assert.deepEqual(ours.map((e) => `${e.file}:${e.line}: ${e.message}`), []);
});

// --- each check bites: the broken fixture -------------------------------------

async function openBroken(name, width = 1280) {
  return open(brokenServer, `${brokenServer.url}${name}`, width);
}

test('the correct page of the broken fixture passes every check', async () => {
  const { context, page, foreign, errors } = await openBroken('ok.html');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await keyboardProblems(page), []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
  const phone = await openBroken('ok.html', 320);
  assert.equal(await horizontalOverflow(phone.page), 0);
  await phone.context.close();
  const vnuOnOk = (await vnu).filter((e) => e.file.endsWith('/broken/ok.html'));
  assert.deepEqual(vnuOnOk, []);
});

test('axe reports low contrast and a field without a label', async () => {
  for (const [name, rule] of [['contrasto.html', 'color-contrast'], ['etichetta.html', 'label']]) {
    const { context, page } = await openBroken(name);
    const found = await axeViolations(page);
    assert.ok(found.some((v) => v.startsWith(`${rule}:`)), `${name}: ${JSON.stringify(found)}`);
    await context.close();
  }
});

test('the Nu Html Checker reports the invalid page', async () => {
  const errors = (await vnu).filter((e) => e.file.startsWith(BROKEN));
  const files = [...new Set(errors.map((e) => e.file.slice(BROKEN.length + 1)))];
  assert.deepEqual(files, ['invalido.html'], JSON.stringify(errors));
  const messages = errors.map((e) => e.message).join('\n');
  assert.match(messages, /Element “p” not allowed as child of element “span”/);
  assert.match(messages, /Attribute “href” not allowed on element “div”/);
});

test('the keyboard check reports an invisible focus and controls Tab cannot reach', async () => {
  const { context, page } = await openBroken('focus.html');
  const found = await keyboardProblems(page);
  assert.ok(found.some((p) => p.startsWith('no visible focus on <a> "Collegamento senza indicatore')), found.join('\n'));
  assert.ok(found.some((p) => p.startsWith('<span> "Invia') && p.endsWith('is not reached with Tab')), found.join('\n'));
  assert.ok(found.some((p) => p.startsWith('<a> "Collegamento tolto') && p.endsWith('is not reached with Tab')), found.join('\n'));
  await context.close();
});

test('the 320 px check reports a page that scrolls sideways', async () => {
  const { context, page } = await openBroken('scorrimento.html', 320);
  assert.ok((await horizontalOverflow(page)) > 200);
  await context.close();
});

test('the origin guard reports a request to another site', async () => {
  const { context, foreign } = await openBroken('esterno.html');
  assert.deepEqual(foreign, ['https://example.com/logo.png']);
  await context.close();
});

test('one tab checks page after page: each problem is reported on its own page only', async () => {
  // The site checks above load every page in the same tab; what a page did
  // (a request to another site, a sideways scroll) must not be charged to
  // the next one, nor lost.
  const site = { server: brokenServer };
  const t = await tab(site);
  const problems = {};
  const report = (file, what, list) => {
    if (list.length) (problems[file] ??= {})[what] = list;
  };
  const dir = join(ARTIFACTS, 'broken');
  mkdirSync(dir, { recursive: true });
  for (const name of ['ok.html', 'esterno.html', 'ok.html', 'scorrimento.html', 'ok.html']) {
    await checkPage(site, dir, name, report, t);
  }
  await t.context.close();
  assert.deepEqual(Object.keys(problems).sort(), ['esterno.html', 'scorrimento.html']);
  assert.deepEqual(problems['esterno.html']['requests to other origins'], ['https://example.com/logo.png']);
  assert.match(problems['scorrimento.html']['320 px'][0], /^scrolls sideways by \d+px$/);
});
