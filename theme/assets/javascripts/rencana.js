/* The plan builder ("Susun Rencana Kinerja", rencana.html). Plain ES2017, no build step, no
 * network: works offline and from file://. The catalogue comes from the page itself
 * (<script id="rencana-data">); the draft lives in localStorage and can be saved to or opened
 * from a .json file. Printing fills in the LK-1 worksheet layout (.ws classes from handbook.css).
 * All text from the catalogue or from the user reaches the page through text nodes, never HTML. */
(function rencana(reader) {
  "use strict";

  // Wait for the edition the reader came through (assets/javascripts/edisi.js), if any.
  if (reader === undefined && window.handbookEdisi) {
    window.handbookEdisi.siap((data) => rencana(data || null));
    return;
  }
  const app = document.getElementById("rencana-app");
  const source = document.getElementById("rencana-data");
  if (!app || !source) return;
  const CATALOG = JSON.parse(source.textContent);
  if (reader) {  // the shared page, read through an edition: its name and its priorities
    const mine = new Set(reader.prioritas.map((p) => p.id));
    CATALOG.edisi = {id: reader.id, nama: reader.nama, jenis: reader.jenis};
    CATALOG.bagian.filter((p) => p.kelompok).forEach((p) => p.kelompok.forEach((g) =>
      g.indikator.forEach((i) => { if ("direkomendasikan" in i) i.direkomendasikan = mine.has(i.id); })));
    CATALOG.label_prioritas = "★ " + reader.prioritas_label;
  }
  const EDITION = CATALOG.edisi;
  const FORMAT = 1;
  // An extra audience's plan builder (CATALOG.audiens) keeps its drafts apart from the main one's.
  const STORAGE_KEY = "rencana-kinerja:" + (CATALOG.audiens ? CATALOG.audiens + ":" : "") + EDITION.id;
  const PERIOD = CATALOG.periode;
  const MAX_TEXT = 10000;        // characters per free-text field in an opened file
  const MAX_FILE = 1024 * 1024;  // a draft is a few kilobytes; refuse anything huge
  const UNCHANGED = "Draf Anda tidak diubah.";

  // ---- The catalogue, indexed by id ----

  // The parts of the plan come from the catalogue manifest (catalog/katalog.yml): a part of tasks
  // (`tugas`) or of groups of indicators (`kelompok`), each with its free-text questions (`isian`).
  const PARTS = CATALOG.bagian;
  const TASKS = PARTS.find((p) => p.tugas) || {kunci: "tugas", tugas: []};
  const ALWAYS = TASKS.tugas.filter((t) => !t.pilihan.length && !t.tugas_tambahan.length);  // every teacher's
  const OPTIONAL = TASKS.tugas.filter((t) => t.pilihan.length);       // tasks with options to choose
  const EXTRA = TASKS.tugas.filter((t) => t.tugas_tambahan.length);   // additional duties
  const hasExpectations = (p) => p.kelompok && p.kelompok.some((g) => g.indikator.some((i) => i.ekspektasi));
  const ITEMS = new Map();   // "<part>.<field>" -> Map of id -> item
  const PARENT = new Map();  // ekspektasi id -> its indicator id
  const GROUP = new Map();   // indicator id -> its dimension, group or aspect
  const items = (name) => ITEMS.get(name) || ITEMS.set(name, new Map()).get(name);
  TASKS.tugas.forEach((t) => {
    t.pilihan.forEach((o) => items(TASKS.kunci + ".pilihan").set(o.id, o));
    t.tugas_tambahan.forEach((o) => items(TASKS.kunci + ".tambahan").set(o.id, o));
  });
  PARTS.filter((p) => p.kelompok).forEach((p) => p.kelompok.forEach((g) => g.indikator.forEach((i) => {
    items(p.kunci + ".indikator").set(i.id, i);
    GROUP.set(i.id, g);
    (i.ekspektasi || []).forEach((e) => { items(p.kunci + ".ekspektasi").set(e.id, e); PARENT.set(e.id, i.id); });
  })));

  // The draft's shape: part -> field -> "text", "list" (several ids) or "one" (one id).
  // Form controls are named "<part>.<field>", so reading and filling the form follow this table.
  const SHAPE = {identitas: {nama: "text", nip: "text", satuan: "text"}};
  PARTS.forEach((p) => {
    const fields = SHAPE[p.kunci] = {};
    if (p.tugas) Object.assign(fields, {pilihan: "list", tambahan: "list"});
    else fields.indikator = p.pilih === "satu" ? "one" : "list";
    if (hasExpectations(p)) fields.ekspektasi = "list";
    p.isian.forEach((q) => { fields[q.kunci] = "text"; });
  });

  // Builds {part: {field: fn(name, type, part, field)}} over SHAPE.
  function mapFields(fn) {
    const out = {};
    Object.keys(SHAPE).forEach((part) => {
      out[part] = {};
      Object.keys(SHAPE[part]).forEach((field) => {
        out[part][field] = fn(`${part}.${field}`, SHAPE[part][field], part, field);
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

  function cleanField(value, type, name, where) {
    if (type === "text") {
      if (typeof value !== "string") throw new Refusal(`“${where}” harus berupa teks`);
      if (value.length > MAX_TEXT) throw new Refusal(`teks “${where}” terlalu panjang`);
      return value;
    }
    const ids = type === "one" ? (value === "" ? [] : [value]) : value;
    if (!Array.isArray(ids)) throw new Refusal(`“${where}” harus berupa daftar pilihan`);
    ids.forEach((id) => {
      if (typeof id !== "string" || !items(name).has(id)) {
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
    const draft = mapFields((name, type, part, field) => {
      checkObject(data[part], SHAPE[part], `data.${part}`);
      if (!(field in data[part])) throw new Refusal(`bagian “data.${name}” tidak ada`);
      return cleanField(data[part][field], type, name, `data.${name}`);
    });
    PARTS.filter(hasExpectations).forEach((p) => draft[p.kunci].ekspektasi.forEach((id) => {
      if (!draft[p.kunci].indikator.includes(PARENT.get(id))) {
        throw new Refusal(`ekspektasi “${id}” dipilih tanpa indikatornya`);
      }
    }));
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

  // "1–3", "1 dan 2" or "1": the numbers of the tasks every teacher carries out.
  const numbers = (list) => {
    const n = list.map((t) => t.nomor);
    const consecutive = n.every((x, k) => k === 0 || Number(x) === Number(n[k - 1]) + 1);
    if (n.length > 2 && consecutive) return `${n[0]}–${n[n.length - 1]}`;
    if (n.length > 2) return `${n.slice(0, -1).join(", ")}, dan ${n[n.length - 1]}`;
    return n.join(" dan ");
  };
  const AUTHOR = CATALOG.penyusun.toLowerCase();  // "guru"
  const REVIEWER = CATALOG.penilai.toLowerCase();  // "kepala sekolah"
  const questions = (p) => p.isian.map((q) => textField(`${p.kunci}.${q.kunci}`, q.label, q.petunjuk, true));

  // Help in our own words for each form of part; a form without one gets a plain instruction.
  const HELP = {
    "tugas-pokok": () => `Tugas ${numbers(ALWAYS)} berlaku bagi setiap ${AUTHOR}, jadi sudah tercentang. ` +
      "Centang pilihan yang Anda jalankan dan tugas tambahan yang Anda emban tahun ini. Lewati yang " +
      "tidak berlaku.",
    "praktik-kinerja": () => "Pilih satu indikator sebagai fokus tahun ini: praktik mengajar yang paling " +
      `ingin Anda tingkatkan bersama ${REVIEWER}. Baca definisinya, lalu tuliskan perubahan perilaku ` +
      "yang ingin Anda lihat di kelas.",
    "pengembangan-kompetensi": () => "Pilih kompetensi yang ingin Anda kembangkan, sebaiknya yang " +
      "mendukung fokus praktik kinerja Anda. Boleh lebih dari satu.",
    "perilaku-kerja": () => "Untuk setiap aspek, centang indikator perilaku yang Anda pilih. Setelah " +
      "dicentang, ekspektasi khusus pimpinan untuk indikator itu muncul di bawahnya: centang yang ingin " +
      `Anda usulkan kepada ${REVIEWER}.`,
  };
  const help = (p) => (HELP[p.bentuk] ? HELP[p.bentuk]() :
    (p.pilih === "satu" ? "Pilih satu indikator." : "Pilih indikator yang sesuai; boleh lebih dari satu."));

  function taskStep(p) {
    return [
      ALWAYS.length ? fieldset(`Tugas yang berlaku bagi setiap ${AUTHOR}`,
        ALWAYS.map((t) => option("checkbox", `${p.kunci}.tetap`, t, {fixed: true, number: true})),
        el("p", {class: "rencana-hint"},
          "Tugas ini selalu masuk rencana; Anda tidak perlu memilihnya.")) : null,
      OPTIONAL.map((t) => fieldset(`${number(t)} ${t.nama}`,
        t.pilihan.map((o) => option("checkbox", `${p.kunci}.pilihan`, o, {number: true})))),
      EXTRA.map((t) => fieldset(`${number(t)} ${t.nama}`, t.tugas_tambahan.map((o) =>
        option("checkbox", `${p.kunci}.tambahan`, o, {number: true, description: o.catatan})))),
      questions(p)];
  }

  function groupStep(p) {
    const one = p.pilih === "satu";
    const withExpectations = hasExpectations(p);
    return [
      p.kelompok.map((g) => fieldset(withExpectations ? `${g.nomor}. ${g.nama}` : g.nama,
        recommendedFirst(g.indikator).map((i) => [
          option(one ? "radio" : "checkbox", `${p.kunci}.indikator`, i, {description: i.definisi,
            badge: i.direkomendasikan ? (CATALOG.label_prioritas || "Direkomendasikan untuk sekolah Anda") : null}),
          i.ekspektasi ? el("fieldset", {class: "rencana-expect", id: controlId("ekspektasi", i.id), hidden: true},
            el("legend", {}, "Ekspektasi khusus pimpinan"),
            i.ekspektasi.map((e) => option("checkbox", `${p.kunci}.ekspektasi`, e))) : null]))),
      questions(p)];
  }

  const STEPS = [
    {id: "identitas", title: "Identitas",
      help: "Data ini hanya dipakai untuk kepala lembar yang Anda cetak atau simpan. Semuanya tetap di " +
        "perangkat ini.",
      build: () => [textField("identitas.nama", "Nama"), textField("identitas.nip", "NIP/NUPTK"),
        textField("identitas.satuan", "Satuan pendidikan",
          EDITION.jenis === "sekolah" ? "Sudah terisi sesuai edisi panduan ini; ubah bila perlu." : null)]},
    ...PARTS.map((p) => ({id: p.kunci, title: p.judul, help: help(p),
      build: () => (p.tugas ? taskStep(p) : groupStep(p))})),
    {id: "ringkasan", title: `Ringkasan untuk ${REVIEWER}`,
      help: `Periksa kembali pilihan Anda. Bawa ringkasan ini ke dialog kinerja dengan ${REVIEWER}, ` +
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
    mapFields((name, type, part, field) => {
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

  // Expectations appear under a chosen indicator; unchoosing it clears them.
  function showExpectations() {
    PARTS.filter(hasExpectations).forEach((p) => form.querySelectorAll(`input[name="${p.kunci}.indikator"]`)
      .forEach((input) => {
      const box = document.getElementById(controlId("ekspektasi", input.value));
      if (!box) return;
      box.hidden = !input.checked;
      if (!input.checked) box.querySelectorAll("input").forEach((i) => { i.checked = false; });
    }));
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
    const list = (entries, empty) => (entries.length ? el("ul", {}, entries) : el("p", {}, empty));
    const item = (text) => el("li", {}, text);
    const freeText = (label, text, missing) => el("p", {}, el("strong", {}, label + ": "),
      text.trim() ? el("span", {class: "rencana-written"}, text.trim()) : missing);
    const chosen = (name, ids) => ids.map((id) => items(name).get(id));
    const answers = (p) => p.isian.map((q) => freeText(q.label, d[p.kunci][q.kunci],
      q.kunci === "catatan" ? "tidak ada." : "belum ditulis."));
    const taskSummary = (p) => el("ul", {}, ALWAYS.map((t) => item(`${number(t)} ${t.nama}`)),
      chosen(`${p.kunci}.pilihan`, d[p.kunci].pilihan).concat(chosen(`${p.kunci}.tambahan`, d[p.kunci].tambahan))
        .map((o) => item(`${number(o)} ${o.nama}`)));
    const groupSummary = (p) => {
      const picked = d[p.kunci].indikator;
      if (p.pilih === "satu") {
        const focus = items(`${p.kunci}.indikator`).get(picked);
        return focus ? el("p", {}, "Fokus tahun ini: ", el("strong", {}, focus.nama),
          ` (${GROUP.get(focus.id).nama}). `, focus.definisi || "") :
          el("p", {}, "Belum ada indikator fokus yang dipilih.");
      }
      if (!hasExpectations(p)) {
        return list(chosen(`${p.kunci}.indikator`, picked).map((i) => item(`${i.nama} (${GROUP.get(i.id).nama})`)),
          "Belum ada indikator yang dipilih.");
      }
      const groups = p.kelompok.map((g) => {
        const mine = g.indikator.filter((i) => picked.includes(i.id));
        return mine.length ? el("li", {}, el("strong", {}, g.nama), el("ul", {}, mine.map((i) =>
          el("li", {}, i.nama, list((i.ekspektasi || []).filter((e) => d[p.kunci].ekspektasi.includes(e.id))
            .map((e) => item(e.nama)), "Belum ada ekspektasi khusus pimpinan yang dipilih."))))) : null;
      }).filter(Boolean);
      return list(groups, "Belum ada indikator yang dipilih.");
    };
    setContent(document.getElementById("rk-ringkasan"),
      el("h3", {}, "Identitas"),
      el("ul", {}, [["Nama", d.identitas.nama], ["NIP/NUPTK", d.identitas.nip],
        ["Satuan pendidikan", d.identitas.satuan]]
        .map(([label, value]) => item(`${label}: ${value.trim() || "belum diisi"}`))),
      PARTS.map((p, n) => [el("h3", {}, `${n + 1}. ${p.judul}`),
        p.tugas ? taskSummary(p) : groupSummary(p), answers(p)]));
  }

  // ---- The filled-in LK-1 worksheet, shown only in print ----

  function renderPrint() {
    const d = draft;
    const check = (on, text, sub) => [el("li", {class: on ? "rencana-ticked" : null},
      el("span", {class: on ? "ws-box ws-box--checked" : "ws-box", "aria-hidden": "true"}),
      el("span", {class: "ws-text"}, text)), sub ? el("li", {class: "ws-sub"}, sub) : null];
    const checks = (entries, extra) => el("ol", {class: "ws-checks" + (extra ? " " + extra : "")}, entries);
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
    const letter = (n) => String.fromCharCode(65 + n) + ". ";
    const answers = (p) => p.isian.map((q) => lines(q.lembar, d[p.kunci][q.kunci], q.baris));
    const numbered = (o, ids) => check(ids.includes(o.id), `${number(o)} ${o.nama}`);
    const taskBlocks = (p, n) => [
      block(letter(n) + p.lembar, ALWAYS.length ? `Tugas ${numbers(ALWAYS)} dijalankan setiap ${AUTHOR}.` : null,
        checks([ALWAYS.map((t) => check(true, `${number(t)} ${t.nama}`)),
          OPTIONAL.map((t) => check(t.pilihan.some((o) => d[p.kunci].pilihan.includes(o.id)),
            `${number(t)} ${t.nama}`, checks(t.pilihan.map((o) => numbered(o, d[p.kunci].pilihan)))))])),
      EXTRA.map((t) => block(`Tugas pokok ${t.nomor}: ${(t.label || t.nama).toLowerCase()}`, t.nama + ".",
        checks(t.tugas_tambahan.map((o) => numbered(o, d[p.kunci].tambahan)), "ws-columns"))),
      answers(p).length ? block(null, null, answers(p)) : null];
    const groupBlock = (p, n) => {
      const picked = p.pilih === "satu" ? [d[p.kunci].indikator] : d[p.kunci].indikator;
      const expected = d[p.kunci].ekspektasi || [];
      const hint = p.pilih === "satu" ? "Indikator yang menjadi fokus peningkatan tahun ini." :
        hasExpectations(p) ? "Indikator yang dipilih dan ekspektasi khusus pimpinan yang diusulkan." : null;
      return block(letter(n) + p.lembar, hint,
        p.kelompok.map((g) => (hasExpectations(p) ?
          el("div", {class: "ws-aspect"}, el("p", {class: "ws-group"}, `${g.nomor}. ${g.nama}`),
            checks(g.indikator.map((i) => check(picked.includes(i.id), i.nama,
              i.ekspektasi ? checks(i.ekspektasi.map((e) => check(expected.includes(e.id), e.nama)),
                "ws-small ws-columns") : null)))) :
          [el("p", {class: "ws-group"}, g.nama),
            checks(g.indikator.map((i) => check(picked.includes(i.id), i.nama)))])),
        answers(p));
    };
    setContent(printed, el("div", {class: "ws"},
      el("div", {class: "ws-head"},
        el("p", {class: "ws-code"}, el("span", {}, `LK-1 · ${CATALOG.judul}`),
          el("span", {class: "ws-ref"}, "Draf dari halaman Susun Rencana Kinerja")),
        el("h2", {class: "ws-title"}, "Lembar Perencanaan Kinerja")),
      el("div", {class: "ws-block ws-identity"}, field("Nama", d.identitas.nama),
        field("NIP/NUPTK", d.identitas.nip), field("Satuan pendidikan", d.identitas.satuan),
        field("Periode", PERIOD)),
      PARTS.map((p, n) => (p.tugas ? taskBlocks(p, n) : groupBlock(p, n))),
      el("div", {class: "ws-block ws-signatures"}, [CATALOG.penyusun, CATALOG.penilai].map((who, k) =>
        el("div", {class: "ws-sign"}, el("p", {}, who), el("div", {class: "ws-sign-space"}),
          el("p", {class: "ws-sign-name"}, "Nama: ", k === 0 ? d.identitas.nama : ""),
          el("p", {class: "ws-sign-name"}, "Tanggal:"))))));
  }

  // ---- Coming from a catalogue page: rencana.html?pilih=<id> adds that item to the draft ----

  // The step to open, after adding the chosen item (a tugas pokok, dimension, group or aspect
  // only opens its step); -1 when the id is unknown.
  function choose(id) {
    for (const [name, map] of ITEMS) {
      if (!map.has(id)) continue;
      const [part, field] = name.split(".");
      const add = (f, value) => {
        if (SHAPE[part][f] === "one") draft[part][f] = value;
        else if (!draft[part][f].includes(value)) draft[part][f].push(value);
      };
      if (field === "ekspektasi") add("indikator", PARENT.get(id));
      add(field, id);
      store();
      announce(`“${map.get(id).nama}” sudah dimasukkan ke draf Anda.`);
      return STEPS.findIndex((s) => s.id === part);
    }
    const part = PARTS.find((p) => (p.tugas || p.kelompok || []).some((g) => g.id === id));
    return part ? STEPS.findIndex((s) => s.id === part.kunci) : -1;
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
