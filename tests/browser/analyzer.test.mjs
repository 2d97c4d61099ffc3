// The theme's JS analyzer gives the same terms as the Rust one, on the
// shared vectors (tests/fixtures/search/analyzer-vectors.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './lib/harness.mjs';
import analyzer from '../../themes/default/static/analyzer.js';

const { vectors } = JSON.parse(readFileSync(join(REPO, 'tests/fixtures/search/analyzer-vectors.json'), 'utf8'));

test('the shared vectors hold in JS', () => {
  assert.ok(vectors.length > 20);
  for (const v of vectors) {
    const tokens = analyzer.analyze(v.input);
    assert.deepEqual(
      { terms: tokens.map((t) => t.term), accents: tokens.map((t) => t.accent) },
      { terms: v.terms, accents: v.accents },
      JSON.stringify(v.input),
    );
  }
});

test('positions point at the words, in code points', () => {
  const text = "Città dell'attività";
  const t = analyzer.analyze(text);
  assert.deepEqual(t.map((x) => [x.start, x.end]), [[0, 5], [11, 19]]);
  assert.equal(Array.from(text).slice(11, 19).join(''), 'attività');
});
