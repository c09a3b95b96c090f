/* A small rule-based Indonesian stemmer for search queries in the browser (no dictionary).
 *
 * A line-for-line port of generator/stemmer.py, which stems the search index: the query must be
 * stemmed exactly as the index was, so the rule tables and the exception list below are copies of
 * the Python ones. tests/test_stemmer.py runs both on every word of the handbook and compares.
 * Change a rule here, change it there. Plain ES2017 script: no modules, works from file://.
 */
(function () {
  "use strict";

  // Words the rules get wrong (word -> stem). A key also matches the end of a longer word, and it is
  // looked up before every step, so prefixed and inflected forms reach it too (bersekolah,
  // berperilaku, sekolahnya, penilainya). Keep the keys long, and none the ending of another.
  var EXCEPTIONS = {
    "perilaku": "perilaku",    // not per- + ilaku
    "menilai": "nilai",        // men- + vowel is t- elsewhere (menulis -> tulis)
    "penilaian": "nilai",      // same for pen-
    "penilai": "nilai",
    "memiliki": "milik",       // mem- + vowel is p- elsewhere (memilih -> pilih)
    "memulai": "mulai",
    "sekolah": "sekolah",      // -lah, -kah are particles elsewhere
    "masalah": "masalah",
    "langkah": "langkah",
    "bertanya": "tanya",       // -nya, -ku, -mu are possessives elsewhere
    "berlaku": "laku",
    "bertemu": "temu",
    "disiplin": "disiplin",    // di- is the passive prefix elsewhere
    "dialog": "dialog",
    "mentoring": "mentoring"   // an English loan, not men- + toring
  };

  // Prefix rules, first match wins: [kind, pattern, letters to drop, letter to restore].
  var C = "[b-df-hj-np-tv-z]"; // a consonant
  var PREFIX_RULES = [
    ["me", "^meny[aeiou]", 4, "s"],      // menyusun -> susun
    ["me", "^menge", 4, "k"],            // mengelola -> kelola (mengamati keeps its vowel)
    ["me", "^meng[aiou]", 4, ""],        // mengamati -> amati, mengajar -> ajar
    ["me", "^meng[ghkx]", 4, ""],        // menggunakan -> gunakan
    ["me", "^mem[bfpv]", 3, ""],         // membimbing -> bimbing
    ["me", "^mem[aeiou]", 3, "p"],       // memilih -> pilih
    ["me", "^men[cdjtz]", 3, ""],        // mendukung -> dukung
    ["me", "^men[aeiou]", 3, "t"],       // menuntaskan -> tuntaskan
    ["me", "^me[lrwy]", 2, ""],          // melatih -> latih, merencanakan -> rencanakan
    ["pe", "^peny[aeiou]", 4, "s"],      // peN- mirrors meN-
    ["pe", "^penge", 4, "k"],            // pengelolaan -> kelolaan
    ["pe", "^peng[aiou]", 4, ""],        // pengamatan -> amatan
    ["pe", "^peng[ghkx]", 4, ""],
    ["pe", "^pem[bfpv]", 3, ""],         // pembimbingan -> bimbingan
    ["pe", "^pem[aeiou]", 3, "p"],       // pemimpin -> pimpin
    ["pe", "^pen[cdjtz]", 3, ""],
    ["pe", "^pen[aeiou]", 3, "t"],
    ["pe", "^pelajar", 3, ""],           // pel- exists only before ajar: pelajaran -> ajaran
    ["per", "^pere", 2, ""],             // r-initial roots: perencanaan -> rencanaan
    ["per", "^per", 3, ""],              // perbaikan -> baikan
    ["pe", "^pe" + C + "er", 2, ""],     // pe- before C+er: pekerjaan, peserta
    ["pe", "^pe[lrwy]", 2, ""],          // pelatihan -> latihan
    ["ber", "^belajar", 3, ""],          // bel- exists only before ajar
    ["ber", "^be" + C + "er", 2, ""],    // be- before C+er: bekerja -> kerja
    ["ber", "^bere", 2, ""],             // r-initial roots: berencana -> rencana
    ["ber", "^ber", 3, ""],
    ["ter", "^tere", 2, ""],
    ["ter", "^ter", 3, ""],
    ["di", "^di(?!s" + C + ")", 2, ""],  // not in loans: diskusi, distribusi
    ["ke", "^ke", 2, ""]                 // only in the ke-...-an confix, see KE_CONFIX
  ].map(function (rule) { return [rule[0], new RegExp(rule[1]), rule[2], rule[3]]; });
  // ke- without -an belongs to the root (kelola, kepala); a consonant before -kan means the root
  // takes -kan (kembangkan, kelompokkan), while kebijakan is ke- + bijak + -an.
  var KE_CONFIX = /([aeiou]k|[^k])an$/;
  var FIRST_KINDS = ["me", "pe", "per", "ber", "ter", "di", "ke"];
  // Only these may be the inner prefix of two (di-per-, ke-ter-, pem-bel-, ke-pem-, mem-per-).
  var SECOND_KINDS = ["pe", "per", "ber", "ter"];
  // Nouns in peN- and ke- take -an, never -kan (kebijakan -> bijak, not bija).
  var NOUN_KINDS = ["pe", "ke"];
  // Suffix -i marks a verb, so it follows me-, di-, ter- and per- only (not ber-, ke-, peN-).
  var I_KINDS = ["me", "di", "ter", "per"];
  // The combining-mark blocks, spelt out so that Python and JavaScript drop exactly the same characters.
  var COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

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
    var rest = stripEnding(word, NOUN_KINDS.indexOf(kind) >= 0 ? ["an"] : ["kan", "an"]);
    // -i never after a or s: roots in -ai (nilai, sampai) and loans in -si (observasi) are common.
    if (rest === word && I_KINDS.indexOf(kind) >= 0 && /[^as]i$/.test(word)) {
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
    word = stripEnding(word, ["lah", "kah", "tah", "pun"]); // particle
    if ((hit = exception(word)) !== null) return hit;
    word = stripEnding(word, ["ku", "mu", "nya"]); // possessive
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
