/* trasparenza: ricerca delle attività, nel browser: the page.
   The logic (query, postings, ranking, the visible page, the URL's state) is
   search-logic.js, which runs in node too; this file is what touches the
   page: it fetches the index files under cerca/indice/, builds the results,
   keeps the form and the address in step, speaks through the live region.
   Query and filters live in the URL (?q=imu&tipo=non), so a list can be
   shared and the back button works. Results are built with DOM APIs only
   (textContent), never from HTML strings. No framework, no external request. */
(function () {
  'use strict';

  var S = window.TrasparenzaSearch;
  var root = document.getElementById('ricerca');
  if (!root || !S || !window.fetch || !window.URLSearchParams) return;

  var DEBOUNCE_MS = 300; // the pause after which the address and the live region follow the typing

  var base = root.getAttribute('data-indice');
  var radice = root.getAttribute('data-radice') || '';
  // A page in another language carries its phrases (lingue/<lingua>.ftl).
  try {
    S.usePhrases(JSON.parse(root.getAttribute('data-frasi') || '{}'), document.documentElement.lang);
  } catch (e) { /* a broken attribute: the Italian phrases stay */ }
  var altre = root.getAttribute('data-altre') || ''; // the rule for the activities not listed
  var form = document.getElementById('ricerca-modulo');
  var input = document.getElementById('ricerca-q');
  var selArea = document.getElementById('ricerca-area');
  var selUnita = document.getElementById('ricerca-unita');
  var selAmbito = document.getElementById('ricerca-ambito');
  var stato = document.getElementById('ricerca-stato');
  var lista = document.getElementById('ricerca-risultati');
  var altri = document.getElementById('ricerca-altri');
  var forse = document.getElementById('ricerca-forse');
  if (!forse) {
    // A site's own search.html from before "Forse cercavi": the script adds it.
    forse = document.createElement('p');
    forse.className = 'ricerca-forse';
    forse.id = 'ricerca-forse';
    forse.hidden = true;
    stato.parentNode.insertBefore(forse, stato.nextSibling);
  }

  document.getElementById('ricerca-senza-js').hidden = true;

  // --- loading ---------------------------------------------------------------
  /** A file of the index, fetched once. */
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
    if (!metaPromise) metaPromise = load('meta.json').then(function (m) { meta = S.open(m, load); return meta; });
    return metaPromise;
  }

  // --- showing results -----------------------------------------------------------
  /** `text` as nodes, the words matching the query inside <mark>
   * (`fixes`: a corrected list's, so its corrections are marked too). */
  function highlighted(text, words, fixes) {
    var frag = document.createDocumentFragment();
    var chars = Array.from(text);
    var at = 0;
    S.highlights(text, words, fixes).forEach(function (r) {
      if (r[0] > at) frag.appendChild(document.createTextNode(chars.slice(at, r[0]).join('')));
      var mark = document.createElement('mark');
      mark.textContent = chars.slice(r[0], r[1]).join('');
      frag.appendChild(mark);
      at = r[1];
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

  /** The list item of one result of S.page. */
  function resultItem(m, r, words, fixes) {
    var u = r.unit;
    var si = r.si;
    var doc = r.doc;
    // The result's list: 1 smartizzabili, 3 in part or under a condition, 2 non.
    var k = { 1: ['si', '✓', S.frase('js-smartizzabile')], 3: ['parz', '◐', S.frase('js-parzialmente-smartizzabile')], 2: ['no', '⌂', S.frase('js-non-smartizzabile')] }[r.kind || (si ? 1 : 2)];
    var li = el('li', 'risultato risultato-' + k[0]);
    var p = el('p', 'risultato-testo');
    var a = el('a');
    a.href = r.href;
    a.appendChild(highlighted(doc[1], words, fixes));
    p.appendChild(a);
    li.appendChild(p);
    var info = el('p', 'risultato-dati');
    var label = el('span', 'esito esito-' + k[0]);
    label.appendChild(el('span', 'esito-icona', k[1])).setAttribute('aria-hidden', 'true');
    label.appendChild(document.createTextNode(k[2]));
    info.appendChild(label);
    info.appendChild(el('span', 'visually-hidden', ', '));
    var unita = el('span', 'risultato-unita');
    unita.appendChild(highlighted(u.name, words, fixes));
    info.appendChild(unita);
    li.appendChild(info);
    if (doc[4]) {
      var cond = el('p', 'condizione');
      cond.appendChild(el('span', 'condizione-etichetta', S.frase('js-condizione')));
      // Read aloud and copied as "Condizione: a rotazione", as on the unit page.
      cond.appendChild(el('span', 'visually-hidden', ': '));
      cond.appendChild(highlighted(doc[4], words, fixes));
      li.appendChild(cond);
    }
    if (doc[2]) {
      var nota = el('p', 'risultato-nota');
      nota.appendChild(el('span', 'nota-etichetta', S.frase('js-nota')));
      nota.appendChild(el('span', 'visually-hidden', ': '));
      nota.appendChild(highlighted(doc[2], words, fixes));
      li.appendChild(nota);
    }
    if (doc[3].length) {
      var amb = el('p', 'ambiti');
      amb.appendChild(el('span', 'visually-hidden', S.frase('js-ambiti')));
      doc[3].forEach(function (i) { amb.appendChild(el('span', 'tag', m.ambiti[i][0])); });
      li.appendChild(amb);
    }
    return li;
  }

  // --- state: form <-> URL ---------------------------------------------------------
  function readForm() {
    var s = {};
    var data = new FormData(form);
    S.PARAMS.forEach(function (k) { s[k] = String(data.get(k) || '').trim(); });
    s.q = input.value;
    return s;
  }

  function readUrl() {
    return S.stateOf(location.search);
  }

  function urlOf(s) {
    return location.pathname + S.queryString(s);
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
      var tipo = s.tipo === 'si' || s.tipo === 'non' || s.tipo === 'parz' ? s.tipo : '';
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
    S.unitGroups(m, selArea.value).forEach(function (group) {
      var g = document.createElement('optgroup');
      g.label = group.label;
      fillSelect(g, group.units);
      selUnita.appendChild(g);
    });
    setSelect(selUnita, chosen);
  }

  // --- running -----------------------------------------------------------------------
  var current = 0; // the latest search started
  var shown = { results: new Int32Array(0), count: 0, words: [], fixes: null, m: null };
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
    var words = S.queryWords(s.q);
    var filtered = s.tipo || s.area || s.unita || s.ambito;
    if (say) sayWhenDone = false;
    if (!words.length && !filtered) {
      shown = { results: new Int32Array(0), count: 0, words: words, fixes: null, m: null };
      lista.textContent = '';
      altri.hidden = true;
      suggest(null, s);
      finished(seq, s.q.trim() ? S.frase('js-parole-generiche') : '', say);
      return Promise.resolve();
    }
    return getMeta().then(function (m) {
      return S.search(m, s, words).then(function (results) {
        tMatch = performance.now() - t0;
        if (seq !== current) return null;
        return S.page(m, results, 0, radice).then(function (raw) {
          if (seq !== current) return;
          var items = raw.map(function (r) { return resultItem(m, r, words, results.fixes); });
          // Replaced in one go: no empty list while a document file loads.
          // Left alone when the next letter shows the same (no new layout).
          var same = lista.children.length === items.length && shown.count === items.length
            && items.every(function (li, i) { return li.isEqualNode(lista.children[i]); });
          shown = { results: results, count: items.length, words: words, fixes: results.fixes, m: m };
          if (!same) {
            var frag = document.createDocumentFragment();
            items.forEach(function (li) { frag.appendChild(li); });
            lista.textContent = '';
            lista.appendChild(frag);
          }
          showMore();
          var n = results.length;
          var sug = S.suggestion(m, s.q, words, results, raw[0]);
          suggest(sug, s);
          finished(seq, (sug ? S.frase('js-forse-cercavi-stato', null, { parole: sug.q }) + ' ' : '') + S.countMessage(n, altre), say);
          root.dispatchEvent(new CustomEvent('trasparenza:ricerca', {
            detail: { count: n, ms: performance.now() - t0, matchMs: tMatch },
          }));
        });
      });
    }).catch(function () {
      if (seq !== current) return;
      finished(seq, S.frase('js-non-disponibile'), true);
    });
  }

  /** The list items of the page of results starting at `from` (only
   * these are built: the rest waits for "Mostra altri"). */
  function page(m, results, from, words, fixes) {
    return S.page(m, results, from, radice).then(function (shown) {
      return shown.map(function (r) { return resultItem(m, r, words, fixes); });
    });
  }

  /** "Forse cercavi": the corrected query of S.suggestion (or nothing, `sug`
   * null) as a link to its search, the corrected words in bold, and which
   * words were corrected into what. `s` is the state searched. */
  var suggested = ''; // the suggestion shown (address and corrections), '' if none
  function suggest(sug, s) {
    var href = sug ? urlOf({ q: sug.q, tipo: s.tipo, area: s.area, unita: s.unita, ambito: s.ambito }) : '';
    var key = sug ? href + JSON.stringify(sug.fixed) : '';
    if (key === suggested) return; // the next letter suggests the same: no new layout
    suggested = key;
    if (!sug) {
      forse.hidden = true;
      forse.textContent = '';
      return;
    }
    var link = el('a');
    link.href = href;
    sug.parts.forEach(function (p) { link.appendChild(p[1] ? el('strong', null, p[0]) : document.createTextNode(p[0])); });
    var quote = function (i) { return sug.fixed.map(function (f) { return '«' + f[i] + '»'; }).join(', '); };
    forse.textContent = S.frase('js-forse-cercavi') + ' ';
    forse.appendChild(link);
    forse.appendChild(document.createTextNode(S.frase('js-forse-nessuna', null, { parole: quote(0), corrette: quote(1) })));
    forse.hidden = false;
  }

  function showMore() {
    var left = shown.results.length - shown.count;
    var next = Math.min(left, S.PAGE);
    var label = S.frase('js-mostra-altri', next);
    if (altri.hidden !== left <= 0) altri.hidden = left <= 0;
    if (altri.textContent !== label) altri.textContent = label;
  }

  /** Appends the next page of results; resolves to the first new item. */
  function more(seq) {
    var from = shown.count;
    var m = shown.m;
    if (!m) return Promise.resolve(null);
    return page(m, shown.results, from, shown.words, shown.fixes).then(function (items) {
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
  // The corrected search, without reloading the page; the focus goes back
  // to the box, as the link goes away with the results it replaces.
  forse.addEventListener('click', function (ev) {
    var link = ev.target.closest('a');
    if (!link || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    applyState(meta, S.stateOf(new URL(link.href).search));
    clearTimeout(timer);
    commit(true);
    run(true);
    input.focus();
  });
  altri.addEventListener('click', function () {
    more(current).then(function (first) {
      var link = first && first.querySelector('a');
      if (link) link.focus();
    });
  });
  window.addEventListener('popstate', function () {
    var s = readUrl();
    getMeta().then(function (m) { return s.unita ? S.ensureNames(m) : m; })
      .then(function (m) { applyState(m, s); run(true); });
  });

  // First load: the state in the URL (a shared link, or the home's search box).
  var initial = readUrl();
  applyState(null, initial);
  getMeta().then(function (m) { return initial.unita ? S.ensureNames(m) : m; }).then(function (m) {
    fillSelect(selArea, m.areas);
    if (!m.named) {
      // A large catalogue: the units' names load when the list is first used.
      var named = function () { S.ensureNames(m).then(fillUnits); };
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
    announce(S.frase('js-non-disponibile'));
  });
})();
