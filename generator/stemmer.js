/* A small rule-based Indonesian stemmer for search queries in the browser (no dictionary).
 *
 * A line-for-line port of generator/stemmer.py, which stems the search index: the query must be
 * stemmed exactly as the index was. Both read the same rules (generator/stemmer_rules.yml), which
 * the build inlines below; the site serves this file as assets/javascripts/cari-stemmer.js.
 * tests/test_stemmer.py runs both on the handbook's words and on random words and compares.
 * Plain ES2017 script: no modules, works from file://.
 */
(function () {
  "use strict";

  // The rules are data (generator/stemmer_rules.yml), inlined here by the build.
  var RULES = /* RULES */ null;
  var EXCEPTIONS = RULES.exceptions;
  // Prefix rules, first match wins: [kind, pattern, letters to drop, letter to restore].
  var PREFIX_RULES = RULES.prefix_rules.map(function (rule) {
    return [rule[0], new RegExp(rule[1]), rule[2], rule[3]];
  });
  var KE_CONFIX = new RegExp(RULES.ke_confix);
  var FIRST_KINDS = RULES.first_kinds, SECOND_KINDS = RULES.second_kinds;
  var NOUN_KINDS = RULES.noun_kinds, I_KINDS = RULES.i_kinds;
  var I_SUFFIX = new RegExp(RULES.i_suffix);
  var COMBINING = new RegExp(RULES.combining, "g");

  // Lowercase ASCII-folded words: anything but a-z and 0-9 (hyphens included) separates.
  function tokens(text) {
    text = String(text).normalize("NFKD").toLowerCase().replace(COMBINING, "");
    return text.split(/[^a-z0-9]+/).filter(function (tok) { return tok !== ""; });
  }

  function exception(word) {
    for (var key in EXCEPTIONS) {
      if (word.endsWith(key)) return EXCEPTIONS[key];
    }
    return null;
  }

  // Remove the first matching ending if more than 3 letters remain.
  function stripEnding(word, endings) {
    for (var i = 0; i < endings.length; i++) {
      var ending = endings[i];
      if (word.endsWith(ending) && word.length - ending.length > 3) {
        return word.slice(0, word.length - ending.length);
      }
    }
    return word;
  }

  // Remove one prefix of an allowed kind: [rest, kind, restored a letter] or [word, null, false].
  function stripPrefix(word, kinds) {
    for (var i = 0; i < PREFIX_RULES.length; i++) {
      var kind = PREFIX_RULES[i][0], pattern = PREFIX_RULES[i][1];
      var drop = PREFIX_RULES[i][2], restore = PREFIX_RULES[i][3];
      if (kinds.indexOf(kind) >= 0 && pattern.test(word)) {
        var rest = restore + word.slice(drop);
        if (rest.length <= 3 || (kind === "ke" && !KE_CONFIX.test(word))) break;
        return [rest, kind, restore !== ""];
      }
    }
    return [word, null, false];
  }

  function stripSuffix(word, kind) {
    var rest = stripEnding(word, NOUN_KINDS.indexOf(kind) >= 0 ? RULES.noun_suffixes : RULES.suffixes);
    if (rest === word && I_KINDS.indexOf(kind) >= 0 && I_SUFFIX.test(word)) {
      rest = stripEnding(word, ["i"]);
    }
    return rest;
  }

  // Stem one lowercase token; short tokens and tokens with digits are returned unchanged.
  function stem(word) {
    word = String(word);
    if (word.length <= 3 || /[0-9]/.test(word)) return word;
    var hit = exception(word);
    if (hit !== null) return hit;
    word = stripEnding(word, RULES.particles);
    if ((hit = exception(word)) !== null) return hit;
    word = stripEnding(word, RULES.possessives);
    if ((hit = exception(word)) !== null) return hit;
    var first = stripPrefix(word, FIRST_KINDS);
    word = first[0];
    var kind = first[1], restored = first[2];
    if ((hit = exception(word)) !== null) return hit;
    word = stripSuffix(word, kind);
    if ((hit = exception(word)) !== null) return hit;
    // A restored letter starts the root, so nothing after it is a prefix (pemeriksa -> periksa).
    if (kind !== null && !restored) word = stripPrefix(word, SECOND_KINDS)[0];
    hit = exception(word);
    return hit !== null ? hit : word;
  }

  window.HandbookStemmer = { stem: stem, tokens: tokens };
})();
