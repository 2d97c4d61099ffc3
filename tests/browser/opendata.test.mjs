// catalogo.json validated against catalogo.schema.json by Ajv (the reference
// JavaScript JSON Schema validator, draft 2020-12, with ajv-formats for
// `date` and `uri`), on the example site and on the stress fixture; and the
// schema rejects a broken catalogue, so the validation is known to bite.
// (The CSV round trip and the CSVW columns are checked in Rust, in
// tests/testsuite/opendata.rs, with the `csv` crate.)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildSite } from './lib/harness.mjs';

const sites = {};
before(() => {
  sites.esempio = buildSite().public;
  sites.stress = buildSite('stress').public;
});

const read = (dir, name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

function validator(dir) {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(read(dir, 'catalogo.schema.json'));
}

for (const name of ['esempio', 'stress']) {
  test(`${name}: catalogo.json is valid against catalogo.schema.json`, () => {
    const dir = sites[name];
    const validate = validator(dir);
    const data = read(dir, 'catalogo.json');
    assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
    assert.ok(data.unita.length > 0);
  });
}

test('the schema rejects a catalogue with missing, unknown and malformed fields', () => {
  const dir = sites.esempio;
  const validate = validator(dir);
  const good = read(dir, 'catalogo.json');
  const broken = [
    ['no ente', (d) => { delete d.ente; }],
    ['unknown key on an activity', (d) => { d.unita[0].smartizzabili[0].colore = 'verde'; }],
    ['date not YYYY-MM-DD', (d) => { d.aggiornato_il = '26/11/2026'; }],
    ['relative activity URL', (d) => { d.unita[0].smartizzabili[0].url = 'segretario-comunale/#x'; }],
    ['ambiti not a list', (d) => { d.unita[0].smartizzabili[0].ambiti = 'Contenzioso'; }],
    ['unit slug with capitals', (d) => { d.unita[0].slug = 'Segretario'; }],
  ];
  for (const [what, mutate] of broken) {
    const copy = structuredClone(good);
    mutate(copy);
    assert.equal(validate(copy), false, `${what} was accepted`);
  }
});

test('the CSVW metadata and the DCAT-AP_IT description are JSON that names the data', () => {
  for (const dir of Object.values(sites)) {
    const csvw = read(dir, 'catalogo.csv-metadata.json');
    assert.match(csvw.url, /catalogo\.csv$/);
    const dcat = read(dir, 'dcat-ap_it.jsonld');
    const dataset = dcat['@graph'].find((n) => n['@type'].includes('dcat:Dataset'));
    const urls = dataset['dcat:distribution'].map((d) => d['dcat:downloadURL']['@id']);
    assert.deepEqual(urls.map((u) => u.split('/').pop()), ['catalogo.csv', 'catalogo.json']);
  }
});
