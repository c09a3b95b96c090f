/* The handbook's search page (cari.html). Plain script, no build step; works from file://.
 * The index (cari/indeks.js, made by generator/search.py) is loaded only when a search starts;
 * excerpt text (cari/teks-N.js) only for the results shown. All result text is inserted with
 * textContent, never as HTML. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.src.replace(/assets\/javascripts\/cari\.js(\?.*)?$/, "");
  var form = document.getElementById("cari-form");
  var input = document.getElementById("cari-q");
  var kindSelect = document.getElementById("cari-jenis");
  var roleSelect = document.getElementById("cari-peran");
  var status = document.getElementById("cari-status");
  var list = document.getElementById("cari-hasil");
  var others = document.getElementById("cari-lain");
  var loading = {};
  var index = null;
  var STRONG = 0.25;  // share of the best score a strong match needs
  var PRIOR = 1.2;  // boost for pages that answer the kind of question asked (kapan, siapa, ...)
  var COVERAGE = 1.75;  // how steeply a place loses for each concept of the query it lacks
  // Boost for a place whose title or heading the query names: NAME * (share of the title or
  // heading named, times the square root of the share of the query in it) squared.
  var NAME = 4;
  var NAME_POWER = 2;
  var QUERY_SHARE = 0.5;
  var NAME_RARITY = 0.75;  // how steeply a concept's rarity weighs in how far a title names the query
  var BREADTH = 0.1;  // share of the other sections' scores a page adds to its best section
  var STORY = 0.3;  // weight of a place that tells an example story (a dialogue, a year at a school)
  // The weight of a page that touches everything briefly (the glossary, the home page), unless one
  // of its headings names the query (HUB_NAMED).
  var HUB = 0.4;
  var HUB_NAMED = 0.8;
  // A glossary form of several words of which only some stand in a place ('ajar' of 'modul ajar',
  // the root of every 'pembelajaran') is weak evidence: that share of the words, times this.
  var PARTIAL = 0.3;
  var HOME = 2;  // lift of the page that explains a glossary term the query names (times its share)
  var ASKED = 2;  // lift of a section whose heading asks what the query asks ("Berapa ...?" for "berapa")

  function load(name, global) {
    if (window[global]) return Promise.resolve(window[global]);
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = root + name;
        tag.onload = function () { resolve(window[global]); };
        tag.onerror = function () { reject(new Error(name)); };
        document.head.appendChild(tag);
      });
    }
    return loading[name];
  }

  function ready() {
    if (index) return Promise.resolve(index);
    // Both at once: a deep link (cari.html?q=...) waits for the slower one, not for the sum.
    return Promise.all([load("assets/javascripts/cari-stemmer.js", "HandbookStemmer"),
                        load("cari/indeks.js", "HandbookIndex")])
      .then(function (loaded) { index = index || prepare(loaded[1]); return index; });
  }

  function prepare(data) {
    data.stopSet = {};
    data.stop.forEach(function (w) { data.stopSet[w] = true; });
    data.known = {};
    data.vocabulary.forEach(function (t) { data.known[t] = true; });
    data.terms = {};  // filled shard by shard as queries need them
    // The most words of a glossary form: a query is matched against phrases up to that long.
    data.longest = Object.keys(data.forms).reduce(function (most, f) { return Math.max(most, f.split(" ").length); }, 1);
    // A glossary form of several words also stands with another name of one of its words:
    // 'setelah observasi' read as 'setelah diamati', 'ekspektasi terhadap siswa' as '... murid'.
    data.composed = {};
    Object.keys(data.forms).forEach(function (f) {
      if (f.indexOf(" ") > 0) {
        var key = composed(f.split(" "), data);
        if (!Object.prototype.hasOwnProperty.call(data.composed, key)) data.composed[key] = data.forms[f];
      }
    });
    return data;
  }

  // A phrase's words, each one-word glossary name replaced by its term's number.
  function composed(words, data) {
    return words.map(function (w) {
      return Object.prototype.hasOwnProperty.call(data.forms, w) ? "#" + data.forms[w] : w;
    }).join(" ");
  }

  function term(token, data) {
    token = data.informal[token] || token;
    var found = data.roots[token] || window.HandbookStemmer.stem(token);
    if (data.known[found] || Object.prototype.hasOwnProperty.call(data.forms, found)) return found;
    // A rule-based stemmer guesses the root of a word it has no dictionary for; when its guess is
    // not a word of the handbook, try other readings of the word: the word itself, the other
    // readings of its prefix (memotivasi: me- + motivasi, not mem- + p-; a loan that merely starts
    // with di-), and the written form of a spoken verb, which drops the me- and ends in -in
    // (ngajar, nyusun, nyoba for mencoba, mukul for memukul, ngumpulin, jelasin).
    var readings = [token, token.replace(/^(me|pe)ng(?=[aeiou])/, ""), token.replace(/^(me|pe)(?=[mn])/, ""),
                    token.replace(/^di/, "")], written = token.replace(/(.{3})in$/, "$1kan");
    if (/^(n[gy]|[mn])[aiueo]/.test(token)) readings.push("me" + written);
    if (/^ny[aiueo]/.test(token)) readings.push("menc" + written.slice(2));
    if (written !== token) readings.push(written);
    for (var r = 0; r < readings.length; r++) {
      if (data.known[readings[r]]) return readings[r];
      var root = data.roots[readings[r]] || window.HandbookStemmer.stem(readings[r]);
      if (data.known[root]) return root;
    }
    return found;
  }

  // A word written twice in chat with a 2 (anak2, org2, lari2an) is the word, unless the handbook
  // knows it so (a worksheet code such as lk2 or lkks2). Three letters at least, so that a short
  // code it does not know stays too.
  var REPEATED = /^([a-z]{3,})2(?:an|kan|nya|in)?$/;

  // Two words typed without the space between them on a phone ('kartutirta', 'timkinerja'): the
  // split whose shorter part is longest, each part a word of the handbook or a stop word, at least
  // one a word of the handbook. Only for a token the handbook does not know as it is.
  function together(token, data) {
    if (token.length < 7 || data.stopSet[token] || data.known[term(token, data)]) return null;
    var best = null, word = function (part) { return data.stopSet[part] || data.known[term(part, data)]; };
    for (var i = 3; i <= token.length - 3; i++) {
      var left = token.slice(0, i), right = token.slice(i);
      if (word(left) && word(right) && !(data.stopSet[left] && data.stopSet[right]) &&
          (!best || Math.min(i, token.length - i) > Math.min(best[0].length, best[1].length))) best = [left, right];
    }
    return best;
  }

  // The words of a text, chat spellings written out ('ortu' is 'orang tua').
  function words(text, data) {
    var out = [];
    window.HandbookStemmer.tokens(text).forEach(function (t) {
      if (!data.informal[t] && !data.known[t] && !Object.prototype.hasOwnProperty.call(data.forms, t))
        t = t.replace(REPEATED, "$1");
      var split = data.informal[t] ? null : together(t, data);
      out.push.apply(out, split || (data.informal[t] || t).split(" "));
    });
    return out;
  }

  // Index terms of a text; stop words are whole words ('dalam' is one, 'mendalam' is not).
  function analyze(text, data) {
    return words(text, data).filter(function (t) { return !data.stopSet[t]; })
      .map(function (t) { return term(t, data); });
  }

  // Edit distance with an early exit once it exceeds `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var older = [], previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (i = 1; i <= a.length; i++) {
      var current = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1,
                              previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          current[j] = Math.min(current[j], older[j - 2] + 1);  // swapped letters
        best = Math.min(best, current[j]);
      }
      if (best > limit) return limit + 1;
      older = previous;
      previous = current;
    }
    return previous[b.length];
  }

  // A query becomes units; each unit is a list of alternative phrases (arrays of terms) with a weight.
  function units(query, data) {
    var terms = analyze(query, data), out = [], i = 0, seen = {}, slipped = {};
    while (i < terms.length) {
      var matched = false;
      for (var n = Math.min(data.longest, terms.length - i); n >= 1 && !matched; n--) {
        var typed = terms.slice(i, i + n), phrase = typed.join(" ");
        // (a composed key has a space, so it never names a property every object has)
        var group = Object.prototype.hasOwnProperty.call(data.forms, phrase) ? data.forms[phrase] :
          n > 1 ? data.composed[composed(typed, data)] : undefined;
        if (group !== undefined) {
          if (!seen["g" + group]) {  // 'murid' and 'siswa' in one query are one concept
            // A one-word form that is one of the words the query typed ('ekspektasi' of
            // 'ekspektasi khusus pimpinan') finds the concept for a reader who types only that
            // word; for this query it is only part of what was asked (weighed in search()).
            var alternatives = data.groups[group].map(function (p) {
              var words = p.split(" "), part = n > 1 && words.length === 1 && typed.indexOf(p) >= 0;
              return {terms: words, factor: 1, typed: part ? typed : null};
            });
            alternatives.group = group;
            out.push(alternatives);
          }
          seen["g" + group] = true;
          i += n;
          matched = true;
        }
      }
      if (!matched) {
        var t = terms[i++], alternatives = [{terms: [t], factor: 1}];
        if (seen[t]) continue;
        seen[t] = true;
        if (!data.known[t] && t.length >= 4) {
          // Typos: words one edit away count more than words two edits away (long words only).
          var limit = t.length >= 7 ? 2 : 1, slips = [];
          data.vocabulary.forEach(function (v) {
            if (v !== t && v.length > t.length && v.indexOf(t) === 0) {
              alternatives.push({terms: [v], factor: 0.6});
            } else {
              var d = distance(t, v, limit);
              if (d <= limit) alternatives.push({terms: [v], factor: d === 1 ? 0.8 : 0.4});
              if (d === 1 && v.length > 5 && Object.prototype.hasOwnProperty.call(data.forms, v)) slips.push(v);
            }
          });
          // A slip of a long glossary word ('obsevasi') brings that word's other names with it, when
          // it is the only such word one edit away: a short word or an abbreviation is too often
          // one letter from an everyday word ('malas' from 'walas', 'from' from 'form'). The
          // concept stays open, so the same term typed right later in the query is a unit too.
          var slip = slips.length === 1 && t.length >= 6 ? data.forms[slips[0]] : undefined;
          if (slip !== undefined && !seen["g" + slip] && !slipped[slip]) {
            slipped[slip] = true;
            alternatives.group = slip;
            data.groups[slip].forEach(function (form) {
              if (form !== slips[0]) alternatives.push({terms: form.split(" "), factor: 0.8});
            });
          }
        }
        out.push(alternatives);
      }
    }
    return out;
  }

  // Load the postings of every term a query may use (its words, their glossary forms, typo
  // candidates), then rank.
  function searchAsync(query, kind, role, data) {
    var needed = {};
    units(query, data).forEach(function (alternatives) {
      alternatives.forEach(function (alt) {
        alt.terms.forEach(function (t) {
          var key = /^[a-z0-9]/.test(t) ? t[0] : "_";
          if (data.known[t] && data.shards.indexOf(key) >= 0) needed[key] = true;
        });
      });
    });
    return Promise.all(Object.keys(needed).map(function (key) {
      return load("cari/istilah-" + key + ".js", "HandbookTerms_" + key).then(function (terms) {
        Object.keys(terms).forEach(function (t) { data.terms[t] = terms[t]; });
      });
    })).then(function () { return search(query, kind, role, data); });
  }

  // Per page and place (-1: the title, n: place n, a section or a passage of a long one), the
  // best weight of each unit of the query, how much of it is there (part: the share of a
  // phrase's words, less for a typo), and whether it stands in the heading. Postings are
  // [page, place, weight, ...] with -1 for the title and -2 - n for a word in the heading of place n.
  function gather(us, data) {
    var pages = {};
    us.forEach(function (alternatives, u) {
      alternatives.forEach(function (alt) {
        var n = alt.terms.length, perDoc = {};
        alt.terms.forEach(function (t, i) {
          var postings = data.terms[t] || [];
          for (var k = 0; k < postings.length; k += 3) {
            var d = postings[k], place = postings[k + 1] < -1 ? -2 - postings[k + 1] : postings[k + 1];
            var hit = perDoc[d] = perDoc[d] || {};
            var at = hit[place] = hit[place] || {score: 0, found: {}, head: false};
            at.score += postings[k + 2];
            at.found[i] = true;
            if (postings[k + 1] < -1) at.head = true;
          }
        });
        Object.keys(perDoc).forEach(function (d) {
          var page = pages[d] = pages[d] || {};
          var title = perDoc[d][-1] || {found: {}};
          Object.keys(perDoc[d]).forEach(function (place) {
            var at = perDoc[d][place], found = 0;
            // A phrase alternative (a glossary form of several words) is one concept: its
            // words' mean weight, as far as they stand in this section or the title.
            for (var i = 0; i < n; i++) if (at.found[i] || title.found[i]) found++;
            var part = (found < n ? PARTIAL * found / n : 1) * alt.factor, score = at.score / n * part * part;
            var units = page[place] = page[place] || {};
            if (!units[u] || score > units[u].score) units[u] = {score: score, part: part, mass: at.score * part, head: at.head};
          });
        });
      });
    });
    return pages;
  }

  // Inverse document frequency: how well matching f of n pages tells pages apart.
  function idf(f, n) {
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  }

  // How rare a term is: the idf of the pages it stands in.
  function rarity(t, data) {
    var postings = data.terms[t] || [], docs = {};
    for (var k = 0; k < postings.length; k += 3) docs[postings[k]] = true;
    return idf(Object.keys(docs).length, data.docs.length);
  }

  function search(query, kind, role, data) {
    var us = units(query, data);
    var rarities = function (ts) { return ts.reduce(function (a, t) { return a + rarity(t, data); }, 0); };
    us.forEach(function (alternatives) {  // a part of the typed phrase weighs its share of its rarity
      alternatives.forEach(function (alt) {
        if (alt.typed) alt.factor = rarities(alt.terms) / (rarities(alt.typed) || 1);
      });
    });
    var pages = gather(us, data);
    // The concepts of the query that some page matches, in any of its forms ('murid' with 'siswa'
    // and 'peserta didik'), and on how many pages. Each counts the same in a place's coverage, in
    // how far a heading names the query and in a glossary term's lift; concepts that match no page
    // do not count. Rarity counts in the BM25 weights of the places: weighing concepts by it as
    // well let an incidental rare word decide ('lewat' in "pengembangan diri lewat refleksi").
    // Only how far a title names the query weighs each concept by its rarity: a title that names
    // what nearly every page is about ('pengelolaan kinerja') names little of "pppk ikut
    // pengelolaan kinerja".
    var spread = us.map(function () { return 0; });
    Object.keys(pages).forEach(function (d) {
      var here = {};
      Object.keys(pages[d]).forEach(function (place) {
        Object.keys(pages[d][place]).forEach(function (u) { here[u] = true; });
      });
      Object.keys(here).forEach(function (u) { spread[u]++; });
    });
    var weights = spread.map(function (f) { return f ? 1 : 0; });
    var total = weights.reduce(function (a, b) { return a + b; }, 0) || 1;
    var naming = spread.map(function (f) { return f ? Math.pow(idf(f, data.docs.length), NAME_RARITY) : 0; });
    var namingTotal = naming.reduce(function (a, b) { return a + b; }, 0) || 1;
    var prior = {};
    var said = words(query, data);
    said.forEach(function (t, i) {  // question words, alone, in pairs ("apa itu") or by root ("dicetak")
      [t, t + " " + said[i + 1], term(t, data)].forEach(function (key) {
        var question = data.questions[key];
        if (question) data.priors[question].forEach(function (d) { prior[d] = true; });
      });
    });
    // The page a named glossary term is explained on (its 'selengkapnya') leans ahead, by the
    // term's share of the query: 'angka kredit' leads to the predikat page, not only to its entry.
    // A worksheet's code is such a group too, whose page is the worksheet ('lk 1' for LK-1).
    var home = {};
    us.forEach(function (alternatives, u) {
      var page = alternatives.group === undefined || !data.homes ? -1 : data.homes[alternatives.group];
      if (page >= 0) home[page] = (home[page] || 0) + weights[u] / total;
    });
    var asks = {};  // the kinds of question the query asks (generator/search.py, ASKS)
    said.forEach(function (t) { if (data.asks[t]) asks[data.asks[t]] = true; });
    if (said.length > 1 && data.asksLast[said[said.length - 1]]) asks[data.asksLast[said[said.length - 1]]] = true;
    var wantsExample = analyze(query, data).some(function (t) { return data.example.indexOf(t) >= 0; });
    var results = Object.keys(pages).map(function (d) {
      var doc = data.docs[d], page = pages[d], title = page[-1] || {}, best = null, bySection = {}, answer = null;
      var asking = {};  // its sections whose heading asks what the query asks
      Object.keys(asks).forEach(function (k) { (doc[9][k] || []).forEach(function (n) { asking[n] = true; }); });
      // How far the title names the query (an item's own page for its name): the share of the
      // title's weight the query names times the square root of the share of the query's weight
      // in the title, so a common word like 'cara' in a title names little.
      var inTitle = 0, titleMass = 0;
      us.forEach(function (_, u) {
        if (!title[u]) return;
        titleMass += title[u].mass;
        inTitle += naming[u] * title[u].part;
      });
      var titleName = Math.min(1, titleMass / (doc[4] || 1)) * Math.pow(inTitle / namingTotal, QUERY_SHARE);
      // Each place (a section, or a passage of a long one) with the title's words, and the title
      // alone: the place that answers best ranks the page.
      Object.keys(page).forEach(function (place) {
        var here = place === "-1" ? {} : page[place], sum = 0, covered = 0, headed = 0;
        us.forEach(function (_, u) {
          var t = title[u] ? title[u].score : 0, s = here[u] ? here[u].score : 0;
          if (!t && !s) return;
          sum += t + s;
          covered += weights[u] * Math.max(title[u] ? title[u].part : 0, here[u] ? here[u].part : 0);
          if (here[u] && here[u].head) headed += weights[u] * here[u].part;
        });
        var section = place === "-1" ? -1 : doc[5][place];
        // A heading that names the query (an FAQ question, a glossary entry) counts as a title.
        // A heading many pages share ("Tujuan") is a template's, and names nothing (generator/search.py).
        var headingName = section < 0 || doc[8].indexOf(section) >= 0 ? 0 :
          Math.pow(headed / total, QUERY_SHARE) * Math.min(1, 100 * headed / (doc[6][section] || 1));
        var name = Math.max(titleName, headingName), coverage = covered / total;
        var score = sum * Math.pow(coverage, COVERAGE) * (1 + NAME * Math.pow(name, NAME_POWER));
        if (!wantsExample && doc[7].indexOf(+place) >= 0) score *= STORY;  // see generator/search.py
        if (asking[section]) score *= ASKED;
        bySection[section] = Math.max(bySection[section] || 0, score);
        if (!best || score > best.score)
          best = {score: score, coverage: coverage, heading: headingName, section: section, title: place === "-1"};
        if (section >= 0 && (!answer || score > answer.score)) answer = {score: score, section: section};
      });
      // The other sections that answer add a little: a page about the topic throughout.
      var score = best.score;
      Object.keys(bySection).forEach(function (section) {
        if (+section !== best.section) score += BREADTH * bySection[section];
      });
      if (prior[d]) score *= PRIOR;
      // The glossary lists every alias and the home page sums up every part, so they match broadly;
      // they should not crowd out answers, unless one of their headings is named by the whole query
      // or (the glossary) the query asks what a word means.
      else if (data.hubs.indexOf(+d) >= 0 && best.heading < HUB_NAMED) score *= HUB;
      var plain = score;  // before the lift below: how strong a match it is (see strong)
      if (home[d]) score *= 1 + HOME * home[d];
      // The reader questions about the whole page (a place of no section) rank the page, but the link
      // and excerpt go to the section that answers best; a title the query names leads to the top.
      return {doc: +d, score: score, plain: plain, coverage: best.coverage,
              section: best.section >= 0 || best.title || !answer ? best.section : answer.section};
    }).filter(function (r) {
      var doc = data.docs[r.doc];
      return (!kind || doc[2] === kind) && (!role || doc[3].indexOf(role) >= 0);
    });
    results.sort(function (a, b) { return b.score - a.score; });
    // Strong matches cover most of what the best page covers and score near it; the rest
    // mention a word or two and are folded under "Hasil lain". A glossary entry the query names
    // stays strong beside the page its term lifted ahead of it: nearness counts without the lift.
    // They are the leading run of the ranking that passes (the page lists them first).
    var top = results[0], plainTop = Math.max.apply(null, results.map(function (r) { return r.plain; }));
    var strong = 0;
    while (strong < results.length && results[strong].coverage >= 0.75 * top.coverage &&
           (results[strong].score >= STRONG * top.score || results[strong].plain >= STRONG * plainTop)) strong++;
    return {results: results, units: us, strong: strong};
  }

  // Every term a query may match, with the concept (unit) it stands for: 'rencana' and
  // 'kinerja' of 'rencana kinerja' are one concept of the query, not two.
  function matchedTerms(us) {
    var set = {};
    us.forEach(function (alternatives, u) {
      alternatives.forEach(function (alt) { alt.terms.forEach(function (t) { set[t] = set[t] || "u" + u; }); });
    });
    return set;
  }

  // A short excerpt of the section the ranking chose (the first when only the title matched),
  // where most of the query's words stand together, words marked.
  function excerpt(sections, section, wanted, data) {
    var best = sections[section >= 0 && section < sections.length ? section : 0];
    if (!best) return {anchor: "", parts: []};
    var text = best[2] || best[1], pieces = text.split(/(\s+)/);
    var terms = pieces.map(function (piece) {  // the query's term each piece is, if any
      var token = window.HandbookStemmer.tokens(piece)[0], t = token && term(token, data);
      return t && wanted[t] ? t : null;
    });
    var found = terms.map(function (t) { return t && wanted[t]; });  // ... and the concept it stands for
    // An item of a list or a cell of a table with an id (generator/search.py, inner) that holds more
    // of the query's concepts than any other, two at least (or the one it asks) besides those of the
    // heading, is where the link goes and the excerpt comes from: the task of twenty-four, not the
    // list's heading (but "daftar tugas tambahan" names the heading); of equals, the one with more
    // of its words. Pieces
    // are words and the spaces between them: word n is piece 2n.
    var named = {};
    window.HandbookStemmer.tokens(best[1] || "").forEach(function (token) {
      var t = term(token, data);
      if (wanted[t]) named[t] = named[wanted[t]] = true;
    });
    var distinct = function (from, to, except, of) {  // how many of the concepts (or terms) in pieces from..to
      var seen = {}, count = 0;
      Object.keys(except || {}).forEach(function (t) { seen[t] = true; });
      (of || found).slice(from, to).forEach(function (u) { if (u && !seen[u]) { seen[u] = true; count++; } });
      return count;
    };
    var asked = {};  // the query's concepts that some page has ('wakasek' is one: its item is enough)
    Object.keys(wanted).forEach(function (t) { if (data.known[t] && !named[wanted[t]]) asked[wanted[t]] = true; });
    var needed = Math.max(1, Math.min(2, Object.keys(asked).length));
    var anchor = best[0], low = 0, high = pieces.length, top = 0, tie = false;
    (best[3] || []).forEach(function (at) {
      var from = 2 * at[1], to = 2 * at[2], concepts = distinct(from, to, named);
      var count = concepts < needed ? 0 : 100 * concepts + distinct(from, to, named, terms);
      if (count && count > top) { top = count; tie = false; anchor = at[0]; low = from; high = to; }
      else if (count && count === top) tie = true;
    });
    if (tie) { anchor = best[0]; low = 0; high = pieces.length; }
    // The window where most of the query's words stand together ("ribut" in a line of everyday
    // words, not the first "kelas" of the definition above it); the earliest of equals.
    var start = low, most = 0;
    found.forEach(function (t, i) {
      if (!t || i < low || i >= high) return;
      var from = Math.max(low, i - 16), count = distinct(from, Math.min(high, from + 50));
      if (count > most) { most = count; start = from; }
    });
    var end = Math.min(pieces.length, start + 50), parts = [];
    pieces.slice(start, end).forEach(function (piece, k) {
      var word = piece.match(/^([^0-9A-Za-z\u00C0-\u024F]*)(.*?)([^0-9A-Za-z\u00C0-\u024F]*)$/);
      if (found[start + k] && word[2]) {  // mark the word, not its punctuation
        parts.push({text: word[1], mark: false}, {text: word[2], mark: true}, {text: word[3], mark: false});
      } else {
        parts.push({text: piece, mark: false});
      }
    });
    if (start > 0) parts.unshift({text: "… ", mark: false});
    if (end < pieces.length) parts.push({text: " …", mark: false});
    return {anchor: anchor, parts: parts};
  }

  // The anchor and excerpt of a result's best section, from its excerpt file.
  function section(r, wanted, data) {
    var chunk = Math.floor(r.doc / data.chunk);
    return load("cari/teks-" + chunk + ".js", "HandbookText" + chunk).then(function (sections) {
      return excerpt(sections[r.doc % data.chunk], r.section, wanted, data);
    });
  }

  function item(r, data) {
    var doc = data.docs[r.doc], node = document.createElement("li"), link = document.createElement("a");
    link.href = root + doc[0];
    link.textContent = doc[1];
    link.className = "cari-judul";
    var kind = document.createElement("span");
    kind.className = "cari-jenis";
    kind.textContent = data.kinds[doc[2]];
    node.appendChild(link);
    node.appendChild(kind);
    return node;
  }

  function show(query, found, data) {
    list.textContent = "";
    others.textContent = "";
    others.hidden = true;
    if (!query.trim()) { status.textContent = ""; return Promise.resolve(); }
    if (!found.results.length) {
      status.textContent = "Tidak ada hasil untuk \u201c" + query + "\u201d. Coba kata lain, atau lihat ";
      var link = document.createElement("a");
      link.href = root + "glosarium.html";
      link.textContent = "Glosarium";
      status.appendChild(link);
      status.appendChild(document.createTextNode(" untuk istilah dan singkatan."));
      return Promise.resolve();
    }
    var strong = found.results.slice(0, Math.min(found.strong, 10));
    var weak = found.results.slice(strong.length, strong.length + 10);
    status.textContent = (strong.length === 1 ? "1 halaman" : strong.length + " halaman") +
      " paling cocok dengan \u201c" + query + "\u201d" +
      (weak.length ? "; halaman lain yang menyebut sebagian katanya ada di bawah \u201cHasil lain\u201d." : ".");
    var wanted = matchedTerms(found.units);
    var done = strong.map(function (r) {
      var node = item(r, data), link = node.firstChild, text = document.createElement("p");
      text.className = "cari-cuplikan";
      node.appendChild(text);
      list.appendChild(node);
      return section(r, wanted, data).then(function (cut) {
        if (cut.anchor) link.href = root + data.docs[r.doc][0] + "#" + cut.anchor;
        cut.parts.forEach(function (part) {
          var mark = part.mark ? document.createElement("mark") : document.createTextNode(part.text);
          if (part.mark) mark.textContent = part.text;
          text.appendChild(mark);
        });
      }).catch(function () { /* the excerpt is optional */ });
    });
    if (weak.length) {
      var summary = document.createElement("summary"), more = document.createElement("ol");
      summary.textContent = "Hasil lain (" + weak.length + ")";
      weak.forEach(function (r) { more.appendChild(item(r, data)); });
      others.appendChild(summary);
      others.appendChild(more);
      others.hidden = false;
    }
    return Promise.all(done);
  }

  var runs = 0;
  function run() {
    var query = input.value, current = ++runs;
    ready().then(function (data) {
      return searchAsync(query, kindSelect.value, roleSelect.value, data).then(function (found) {
        if (current !== runs) return;  // an older, slower search is dropped
        // Marks for tests and benchmarks: the list is shown (data-q), then its excerpts and
        // section links are in place (data-done).
        var shown = show(query, found, data);
        list.setAttribute("data-q", query);
        return shown.then(function () { list.setAttribute("data-done", query); });
      });
    }).then(function () {
      var params = new URLSearchParams();
      if (query) params.set("q", query);
      if (kindSelect.value) params.set("jenis", kindSelect.value);
      if (roleSelect.value) params.set("peran", roleSelect.value);
      history.replaceState(null, "", "?" + params.toString());
    }).catch(function () {
      status.textContent = "Indeks pencarian tidak dapat dimuat. Muat ulang halaman ini.";
    });
  }

  // Every keystroke searches at once (ranking takes a few milliseconds; a slower, older search
  // is dropped), so the word shards a query needs start loading with its first letter.
  input.addEventListener("input", run);
  kindSelect.addEventListener("change", run);
  roleSelect.addEventListener("change", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("focus", function () { ready().catch(function () {}); }, {once: true});

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  kindSelect.value = params.get("jenis") || "";
  roleSelect.value = params.get("peran") || "";
  document.getElementById("cari-js").hidden = false;
  if (input.value) run(); else input.focus();

  // For tests and benchmarks: every matching page in rank order, or (query) the first ten with
  // the anchor of the section each links to and the number of strong matches.
  window.HandbookSearch = {ready: ready, search: function (q, kind, role) {
    return ready().then(function (data) {
      return searchAsync(q, kind || "", role || "", data).then(function (found) {
        return found.results.map(function (r) { return data.docs[r.doc][0]; });
      });
    });
  }, query: function (q) {
    return ready().then(function (data) {
      return searchAsync(q, "", "", data).then(function (found) {
        var wanted = matchedTerms(found.units), top = found.results.slice(0, 10);
        return Promise.all(top.map(function (r) {
          return section(r, wanted, data).then(function (cut) {
            return data.docs[r.doc][0] + (cut.anchor ? "#" + cut.anchor : "");
          });
        })).then(function (urls) { return {urls: urls, strong: found.strong}; });
      });
    });
  }};
})();
