/* trasparenza: ricerca delle attività, the logic without the page.
   Reads the index written by src/search/index.rs under cerca/indice/ (its
   format is documented there): the query's words (analyzer.js, the same rules
   as the index), their postings, the ranking, the visible page of results,
   the state a URL carries. No DOM, no fetch: the index's files come from the
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
  var TOP = WEIGHT[0] + EXACT + SAME_ACCENT; // the best score of one word
  var PARAMS = ['q', 'tipo', 'area', 'unita', 'ambito'];

  // --- the index -------------------------------------------------------------------
  /** The index of `meta` (meta.json, parsed), whose other files come from
   * `load(path)`, a promise of the parsed JSON of a path under the index
   * folder (called once per path: the caller keeps what it returns).
   * Units with the range of their documents; their names when the index
   * carries them (small catalogues), else as they are loaded. Per document,
   * its unit (a typed array: a keystroke looks it up for every match). */
  function open(meta, load) {
    var m = meta;
    var first = 0;
    m.load = load;
    m.unitList = m.unit_si.map(function (nSi, i) {
      var unit = { i: i, slug: null, name: null, area: m.unit_area[i], nSi: nSi, nNo: m.unit_non[i], first: first };
      first += nSi + unit.nNo;
      return unit;
    });
    m.docsTotal = first;
    m.docUnit = new Int32Array(first);
    m.unitList.forEach(function (u) { m.docUnit.fill(u.i, u.first, u.first + u.nSi + u.nNo); });
    m.shardFiles = new Map(m.shards);
    if (m.units) nameUnits(m, m.units.map(function (u, i) { return [i, u[0], u[1]]; }));
    m.named = !!m.units;
    if (m.terms) sortEntries(m.terms);
    m.wordCache = new Map();
    m.ambitoMasks = new Map();
    // Scratch space of the ranking, reused by every keystroke.
    m.candidates = new Int32Array(first);
    m.totals = new Int32Array(first);
    return m;
  }

  function nameUnits(m, list) {
    list.forEach(function (u) { m.unitList[u[0]].slug = u[1]; m.unitList[u[0]].name = u[2]; });
  }

  /** Every unit's name (the unit filter needs them all). */
  function ensureNames(m) {
    if (m.named) return Promise.resolve(m);
    return m.load('unita.json').then(function (list) {
      nameUnits(m, list.map(function (u, i) { return [i, u[0], u[1]]; }));
      m.named = true;
      return m;
    });
  }

  function sortEntries(list) {
    list.sort(function (a, b) {
      return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
    });
    return list;
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
   * matching term must start with; `from` is where to look in the sorted terms. */
  function queryWords(q) {
    var tokens = A.analyze(q);
    var typing = /[\p{L}\p{N}]$/u.test(q);
    return tokens.map(function (t, i) {
      var prefix = typing && i === tokens.length - 1 && Array.from(t.folded).length >= 2;
      // `sopralluogh` on the way to `sopralluoghi`, whose stem is `sopralluog`.
      var typed = prefix ? t.folded.replace(/([cg])h$/, '$1') : t.term;
      var from = 0;
      while (from < typed.length && typed[from] === t.term[from]) from++;
      return { term: t.term, typed: typed, from: typed.slice(0, from), prefix: prefix, accent: t.accent };
    });
  }

  /** Whether an indexed term matches a query word: the same stem, or (last
   * word) a term that starts with what was typed. */
  function matches(term, w) {
    return term === w.term || (w.prefix && term.startsWith(w.typed));
  }

  /** For one word and the sorted term entries that may hold it: its score in
   * every document (0: no match), the best of its matches in the document's
   * text, note or ambiti, or its unit's name or area. */
  function scoreWord(m, entries, w) {
    var score = new Uint8Array(m.docsTotal);
    var units = null;
    var lo = 0;
    var hi = entries.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (entries[mid][0] < w.from) lo = mid + 1; else hi = mid;
    }
    for (var i = lo; i < entries.length; i++) {
      var e = entries[i];
      if (!e[0].startsWith(w.from)) break;
      if (!matches(e[0], w)) continue;
      if (!e.decoded) { e[2] = undelta(e[2]); e[3] = undelta(e[3]); e[4] = undelta(e[4]); e.decoded = true; }
      var bonus = (e[0] === w.term ? EXACT : 0) + ((e[1] === 1) === w.accent ? SAME_ACCENT : 0);
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
        for (var d = unit.first, end = unit.first + unit.nSi + unit.nNo; d < end; d++) {
          if (score[d] < us) score[d] = us;
        }
      }
    }
    return score;
  }

  /** scoreWord, its entries loaded; kept for the next keystrokes (the words
   * before the one being typed do not change). */
  function matchWord(m, w) {
    var key = [w.term, w.typed, w.prefix ? 1 : 0, w.accent ? 1 : 0].join('\u0000');
    var hit = m.wordCache.get(key);
    if (hit) return Promise.resolve(hit);
    return entriesFor(m, w.term).then(function (entries) {
      var score = scoreWord(m, entries, w);
      if (m.wordCache.size >= 16) m.wordCache.delete(m.wordCache.keys().next().value);
      m.wordCache.set(key, score);
      return score;
    });
  }

  /** The documents matching every word's score (`scores`, one per word) and
   * the filters, best first (ties in catalogue order), as an Int32Array of
   * document numbers. `f` holds the filters resolved: `lo..hi` (a unit's
   * documents, or all), `area` (index or -1), `tipo` (0 all, 1 si, 2 non),
   * `inAmbito` (mask or null). Scores are small integers, so the ranking is a
   * counting sort of one pass over the documents: no comparison sort, no
   * per-match objects. */
  function rank(m, scores, f) {
    var filtered = f.area >= 0 || f.tipo || f.inAmbito;
    var keep = function (d) {
      var u = m.unitList[m.docUnit[d]];
      if (f.area >= 0 && u.area !== f.area) return false;
      if (f.tipo === 1 && d - u.first >= u.nSi) return false;
      if (f.tipo === 2 && d - u.first < u.nSi) return false;
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
    var count = 0;
    var s0 = scores[0];
    for (d = f.lo; d < f.hi; d++) {
      var total = s0[d];
      if (!total) continue;
      for (var k = 1; k < n; k++) {
        var s = scores[k][d];
        if (!s) { total = 0; break; }
        total += s;
      }
      if (!total || (filtered && !keep(d))) continue;
      cand[count] = d;
      totals[count] = total;
      count++;
    }
    // Counting sort, best score first; stable, so ties stay in catalogue order.
    var at = new Int32Array(TOP * n + 1);
    var i;
    for (i = 0; i < count; i++) at[totals[i]]++;
    for (var t = at.length - 1, next = 0; t >= 0; t--) { var c = at[t]; at[t] = next; next += c; }
    var out = new Int32Array(count);
    for (i = 0; i < count; i++) out[at[totals[i]]++] = cand[i];
    return out;
  }

  /** The results of a state ({q, tipo, area, unita, ambito}): a promise of
   * rank's list. `words`, if given, are queryWords(state.q). */
  function search(m, state, words) {
    words = words || queryWords(state.q);
    var ambito = state.ambito ? indexBySlug(m.ambiti, state.ambito) : -1;
    var waits = words.map(function (w) { return matchWord(m, w); });
    waits.push(state.unita ? ensureNames(m) : Promise.resolve(m));
    waits.push(ambito >= 0 ? ambitoMask(m, ambito) : Promise.resolve(null));
    return Promise.all(waits).then(function (scores) {
      var inAmbito = scores.pop();
      scores.pop();
      var f = {
        lo: 0,
        hi: m.docsTotal,
        area: state.area ? indexBySlug(m.areas, state.area) : -1,
        tipo: state.tipo === 'si' ? 1 : state.tipo === 'non' ? 2 : 0,
        inAmbito: inAmbito,
      };
      if (state.unita) {
        var unit = m.unitList.find(function (u) { return u.slug === state.unita; });
        if (!unit) return new Int32Array(0);
        f.lo = unit.first;
        f.hi = unit.first + unit.nSi + unit.nNo;
      }
      return rank(m, scores, f);
    });
  }

  // --- what the page shows ---------------------------------------------------------
  /** Results `from..from+PAGE`, each {d, doc, unit, si, href}: the link is
   * relative to the site's root (`radice`); activities common to every
   * office (empty slug) are on the home page. */
  function page(m, results, from, radice) {
    var slice = Array.from(results.subarray(from, from + PAGE));
    return Promise.all(slice.map(function (d) { return getDoc(m, d); })).then(function (docs) {
      return docs.map(function (doc, i) {
        var d = slice[i];
        var u = unitOf(m, d);
        return {
          d: d, doc: doc, unit: u, si: d - u.first < u.nSi,
          href: (radice || '') + (u.slug ? u.slug + '/' : '') + '#' + doc[0],
        };
      });
    });
  }

  /** The words of `text` matching the query: [[start, end]] in code points. */
  function highlights(text, words) {
    var out = [];
    A.analyze(text).forEach(function (t) {
      if (words.some(function (w) { return matches(t.term, w); })) out.push([t.start, t.end]);
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
      var label = u.area >= 0 ? m.areas[u.area][0] : 'Altre unità';
      if (!byLabel.has(label)) {
        byLabel.set(label, { label: label, units: [] });
        groups.push(byLabel.get(label));
      }
      byLabel.get(label).units.push([u.name, u.slug]);
    });
    return groups;
  }

  /** What the live region says of `n` results. */
  function countMessage(n) {
    return n === 0
      ? 'Nessuna attività trovata. Prova con meno parole o togli qualche filtro.'
      : n === 1 ? '1 attività trovata.' : n.toLocaleString('it-IT') + ' attività trovate.';
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
    open: open, ensureNames: ensureNames, unitOf: unitOf,
    queryWords: queryWords, matches: matches, scoreWord: scoreWord, rank: rank, search: search,
    page: page, highlights: highlights, unitGroups: unitGroups, countMessage: countMessage,
    stateOf: stateOf, queryString: queryString,
  };
});
