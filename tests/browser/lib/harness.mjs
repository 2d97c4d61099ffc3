// Shared helpers of the browser tests: build a site with the real binary,
// serve it over HTTP on loopback (under a sub-path, as on a Comune's server),
// drive Debian's Chromium through playwright-core.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve, extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = resolve(fileURLToPath(import.meta.url), '../../../..');
export const BIN = process.env.TRASPARENZA_BIN || join(REPO, 'target/debug/trasparenza');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The temporary folders of this test file, removed when its process exits. */
const temporary = [];
process.on('exit', () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder named `<prefix>XXXXXX`, removed at exit. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** Copies a site (the example `content/` when `fixture` is null) to a temp
 * folder, builds it and returns the folder with its `public/`. */
export function buildSite(fixture = null, args = []) {
  const root = tempDir('trasparenza-browser-');
  if (fixture) {
    cpSync(join(REPO, 'tests/fixtures', fixture), root, { recursive: true });
  } else {
    cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
  }
  execFileSync(BIN, ['build', '--root', root, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { root, public: join(root, 'public') };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.jsonld': 'application/ld+json', '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.gz': 'application/gzip', '.bin': 'application/octet-stream',
};

/** Serves `dir` at http://127.0.0.1:PORT{prefix} like a plain web server
 * (index.html for folders, 404.html with status 404). */
export async function serveStatic(dir, prefix = '/') {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) return notFound(res);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound(res);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) { res.writeHead(301, { Location: path + '/' }); return res.end(); }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound(res);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  const notFound = (res) => {
    const page = join(root, '404.html');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(existsSync(page) ? readFileSync(page) : 'not found');
  };
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + prefix, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with the flags this workplace needs. */
export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Records every request that leaves `origin`; blocks it so nothing leaves the machine. */
export async function guardOrigin(context, origin) {
  const foreign = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  return foreign;
}

/** Opens `url` in a new context `width` px wide, with the origin guard and
 * the console errors recorded. Close `context` when done. */
export async function openPage(browser, server, url, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const foreign = await guardOrigin(context, server.origin);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const res = await page.goto(url);
  return { context, page, foreign, errors, status: res.status() };
}
