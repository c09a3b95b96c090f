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
  var loading = {};
  var index = null;

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
    return load("assets/javascripts/cari-stemmer.js", "HandbookStemmer")
      .then(function () { return load("cari/indeks.js", "HandbookIndex"); })
      .then(function (data) { index = prepare(data); return index; });
  }

  function prepare(data) {
    data.stopSet = {};
    data.stop.forEach(function (w) { data.stopSet[w] = true; });
    data.known = {};
    data.vocabulary.forEach(function (t) { data.known[t] = true; });
    data.terms = {};  // filled shard by shard as queries need them
    data.titleTerms = data.docs.map(function (d) { return analyze(d[1], data); });
    return data;
  }

  function term(token, data) {
    token = data.informal[token] || token;
    return data.roots[token] || window.HandbookStemmer.stem(token);
  }

  function analyze(text, data) {
    return window.HandbookStemmer.tokens(text).map(function (t) { return term(t, data); })
      .filter(function (t) { return !data.stopSet[t]; });
  }

  // Edit distance with an early exit once it exceeds `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (i = 1; i <= a.length; i++) {
      var current = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1,
                              previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          current[j] = Math.min(current[j], previous[j - 2] + 1);  // swapped letters
        best = Math.min(best, current[j]);
      }
      if (best > limit) return limit + 1;
      previous = current;
    }
    return previous[b.length];
  }

  // A query becomes units; each unit is a list of alternative phrases (arrays of terms) with a weight.
  function units(query, data) {
    var terms = analyze(query, data), out = [], i = 0;
    while (i < terms.length) {
      var matched = false;
      for (var n = Math.min(4, terms.length - i); n >= 1 && !matched; n--) {
        var phrase = terms.slice(i, i + n).join(" ");
        if (Object.prototype.hasOwnProperty.call(data.forms, phrase)) {
          out.push(data.groups[data.forms[phrase]].map(function (p) { return {terms: p.split(" "), factor: 1}; }));
          i += n;
          matched = true;
        }
      }
      if (!matched) {
        var t = terms[i++], alternatives = [{terms: [t], factor: 1}];
        if (!data.known[t] && t.length >= 4) {
          // Typos: words one edit away count more than words two edits away (long words only).
          var limit = t.length >= 7 ? 2 : 1;
          data.vocabulary.forEach(function (v) {
            if (v !== t && v.length > t.length && v.indexOf(t) === 0) {
              alternatives.push({terms: [v], factor: 0.6});
            } else {
              var d = distance(t, v, limit);
              if (d <= limit) alternatives.push({terms: [v], factor: d === 1 ? 0.8 : 0.4});
            }
          });
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

  function search(query, kind, role, data) {
    var us = units(query, data), scores = {}, hits = {};
    us.forEach(function (alternatives, u) {
      var best = {};
      alternatives.forEach(function (alt) {
        var perDoc = {};
        alt.terms.forEach(function (t) {
          var postings = data.terms[t] || [];
          for (var k = 0; k < postings.length; k += 2) {
            var d = postings[k];
            perDoc[d] = perDoc[d] || {score: 0, found: 0};
            perDoc[d].score += postings[k + 1];
            perDoc[d].found += 1;
          }
        });
        Object.keys(perDoc).forEach(function (d) {
          var s = perDoc[d].score * alt.factor * perDoc[d].found / alt.terms.length;
          if (!best[d] || s > best[d]) best[d] = s;
        });
      });
      Object.keys(best).forEach(function (d) {
        scores[d] = (scores[d] || 0) + best[d];
        hits[d] = (hits[d] || 0) + 1;
      });
    });
    var queryTerms = analyze(query, data);
    var results = Object.keys(scores).map(function (d) {
      var doc = data.docs[d], title = data.titleTerms[d];
      var coverage = hits[d] / us.length;
      var score = scores[d] * coverage * coverage;
      // A page whose title is (nearly) the query, like an item's own page, comes first: the
      // larger the share of the title the query covers, the larger the boost.
      var inTitle = queryTerms.filter(function (t) { return title.indexOf(t) >= 0; }).length;
      if (inTitle) score *= 1 + 3 * (inTitle / title.length) * (inTitle / queryTerms.length);
      // The glossary lists every alias, so it matches broadly; it should not crowd out answers.
      if (doc[0] === "glosarium.html") score *= 0.6;
      return {doc: +d, score: score};
    }).filter(function (r) {
      var doc = data.docs[r.doc];
      return (!kind || doc[2] === kind) && (!role || doc[3].indexOf(role) >= 0);
    });
    results.sort(function (a, b) { return b.score - a.score; });
    return {results: results, units: us};
  }

  function matchedTerms(us) {
    var set = {};
    us.forEach(function (alternatives) {
      alternatives.forEach(function (alt) { alt.terms.forEach(function (t) { set[t] = true; }); });
    });
    return set;
  }

  // The section with most matches, and a short excerpt around its first match, words marked.
  function excerpt(sections, wanted, data) {
    var best = null, bestCount = -1;
    sections.forEach(function (section) {
      var words = window.HandbookStemmer.tokens(section[1] + " " + section[2]);
      var count = words.filter(function (w) { return wanted[term(w, data)]; }).length;
      if (count > bestCount) { best = section; bestCount = count; }
    });
    if (!best) return {anchor: "", parts: []};
    var text = best[2] || best[1], pieces = text.split(/(\s+)/), first = -1;
    for (var i = 0; i < pieces.length; i++) {
      var token = window.HandbookStemmer.tokens(pieces[i])[0];
      if (token && wanted[term(token, data)]) { first = i; break; }
    }
    var start = Math.max(0, first - 16), end = Math.min(pieces.length, start + 50);
    var parts = [];
    pieces.slice(start, end).forEach(function (piece) {
      var token = window.HandbookStemmer.tokens(piece)[0];
      var word = piece.match(/^([^0-9A-Za-z\u00C0-\u024F]*)(.*?)([^0-9A-Za-z\u00C0-\u024F]*)$/);
      if (token && wanted[term(token, data)] && word[2]) {  // mark the word, not its punctuation
        parts.push({text: word[1], mark: false}, {text: word[2], mark: true}, {text: word[3], mark: false});
      } else {
        parts.push({text: piece, mark: false});
      }
    });
    if (start > 0) parts.unshift({text: "… ", mark: false});
    if (end < pieces.length) parts.push({text: " …", mark: false});
    return {anchor: best[0], parts: parts};
  }

  function show(query, found, data) {
    list.textContent = "";
    var results = found.results.slice(0, 10);
    if (!query.trim()) { status.textContent = ""; return; }
    if (!results.length) {
      status.textContent = "Tidak ada hasil untuk \u201c" + query + "\u201d. Coba kata lain, atau lihat ";
      var link = document.createElement("a");
      link.href = root + "glosarium.html";
      link.textContent = "Glosarium";
      status.appendChild(link);
      status.appendChild(document.createTextNode(" untuk istilah dan singkatan."));
      return;
    }
    status.textContent = found.results.length + " halaman cocok dengan \u201c" + query + "\u201d.";
    var wanted = matchedTerms(found.units);
    results.forEach(function (r) {
      var doc = data.docs[r.doc], item = document.createElement("li"), link = document.createElement("a");
      link.href = root + doc[0];
      link.textContent = doc[1];
      link.className = "cari-judul";
      var kind = document.createElement("span");
      kind.className = "cari-jenis";
      kind.textContent = data.kinds[doc[2]];
      var text = document.createElement("p");
      text.className = "cari-cuplikan";
      item.appendChild(link);
      item.appendChild(kind);
      item.appendChild(text);
      list.appendChild(item);
      var chunk = Math.floor(r.doc / data.chunk);
      load("cari/teks-" + chunk + ".js", "HandbookText" + chunk).then(function (sections) {
        var cut = excerpt(sections[r.doc % data.chunk], wanted, data);
        if (cut.anchor) link.href = root + doc[0] + "#" + cut.anchor;
        cut.parts.forEach(function (part) {
          var node = part.mark ? document.createElement("mark") : document.createTextNode(part.text);
          if (part.mark) node.textContent = part.text;
          text.appendChild(node);
        });
      }).catch(function () { /* the excerpt is optional */ });
    });
  }

  var runs = 0;
  function run() {
    var query = input.value, current = ++runs;
    ready().then(function (data) {
      return searchAsync(query, kindSelect.value, roleSelect.value, data).then(function (found) {
        if (current === runs) show(query, found, data);  // an older, slower search is dropped
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

  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
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

  window.HandbookSearch = {ready: ready, search: function (q, kind, role) {
    return ready().then(function (data) {
      return searchAsync(q, kind || "", role || "", data).then(function (found) {
        return found.results.map(function (r) { return data.docs[r.doc][0]; });
      });
    });
  }};
})();
