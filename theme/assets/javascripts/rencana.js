/* The plan builder ("Susun Rencana Kinerja", rencana.html). Plain ES2017, no build step, no
 * network: works offline and from file://. The catalogue comes from the page itself
 * (<script id="rencana-data">); the draft lives in localStorage and can be saved to or opened
 * from a .json file. Printing fills in the LK-1 worksheet layout (.ws classes from handbook.css).
 * All text from the catalogue or from the user reaches the page through text nodes, never HTML. */
(function () {
  "use strict";

  const app = document.getElementById("rencana-app");
  const source = document.getElementById("rencana-data");
  if (!app || !source) return;
  const CATALOG = JSON.parse(source.textContent);
  const EDITION = CATALOG.edisi;
  const FORMAT = 1;
  const STORAGE_KEY = "rencana-kinerja:" + EDITION.id;
  const PERIOD = "Januari – Desember 2026";
  const MAX_TEXT = 10000;        // characters per free-text field in an opened file
  const MAX_FILE = 1024 * 1024;  // a draft is a few kilobytes; refuse anything huge
  const UNCHANGED = "Draf Anda tidak diubah.";

  // ---- The catalogue, indexed by id ----

  const ALWAYS = CATALOG.tugas.filter((t) => !t.pilihan.length && !t.tugas_tambahan.length);  // tasks 1-3
  const OPTIONAL = CATALOG.tugas.filter((t) => t.pilihan.length);       // task 4 and its options
  const EXTRA = CATALOG.tugas.filter((t) => t.tugas_tambahan.length);   // task 5: additional duties
  const ITEMS = {pilihan: new Map(), tambahan: new Map(), praktik: new Map(), kompetensi: new Map(),
    perilaku: new Map(), ekspektasi: new Map()};
  const PARENT = new Map();  // ekspektasi id -> its behaviour indicator id
  const GROUP = new Map();   // indicator id -> its dimension, group or aspect
  CATALOG.tugas.forEach((t) => {
    t.pilihan.forEach((o) => ITEMS.pilihan.set(o.id, o));
    t.tugas_tambahan.forEach((o) => ITEMS.tambahan.set(o.id, o));
  });
  [["praktik", CATALOG.praktik], ["kompetensi", CATALOG.kompetensi], ["perilaku", CATALOG.perilaku]]
    .forEach(([kind, groups]) => groups.forEach((g) => g.indikator.forEach((i) => {
      ITEMS[kind].set(i.id, i);
      GROUP.set(i.id, g);
      (i.ekspektasi || []).forEach((e) => { ITEMS.ekspektasi.set(e.id, e); PARENT.set(e.id, i.id); });
    })));

  // The draft's shape: part -> field -> "text", "list:<kind>" (several ids) or "one:<kind>".
  // Form controls are named "<part>.<field>", so reading and filling the form follow this table.
  const SHAPE = {
    identitas: {nama: "text", nip: "text", satuan: "text"},
    tugas: {pilihan: "list:pilihan", tambahan: "list:tambahan"},
    praktik: {indikator: "one:praktik", target: "text"},
    kompetensi: {indikator: "list:kompetensi", kegiatan: "text"},
    perilaku: {indikator: "list:perilaku", ekspektasi: "list:ekspektasi", catatan: "text"},
  };

  // Builds {part: {field: fn(name, type, kind, part, field)}} over SHAPE.
  function mapFields(fn) {
    const out = {};
    Object.keys(SHAPE).forEach((part) => {
      out[part] = {};
      Object.keys(SHAPE[part]).forEach((field) => {
        const [type, kind] = SHAPE[part][field].split(":");
        out[part][field] = fn(`${part}.${field}`, type, kind, part, field);
      });
    });
    return out;
  }

  function emptyDraft() {
    const draft = mapFields((name, type) => (type === "list" ? [] : ""));
    if (EDITION.jenis === "sekolah") draft.identitas.satuan = EDITION.nama;
    return draft;
  }

  // ---- Checking a draft from a file or from storage: refuse anything unexpected ----

  class Refusal extends Error {}

  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

  function checkObject(object, expected, where) {
    if (!isObject(object)) throw new Refusal(`bagian “${where}” tidak ada`);
    const unknown = Object.keys(object).filter((k) => !(k in expected));
    if (unknown.length) {
      throw new Refusal(`bagian “${where}” berisi kunci tak dikenal (${unknown.join(", ")})`);
    }
  }

  function cleanField(value, type, kind, where) {
    if (type === "text") {
      if (typeof value !== "string") throw new Refusal(`“${where}” harus berupa teks`);
      if (value.length > MAX_TEXT) throw new Refusal(`teks “${where}” terlalu panjang`);
      return value;
    }
    const ids = type === "one" ? (value === "" ? [] : [value]) : value;
    if (!Array.isArray(ids)) throw new Refusal(`“${where}” harus berupa daftar pilihan`);
    ids.forEach((id) => {
      if (typeof id !== "string" || !ITEMS[kind].has(id)) {
        throw new Refusal(`pilihan “${String(id)}” pada “${where}” tidak dikenal dalam katalog ini`);
      }
    });
    if (new Set(ids).size !== ids.length) throw new Refusal(`“${where}” memuat pilihan ganda`);
    return type === "one" ? value : ids.slice();
  }

  function cleanDraft(saved) {
    if (!isObject(saved)) throw new Refusal("isinya bukan draf rencana kinerja");
    if (saved.versi !== FORMAT) {
      throw new Refusal(`versi berkas (${JSON.stringify(saved.versi) || "tidak ada"}) tidak dikenal; ` +
        `halaman ini membaca versi ${FORMAT}`);
    }
    if (typeof saved.edisi !== "string") throw new Refusal("keterangan edisi tidak ada");
    const data = saved.data;
    checkObject(data, SHAPE, "data");
    const draft = mapFields((name, type, kind, part, field) => {
      checkObject(data[part], SHAPE[part], `data.${part}`);
      if (!(field in data[part])) throw new Refusal(`bagian “data.${name}” tidak ada`);
      return cleanField(data[part][field], type, kind, `data.${name}`);
    });
    draft.perilaku.ekspektasi.forEach((id) => {
      if (!draft.perilaku.indikator.includes(PARENT.get(id))) {
        throw new Refusal(`ekspektasi “${id}” dipilih tanpa indikator perilakunya`);
      }
    });
    return draft;
  }

  const envelope = (data) => ({versi: FORMAT, edisi: EDITION.id, disimpan: new Date().toISOString(), data});

  // ---- Small DOM helpers (text nodes only) ----

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.keys(props || {}).forEach((key) => {
      const value = props[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    });
    return append(node, children);
  }

  function append(node, children) {
    children.forEach((child) => {
      if (Array.isArray(child)) append(node, child);
      else if (child !== null && child !== undefined && child !== false) {
        node.append(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  const setContent = (node, ...children) => { node.textContent = ""; append(node, children); };
  const controlId = (name, value) => "rk-" + name.replace(".", "-") + (value ? "-" + value : "");
  const number = (item) => (item.nomor.includes(".") ? item.nomor : item.nomor + ".");  // "1." but "4.1"
  const fieldset = (legend, ...children) => el("fieldset", {}, el("legend", {}, legend), children);

  // A checkbox or radio button with its label and, optionally, a description beside it.
  function option(type, name, item, o) {
    const id = controlId(name, item.id);
    const describedBy = o && o.description ? id + "-def" : null;
    return el("div", {class: "rencana-option" + (describedBy ? " rencana-option--def" : "")},
      el("input", {type, id, name, value: item.id, "aria-describedby": describedBy,
        checked: o && o.fixed, disabled: o && o.fixed}),
      el("label", {for: id}, o && o.number ? number(item) + " " : null, item.nama,
        o && o.badge ? el("span", {class: "rencana-badge"}, o.badge) : null),
      describedBy ? el("p", {class: "rencana-def", id: describedBy}, o.description) : null);
  }

  function textField(name, label, hint, multiline) {
    const id = controlId(name);
    return el("div", {class: "rencana-text"}, el("label", {for: id}, label),
      hint ? el("p", {class: "rencana-hint", id: id + "-hint"}, hint) : null,
      el(multiline ? "textarea" : "input", {id, name, rows: multiline ? 4 : null,
        type: multiline ? null : "text", "aria-describedby": hint ? id + "-hint" : null,
        inputmode: name === "identitas.nip" ? "numeric" : null,
        autocomplete: name === "identitas.nama" ? "name" : "off"}));
  }

  // ---- The steps: a title, a short help text in our own words, and the controls ----

  const recommendedFirst = (list) => list.filter((i) => i.direkomendasikan)
    .concat(list.filter((i) => !i.direkomendasikan));

  const STEPS = [
    {id: "identitas", title: "Identitas",
      help: "Data ini hanya dipakai untuk kepala lembar yang Anda cetak atau simpan. Semuanya tetap di " +
        "perangkat ini.",
      build: () => [textField("identitas.nama", "Nama"), textField("identitas.nip", "NIP/NUPTK"),
        textField("identitas.satuan", "Satuan pendidikan",
          EDITION.jenis === "sekolah" ? "Sudah terisi sesuai edisi panduan ini; ubah bila perlu." : null)]},
    {id: "tugas", title: "Tugas pokok",
      help: "Tugas 1 sampai 3 berlaku bagi setiap guru, jadi sudah tercentang. Centang pilihan tugas 4 " +
        "yang Anda jalankan dan tugas tambahan yang Anda emban tahun ini. Lewati yang tidak berlaku.",
      build: () => [
        fieldset("Tugas yang berlaku bagi setiap guru",
          ALWAYS.map((t) => option("checkbox", "tugas.tetap", t, {fixed: true, number: true})),
          el("p", {class: "rencana-hint"},
            "Ketiga tugas ini selalu masuk rencana; Anda tidak perlu memilihnya.")),
        OPTIONAL.map((t) => fieldset(`${number(t)} ${t.nama}`,
          t.pilihan.map((o) => option("checkbox", "tugas.pilihan", o, {number: true})))),
        EXTRA.map((t) => fieldset(`${number(t)} ${t.nama}`, t.tugas_tambahan.map((o) =>
          option("checkbox", "tugas.tambahan", o, {number: true, description: o.catatan}))))]},
    {id: "praktik", title: "Praktik kinerja",
      help: "Pilih satu indikator sebagai fokus tahun ini: praktik mengajar yang paling ingin Anda " +
        "tingkatkan bersama kepala sekolah. Baca definisinya, lalu tuliskan perubahan perilaku yang ingin " +
        "Anda lihat di kelas.",
      build: () => [
        CATALOG.praktik.map((d) => fieldset(d.nama, recommendedFirst(d.indikator).map((i) =>
          option("radio", "praktik.indikator", i, {description: i.definisi,
            badge: i.direkomendasikan ? "Direkomendasikan untuk sekolah Anda" : null})))),
        textField("praktik.target", "Target perilaku", "Perilaku apa yang ingin Anda tingkatkan? Tulis " +
          "sekonkret mungkin, misalnya apa yang akan dilihat pengamat di kelas Anda.", true)]},
    {id: "kompetensi", title: "Pengembangan kompetensi",
      help: "Pilih kompetensi yang ingin Anda kembangkan, sebaiknya yang mendukung fokus praktik kinerja " +
        "Anda. Boleh lebih dari satu.",
      build: () => [
        CATALOG.kompetensi.map((g) => fieldset(g.nama,
          g.indikator.map((i) => option("checkbox", "kompetensi.indikator", i)))),
        textField("kompetensi.kegiatan", "Kegiatan yang direncanakan",
          "Misalnya pelatihan, komunitas belajar, membaca, atau mentoring bersama rekan.", true)]},
    {id: "perilaku", title: "Perilaku kerja",
      help: "Untuk setiap aspek, centang indikator perilaku yang Anda pilih. Setelah dicentang, ekspektasi " +
        "khusus pimpinan untuk indikator itu muncul di bawahnya: centang yang ingin Anda usulkan kepada " +
        "kepala sekolah.",
      build: () => [
        CATALOG.perilaku.map((a) => fieldset(`${a.nomor}. ${a.nama}`, a.indikator.map((i) => [
          option("checkbox", "perilaku.indikator", i),
          el("fieldset", {class: "rencana-expect", id: controlId("ekspektasi", i.id), hidden: true},
            el("legend", {}, "Ekspektasi khusus pimpinan"),
            i.ekspektasi.map((e) => option("checkbox", "perilaku.ekspektasi", e)))]))),
        textField("perilaku.catatan", "Catatan untuk diskusi dengan kepala sekolah",
          "Pertanyaan, kendala, atau dukungan yang Anda perlukan.", true)]},
    {id: "ringkasan", title: "Ringkasan untuk kepala sekolah",
      help: "Periksa kembali pilihan Anda. Bawa ringkasan ini ke dialog kinerja dengan kepala sekolah, " +
        "atau cetak sebagai Lembar Perencanaan Kinerja (LK-1) yang sudah terisi.",
      build: () => [el("div", {id: "rk-ringkasan", class: "rencana-summary"})]},
  ];

  // ---- Building the page ----

  let draft = emptyDraft();
  let current = 0;

  const status = el("p", {class: "rencana-status", role: "status", "aria-live": "polite"});
  const savedNote = el("p", {class: "rencana-saved"});
  const fileInput = el("input", {type: "file", accept: ".json,application/json", hidden: true,
    onchange: openFile});
  const button = (text, onclick, primary) => el("button", {type: "button", onclick,
    class: primary ? "md-button md-button--primary" : "md-button"}, text);
  const stepButtons = STEPS.map((s, n) => el("button", {type: "button", class: "rencana-step-button",
    onclick: () => goTo(n, true)}, `${n + 1}. ${s.title}`));
  const sections = STEPS.map((s, n) => el("section", {class: "rencana-step", id: "rk-langkah-" + s.id,
    "aria-labelledby": "rk-judul-" + s.id, hidden: true},
    el("h2", {id: "rk-judul-" + s.id, tabindex: "-1"}, `Langkah ${n + 1} dari ${STEPS.length}: ${s.title}`),
    el("p", {class: "rencana-help"}, s.help), s.build()));
  const prev = button("Sebelumnya", () => goTo(current - 1, true));
  const next = button("Berikutnya", () => goTo(current + 1, true), true);
  const form = el("form", {class: "rencana-form ws-screen", novalidate: true, "aria-label": "Rencana kinerja",
    onsubmit: (e) => e.preventDefault(), oninput: edited, onchange: edited},
    sections, el("div", {class: "rencana-nav"}, prev, next));
  const printed = el("div", {class: "rencana-print"});

  app.append(
    el("div", {class: "rencana-toolbar ws-screen"},
      button("Simpan ke berkas", exportFile), button("Buka dari berkas", () => fileInput.click()),
      button("Cetak", printDraft), button("Hapus draf", clearDraft), fileInput),
    el("div", {class: "ws-screen"}, savedNote, status),
    el("nav", {class: "rencana-steps ws-screen", "aria-label": "Langkah penyusunan"},
      el("ol", {class: "rencana-list"}, stepButtons.map((b) => el("li", {}, b)))),
    form, printed);
  window.addEventListener("beforeprint", () => renderPrint());

  function goTo(n, focus) {
    current = Math.max(0, Math.min(STEPS.length - 1, n));
    sections.forEach((s, i) => { s.hidden = i !== current; });
    stepButtons.forEach((b, i) => {
      if (i === current) b.setAttribute("aria-current", "step"); else b.removeAttribute("aria-current");
    });
    prev.hidden = current === 0;
    next.hidden = current === STEPS.length - 1;
    if (focus) sections[current].querySelector("h2").focus();
  }

  // ---- Between the form and the draft ----

  const readForm = () => mapFields((name, type) => {
    if (type === "text") return form.elements.namedItem(name).value;
    const ids = Array.from(form.querySelectorAll(`input[name="${name}"]:checked`), (i) => i.value);
    return type === "one" ? (ids[0] || "") : ids;
  });

  function fillForm() {
    mapFields((name, type, kind, part, field) => {
      const value = draft[part][field];
      if (type === "text") form.elements.namedItem(name).value = value;
      else {
        const chosen = type === "one" ? [value] : value;
        const inputs = form.querySelectorAll(`input[name="${name}"]`);
        inputs.forEach((i) => { i.checked = chosen.includes(i.value); });
      }
    });
    showExpectations();
  }

  // Expectations appear under a chosen behaviour indicator; unchoosing it clears them.
  function showExpectations() {
    form.querySelectorAll('input[name="perilaku.indikator"]').forEach((input) => {
      const box = document.getElementById(controlId("ekspektasi", input.value));
      box.hidden = !input.checked;
      if (!input.checked) box.querySelectorAll("input").forEach((i) => { i.checked = false; });
    });
  }

  function edited() {
    showExpectations();
    draft = readForm();
    store();
    refresh();
  }

  function refresh() {
    renderSummary();
    renderPrint();
  }

  // ---- Storage in this browser ----

  const timeText = (date) => date.toLocaleString("id-ID", {day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit"});

  function store() {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(envelope(draft)));
      savedNote.textContent = `Draf tersimpan otomatis di peramban ini (${timeText(new Date())}).`;
    } catch (e) {
      savedNote.textContent = "Peramban ini tidak mengizinkan penyimpanan draf. Gunakan “Simpan ke " +
        "berkas” agar isian Anda tidak hilang.";
    }
  }

  function restore() {
    savedNote.textContent = "Draf akan tersimpan otomatis di peramban ini setiap kali Anda mengisi.";
    try {
      const text = localStorage.getItem(STORAGE_KEY);
      if (text === null) return;
      const saved = JSON.parse(text);
      draft = cleanDraft(saved);
      const when = new Date(saved.disimpan);
      savedNote.textContent = "Draf Anda dibuka kembali" +
        (isNaN(when) ? "." : ` (terakhir disimpan ${timeText(when)}).`);
    } catch (e) {
      savedNote.textContent = "Draf yang tersimpan di peramban ini tidak dapat dibuka. Anda dapat mulai " +
        "dari awal atau membuka draf dari berkas.";
    }
  }

  function announce(message, isError) {
    status.classList.toggle("rencana-status--error", Boolean(isError));
    status.textContent = "";  // cleared first, so that a repeated message is announced again
    window.setTimeout(() => { status.textContent = message; }, 50);
  }

  // ---- Files: save, open, clear, print ----

  function exportFile() {
    const blob = new Blob([JSON.stringify(envelope(draft), null, 2) + "\n"], {type: "application/json"});
    const url = URL.createObjectURL(blob);
    const day = new Date().toISOString().slice(0, 10);
    const link = el("a", {href: url, download: `rencana-kinerja-${EDITION.id}-${day}.json`, hidden: true});
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    announce("Draf disimpan ke berkas. Lihat folder unduhan perangkat Anda.");
  }

  function openFile() {
    const file = fileInput.files[0];
    fileInput.value = "";  // the same file can be chosen again
    if (!file) return;
    const refuse = (reason) =>
      announce(`Berkas “${file.name}” tidak dapat dibuka: ${reason}. ${UNCHANGED}`, true);
    if (file.size > MAX_FILE) return refuse("ukurannya terlalu besar untuk draf rencana");
    const reader = new FileReader();
    reader.onerror = () => refuse("berkas tidak dapat dibaca");
    reader.onload = () => {
      let opened;
      try {
        opened = cleanDraft(JSON.parse(String(reader.result)));
      } catch (e) {
        return refuse(e instanceof Refusal ? e.message : "isinya bukan JSON draf rencana kinerja");
      }
      const empty = JSON.stringify(draft) === JSON.stringify(emptyDraft());
      if (!empty && !window.confirm("Ganti draf yang sedang Anda susun dengan isi berkas ini?")) {
        return announce(`Berkas “${file.name}” tidak dibuka. ${UNCHANGED}`);
      }
      draft = opened;
      fillForm();
      store();
      refresh();
      announce(`Berkas “${file.name}” dibuka. Isinya sekarang menjadi draf Anda.`);
    };
    reader.readAsText(file);
  }

  function clearDraft() {
    if (!window.confirm("Hapus seluruh draf rencana kinerja dari perangkat ini? Isian yang belum " +
        "disimpan ke berkas akan hilang.")) return;
    try { localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing was stored */ }
    draft = emptyDraft();
    fillForm();
    refresh();
    savedNote.textContent = "Draf dihapus. Isian baru akan tersimpan otomatis lagi.";
    goTo(0, false);
    announce("Draf dihapus dari perangkat ini.");
  }

  function printDraft() {
    renderPrint();
    window.print();
  }

  // ---- Summary for the principal: what was chosen and why ----

  function renderSummary() {
    const d = draft;
    const list = (items, empty) => (items.length ? el("ul", {}, items) : el("p", {}, empty));
    const item = (text) => el("li", {}, text);
    const freeText = (label, text, missing) => el("p", {}, el("strong", {}, label + ": "),
      text.trim() ? el("span", {class: "rencana-written"}, text.trim()) : missing);
    const chosen = (kind, ids) => ids.map((id) => ITEMS[kind].get(id));
    const pk = ITEMS.praktik.get(d.praktik.indikator);
    const aspects = CATALOG.perilaku.map((a) => {
      const picked = a.indikator.filter((i) => d.perilaku.indikator.includes(i.id));
      return picked.length ? el("li", {}, el("strong", {}, a.nama), el("ul", {}, picked.map((i) =>
        el("li", {}, i.nama, list(i.ekspektasi.filter((e) => d.perilaku.ekspektasi.includes(e.id))
          .map((e) => item(e.nama)), "Belum ada ekspektasi khusus pimpinan yang dipilih."))))) : null;
    }).filter(Boolean);
    setContent(document.getElementById("rk-ringkasan"),
      el("h3", {}, "Identitas"),
      el("ul", {}, [["Nama", d.identitas.nama], ["NIP/NUPTK", d.identitas.nip],
        ["Satuan pendidikan", d.identitas.satuan]]
        .map(([label, value]) => item(`${label}: ${value.trim() || "belum diisi"}`))),
      el("h3", {}, "1. Tugas pokok"),
      el("ul", {}, ALWAYS.map((t) => item(`${number(t)} ${t.nama}`)),
        chosen("pilihan", d.tugas.pilihan).concat(chosen("tambahan", d.tugas.tambahan))
          .map((o) => item(`${number(o)} ${o.nama}`))),
      el("h3", {}, "2. Praktik kinerja"),
      pk ? el("p", {}, "Fokus tahun ini: ", el("strong", {}, pk.nama), ` (${GROUP.get(pk.id).nama}). `,
        pk.definisi) : el("p", {}, "Belum ada indikator fokus yang dipilih."),
      freeText("Target perilaku", d.praktik.target, "belum ditulis."),
      el("h3", {}, "3. Pengembangan kompetensi"),
      list(chosen("kompetensi", d.kompetensi.indikator)
        .map((i) => item(`${i.nama} (${GROUP.get(i.id).nama})`)),
        "Belum ada kompetensi yang dipilih."),
      freeText("Kegiatan yang direncanakan", d.kompetensi.kegiatan, "belum ditulis."),
      el("h3", {}, "4. Perilaku kerja"),
      list(aspects, "Belum ada indikator perilaku yang dipilih."),
      freeText("Catatan untuk diskusi dengan kepala sekolah", d.perilaku.catatan, "tidak ada."));
  }

  // ---- The filled-in LK-1 worksheet, shown only in print ----

  function renderPrint() {
    const d = draft;
    const check = (on, text, sub) => [el("li", {class: on ? "rencana-ticked" : null},
      el("span", {class: on ? "ws-box ws-box--checked" : "ws-box", "aria-hidden": "true"}),
      el("span", {class: "ws-text"}, text)), sub ? el("li", {class: "ws-sub"}, sub) : null];
    const checks = (items, extra) => el("ol", {class: "ws-checks" + (extra ? " " + extra : "")}, items);
    const block = (title, hint, ...children) => el("div", {class: "ws-block"},
      title ? el("h3", {class: "ws-h"}, title) : null, hint ? el("p", {class: "ws-hint"}, hint) : null,
      children);
    const field = (label, value) => el("div", {class: "ws-field"},
      el("span", {class: "ws-label"}, label), el("span", {class: "ws-fill"}, value));
    // One ruled line per paragraph of free text (a long one wraps above its rule), then blank lines.
    const lines = (label, text, count) => {
      const rows = text.split("\n").map((t) => t.trim()).filter(Boolean)
        .map((t) => el("div", {class: "ws-line ws-written"}, t));
      while (rows.length < count) rows.push(el("div", {class: "ws-line"}));
      return el("div", {class: "ws-question"}, el("p", {class: "ws-label"}, label), rows);
    };
    const grouped = (groups, ids) => groups.map((g) => [el("p", {class: "ws-group"}, g.nama),
      checks(g.indikator.map((i) => check(ids.includes(i.id), i.nama)))]);
    const numbered = (o, ids) => check(ids.includes(o.id), `${number(o)} ${o.nama}`);
    setContent(printed, el("div", {class: "ws"},
      el("div", {class: "ws-head"},
        el("p", {class: "ws-code"}, el("span", {}, "LK-1 · Pengelolaan Kinerja Guru 2026"),
          el("span", {class: "ws-ref"}, "Draf dari halaman Susun Rencana Kinerja")),
        el("h2", {class: "ws-title"}, "Lembar Perencanaan Kinerja")),
      el("div", {class: "ws-block ws-identity"}, field("Nama", d.identitas.nama),
        field("NIP/NUPTK", d.identitas.nip), field("Satuan pendidikan", d.identitas.satuan),
        field("Periode", PERIOD)),
      block("A. Pelaksanaan tugas pokok", "Tugas 1–3 dijalankan setiap guru.",
        checks([ALWAYS.map((t) => check(true, `${number(t)} ${t.nama}`)),
          OPTIONAL.map((t) => check(t.pilihan.some((o) => d.tugas.pilihan.includes(o.id)),
            `${number(t)} ${t.nama}`, checks(t.pilihan.map((o) => numbered(o, d.tugas.pilihan)))))])),
      EXTRA.map((t) => block(`Tugas pokok ${t.nomor}: ${t.label.toLowerCase()}`, t.nama + ".",
        checks(t.tugas_tambahan.map((o) => numbered(o, d.tugas.tambahan)), "ws-columns"))),
      block("B. Praktik kinerja", "Indikator yang menjadi fokus peningkatan tahun ini.",
        grouped(CATALOG.praktik, [d.praktik.indikator]),
        lines("Perilaku yang ingin saya tingkatkan (target perilaku):", d.praktik.target, 2)),
      block("C. Pengembangan kompetensi", null, grouped(CATALOG.kompetensi, d.kompetensi.indikator),
        lines("Kegiatan yang direncanakan:", d.kompetensi.kegiatan, 4)),
      block("D. Perilaku kerja",
        "Indikator perilaku yang dipilih dan ekspektasi khusus pimpinan yang diusulkan.",
        CATALOG.perilaku.map((a) => el("div", {class: "ws-aspect"},
          el("p", {class: "ws-group"}, `${a.nomor}. ${a.nama}`),
          checks(a.indikator.map((i) => check(d.perilaku.indikator.includes(i.id), i.nama,
            checks(i.ekspektasi.map((e) => check(d.perilaku.ekspektasi.includes(e.id), e.nama)),
              "ws-small ws-columns"))))))),
      block(null, null, lines("Catatan untuk dialog kinerja dengan kepala sekolah:", d.perilaku.catatan, 3)),
      el("div", {class: "ws-block ws-signatures"}, ["Guru", "Kepala sekolah"].map((who) =>
        el("div", {class: "ws-sign"}, el("p", {}, who), el("div", {class: "ws-sign-space"}),
          el("p", {class: "ws-sign-name"}, "Nama: ", who === "Guru" ? d.identitas.nama : ""),
          el("p", {class: "ws-sign-name"}, "Tanggal:"))))));
  }

  // ---- Coming from a catalogue page: rencana.html?pilih=<id> adds that item to the draft ----

  const PART_OF = {pilihan: "tugas", tambahan: "tugas", praktik: "praktik", kompetensi: "kompetensi",
    perilaku: "perilaku", ekspektasi: "perilaku"};

  // The step to open, after adding the chosen item (a tugas pokok, dimension, group or aspect
  // only opens its step); -1 when the id is unknown.
  function choose(id) {
    const kind = Object.keys(ITEMS).find((k) => ITEMS[k].has(id));
    if (kind) {
      const add = (list, value) => { if (!list.includes(value)) list.push(value); };
      if (kind === "pilihan") add(draft.tugas.pilihan, id);
      else if (kind === "tambahan") add(draft.tugas.tambahan, id);
      else if (kind === "praktik") draft.praktik.indikator = id;
      else if (kind === "kompetensi") add(draft.kompetensi.indikator, id);
      else if (kind === "perilaku") add(draft.perilaku.indikator, id);
      else { add(draft.perilaku.indikator, PARENT.get(id)); add(draft.perilaku.ekspektasi, id); }
      store();
      announce(`“${ITEMS[kind].get(id).nama}” sudah dimasukkan ke draf Anda.`);
      return STEPS.findIndex((s) => s.id === PART_OF[kind]);
    }
    const group = (list) => list.some((g) => g.id === id);
    if (CATALOG.tugas.some((t) => t.id === id)) return STEPS.findIndex((s) => s.id === "tugas");
    for (const part of ["praktik", "kompetensi", "perilaku"]) {
      if (group(CATALOG[part])) return STEPS.findIndex((s) => s.id === part);
    }
    return -1;
  }

  // ---- Start ----

  restore();
  const chosen = new URLSearchParams(location.search).get("pilih");
  const startAt = chosen ? choose(chosen) : -1;
  fillForm();
  refresh();
  goTo(Math.max(startAt, 0), false);
  if (chosen && startAt < 0) announce(`Butir “${chosen}” tidak ada di katalog ini.`, true);
  app.hidden = false;
})();
