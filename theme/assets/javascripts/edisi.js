/* Shared pages speak to the reader's edition (generator/edition_site.py).
 *
 * An edition's own pages carry <div data-edisi-id="ID">; visiting one remembers ID on the device.
 * On every page, the remembered edition's data file (edisi/ID/data.js, a script, so it also loads
 * from file://) fills the placeholders the shared pages carry: the ★ of its priorities, its
 * deadlines, its name on worksheets and in the header. Without JavaScript, or for a reader who
 * came in through no edition, the placeholders stay hidden and the pages stay generic.
 * Text reaches the page through text nodes only, never as HTML. Plain ES5, no network. */
(function () {
  "use strict";

  var KEY = "panduan-edisi";
  var FORCED = null;  /* an edition's offline package sets its own id here */
  var script = document.currentScript;
  var ROOT = script ? script.src.replace(/assets\/javascripts\/edisi\.js(\?.*)?$/, "") : "";
  var VALID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var waiting = [], data = null, settled = false, wanted = null;

  function read() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function store(id) {
    try { if (id) window.localStorage.setItem(KEY, id); else window.localStorage.removeItem(KEY); }
    catch (e) { /* storage refused (private mode, some file:// setups): this page still works */ }
  }
  function settle(value) {
    if (settled) return;
    settled = true;
    data = value;
    if (value) apply(value);
    waiting.splice(0).forEach(function (callback) { callback(value); });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }
  function box(kind, title, body) {
    var node = el("div", {"class": "admonition " + kind});
    node.appendChild(el("p", {"class": "admonition-title"}, title));
    if (typeof body === "string") node.appendChild(el("p", {}, body));
    else if (body) node.appendChild(body);
    return node;
  }
  function each(selector, callback) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), callback);
  }

  function apply(d) {
    var byId = {};
    d.prioritas.forEach(function (item) { byId[item.id] = item; });
    document.documentElement.setAttribute("data-edisi", d.id);
    if (d.warna) {
      document.body.setAttribute("data-md-color-primary", d.warna);
      document.body.setAttribute("data-md-color-accent", d.warna);
    }
    var topic = document.querySelector(".md-header__topic .md-ellipsis");
    /* The edition's name first: a phone's header shows only the start of it. */
    if (topic && topic.textContent.indexOf(d.nama) < 0) topic.textContent = d.nama + " – " + topic.textContent.trim();
    var logo = document.querySelector("a.md-logo");
    if (logo) {
      logo.setAttribute("href", ROOT + d.beranda);
      if (d.logo) {
        logo.textContent = "";
        logo.appendChild(el("img", {src: ROOT + d.logo, alt: ""}));
      }
    }
    var article = document.querySelector("article");
    if (article && !document.querySelector("[data-edisi-id]")) {
      var ribbon = el("p", {"class": "edisi-pita"}), where = el("span");
      where.appendChild(document.createTextNode("Anda membaca edisi "));
      where.appendChild(el("a", {href: ROOT + d.beranda}, d.nama));
      where.appendChild(document.createTextNode("."));
      ribbon.appendChild(where);
      var leave = el("button", {type: "button", "class": "edisi-pita__keluar"}, "Tampilkan edisi umum");
      leave.addEventListener("click", function () { store(null); window.location.reload(); });
      ribbon.appendChild(leave);
      article.insertBefore(ribbon, article.firstChild);
    }
    /* The ★ beside each priority indicator, and the boxes on its own page and its component's. */
    each("[data-prioritas]", function (node) {
      if (!byId[node.getAttribute("data-prioritas")]) return;
      if (node.getAttribute("data-edisi") === "prioritas-butir") {
        node.appendChild(box("tip", "★ " + d.prioritas_label, d.prioritas_teks));
      } else {
        node.textContent = "★ " + d.prioritas_label;
      }
      node.hidden = false;
    });
    each("[data-edisi='prioritas-ringkas']", function (node) {
      if (!d.prioritas.length) return;
      var list = el("ul");
      d.prioritas.forEach(function (item) {
        var entry = el("li");
        entry.appendChild(el("a", {href: ROOT + item.url}, item.nama));
        list.appendChild(entry);
      });
      node.appendChild(box("tip", "★ " + d.prioritas_label, list));
      node.hidden = false;
    });
    each("[data-tenggat]", function (node) {
      d.tenggat.forEach(function (deadline) {
        if (deadline.tahap !== node.getAttribute("data-tenggat")) return;
        node.appendChild(box("warning", "Tenggat " + d.nama, deadline.teks));
        node.hidden = false;
      });
    });
    /* Worksheets: the school's name on its name line, the edition's name in the sheet's head. */
    each("[data-edisi-isi]", function (node) {
      var what = node.getAttribute("data-edisi-isi");
      if (what === "sekolah" && d.jenis === "sekolah") node.textContent = d.nama;
      if (what === "wilayah" && d.jenis !== "sekolah") node.textContent = d.nama;
      if (what === "nama") node.textContent = " · " + d.nama;
      node.hidden = false;
    });
    searchOwnPages(d);
  }

  /* On the search page: the edition's own pages (not in the shared index) that match the query,
   * listed above the shared results. */
  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/)
      .filter(function (w) { return w.length > 2; });
  }
  function searchOwnPages(d) {
    var input = document.getElementById("cari-q"), results = document.getElementById("cari-hasil");
    if (!input || !results || !d.halaman.length) return;
    var box = el("div", {"class": "cari-edisi", id: "cari-edisi"});
    results.parentNode.insertBefore(box, results);
    var pages = d.halaman.map(function (p) { return {page: p, words: words(p.judul + " " + p.ringkasan + " " + p.teks)}; });
    function update() {
      var query = words(input.value);
      box.textContent = "";
      var hits = pages.filter(function (p) {
        return query.length && query.every(function (w) {
          return p.words.some(function (t) { return t.indexOf(w.slice(0, 5)) === 0; });
        });
      });
      if (!hits.length) return;
      box.appendChild(el("p", {"class": "cari-edisi__judul"}, "Halaman " + d.nama));
      var list = el("ul");
      hits.forEach(function (hit) {
        var entry = el("li");
        entry.appendChild(el("a", {href: ROOT + hit.page.url}, hit.page.judul));
        if (hit.page.ringkasan) entry.appendChild(el("span", {"class": "cari-edisi__ringkasan"}, " – " + hit.page.ringkasan));
        list.appendChild(entry);
      });
      box.appendChild(list);
    }
    input.addEventListener("input", update);
    update();
  }

  window.handbookEdisi = {
    /* callback(data or null) once the edition is known; data has the fields of edition_data(). */
    siap: function (callback) { if (settled) callback(data); else waiting.push(callback); },
    terima: function (value) { if (value && value.id === wanted) settle(value); },
    root: ROOT
  };

  var own = document.querySelector("[data-edisi-id]");
  wanted = FORCED || (own && own.getAttribute("data-edisi-id")) || read();
  if (!wanted || !VALID.test(wanted)) { settle(null); return; }
  if (own || FORCED) store(wanted);
  var tag = document.createElement("script");
  tag.src = ROOT + "edisi/" + wanted + "/data.js";
  tag.onerror = function () { store(null); settle(null); };  /* the edition is no longer published */
  document.head.appendChild(tag);
})();
