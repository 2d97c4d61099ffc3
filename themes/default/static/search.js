/* trasparenza: ricerca delle attività, nel browser.
   Reads the index written by src/search/index.rs under cerca/indice/ (its
   format is documented there), analyses the query with analyzer.js (the same
   rules as the index) and shows the matching activities as you type.
   Query and filters live in the URL (?q=imu&tipo=non), so a list can be
   shared and the back button works. Results are built with DOM APIs only
   (textContent), never from HTML strings. No framework, no external request. */
(function () {
  'use strict';

  var A = window.TrasparenzaAnalyzer;
  var root = document.getElementById('ricerca');
  if (!root || !A || !window.fetch || !window.URLSearchParams) return;

  var PAGE = 20;
  var DEBOUNCE_MS = 300; // the pause after which the address and the live region follow the typing
  var WEIGHT = [100, 40, 20]; // match in the text, in note/ambiti, in the unit's name/area
  var EXACT = 10; // the whole word, not only its beginning
  var SAME_ACCENT = 5; // `attività` typed with its accent
  var PARAMS = ['q', 'tipo', 'area', 'unita', 'ambito'];

  var base = root.getAttribute('data-indice');
  var radice = root.getAttribute('data-radice') || '';
  var form = document.getElementById('ricerca-modulo');
  var input = document.getElementById('ricerca-q');
  var selArea = document.getElementById('ricerca-area');
  var selUnita = document.getElementById('ricerca-unita');
  var selAmbito = document.getElementById('ricerca-ambito');
  var stato = document.getElementById('ricerca-stato');
  var lista = document.getElementById('ricerca-risultati');
  var altri = document.getElementById('ricerca-altri');

  document.getElementById('ricerca-senza-js').hidden = true;

  // --- loading ---------------------------------------------------------------
  var files = new Map();
  function load(path) {
    if (!files.has(path)) {
      files.set(path, fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      }));
    }
    return files.get(path);
  }

  var metaPromise = null;
  var meta = null; // once loaded
  function getMeta() {
    if (!metaPromise) metaPromise = load('meta.json').then(function (m) { meta = prepare(m); return meta; });
    return metaPromise;
  }

  /** Units with the range of their documents; their names when the index
   * carries them (small catalogues), else as they are loaded. Per document,
   * its unit (a typed array: a keystroke looks it up for every match). */
  function prepare(m) {
    var first = 0;
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
    return load('unita.json').then(function (list) {
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
   * else the shard of its first two letters (fetched and parsed once). */
  function entriesFor(m, term) {
    if (m.terms) return Promise.resolve(m.terms);
    var key = Array.from(term).slice(0, 2).join('');
    var file = m.shardFiles.get(key);
    if (!file) return Promise.resolve([]);
    return load('t/' + file + '.json').then(function (list) {
      if (!list.sorted) { sortEntries(list); list.sorted = true; }
      return list;
    });
  }

  function getDoc(m, d) {
    if (m.docs) return Promise.resolve(m.docs[d]);
    return load('d/' + Math.floor(d / m.chunk) + '.json').then(function (c) {
      if (!c.named) { nameUnits(m, c.units); c.named = true; }
      return c.docs[d % m.chunk];
    });
  }

  /** The documents of ambito `i`, as a mask over every document. */
  function ambitoMask(m, i) {
    if (m.ambitoMasks.has(i)) return Promise.resolve(m.ambitoMasks.get(i));
    var p = m.ambito_docs ? Promise.resolve(m.ambito_docs[i]) : load('a/' + i + '.json');
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

  // --- the query -----------------------------------------------------------------
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

  var TOP = WEIGHT[0] + EXACT + SAME_ACCENT; // the best score of one word

  /** For one word: its score in every document (0: no match), the best of
   * its matches in the document's text, note or ambiti, or its unit's name or
   * area. Kept for the next keystrokes (the words before the one being typed
   * do not change). */
  function matchWord(m, w) {
    var key = [w.term, w.typed, w.prefix ? 1 : 0, w.accent ? 1 : 0].join('\u0000');
    var hit = m.wordCache.get(key);
    if (hit) return Promise.resolve(hit);
    return entriesFor(m, w.term).then(function (entries) {
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
      if (m.wordCache.size >= 16) m.wordCache.delete(m.wordCache.keys().next().value);
      m.wordCache.set(key, score);
      return score;
    });
  }

  /** Documents matching every word and the filters, best first (ties in
   * catalogue order), as an Int32Array of document numbers. Scores are small
   * integers, so the ranking is a counting sort of one pass over the
   * documents: no comparison sort, no per-match objects. */
  function search(m, state) {
    var words = queryWords(state.q);
    var ambito = state.ambito ? indexBySlug(m.ambiti, state.ambito) : -1;
    var area = state.area ? indexBySlug(m.areas, state.area) : -1;
    var waits = words.map(function (w) { return matchWord(m, w); });
    waits.push(state.unita ? ensureNames(m) : Promise.resolve(m));
    waits.push(ambito >= 0 ? ambitoMask(m, ambito) : Promise.resolve(null));
    return Promise.all(waits).then(function (scores) {
      var inAmbito = scores.pop();
      scores.pop();
      var lo = 0;
      var hi = m.docsTotal;
      if (state.unita) {
        var unit = m.unitList.find(function (u) { return u.slug === state.unita; });
        if (!unit) return new Int32Array(0);
        lo = unit.first;
        hi = unit.first + unit.nSi + unit.nNo;
      }
      var tipo = state.tipo === 'si' ? 1 : state.tipo === 'non' ? 2 : 0;
      var filtered = area >= 0 || tipo || inAmbito;
      var keep = function (d) {
        var u = m.unitList[m.docUnit[d]];
        if (area >= 0 && u.area !== area) return false;
        if (tipo === 1 && d - u.first >= u.nSi) return false;
        if (tipo === 2 && d - u.first < u.nSi) return false;
        return !inAmbito || inAmbito[d] === 1;
      };
      var d;
      var n = scores.length;
      if (n === 0) {
        // Filters only: every activity that passes them, in catalogue order.
        var all = [];
        for (d = lo; d < hi; d++) if (!filtered || keep(d)) all.push(d);
        return Int32Array.from(all);
      }
      var cand = m.candidates;
      var totals = m.totals;
      var count = 0;
      var s0 = scores[0];
      for (d = lo; d < hi; d++) {
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
    });
  }

  function indexBySlug(list, slug) {
    for (var i = 0; i < list.length; i++) if (list[i][1] === slug) return i;
    return -1;
  }

  // --- showing results -----------------------------------------------------------
  /** `text` as nodes, the words matching the query inside <mark>. */
  function highlighted(text, words) {
    var frag = document.createDocumentFragment();
    var chars = Array.from(text);
    var at = 0;
    A.analyze(text).forEach(function (t) {
      var hit = words.some(function (w) { return matches(t.term, w); });
      if (!hit) return;
      if (t.start > at) frag.appendChild(document.createTextNode(chars.slice(at, t.start).join('')));
      var mark = document.createElement('mark');
      mark.textContent = chars.slice(t.start, t.end).join('');
      frag.appendChild(mark);
      at = t.end;
    });
    if (at < chars.length) frag.appendChild(document.createTextNode(chars.slice(at).join('')));
    return frag;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function resultItem(m, d, doc, words) {
    var u = unitOf(m, d);
    var si = d - u.first < u.nSi;
    var li = el('li', 'risultato ' + (si ? 'risultato-si' : 'risultato-no'));
    var p = el('p', 'risultato-testo');
    var a = el('a');
    // Activities common to every office (empty slug) are on the home page.
    a.href = radice + (u.slug ? u.slug + '/' : '') + '#' + doc[0];
    a.appendChild(highlighted(doc[1], words));
    p.appendChild(a);
    li.appendChild(p);
    var info = el('p', 'risultato-dati');
    var label = el('span', 'esito ' + (si ? 'esito-si' : 'esito-no'));
    label.appendChild(el('span', 'esito-icona', si ? '✓' : '⌂')).setAttribute('aria-hidden', 'true');
    label.appendChild(document.createTextNode(si ? 'Smartizzabile' : 'Non smartizzabile'));
    info.appendChild(label);
    info.appendChild(el('span', 'visually-hidden', ', '));
    var unita = el('span', 'risultato-unita');
    unita.appendChild(highlighted(u.name, words));
    info.appendChild(unita);
    li.appendChild(info);
    if (doc[2]) {
      var nota = el('p', 'risultato-nota');
      nota.appendChild(el('span', 'nota-etichetta', 'Nota'));
      nota.appendChild(highlighted(doc[2], words));
      li.appendChild(nota);
    }
    if (doc[3].length) {
      var amb = el('p', 'ambiti');
      amb.appendChild(el('span', 'visually-hidden', 'Ambiti:'));
      doc[3].forEach(function (i) { amb.appendChild(el('span', 'tag', m.ambiti[i][0])); });
      li.appendChild(amb);
    }
    return li;
  }

  // --- state: form <-> URL ---------------------------------------------------------
  function readForm() {
    var s = {};
    var data = new FormData(form);
    PARAMS.forEach(function (k) { s[k] = String(data.get(k) || '').trim(); });
    s.q = input.value;
    return s;
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    var s = {};
    PARAMS.forEach(function (k) { s[k] = params.get(k) || ''; });
    return s;
  }

  function urlOf(s) {
    var params = new URLSearchParams();
    PARAMS.forEach(function (k) {
      var v = k === 'q' ? s.q.trim() : s[k];
      if (v) params.set(k, v);
    });
    var qs = params.toString();
    return location.pathname + (qs ? '?' + qs : '');
  }

  function setSelect(sel, value) {
    sel.value = value;
    if (sel.value !== value) sel.value = '';
  }

  /** Puts a state into the form: the box and the radios, and the lists once
   * their options are loaded (`m`). */
  function applyState(m, s) {
    if (s.q !== null) {
      input.value = s.q;
      var tipo = s.tipo === 'si' || s.tipo === 'non' ? s.tipo : '';
      var radio = form.querySelector('input[name="tipo"][value="' + tipo + '"]');
      if (radio) radio.checked = true;
    }
    if (m) {
      setSelect(selArea, s.area);
      fillUnits(m);
      setSelect(selUnita, s.unita);
      setSelect(selAmbito, s.ambito);
    }
  }

  function fillSelect(sel, items) {
    items.forEach(function (it) {
      var o = el('option', null, it[0]);
      o.value = it[1];
      sel.appendChild(o);
    });
  }

  /** The unit choices, grouped by area; only the chosen area's when one is. */
  function fillUnits(m) {
    if (!m.named) return;
    var chosen = selUnita.value;
    while (selUnita.options.length > 1) selUnita.remove(1);
    while (selUnita.children.length > 1) selUnita.removeChild(selUnita.lastChild);
    var area = selArea.value ? indexBySlug(m.areas, selArea.value) : -1;
    var groups = new Map();
    m.unitList.forEach(function (u) {
      if (!u.slug || (area >= 0 && u.area !== area)) return;
      var label = u.area >= 0 ? m.areas[u.area][0] : 'Altre unità';
      if (!groups.has(label)) {
        var g = document.createElement('optgroup');
        g.label = label;
        groups.set(label, g);
      }
      var o = el('option', null, u.name);
      o.value = u.slug;
      groups.get(label).appendChild(o);
    });
    groups.forEach(function (g) { selUnita.appendChild(g); });
    setSelect(selUnita, chosen);
  }

  // --- running -----------------------------------------------------------------------
  var current = 0; // the latest search started
  var shown = { results: new Int32Array(0), count: 0, words: [], m: null };
  var said = { seq: -1, text: '' }; // the latest search finished, and its message
  var sayWhenDone = false;

  function announce(text) {
    if (stato.textContent !== text) stato.textContent = text;
  }

  /** The search's message is ready: the live region says it now if asked
   * (`now`, or the person has stopped typing), else it waits. */
  function finished(seq, text, now) {
    said = { seq: seq, text: text };
    if (now || sayWhenDone) { sayWhenDone = false; announce(text); }
  }

  /** Announces the count of the latest search, now or when it ends. Called
   * when the typing pauses: a screen reader hears one count, not one per key. */
  function announceLatest() {
    if (said.seq === current) announce(said.text); else sayWhenDone = true;
  }

  /** Searches the form's state and shows the first page of results. The
   * count goes to the live region at once when `say`, else when the typing
   * pauses (announceLatest). */
  function run(say) {
    var seq = ++current;
    var t0 = performance.now();
    var tMatch = 0;
    var s = readForm();
    var words = queryWords(s.q);
    var filtered = s.tipo || s.area || s.unita || s.ambito;
    if (say) sayWhenDone = false;
    if (!words.length && !filtered) {
      shown = { results: new Int32Array(0), count: 0, words: words, m: null };
      lista.textContent = '';
      altri.hidden = true;
      finished(seq, s.q.trim() ? 'Nessuna parola da cercare: prova con parole più specifiche.' : '', say);
      return Promise.resolve();
    }
    return getMeta().then(function (m) {
      return search(m, s).then(function (results) {
        tMatch = performance.now() - t0;
        if (seq !== current) return null;
        return page(m, results, 0, words).then(function (items) {
          if (seq !== current) return;
          // Replaced in one go: no empty list while a document file loads.
          // Left alone when the next letter shows the same (no new layout).
          var same = lista.children.length === items.length && shown.count === items.length
            && items.every(function (li, i) { return li.isEqualNode(lista.children[i]); });
          shown = { results: results, count: items.length, words: words, m: m };
          if (!same) {
            var frag = document.createDocumentFragment();
            items.forEach(function (li) { frag.appendChild(li); });
            lista.textContent = '';
            lista.appendChild(frag);
          }
          showMore();
          var n = results.length;
          finished(seq, n === 0
            ? 'Nessuna attività trovata. Prova con meno parole o togli qualche filtro.'
            : n === 1 ? '1 attività trovata.' : n.toLocaleString('it-IT') + ' attività trovate.', say);
          root.dispatchEvent(new CustomEvent('trasparenza:ricerca', {
            detail: { count: n, ms: performance.now() - t0, matchMs: tMatch },
          }));
        });
      });
    }).catch(function () {
      if (seq !== current) return;
      finished(seq, 'La ricerca non è disponibile in questo momento: consulta la tabella completa.', true);
    });
  }

  /** The list items of results `from..from+PAGE` (only these are built:
   * the rest waits for "Mostra altri"). */
  function page(m, results, from, words) {
    var slice = Array.from(results.subarray(from, from + PAGE));
    return Promise.all(slice.map(function (d) { return getDoc(m, d); })).then(function (docs) {
      return docs.map(function (doc, i) { return resultItem(m, slice[i], doc, words); });
    });
  }

  function showMore() {
    var left = shown.results.length - shown.count;
    var label = 'Mostra altri ' + Math.min(left, PAGE) + ' risultati';
    if (altri.hidden !== left <= 0) altri.hidden = left <= 0;
    if (altri.textContent !== label) altri.textContent = label;
  }

  /** Appends the next page of results; resolves to the first new item. */
  function more(seq) {
    var from = shown.count;
    var m = shown.m;
    if (!m) return Promise.resolve(null);
    return page(m, shown.results, from, shown.words).then(function (items) {
      if (seq !== current || shown.count !== from) return null;
      items.forEach(function (li) { lista.appendChild(li); });
      shown.count = from + items.length;
      showMore();
      return items[0] || null;
    });
  }

  var timer = 0;
  function commit(push) {
    var url = urlOf(readForm());
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  }

  // Every key shows its results at once; the address and the live region
  // follow when the typing pauses.
  input.addEventListener('input', function () {
    run(false);
    clearTimeout(timer);
    timer = setTimeout(function () { commit(false); announceLatest(); }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    commit(true);
    run(true);
  });
  form.addEventListener('change', function (ev) {
    if (ev.target === input) return;
    if (ev.target === selArea && meta) fillUnits(meta);
    clearTimeout(timer);
    commit(true);
    run(true);
  });
  altri.addEventListener('click', function () {
    more(current).then(function (first) {
      var link = first && first.querySelector('a');
      if (link) link.focus();
    });
  });
  window.addEventListener('popstate', function () {
    var s = readUrl();
    getMeta().then(function (m) { return s.unita ? ensureNames(m) : m; })
      .then(function (m) { applyState(m, s); run(true); });
  });

  // First load: the state in the URL (a shared link, or the home's search box).
  var initial = readUrl();
  applyState(null, initial);
  getMeta().then(function (m) { return initial.unita ? ensureNames(m) : m; }).then(function (m) {
    fillSelect(selArea, m.areas);
    if (!m.named) {
      // A large catalogue: the units' names load when the list is first used.
      var named = function () { ensureNames(m).then(fillUnits); };
      selUnita.addEventListener('focus', named, { once: true });
      selUnita.addEventListener('pointerdown', named, { once: true });
    }
    fillSelect(selAmbito, m.ambiti);
    document.getElementById('ricerca-scelta-ambito').hidden = m.ambiti.length === 0;
    // Only the lists: the person may have typed while the index loaded.
    initial.q = null;
    applyState(m, initial);
    run(true);
  }, function () {
    announce('La ricerca non è disponibile in questo momento: consulta la tabella completa.');
  });
})();
