/* trasparenza: analisi del testo italiano per la ricerca.
   The same rules as src/search/analyzer.rs (lowercase, accents folded and
   remembered, elided articles and stop words dropped, light stemmer); both
   are checked against tests/fixtures/search/analyzer-vectors.json. Only here:
   the roots of word families (family()), which the search compares at query
   time, so the index does not carry them.
   A classic script (window.TrasparenzaAnalyzer) that node can also import. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.TrasparenzaAnalyzer = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // BEGIN GENERATED from src/search/analyzer.rs and src/slug.rs: do not edit;
  // `UPDATE_ANALYZER=1 cargo test --lib analyzer` rewrites it.
  var ELISIONS = ["all", "anch", "c", "coll", "d", "dall", "dell", "l", "m", "n", "nell", "nessun",
    "quell", "quest", "s", "sull", "t", "tutt", "v"];
  var STOP_WORDS = ["a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "con", "da", "dagli",
    "dai", "dal", "dalla", "dalle", "dallo", "degli", "dei", "del", "della", "delle", "dello", "di",
    "e", "ed", "gli", "i", "il", "in", "la", "le", "lo", "negli", "nei", "nel", "nella", "nelle",
    "nello", "o", "od", "per", "su", "sugli", "sui", "sul", "sulla", "sulle", "sullo", "tra", "fra",
    "un", "una", "uno"];
  var FOLDS = [["àáâãäå", "a"], ["ç", "c"], ["èéêë", "e"], ["ìíîï", "i"], ["ñ", "n"],
    ["òóôõö", "o"], ["ùúûü", "u"]];
  // END GENERATED
  var MIN_STEM = 3;
  var FOLD = {};
  FOLDS.forEach(function (p) { Array.from(p[0]).forEach(function (c) { FOLD[c] = p[1]; }); });
  var WORD = /[\p{L}\p{N}]/u;
  var DIGIT = /\p{N}/u;
  var APOSTROPHE = /['\u2019\u02BC]/;

  function isVowel(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u'; }

  /** The light stemmer on a folded word (see stem() in analyzer.rs). */
  function stem(word) {
    var chars = Array.from(word);
    if (chars.some(function (c) { return DIGIT.test(c); })) return word;
    var n = chars.length;
    var cut = 0;
    if (n >= 3 && (chars[n - 3] === 'c' || chars[n - 3] === 'g') && chars[n - 2] === 'h'
      && (chars[n - 1] === 'i' || chars[n - 1] === 'e')) cut = 2;
    else if (n >= 2 && chars[n - 2] === 'i' && 'oaei'.indexOf(chars[n - 1]) >= 0) cut = 2;
    else if (n >= 1 && isVowel(chars[n - 1])) cut = 1;
    var keep;
    if (n - cut >= MIN_STEM) keep = n - cut;
    else if (cut === 2 && n > MIN_STEM) keep = n - 1;
    else keep = n;
    return chars.slice(0, keep).join('');
  }

  // --- families of words ---------------------------------------------------------------
  /* Derived words of one family share a root: `fattura`/`fatturazione`,
     `scuola`/`scolastico`, `gestione`/`gestire`, `protocollo`/`protocollista`.
     On a stemmed term, the longest of these suffixes goes, again while one
     fits, as long as MIN_ROOT letters stay (or the third number);
     `[suffix, what stays of it]`. */
  var DERIVATIONS = [
    ['izzazion', ''], // digitalizzazione -> digital(e)
    ['abilit', ''], ['ibilit', ''], // contabilità -> cont(o)
    ['azion', ''], ['izion', ''], // fatturazione -> fattur(a), acquisizione -> acquis(ire)
    ['ament', ''], ['iment', ''], // accertamento -> accert(are)
    ['astic', ''], // scolastico -> scol(a)
    ['ator', ''], ['atric', ''], ['itor', ''], // liquidatore -> liquid(are), fornitore -> forn(ire)
    ['atur', ''], ['itur', ''], // fornitura -> forn(ire)
    ['ativ', ''], ['itiv', ''], // amministrativo -> amministr(are)
    ['abil', ''], ['ibil', ''], // fattibile
    ['ivit', 'iv'], ['alit', 'al'], // attività -> attiv(o), legalità -> legal(e)
    ['ion', ''], // gestione -> gest(ire)
    ['ism', '', 5], ['ist', '', 5], // protocollista -> protocoll(o); not acquisto -> acqu(a)
    ['ier', ''], // consigliere -> consigl(io)
    ['al', ''], // comunale -> comun(e)
    ['ar', ''], ['ir', ''], // fatturare -> fattur(a), gestire -> gest(ione)
    ['at', ''], // certificato -> certific(azione)
  ].sort(function (a, b) { return b[0].length - a[0].length; });
  var MIN_ROOT = 4;

  /** The root shared by the words of a family, from a stemmed term: the
   * derivational suffixes off (DERIVATIONS), then the Italian "dittongo
   * mobile": `uo` and `ie` become `o` and `e`, as the diphthong does when the
   * stress moves (`scuola` -> `scolastico`). Terms with a digit stay as they
   * are. Two words of one family may still get different roots (the rules
   * are few on purpose); a root shared by unrelated words only adds results,
   * ranked below the words as typed. */
  function family(term) {
    if (DIGIT.test(term)) return term;
    var root = term;
    for (var changed = true; changed;) {
      changed = false;
      for (var i = 0; i < DERIVATIONS.length; i++) {
        var suffix = DERIVATIONS[i][0];
        var rest = root.length - suffix.length + DERIVATIONS[i][1].length;
        if (rest >= (DERIVATIONS[i][2] || MIN_ROOT) && root.endsWith(suffix)) {
          root = root.slice(0, root.length - suffix.length) + DERIVATIONS[i][1];
          changed = true;
          break;
        }
      }
    }
    return root.replace(/uo/g, 'o').replace(/ie/g, 'e');
  }

  /** The words of `text`: [{term, folded, accent, start, end}]; `folded` is the
   * word before stemming; positions in code points. */
  function analyze(text) {
    var chars = Array.from(String(text));
    var out = [];
    var i = 0;
    while (i < chars.length) {
      if (!WORD.test(chars[i])) { i++; continue; }
      var start = i;
      var folded = '';
      var accent = false;
      while (i < chars.length && WORD.test(chars[i])) {
        var lower = chars[i].toLowerCase();
        for (var k = 0; k < lower.length; k++) {
          var f = FOLD[lower[k]];
          if (f) { accent = true; folded += f; } else folded += lower[k];
        }
        i++;
      }
      var elided = i + 1 < chars.length && APOSTROPHE.test(chars[i]) && WORD.test(chars[i + 1]);
      if (elided && ELISIONS.indexOf(folded) >= 0) continue;
      if (STOP_WORDS.indexOf(folded) >= 0) continue;
      out.push({ term: stem(folded), folded: folded, accent: accent, start: start, end: i });
    }
    return out;
  }

  function terms(text) { return analyze(text).map(function (t) { return t.term; }); }

  return { analyze: analyze, terms: terms, stem: stem, family: family, ELISIONS: ELISIONS, STOP_WORDS: STOP_WORDS };
});
