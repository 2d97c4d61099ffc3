// The accessibility and validity checks run on every page of a site:
// axe-core (WCAG 2.0/2.1 A and AA rules), the Nu Html Checker (vnu.jar on the
// machine's Java), keyboard reachability with a visible focus, horizontal
// overflow. Each returns the problems it found (an empty list when none), so
// the same code is run on the real sites, where it must find nothing, and on
// tests/browser/fixtures/broken/, where it must find something.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const VNU_JAR = resolve(fileURLToPath(import.meta.url), '../../node_modules/vnu-jar/build/dist/vnu.jar');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every HTML file under `dir`, relative, with `/` separators, sorted. */
export function htmlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The URL path of an HTML file: `tabella/index.html` -> `tabella/`. */
export function pathOf(file) {
  return file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the loaded page: the violations,
 * as `rule: target (summary)` strings. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_TAGS,
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

/** How many CSS pixels the page scrolls sideways (0 when it fits). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** Tabs through the page from the top. Every link and control (including
 * elements that act as one: role=button/link/..., onclick; one stop per
 * group of radio buttons, as browsers do) must be reached,
 * in DOM order, and must look different when focused (outline or box-shadow).
 * Returns the problems. */
export async function keyboardProblems(page) {
  const expected = await page.evaluate(() => {
    const interactive = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, '
      + '[role="button"], [role="link"], [role="checkbox"], [role="tab"], [role="menuitem"], [role="switch"], '
      + '[onclick], [tabindex]:not([tabindex^="-"])';
    const ring = (e) => {
      const s = getComputedStyle(e);
      return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow };
    };
    // A group of radio buttons is one Tab stop (arrow keys move inside it):
    // its checked button, or its first when none is checked.
    const radioStop = (e) => {
      if (e.type !== 'radio' || !e.name) return true;
      const group = [...(e.form || document).querySelectorAll('input[type="radio"]')]
        .filter((r) => r.name === e.name && !r.disabled);
      return e === (group.find((r) => r.checked) || group[0]);
    };
    const list = [...document.querySelectorAll(interactive)]
      .filter((e) => !e.disabled && !e.closest('[inert]') && e.checkVisibility({ visibilityProperty: true }))
      .filter(radioStop);
    return list.map((e, i) => {
      e.dataset.kbdIndex = String(i);
      const name = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('href') || '').trim().replace(/\s+/g, ' ');
      return { tag: e.tagName.toLowerCase(), name: name.slice(0, 60), ...ring(e) };
    });
  });
  // Each focus is recorded by a listener in the page, so that a Tab costs one
  // round trip; the styles are read while the element has the focus.
  await page.evaluate(() => {
    window.__focusLog = [];
    document.addEventListener('focusin', (ev) => {
      const e = ev.target;
      const s = getComputedStyle(e);
      window.__focusLog.push({
        index: e.dataset?.kbdIndex === undefined ? -1 : Number(e.dataset.kbdIndex),
        tag: e.tagName.toLowerCase(),
        outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
        outlineVisible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
          && !/rgba\(.*,\s*0\)$|transparent/.test(s.outlineColor),
        shadow: s.boxShadow,
      });
    });
    // Nothing is focused: the first Tab goes to the first element of the document.
    document.activeElement?.blur();
  });
  for (let n = 0; n < expected.length + 2; n++) await page.keyboard.press('Tab');
  const log = await page.evaluate(() => window.__focusLog);
  const problems = [];
  const reached = [];
  const seen = new Set();
  for (const f of log) {
    if (f.index >= 0 && seen.has(f.index)) break; // wrapped around
    seen.add(f.index);
    reached.push(f.index);
    const before = expected[f.index];
    if (!before) {
      problems.push(`focus went to a <${f.tag}> that is not a link or control`);
      continue;
    }
    const outline = f.outlineVisible && f.outline !== before.outline;
    const shadow = f.shadow !== 'none' && f.shadow !== before.shadow;
    if (!outline && !shadow) {
      problems.push(`no visible focus on <${before.tag}> "${before.name}"`);
    }
  }
  expected.forEach((e, i) => {
    if (!seen.has(i)) problems.push(`<${e.tag}> "${e.name}" is not reached with Tab`);
  });
  const inOrder = reached.filter((i) => i >= 0);
  for (let k = 1; k < inOrder.length; k++) {
    if (inOrder[k] < inOrder[k - 1]) {
      problems.push(`Tab order jumps back from "${expected[inOrder[k - 1]].name}" to "${expected[inOrder[k]].name}"`);
    }
  }
  return problems;
}

/** Runs the Nu Html Checker once on every HTML file under `dirs` and resolves
 * to its errors as `{ file, line, message }` (file absolute). vnu.jar writes
 * its JSON report on stderr. */
export function vnuErrors(dirs) {
  return new Promise((ok, fail) => {
    const args = ['-jar', VNU_JAR, '--skip-non-html', '--errors-only', '--format', 'json', ...dirs];
    const child = spawn('java', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => fail(new Error(`cannot run java (scripts/test installs it): ${e.message}`)));
    child.on('close', () => {
      try {
        const report = JSON.parse(err);
        ok(report.messages
          .filter((m) => m.type === 'error' || m.type === 'non-document-error')
          .map((m) => ({ file: m.url ? fileURLToPath(m.url) : '?', line: m.lastLine, message: m.message })));
      } catch (e) {
        fail(new Error(`vnu.jar gave no JSON report: ${e.message}\n${err.slice(0, 2000)}`));
      }
    });
  });
}
