/* trasparenza: ricerca delle attività, the logic without the page.
   Reads the index written by src/search/index.rs under cerca/indice/ (its
   format is documented there): the query's words (analyzer.js, the same rules
   as the index), their postings, the words of the same family and, when the
   words as typed find nothing, the corrected ones, the ranking, "Forse
   cercavi", the visible page of results, the state a URL carries. No DOM, no fetch: the index's files come from the
   `load(path)` the page passes to `open` (search.js fetches them; the node
   tests read them from disk), so everything here runs in node too.
   A classic script (window.TrasparenzaSearch, after analyzer.js) that node
   can also import. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./analyzer.js'));
  else root.TrasparenzaSearch = factory(root.TrasparenzaAnalyzer);
})(typeof self !== 'undefined' ? self : this, function (A) {
  'use strict';

  var PAGE = 20; // results built at a time: the rest waits for "Mostra altri"
  var WEIGHT = [100, 40, 20]; // match in the text, in note/ambiti, in the unit's name/area
  var EXACT = 10; // the whole word, not only its beginning
  var SAME_ACCENT = 5; // `attività` typed with its accent
  var AS_TYPED = 128; // added to a word's score when it matches as typed (see rank)
  var FAMILY = 5; // a word of the same family (analyzer.js, family())
  var SECOND_SLIP = 5; // taken off a corrected word with two slips
  var MAX_SCORE = 127; // a word's score without AS_TYPED is at most this
  var PARAMS = ['q', 'tipo', 'area', 'unita', 'ambito'];

  // --- the phrases -----------------------------------------------------------------
  /* The phrases the scripts show, in Italian: the `js-` ids of the theme's
     lingue/it.ftl as the generator hands them out (a text, or the texts for
     0, 1 and many), `{numero}` where the count goes. A test keeps this object
     equal to that file; a page in another language carries its own in the
     search container's data-frasi (usePhrases). */
  var FRASI = /* frasi: inizio */{"js-altre-unita":"Altre unità","js-ambiti":"Ambiti:","js-condizione":"Condizione","js-forse-cercavi":"Forse cercavi","js-forse-cercavi-stato":"Forse cercavi «{parole}»?","js-forse-nessuna":"? Nessuna attività trovata con {parole}: sono mostrate quelle con {corrette}.","js-mostra-altri":["Mostra altri {numero} risultati","Mostra un altro risultato","Mostra altri {numero} risultati"],"js-nessuna-elencata":"Nessuna attività elencata trovata. {regola} Prova con meno parole o togli qualche filtro.","js-non-disponibile":"La ricerca non è disponibile in questo momento: consulta la tabella completa.","js-non-smartizzabile":"Non smartizzabile","js-nota":"Nota","js-parole-generiche":"Nessuna parola da cercare: prova con parole più specifiche.","js-parzialmente-smartizzabile":"Parzialmente smartizzabile","js-smartizzabile":"Smartizzabile","js-trovate":["Nessuna attività trovata. Prova con meno parole o togli qualche filtro.","{numero} attività trovata.","{numero} attività trovate."]}/* frasi: fine */;
  var LINGUA = 'it-IT'; // how counts are written (12.345)

  /** The phrase `id` for the count `n` (if it has one), `{numero}` written
   * as the page's language writes numbers, `{name}` from `args`. */
  function frase(id, n, args) {
    var v = FRASI[id];
    if (Array.isArray(v)) v = v[n === 0 ? 0 : n === 1 ? 1 : 2];
    return String(v === undefined ? id : v).replace(/\{(\w+)\}/g, function (all, k) {
      if (k === 'numero' && typeof n === 'number') return n.toLocaleString(LINGUA);
      return args && Object.prototype.hasOwnProperty.call(args, k) ? args[k] : all;
    });
  }

  /** The page's phrases (`phrases`, as FRASI, only those that differ) and
   * language (`lang`, `<html lang>`). */
  function usePhrases(phrases, lang) {
    Object.keys(phrases || {}).forEach(function (k) { FRASI[k] = phrases[k]; });
    if (lang) LINGUA = lang;
  }

  // --- the index -------------------------------------------------------------------
  /** The index of `meta` (meta.json, parsed), whose other files come from
   * `load(path)`, a promise of the parsed JSON of a path under the index
   * folder (called once per path: the caller keeps what it returns).
   * Units with the range of their documents; their names and areas when the
   * index carries them (small catalogues), else as they are loaded. Per
   * document, its unit (a typed array: a keystroke looks it up for every match). */
  function open(meta, load) {
    var m = meta;
    var first = 0;
    m.load = load;
    var non = numbers(m.unit_non);
    // `unit_parz` (format 4): the activities in part or under a condition,
    // between a unit's smartizzabili and its non smartizzabili.
    var parz = m.unit_parz ? numbers(m.unit_parz) : null;
    m.unitList = numbers(m.unit_si).map(function (nSi, i) {
      var unit = { i: i, slug: null, name: null, area: m.unit_area ? m.unit_area[i] : -1, nSi: nSi, nParz: parz ? parz[i] : 0, nNo: non[i], first: first };
      unit.n = nSi + unit.nParz + unit.nNo;
      first += unit.n;
      return unit;
    });
    m.docsTotal = first;
    m.docUnit = new Int32Array(first);
    m.unitList.forEach(function (u) { m.docUnit.fill(u.i, u.first, u.first + u.n); });
    m.shardFiles = new Map(m.shards);
    if (m.units) nameUnits(m, m.units.map(function (u, i) { return [i, u[0], u[1]]; }));
    m.named = !!m.units;
    m.withAreas = !!m.unit_area;
    if (m.terms) sortEntries(m.terms);
    m.wordCache = new Map();
    m.ambitoMasks = new Map();
    // Scratch space of the ranking, reused by every keystroke.
    m.candidates = new Int32Array(first);
    m.totals = new Int32Array(first);
    m.typed = new Int32Array(first);
    return m;
  }

  function nameUnits(m, list) {
    list.forEach(function (u) { m.unitList[u[0]].slug = u[1]; m.unitList[u[0]].name = u[2]; });
  }

  /** Every unit's name and area (the unit filter needs them all). */
  function ensureNames(m) {
    if (m.named) return ensureAreas(m);
    return Promise.all([m.load('unita.json'), ensureAreas(m)]).then(function (got) {
      nameUnits(m, got[0].map(function (u, i) { return [i, u[0], u[1]]; }));
      m.named = true;
      return m;
    });
  }

  /** Every unit's area (the area filter, "Forse cercavi"); a split index
   * has them in a file of their own. */
  function ensureAreas(m) {
    if (m.withAreas) return Promise.resolve(m);
    return m.load('unita_aree.json').then(function (list) {
      list.forEach(function (a, i) { m.unitList[i].area = a; });
      m.withAreas = true;
      return m;
    });
  }

  function sortEntries(list) {
    list.sort(function (a, b) {
      return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
    });
    return list;
  }

  var VLQ_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var vlqValue = new Int8Array(128);
  for (var v = 0; v < 64; v++) vlqValue[VLQ_DIGITS.charCodeAt(v)] = v;

  /** A list of numbers as the index writes it: a JSON list, or (a split
   * index's unit_si, unit_non) a string of index.rs's `Vlq`: digits of 5
   * bits, lowest first, 32 added to every digit but a number's last. */
  function numbers(list) {
    if (typeof list !== 'string') return list;
    var out = [];
    var n = 0;
    var scale = 1;
    for (var i = 0; i < list.length; i++) {
      var d = vlqValue[list.charCodeAt(i) & 127];
      n += (d & 31) * scale;
      if (d & 32) scale *= 32;
      else { out.push(n); n = 0; scale = 1; }
    }
    return out;
  }

  /** A delta-encoded list of ids, decoded into a typed array. */
  function undelta(list) {
    var out = new Int32Array(list.length);
    var prev = 0;
    for (var i = 0; i < list.length; i++) { prev += list[i]; out[i] = prev; }
    return out;
  }

  /** The term entries that may hold `term`: the whole list of a small index,
   * else the shard of its first two letters (loaded and sorted once). */
  function entriesFor(m, term) {
    if (m.terms) return Promise.resolve(m.terms);
    var key = Array.from(term).slice(0, 2).join('');
    var file = m.shardFiles.get(key);
    if (!file) return Promise.resolve([]);
    return m.load('t/' + file + '.json').then(function (list) {
      if (!list.sorted) { sortEntries(list); list.sorted = true; }
      return list;
    });
  }

  /** Document `d`: [anchor, testo, note, [ambito indexes]]. */
  function getDoc(m, d) {
    if (m.docs) return Promise.resolve(m.docs[d]);
    return m.load('d/' + Math.floor(d / m.chunk) + '.json').then(function (c) {
      if (!c.named) { nameUnits(m, c.units); c.named = true; }
      return c.docs[d % m.chunk];
    });
  }

  /** The documents of ambito `i`, as a mask over every document. */
  function ambitoMask(m, i) {
    if (m.ambitoMasks.has(i)) return Promise.resolve(m.ambitoMasks.get(i));
    var p = m.ambito_docs ? Promise.resolve(m.ambito_docs[i]) : m.load('a/' + i + '.json');
    return p.then(function (l) {
      var mask = new Uint8Array(m.docsTotal);
      undelta(l).forEach(function (d) { mask[d] = 1; });
      m.ambitoMasks.set(i, mask);
      return mask;
    });
  }

  function unitOf(m, d) {
    return m.unitList[m.docUnit[d]];
  }

  function indexBySlug(list, slug) {
    for (var i = 0; i < list.length; i++) if (list[i][1] === slug) return i;
    return -1;
  }

  // --- the query -------------------------------------------------------------------
  /** The query's words. The last one, while being typed, also matches the
   * terms that start with it (`fattu` finds `fatture`): `typed` is what such a
   * matching term must start with. `root` is the term's family (analyzer.js);
   * `slips`, how many slips a correction may forgive (slipsFor); `first`, the
   * first letter, which every term it may match shares; `start..end`, where
   * the word is in `q` (code points). */
  function queryWords(q) {
    var tokens = A.analyze(q);
    var typing = /[\p{L}\p{N}]$/u.test(q);
    return tokens.map(function (t, i) {
      var prefix = typing && i === tokens.length - 1 && Array.from(t.folded).length >= 2;
      // `sopralluogh` on the way to `sopralluoghi`, whose stem is `sopralluog`.
      var typed = prefix ? t.folded.replace(/([cg])h$/, '$1') : t.term;
      return {
        term: t.term, typed: typed, prefix: prefix, accent: t.accent, root: A.family(t.term),
        slips: slipsFor(t.folded), first: Array.from(t.term)[0], start: t.start, end: t.end,
      };
    });
  }

  /** Slips forgiven in a word, by its letters as typed (accents folded): none
   * below 5 letters (`imu`, `tari`, `iva` are words, not slips), one from 5,
   * two from 9, as Meilisearch and Typesense do; none in a word with a digit
   * (a code, a year). */
  function slipsFor(folded) {
    if (/\p{N}/u.test(folded)) return 0;
    var n = Array.from(folded).length;
    return n >= 9 ? 2 : n >= 5 ? 1 : 0;
  }

  // Three rows of the distance's table, reused (grown when a term is longer).
  var rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

  /** The number of slips from `a` to `b`: letters missing, added, wrong, or
   * two neighbours swapped (Damerau-Levenshtein, the "optimal string
   * alignment" form), or `max + 1` as soon as it is sure to be more than
   * `max`. With `prefix`, to the nearest beginning of `b` (a word still
   * being typed). */
  function distance(a, b, max, prefix) {
    var n = a.length;
    var m = b.length;
    if (prefix) m = Math.min(m, n + max);
    else if (Math.abs(n - m) > max) return max + 1;
    if (rows[0].length <= m) rows = rows.map(function () { return new Int32Array(m + 1); });
    var two = rows[0], one = rows[1], cur = rows[2];
    var j;
    for (j = 0; j <= m; j++) one[j] = j;
    var lowBefore = 0;
    for (var i = 1; i <= n; i++) {
      var ai = a.charCodeAt(i - 1);
      cur[0] = i;
      var low = i;
      for (j = 1; j <= m; j++) {
        var bj = b.charCodeAt(j - 1);
        var v = one[j - 1] + (ai === bj ? 0 : 1);
        if (one[j] + 1 < v) v = one[j] + 1;
        if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
        if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && two[j - 2] + 1 < v) {
          v = two[j - 2] + 1;
        }
        cur[j] = v;
        if (v < low) low = v;
      }
      // A row only grows from the two before it (a swap: +1 from two rows up).
      if (low > max && lowBefore + 1 > max) return max + 1;
      lowBefore = low;
      var t = two; two = one; one = cur; cur = t;
    }
    var best = one[m];
    if (prefix) for (j = 0; j < m; j++) if (one[j] < best) best = one[j];
    return Math.min(best, max + 1);
  }

  /** The slips from word `w` to term `t`: to the term, or for the word being
   * typed also to a beginning of it (`apalt` is one slip from `appalti`). */
  function slipsTo(w, t) {
    var d = distance(w.term, t, w.slips, false);
    if (w.prefix && d > 1) d = Math.min(d, distance(w.typed, t, w.slips, true));
    return d;
  }

  /** The family of an entry's term, computed once. */
  function rootOf(e) {
    if (e.root === undefined) e.root = A.family(e[0]);
    return e.root;
  }

  /** Whether an indexed term matches a query word: the same stem, or (last
   * word) a term that starts with what was typed. */
  function matches(term, w) {
    return term === w.term || (w.prefix && term.startsWith(w.typed));
  }

  /** For one word and the sorted term entries that may hold it: its score in
   * every document (0: no match), the best of its matches in the document's
   * text, note or ambiti, or its unit's name or area. A term matches as typed
   * (AS_TYPED + the field's weight + EXACT for the whole word + SAME_ACCENT),
   * as a word of the same family (the weight + FAMILY) or, given `fixes` (a
   * Map it fills with each correcting term and its slips), as a correction of
   * at most `w.slips` slips (the weight, less SECOND_SLIP for a second slip).
   * Only terms with the word's first letter are looked at (in a split index,
   * its first two: the shard). The array carries nothing else: a typed array
   * with a property of its own is slower to index, in every keystroke. */
  function scoreWord(m, entries, w, fixes) {
    var score = new Uint8Array(m.docsTotal);
    var units = null;
    var lo = 0;
    var hi = entries.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (entries[mid][0] < w.first) lo = mid + 1; else hi = mid;
    }
    for (var i = lo; i < entries.length; i++) {
      var e = entries[i];
      var term = e[0];
      if (!term.startsWith(w.first)) break;
      var bonus;
      if (matches(term, w)) bonus = AS_TYPED + (term === w.term ? EXACT : 0) + ((e[1] === 1) === w.accent ? SAME_ACCENT : 0);
      else if (rootOf(e) === w.root) bonus = FAMILY;
      else if (fixes && w.slips) {
        var d = slipsTo(w, term);
        if (d > w.slips) continue;
        fixes.set(term, d);
        bonus = -SECOND_SLIP * (d - 1);
      } else continue;
      if (!e.decoded) { e[2] = undelta(e[2]); e[3] = undelta(e[3]); e[4] = undelta(e[4]); e.decoded = true; }
      for (var f = 0; f < 3; f++) {
        var s = WEIGHT[f] + bonus;
        var ids = e[2 + f];
        var target = f === 2 ? (units = units || new Uint8Array(m.unitList.length)) : score;
        for (var k = 0; k < ids.length; k++) if (target[ids[k]] < s) target[ids[k]] = s;
      }
    }
    if (units) {
      for (var u = 0; u < units.length; u++) {
        var us = units[u];
        if (!us) continue;
        var unit = m.unitList[u];
        for (var d = unit.first, end = unit.first + unit.n; d < end; d++) {
          if (score[d] < us) score[d] = us;
        }
      }
    }
    return score;
  }

  /** scoreWord, its entries loaded, as {score, fixes} (`fixes`: the
   * correcting terms when `correct`, else null); kept for the next
   * keystrokes (the words before the one being typed do not change). */
  function matchWord(m, w, correct) {
    correct = !!(correct && w.slips);
    var key = [w.term, w.typed, w.prefix ? 1 : 0, w.accent ? 1 : 0, correct ? 1 : 0].join('\u0000');
    var hit = m.wordCache.get(key);
    if (hit) return Promise.resolve(hit);
    return entriesFor(m, w.term).then(function (entries) {
      var fixes = correct ? new Map() : null;
      var match = { score: scoreWord(m, entries, w, fixes), fixes: fixes };
      if (m.wordCache.size >= 16) m.wordCache.delete(m.wordCache.keys().next().value);
      m.wordCache.set(key, match);
      return match;
    });
  }

  function scoresOf(matches) {
    return matches.map(function (x) { return x.score; });
  }

  /** The documents matching every word's score (`scores`, one per word) and
   * the filters, best first, as an Int32Array of document numbers: first
   * those with more words matched as typed (exact or beginning; not a word of
   * the same family, not a correction), then the best total of the words'
   * scores, ties in catalogue order. `f` holds the filters resolved: `lo..hi`
   * (a unit's documents, or all), `area` (index or -1), `tipo` (0 all, 1 si,
   * 2 non, 3 parz: in part or under a condition), `inAmbito` (mask or null). Scores are small integers, so the
   * ranking is one pass over the documents and counting sorts: no comparison
   * sort, no per-match objects. */
  function rank(m, scores, f) {
    var filtered = f.area >= 0 || f.tipo || f.inAmbito;
    var keep = function (d) {
      var u = m.unitList[m.docUnit[d]];
      if (f.area >= 0 && u.area !== f.area) return false;
      if (f.tipo && kindOf(u, d) !== f.tipo) return false;
      return !f.inAmbito || f.inAmbito[d] === 1;
    };
    var d;
    var n = scores.length;
    if (n === 0) {
      // Filters only: every activity that passes them, in catalogue order.
      var all = [];
      for (d = f.lo; d < f.hi; d++) if (!filtered || keep(d)) all.push(d);
      return Int32Array.from(all);
    }
    var cand = m.candidates;
    var totals = m.totals;
    var typed = m.typed;
    var count = 0;
    var fewest = n;
    var most = 0;
    var s0 = scores[0];
    for (d = f.lo; d < f.hi; d++) {
      var total = s0[d];
      if (!total) continue;
      var asTyped = 0;
      if (total >= AS_TYPED) { asTyped = 1; total -= AS_TYPED; }
      for (var k = 1; k < n; k++) {
        var s = scores[k][d];
        if (!s) { total = 0; break; }
        if (s >= AS_TYPED) { asTyped++; s -= AS_TYPED; }
        total += s;
      }
      if (!total || (filtered && !keep(d))) continue;
      cand[count] = d;
      totals[count] = total;
      typed[count] = asTyped;
      if (asTyped < fewest) fewest = asTyped;
      if (asTyped > most) most = asTyped;
      count++;
    }
    // Best total first, then (when they differ) more words as typed first:
    // stable sorts, so ties stay in catalogue order.
    if (fewest === most) return sortDown(totals, count, MAX_SCORE * n, null, cand);
    return sortDown(typed, count, n, sortDown(totals, count, MAX_SCORE * n, null, null), cand);
  }

  /** The first `count` candidates ordered by `keys` (integers `0..max`, one
   * per candidate), highest first, by a stable counting sort: as `ids` (the
   * candidates' documents) or, `ids` null, as positions. `after`, if given,
   * is an earlier order of the positions to keep among equal keys. */
  function sortDown(keys, count, max, after, ids) {
    var at = new Int32Array(max + 2);
    var i;
    var p;
    for (i = 0; i < count; i++) at[keys[i]]++;
    for (var t = max, next = 0; t >= 0; t--) { var c = at[t]; at[t] = next; next += c; }
    var out = new Int32Array(count);
    for (i = 0; i < count; i++) { p = after ? after[i] : i; out[at[keys[p]]++] = ids ? ids[p] : p; }
    return out;
  }

  /** The results of a state ({q, tipo, area, unita, ambito}): a promise of
   * rank's list. `words`, if given, are queryWords(state.q). When the words
   * find nothing as typed or by family, and one of them may be corrected
   * (slipsFor), the list is that of the corrected words, with `corrected`
   * set and `fixes`, per word, its correcting terms and their slips; so a
   * query that finds something is never corrected (Typesense's default). */
  function search(m, state, words) {
    words = words || queryWords(state.q);
    var ambito = state.ambito ? indexBySlug(m.ambiti, state.ambito) : -1;
    var waits = words.map(function (w) { return matchWord(m, w); });
    waits.push(state.unita ? ensureNames(m) : state.area ? ensureAreas(m) : Promise.resolve(m));
    waits.push(ambito >= 0 ? ambitoMask(m, ambito) : Promise.resolve(null));
    return Promise.all(waits).then(function (got) {
      var inAmbito = got.pop();
      got.pop();
      var f = {
        lo: 0,
        hi: m.docsTotal,
        area: state.area ? indexBySlug(m.areas, state.area) : -1,
        tipo: state.tipo === 'si' ? 1 : state.tipo === 'non' ? 2 : state.tipo === 'parz' ? 3 : 0,
        inAmbito: inAmbito,
      };
      if (state.unita) {
        var unit = m.unitList.find(function (u) { return u.slug === state.unita; });
        if (!unit) return new Int32Array(0);
        f.lo = unit.first;
        f.hi = unit.first + unit.n;
      }
      var results = rank(m, scoresOf(got), f);
      if (results.length || !words.some(function (w) { return w.slips; })) return results;
      var fixing = words.map(function (w) { return matchWord(m, w, true); });
      fixing.push(ensureAreas(m)); // for suggestion()
      return Promise.all(fixing).then(function (fixed) {
        fixed.pop();
        var out = rank(m, scoresOf(fixed), f);
        if (!out.length) return results;
        out.corrected = true;
        out.fixes = fixed.map(function (x) { return x.fixes || new Map(); });
        return out;
      });
    });
  }

  /** "Forse cercavi": for corrected `results` of query `q` (its `words`),
   * the query as the first result `top` (an item of page()) writes the
   * corrected words: {q, parts: [[text, corrected?]] (q in pieces), fixed:
   * [[as typed, corrected]]}; null when nothing was corrected. The corrections are words of `top` (its text, note, unit,
   * area or ambiti), lowercase, in place of the typed ones, the rest of `q`
   * as typed. */
  function suggestion(m, q, words, results, top) {
    if (!results.corrected || !top) return null;
    var texts = [top.doc[1], top.doc[2], top.unit.name || '', top.unit.area >= 0 ? m.areas[top.unit.area][0] : '']
      .concat(top.doc[3].map(function (i) { return m.ambiti[i][0]; }));
    var found = [];
    texts.forEach(function (text) {
      var chars = Array.from(text);
      A.analyze(text).forEach(function (t) {
        found.push({ term: t.term, word: chars.slice(t.start, t.end).join('').toLowerCase() });
      });
    });
    var chars = Array.from(q);
    var parts = [];
    var at = 0;
    var fixed = [];
    words.forEach(function (w, i) {
      var fixes = results.fixes[i];
      if (!fixes.size || found.some(function (t) { return related(t.term, w, null); })) return;
      var best = null;
      found.forEach(function (t) {
        var d = fixes.get(t.term);
        if (d !== undefined && (!best || d < best.d)) best = { d: d, word: t.word };
      });
      if (!best) return;
      fixed.push([chars.slice(w.start, w.end).join(''), best.word]);
      if (w.start > at) parts.push([chars.slice(at, w.start).join(''), false]);
      parts.push([best.word, true]);
      at = w.end;
    });
    if (!fixed.length) return null;
    if (at < chars.length) parts.push([chars.slice(at).join(''), false]);
    return { q: parts.map(function (p) { return p[0]; }).join('').trim(), parts: parts, fixed: fixed };
  }

  // --- what the page shows ---------------------------------------------------------
  /** The list of document `d` of unit `u`: 1 smartizzabili, 3 in part or
   * under a condition, 2 non smartizzabili (the `tipo` filter's numbers). */
  function kindOf(u, d) {
    var at = d - u.first;
    return at < u.nSi ? 1 : at < u.nSi + u.nParz ? 3 : 2;
  }

  /** Results `from..from+PAGE`, each {d, doc, unit, si, kind, href}: the link is
   * relative to the site's root (`radice`); activities common to every
   * office (empty slug) are on the home page. */
  function page(m, results, from, radice) {
    var slice = Array.from(results.subarray(from, from + PAGE));
    return Promise.all(slice.map(function (d) { return getDoc(m, d); })).then(function (docs) {
      return docs.map(function (doc, i) {
        var d = slice[i];
        var u = unitOf(m, d);
        return {
          d: d, doc: doc, unit: u, si: d - u.first < u.nSi, kind: kindOf(u, d),
          href: (radice || '') + (u.slug ? u.slug + '/' : '') + '#' + doc[0],
        };
      });
    });
  }

  /** Whether `term` matches word `w` as typed, by family, or (with `fixes`,
   * the word's correcting terms) as a correction. */
  function related(term, w, fixes) {
    return matches(term, w) || A.family(term) === w.root || !!(fixes && fixes.has(term));
  }

  /** The words of `text` matching the query: [[start, end]] in code points.
   * `fixes`, per word, its correcting terms (a corrected result list's). */
  function highlights(text, words, fixes) {
    var out = [];
    A.analyze(text).forEach(function (t) {
      if (words.some(function (w, i) { return related(t.term, w, fixes && fixes[i]); })) out.push([t.start, t.end]);
    });
    return out;
  }

  /** The unit choices, grouped by area in catalogue order, only those of area
   * `areaSlug` when given: [{label, units: [[name, slug]]}]. Needs the names. */
  function unitGroups(m, areaSlug) {
    var area = areaSlug ? indexBySlug(m.areas, areaSlug) : -1;
    var groups = [];
    var byLabel = new Map();
    m.unitList.forEach(function (u) {
      if (!u.slug || (area >= 0 && u.area !== area)) return;
      var label = u.area >= 0 ? m.areas[u.area][0] : frase('js-altre-unita');
      if (!byLabel.has(label)) {
        byLabel.set(label, { label: label, units: [] });
        groups.push(byLabel.get(label));
      }
      byLabel.get(label).units.push([u.name, u.slug]);
    });
    return groups;
  }

  /** What the live region says of `n` results; with none, `rule` (the
   * page's sentence on the activities not listed, if any) says what applies
   * to an activity the catalogue does not list. */
  function countMessage(n, rule) {
    return n === 0 && rule ? frase('js-nessuna-elencata', n, { regola: rule }) : frase('js-trovate', n);
  }

  // --- the state a URL carries -------------------------------------------------------
  /** The state of a query string (`?q=imu&tipo=non`). */
  function stateOf(search) {
    var params = new URLSearchParams(search);
    var s = {};
    PARAMS.forEach(function (k) { s[k] = params.get(k) || ''; });
    return s;
  }

  /** The query string of a state, '' or '?...': the query trimmed, empty
   * values left out, in a fixed order. */
  function queryString(s) {
    var params = new URLSearchParams();
    PARAMS.forEach(function (k) {
      var v = k === 'q' ? String(s.q || '').trim() : s[k];
      if (v) params.set(k, v);
    });
    var qs = params.toString();
    return qs ? '?' + qs : '';
  }

  return {
    PAGE: PAGE, PARAMS: PARAMS,
    open: open, ensureNames: ensureNames, ensureAreas: ensureAreas, unitOf: unitOf,
    queryWords: queryWords, matches: matches, slipsFor: slipsFor, distance: distance, scoreWord: scoreWord,
    rank: rank, search: search, suggestion: suggestion,
    page: page, highlights: highlights, unitGroups: unitGroups, countMessage: countMessage,
    frase: frase, usePhrases: usePhrases,
    stateOf: stateOf, queryString: queryString,
  };
});
