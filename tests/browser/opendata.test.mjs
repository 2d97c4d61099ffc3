// catalogo.json validated against catalogo.schema.json by Ajv (the reference
// JavaScript JSON Schema validator, draft 2020-12, with ajv-formats for
// `date` and `uri`), on the example site and on the stress fixture; and the
// schema rejects a broken catalogue, so the validation is known to bite.
// dcat-ap_it.jsonld read by a JSON-LD processor (jsonld.js, safe mode) into
// the statements DCAT-AP_IT requires.
// (The CSV round trip and the CSVW columns are checked in Rust, in
// tests/testsuite/opendata.rs, with the `csv` crate.)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import jsonld from 'jsonld';
import { buildSite } from './lib/harness.mjs';

const sites = {};
before(() => {
  sites.esempio = buildSite().public;
  sites.stress = buildSite('stress').public;
  sites.parziale = buildSite('parziale').public;
});

const read = (dir, name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

function validator(dir) {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(read(dir, 'catalogo.schema.json'));
}

for (const name of ['esempio', 'stress', 'parziale']) {
  test(`${name}: catalogo.json is valid against catalogo.schema.json`, () => {
    const dir = sites[name];
    const validate = validator(dir);
    const data = read(dir, 'catalogo.json');
    assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
    assert.ok(data.unita.length > 0);
  });
}

test('a catalogue with activities in part: its schema wants their lists and conditions, and only there', () => {
  const dir = sites.parziale;
  const validate = validator(dir);
  const good = read(dir, 'catalogo.json');
  assert.equal(good.unita[0].parzialmente_smartizzabili[0].condizione, 'a rotazione, un giorno a settimana');
  const broken = [
    ['no partial list in a unit', (d) => { delete d.unita[2].parzialmente_smartizzabili; }],
    ['no condizione on an activity in part', (d) => { delete d.unita[0].parzialmente_smartizzabili[0].condizione; }],
    ['condizione on a smartizzabile activity', (d) => { d.unita[0].smartizzabili[0].condizione = 'x'; }],
    ['no total of the activities in part', (d) => { delete d.totali.parzialmente_smartizzabili; }],
  ];
  for (const [what, mutate] of broken) {
    const copy = structuredClone(good);
    mutate(copy);
    assert.equal(validate(copy), false, `${what} was accepted`);
  }
  // A catalogue without them has neither the keys nor their schema.
  const plain = read(sites.esempio, 'catalogo.schema.json');
  assert.equal(plain.properties.parzialmente_smartizzabili, undefined);
  assert.equal(read(sites.esempio, 'catalogo.json').parzialmente_smartizzabili, undefined);
});

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

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  eu: 'http://publications.europa.eu/resource/authority/',
};
const iri = (curie) => { const [p, l] = curie.split(':'); return NS[p] + l; };

/** The RDF a JSON-LD processor reads from `doc`: safe mode (a key the context
 * does not map is an error, not silently dropped), no remote context. */
async function triples(doc) {
  const documentLoader = async (url) => { throw new Error(`remote context ${url}`); };
  const nq = await jsonld.toRDF(doc, { format: 'application/n-quads', safe: true, documentLoader });
  return nq.trim().split('\n').map((line) => {
    const m = line.match(/^(<[^>]+>|_:\S+) <([^>]+)> (.+) \.$/);
    assert.ok(m, line);
    return { s: m[1], p: m[2], o: m[3] };
  });
}

test('the DCAT-AP_IT description is JSON-LD a processor reads into the required statements', async () => {
  for (const [name, dir] of Object.entries(sites)) {
    const t = await triples(read(dir, 'dcat-ap_it.jsonld'));
    const objects = (s, p) => t.filter((x) => x.s === s && x.p === iri(p)).map((x) => x.o);
    const subjectsOf = (type) => t.filter((x) => x.p === iri('rdf:type') && x.o === `<${iri(type)}>`).map((x) => x.s);
    const [dataset] = subjectsOf('dcatapit:Dataset');
    assert.ok(dataset, `${name}: no dcatapit:Dataset`);
    assert.ok(subjectsOf('dcat:Dataset').includes(dataset));
    const one = (p) => {
      const o = objects(dataset, p);
      assert.equal(o.length, 1, `${name}: dataset ${p} = ${o}`);
      return o[0];
    };
    assert.equal(one('dcat:theme'), `<${NS.eu}data-theme/GOVE>`);
    assert.match(one('dct:modified'), /^"\d{4}-\d{2}-\d{2}"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#date>$/);
    assert.match(one('dct:accrualPeriodicity'), new RegExp(`^<${NS.eu}frequency/[A-Z_]+>$`));
    assert.match(one('dct:title'), /@it$/);
    assert.match(one('dct:description'), /@it$/);
    one('dct:identifier');
    const holder = one('dct:rightsHolder');
    assert.ok(subjectsOf('dcatapit:Agent').includes(holder));
    assert.equal(objects(holder, 'foaf:name').length, 1);
    const catalog = subjectsOf('dcatapit:Catalog')[0];
    assert.deepEqual(objects(catalog, 'dcat:dataset'), [dataset]);
    const dists = objects(dataset, 'dcat:distribution');
    // catalogo.csv, .xlsx and .json, plus the CSV and JSON of each archived edition.
    const archive = join(dir, 'archivio');
    const editions = existsSync(archive)
      ? readdirSync(archive).filter((n) => existsSync(join(archive, n, 'catalogo.csv'))).length
      : 0;
    assert.equal(dists.length, 3 + 2 * editions);
    for (const d of dists) {
      assert.ok(subjectsOf('dcatapit:Distribution').includes(d));
      for (const p of ['dcat:accessURL', 'dcat:downloadURL', 'dct:format', 'dcat:mediaType', 'dct:license', 'dcat:byteSize']) {
        assert.equal(objects(d, p).length, 1, `${name}: ${d} ${p}`);
      }
      assert.match(objects(d, 'dct:license')[0], /^<https:\/\/w3id\.org\/italia\/controlled-vocabulary\/licences\//);
    }
  }
});

test('a key the JSON-LD context does not define is rejected, not dropped', async () => {
  const doc = read(sites.esempio, 'dcat-ap_it.jsonld');
  doc['@graph'][1].titolo = 'non mappato';
  await assert.rejects(triples(doc), /Safe mode/);
});

test('the CSVW metadata describes catalogo.csv', () => {
  for (const dir of Object.values(sites)) {
    const csvw = read(dir, 'catalogo.csv-metadata.json');
    assert.match(csvw.url, /catalogo\.csv$/);
    assert.deepEqual(csvw['@context'][0], 'http://www.w3.org/ns/csvw');
    assert.equal(csvw.tableSchema.primaryKey, 'id');
  }
});
