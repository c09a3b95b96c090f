/* Service worker of the handbook (the site root is the scope). Registered only when the reader asks
 * to save it (assets/javascripts/simpan-offline.js). Saved files are answered from the cache, so
 * pages open without a connection. What is saved is given by lists of files: offline.json of the
 * shared tree, plus edisi/<id>/offline.json of each edition saved from its home. When online, a
 * changed list (a new version of the site) makes a new copy, downloading only the files that changed. */
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

// The lists a saved copy was made from: each list's address and content.
async function savedLists(cache) {
  const lists = [];
  for (const request of await cache.keys()) {
    if (request.url.endsWith("/offline.json")) lists.push({url: request.url, list: await (await cache.match(request)).json()});
  }
  return lists;
}

// A downloaded file, kept with the fingerprint of the bytes that arrived (X-Sidik): a later
// refresh copies it only if that is the new list's fingerprint, so a file changed on the way (a
// rebuild half done, a host that edits pages) is downloaded again rather than kept for good.
async function fetched(url) {
  const response = await fetch(url, {cache: "no-store"});
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  const body = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  const headers = {"Content-Type": response.headers.get("Content-Type") || "",
                   "X-Sidik": [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, "0")).join("")};
  return new Response(body, {status: 200, headers});
}

// Download every file of the given lists (and of those already saved) into a new cache; the old
// one is dropped only when the new one is complete. A file whose fingerprint ("sidik") in the list
// is that of the copy already saved is copied from it: after a rebuild that fixed one page, a
// phone downloads that page, not the whole handbook again.
async function download(urls, report) {
  const old = await savedCache();
  const saved = old ? await savedLists(old) : [];
  const wanted = [...new Set([LIST, ...saved.map((l) => l.url), ...urls])];
  const responses = await Promise.all(wanted.map((url) => fetch(url, {cache: "no-store"})));
  const lists = await Promise.all(responses.map((response) => response.clone().json()));
  const name = PREFIX + lists.map((list) => list.versi).join("+");
  const cache = await caches.open(name);
  const files = new Map();  // address -> fingerprint (null in a list without them)
  for (const list of lists) {
    list.berkas.forEach((path, i) => files.set(new URL(path, SCOPE).href, list.sidik ? list.sidik[i] : null));
  }
  let done = 0;
  for (const [url, print] of files) {
    if (!(await cache.match(url))) {
      const copy = print && old && await old.match(url);
      await cache.put(url, copy && copy.headers.get("X-Sidik") === print ? copy : await fetched(url));
    }
    done += 1;
    if (report) report({selesai: done, jumlah: files.size});
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
    if (list.versi !== saved.list.versi) return download([], null);
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
