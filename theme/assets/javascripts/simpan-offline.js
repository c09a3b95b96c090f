/* "Simpan untuk dibaca tanpa internet" on a home page (element #simpan-offline). Nothing is
 * downloaded until the reader asks: first the size is shown, then the service worker (sw.js at the
 * site root) saves every file listed in offline.json, and on an edition's home (edisi/<id>/) also
 * those of the edition's own list. The reader can remove it again. */
(function () {
  "use strict";

  const box = document.getElementById("simpan-offline");
  if (!box) return;
  const root = new URL("../../", document.currentScript.src).href;  // this script is in assets/javascripts/
  const status = box.querySelector(".simpan-offline__status");
  const buttons = box.querySelector(".simpan-offline__tombol");
  // The shared tree's list, and on an edition's home (edisi/<id>/index.html) the edition's own.
  const lists = [root + "offline.json"];
  if (location.href.startsWith(root + "edisi/")) lists.push(new URL("offline.json", location.href).href);

  const megabytes = (bytes) => (bytes / 1048576).toLocaleString("id-ID", {maximumFractionDigits: 1}) + " MB";

  function show(text, ...choices) {
    status.textContent = text;
    buttons.replaceChildren(...choices.map(([label, action, primary]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button" + (primary ? " md-button--primary" : "");
      button.textContent = label;
      button.addEventListener("click", action);
      return button;
    }));
  }

  if (location.protocol === "file:") {
    show("Anda membuka panduan ini dari berkas di perangkat, jadi panduan ini sudah dapat dibaca tanpa internet.");
    box.hidden = false;
    return;
  }
  if (!("serviceWorker" in navigator) || !("caches" in window)) {
    show("Peramban ini tidak dapat menyimpan panduan untuk dibaca tanpa internet.");
    box.hidden = false;
    return;
  }

  function ask(worker, message, onReply) {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => onReply(event.data);
    worker.postMessage(message, [channel.port2]);
  }

  async function offer() {
    show(lists.length > 1
      ? "Simpan seluruh panduan ini, beserta halaman khusus edisi ini, di perangkat agar tetap dapat dibuka tanpa sinyal."
      : "Simpan seluruh panduan ini di perangkat agar tetap dapat dibuka tanpa sinyal.",
      ["Simpan untuk dibaca tanpa internet", askSize, true]);
  }

  async function askSize() {
    show("Memeriksa ukuran…");
    try {
      const all = await Promise.all(lists.map(async (url) => (await fetch(url, {cache: "no-store"})).json()));
      const count = all.reduce((sum, list) => sum + list.berkas.length, 0);
      const size = all.reduce((sum, list) => sum + list.ukuran, 0);
      show(`Akan diunduh ${count} berkas, ${megabytes(size)}. Sebaiknya memakai Wi-Fi.`,
        ["Unduh sekarang", save, true], ["Batal", offer]);
    } catch (e) {
      show("Ukuran panduan tidak dapat diperiksa. Periksa sambungan internet, lalu coba lagi.",
        ["Coba lagi", askSize, true]);
    }
  }

  async function save() {
    show("Menyiapkan…");
    try {
      await navigator.serviceWorker.register(root + "sw.js", {scope: root});
      const registration = await navigator.serviceWorker.ready;
      ask(registration.active, {simpan: lists}, (reply) => {
        if (reply.selesai) show(`Mengunduh ${reply.selesai} dari ${reply.jumlah} berkas…`);
        else if (reply.tersimpan) saved(reply.tersimpan);
        else if (reply.galat) {
          show("Pengunduhan terputus. Periksa sambungan internet, lalu coba lagi.", ["Coba lagi", save, true]);
        }
      });
    } catch (e) {
      show("Panduan tidak dapat disimpan di peramban ini.");
    }
  }

  function saved(size) {
    show(`Tersimpan di perangkat ini (${megabytes(size)}). Halaman panduan tetap dapat dibuka tanpa ` +
      "internet, dan diperbarui sendiri saat tersambung bila situsnya berubah.", ["Hapus simpanan", remove]);
  }

  async function remove() {
    const registration = await navigator.serviceWorker.getRegistration(root);
    const prefix = "panduan-offline:" + root + ":";
    for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
    if (registration) await registration.unregister();
    show("Simpanan dihapus dari perangkat ini.", ["Simpan untuk dibaca tanpa internet", askSize, true]);
  }

  async function start() {
    const registration = await navigator.serviceWorker.getRegistration(root);
    const found = registration ? await Promise.all(lists.map((url) => caches.match(url))) : [];
    if (found.length && found.every(Boolean)) {  // this page's lists are all saved
      const sizes = await Promise.all(found.map(async (response) => (await response.json()).ukuran));
      saved(sizes.reduce((sum, size) => sum + size, 0));
      if (registration.active) ask(registration.active, "perbarui", () => {});  // a newer site? fetch it
    } else {
      offer();
    }
    box.hidden = false;
  }

  start();
})();
