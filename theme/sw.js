/* Service worker of the handbook (the site root is the scope). Registered only when the reader asks
 * to save it (assets/javascripts/simpan-offline.js). Saved files are answered from the cache, so
 * pages open without a connection. What is saved is given by lists of files: offline.json of the
 * shared tree, plus edisi/<id>/offline.json of each edition saved from its home. When online, a
 * changed list (a new version of the site) fetches the saved lists again. */
"use strict";

const SCOPE = self.registration.scope;
const PREFIX = "panduan-offline:" + SCOPE + ":";  // one cache per saved version
const LIST = new URL("offline.json", SCOPE).href;  // the shared list; in a cache, it marks a complete copy
let checked = 0;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function savedCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(PREFIX));
}

// The complete saved copy: the cache holding the shared list (it is put there last).
async function savedCache() {
  for (const name of await savedCaches()) {
    const cache = await caches.open(name);
    if (await cache.match(LIST)) return cache;
  }
  return null;
}

// The lists a saved copy was made from, with their versions.
async function savedLists(cache) {
  const lists = [];
  for (const request of await cache.keys()) {
    if (request.url.endsWith("/offline.json")) lists.push({url: request.url, versi: (await (await cache.match(request)).json()).versi});
  }
  return lists;
}

// Download every file of the given lists (and of those already saved) into a new cache; the old
// one is dropped only when the new one is complete.
async function download(urls, report) {
  const old = await savedCache();
  const wanted = [...new Set([LIST, ...(old ? (await savedLists(old)).map((l) => l.url) : []), ...urls])];
  const responses = await Promise.all(wanted.map((url) => fetch(url, {cache: "no-store"})));
  const lists = await Promise.all(responses.map((response) => response.clone().json()));
  const name = PREFIX + lists.map((list) => list.versi).join("+");
  const cache = await caches.open(name);
  const files = [...new Set(lists.flatMap((list) => list.berkas))];
  let done = 0;
  for (const path of files) {
    const url = new URL(path, SCOPE).href;
    if (!(await cache.match(url))) await cache.add(new Request(url, {cache: "no-store"}));
    done += 1;
    if (report) report({selesai: done, jumlah: files.length});
  }
  for (let i = wanted.length - 1; i >= 0; i -= 1) await cache.put(wanted[i], responses[i]);  // LIST last
  for (const other of await savedCaches()) if (other !== name) await caches.delete(other);
  return lists.reduce((sum, list) => sum + list.ukuran, 0);
}

// One download at a time: a second request waits for the running one.
let running = Promise.resolve();
function serially(task) {
  running = running.catch(() => {}).then(task);
  return running;
}

async function refreshIfChanged() {
  const cache = await savedCache();
  if (!cache) return;
  for (const saved of await savedLists(cache)) {
    const list = await (await fetch(saved.url, {cache: "no-store"})).json();
    if (list.versi !== saved.versi) return download([], null);
  }
}

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  if (event.data && event.data.simpan) {
    event.waitUntil(serially(() => download(event.data.simpan, (progress) => port.postMessage(progress)))
      .then((size) => port.postMessage({tersimpan: size}))
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
