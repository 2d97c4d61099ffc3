// `trasparenza serve` in headless Chromium: a save reloads the page by
// itself; a broken file shows the error overlay over the last good page,
// and fixing it removes the overlay. Nothing leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, BIN, launch, guardOrigin } from './lib/harness.mjs';

const UNIT = 'content/lavori-pubblici.yaml';
const WAIT = 15000;
let root, server, url, browser;

/** Starts `trasparenza serve` on a free port; resolves with its URL. */
function startServe(dir) {
  // In Italian, as a clerk sees it with no language set (CI runners set none).
  const child = spawn(BIN, ['serve', '--root', dir, '--port', '0', '--lang', 'it'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), WAIT * 2);
    child.stdout.on('data', (b) => {
      log += b;
      const m = log.match(/^Anteprima di .* su (http:\/\/\S+\/)/m);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.stderr.on('data', (b) => { log += b; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${log}`)); });
  });
  return { child, ready };
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'trasparenza-serve-'));
  cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
  server = startServe(root);
  url = await server.ready;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.child.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

function edit(from, to) {
  const file = join(root, UNIT);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${from} is in ${UNIT}`);
  writeFileSync(file, text.replace(from, to));
}

async function open(path) {
  const context = await browser.newContext();
  const foreign = await guardOrigin(context, url.replace(/\/$/, ''));
  // Keep a handle on the page's event stream, to know when it is connected.
  await context.addInitScript(() => {
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(...args) { super(...args); window.flussoAnteprima = this; }
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url + path);
  // The live-reload stream is open before anything is saved.
  await connected(page);
  return { context, page, foreign, errors };
}

async function connected(page) {
  await page.waitForFunction(() => window.flussoAnteprima?.readyState === EventSource.OPEN,
    null, { timeout: WAIT });
}

/** Runs `change` and waits for the page to reload by itself. */
async function reloadAfter(page, change) {
  await page.evaluate(() => { window.primaDelSalvataggio = true; });
  const loaded = page.waitForEvent('load', { timeout: WAIT });
  change();
  await loaded;
  await connected(page);
  assert.equal(await page.evaluate(() => window.primaDelSalvataggio), undefined, 'the page was reloaded');
}

test('saving a unit file reloads the page with the change', async () => {
  const { context, page, foreign, errors } = await open('lavori-pubblici/');
  assert.equal(await page.locator('h1').innerText(), 'Servizio Lavori pubblici');
  await reloadAfter(page, () => edit('nome: Servizio Lavori pubblici', 'nome: Servizio Opere pubbliche'));
  assert.equal(await page.locator('h1').innerText(), 'Servizio Opere pubbliche');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a broken file shows the overlay over the last good page; fixing it clears it', async () => {
  const { context, page, foreign, errors } = await open('lavori-pubblici/');
  const before = await page.locator('h1').innerText();

  await reloadAfter(page, () => edit('smartizzabili:', 'smartizabili:'));
  const dialog = page.getByRole('alertdialog', { name: /Il sito non è stato aggiornato: 1 errore/ });
  await dialog.waitFor({ state: 'visible', timeout: WAIT });
  const text = await dialog.innerText();
  assert.match(text, /content\/lavori-pubblici\.yaml:7:1/);
  assert.match(text, /chiave sconosciuta `smartizabili` \[yaml-unknown-key\]/);
  assert.match(text, /Suggerimento: forse si intendeva `smartizzabili`\?/);
  // The last good page is still there, under the overlay.
  assert.equal(await page.locator('h1').innerText(), before);
  // The overlay is on screen and closes with its button or Escape.
  const box = await dialog.boundingBox();
  assert.ok(box && box.height > 50 && box.y < 900, 'the overlay is visible');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: WAIT });

  await reloadAfter(page, () => edit('smartizabili:', 'smartizzabili:'));
  assert.equal(await page.locator('#trasparenza-errori').count(), 0);
  assert.equal(await page.locator('h1').innerText(), before);

  // The close button works too.
  await reloadAfter(page, () => edit('smartizzabili:', 'smartizabili:'));
  await dialog.waitFor({ state: 'visible', timeout: WAIT });
  await dialog.getByRole('button', { name: 'Chiudi' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: WAIT });
  await reloadAfter(page, () => edit('smartizabili:', 'smartizzabili:'));

  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});
