/* Service worker of one edition (its folder is the scope). Registered only when the reader asks to
 * save the edition (assets/javascripts/simpan-offline.js). Saved files are answered from the cache,
 * so pages open without a connection; when online, a changed offline.json (new version of the site)
 * fetches the edition again. */
"use strict";

const SCOPE = self.registration.scope;
const PREFIX = "panduan-offline:" + SCOPE + ":";  // one cache per saved version
const LIST = new URL("offline.json", SCOPE).href;
let checked = 0;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function savedCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(PREFIX));
}

// The complete saved copy: the cache holding offline.json (it is put there last).
async function savedCache() {
  for (const name of await savedCaches()) {
    const cache = await caches.open(name);
    if (await cache.match(LIST)) return cache;
  }
  return null;
}

async function savedVersion() {
  const cache = await savedCache();
  return cache ? (await (await cache.match(LIST)).json()).versi : null;
}

// Download every file of the edition into a new cache; the old one is dropped only when done.
async function download(report) {
  const response = await fetch(LIST, {cache: "no-store"});
  const list = await response.clone().json();
  const name = PREFIX + list.versi;
  const cache = await caches.open(name);
  let done = 0;
  for (const path of list.berkas) {
    const url = new URL(path, SCOPE).href;
    if (!(await cache.match(url))) await cache.add(new Request(url, {cache: "no-store"}));
    done += 1;
    if (report) report({selesai: done, jumlah: list.berkas.length});
  }
  await cache.put(LIST, response);
  for (const old of await savedCaches()) if (old !== name) await caches.delete(old);
  return list;
}

// One download at a time: a second request waits for the running one.
let running = Promise.resolve();
function serially(task) {
  running = running.catch(() => {}).then(task);
  return running;
}

async function refreshIfChanged() {
  const saved = await savedVersion();
  if (!saved) return;
  const list = await (await fetch(LIST, {cache: "no-store"})).json();
  if (list.versi !== saved) await download(null);
}

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  if (event.data === "simpan") {
    event.waitUntil(serially(() => download((progress) => port.postMessage(progress)))
      .then((list) => port.postMessage({tersimpan: list.ukuran}))
      .catch((error) => port.postMessage({galat: String(error)})));
  } else if (event.data === "perbarui") {
    event.waitUntil(serially(refreshIfChanged).then(() => port && port.postMessage({diperiksa: true}), () => {}));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith((async () => {
    const cache = await savedCache();
    const hit = cache && await cache.match(request, {ignoreSearch: true});
    if (request.mode === "navigate" && Date.now() - checked > 3600 * 1000) {
      checked = Date.now();  // at most once an hour: is there a newer version of the site?
      event.waitUntil(serially(refreshIfChanged).catch(() => {}));
    }
    return hit || fetch(request);
  })());
});
