/* "Simpan untuk dibaca tanpa internet" on the home page (element #simpan-offline). Nothing is
 * downloaded until the reader asks: first the size is shown, then the service worker (sw.js at the
 * edition's root) saves every file listed in offline.json. The reader can remove it again. */
(function () {
  "use strict";

  const box = document.getElementById("simpan-offline");
  if (!box) return;
  const root = new URL("../../", document.currentScript.src).href;  // this script is in assets/javascripts/
  const status = box.querySelector(".simpan-offline__status");
  const buttons = box.querySelector(".simpan-offline__tombol");

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
    show("Simpan seluruh panduan ini di perangkat agar tetap dapat dibuka tanpa sinyal.",
      ["Simpan untuk dibaca tanpa internet", askSize, true]);
  }

  async function askSize() {
    show("Memeriksa ukuran…");
    try {
      const list = await (await fetch(root + "offline.json", {cache: "no-store"})).json();
      show(`Akan diunduh ${list.berkas.length} berkas, ${megabytes(list.ukuran)}. Sebaiknya memakai Wi-Fi.`,
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
      ask(registration.active, "simpan", (reply) => {
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
    const list = registration && await caches.match(root + "offline.json");
    if (list) {
      saved((await list.json()).ukuran);
      if (registration.active) ask(registration.active, "perbarui", () => {});  // a newer site? fetch it
    } else {
      offer();
    }
    box.hidden = false;
  }

  start();
})();
