// Một Cửa's service worker: what a resident has opened stays readable without a network.
//
// - Hashed files (/pkg/…) and the search index (/catalogue/<version>/index.json) never change
//   under their URL: served from the cache first, fetched once.
// - Pages and catalogue answers (/api/catalogue/…) change: fetched from the network first (kept
//   as a copy for later), and served from that copy when the network fails or is too slow.
// - A page opened for the first time while offline gets a short bilingual notice instead.
//
// The page (once its wasm runs) asks the worker to keep the files it loaded before the worker
// took control, and each page it moves to, so reloading works offline too.

const ASSETS = "motcua-assets-v1";
const PAGES = "motcua-pages-v1";
const KNOWN = [ASSETS, PAGES];
/// On a slow mobile network, a saved copy after this long beats waiting.
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("motcua-") && !KNOWN.includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

function isImmutable(url) {
  return url.pathname.startsWith("/pkg/") || /^\/catalogue\/[^/]+\/index\.json$/.test(url.pathname);
}

function isRevalidated(request, url) {
  return (
    request.mode === "navigate" ||
    url.pathname.startsWith("/api/catalogue/") ||
    url.pathname === "/favicon.svg"
  );
}

/// Keeps one version of each hashed file: a new release replaces the old one.
async function putImmutable(cache, url, response) {
  const family = url.pathname.replace(/\.[A-Za-z0-9_-]{10,}\./, ".*.");
  for (const old of await cache.keys()) {
    const oldUrl = new URL(old.url);
    const same = oldUrl.pathname.replace(/\.[A-Za-z0-9_-]{10,}\./, ".*.") === family;
    const oldIndex = /^\/catalogue\/[^/]+\/index\.json$/.test(oldUrl.pathname);
    const newIndex = /^\/catalogue\/[^/]+\/index\.json$/.test(url.pathname);
    if (oldUrl.pathname !== url.pathname && ((same && family.includes("*")) || (oldIndex && newIndex))) {
      await cache.delete(old);
    }
  }
  await cache.put(url.href, response);
}

async function cacheFirst(request, url) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(url.href);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await putImmutable(cache, url, response.clone());
  return response;
}

/// The address a copy is kept under: API queries without their empty parts (the server
/// functions' client writes `?code=1.001193&`), so every spelling finds the same copy.
function cacheKey(url) {
  if (!url.pathname.startsWith("/api/")) return url.href;
  const params = new URLSearchParams(url.search);
  const kept = [...params].filter(([name]) => name !== "");
  const search = new URLSearchParams(kept).toString();
  return url.origin + url.pathname + (search ? "?" + search : "");
}

async function networkFirst(request, url, event) {
  const cache = await caches.open(PAGES);
  const key = cacheKey(url);
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok && response.type === "basic") await cache.put(key, response.clone());
    return response;
  });
  // Keep the copy up to date even when the saved one answers first.
  event.waitUntil(fromNetwork.catch(() => undefined));
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS));
  try {
    const winner = await Promise.race([fromNetwork, timeout.then(() => null)]);
    if (winner) return winner;
    const cached = await cache.match(key, { ignoreVary: true });
    return cached || (await fromNetwork);
  } catch (error) {
    const cached = await cache.match(key, { ignoreVary: true });
    if (cached) return cached;
    if (request.mode === "navigate") return offlinePage(cache);
    throw error;
  }
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function readable(url) {
  try {
    return decodeURIComponent(url.pathname + url.search);
  } catch (_) {
    return url.pathname + url.search;
  }
}

/// The notice for a page never opened on this device, with links to the pages that are saved.
async function offlinePage(cache) {
  const saved = (await cache.keys())
    .map((request) => new URL(request.url))
    .filter((url) => url.pathname === "/" || url.pathname.startsWith("/procedures"))
    .slice(0, 30);
  const links = saved
    .map((url) => `<li><a href="${escapeHtml(url.pathname + url.search)}">${escapeHtml(readable(url))}</a></li>`)
    .join("");
  const html = `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không có mạng – Một Cửa</title>
<style>body{font:1.0625rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1b1f24}
h1{font-size:1.75rem}a{color:#0a4a8c;display:inline-block;padding:.5rem 0}</style></head>
<body><main>
<h1>Không có kết nối mạng</h1>
<p>Trang này chưa được lưu trên thiết bị. Hãy thử lại khi có mạng. Bạn vẫn mở được các trang đã xem:</p>
<h2 lang="en">You are offline</h2>
<p lang="en">This page is not saved on this device yet. Try again when you are online. Pages you have opened are still available:</p>
<ul>${links || '<li><a href="/">Một Cửa</a></li>'}</ul>
</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isImmutable(url)) {
    event.respondWith(cacheFirst(request, url));
  } else if (isRevalidated(request, url)) {
    event.respondWith(networkFirst(request, url, event));
  }
});

/// `{ type: "keep", urls: [...] }` from a page: fetch and keep these (the files the page loaded
/// before this worker controlled it, or the page it has just moved to).
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      for (const raw of data.urls.slice(0, 50)) {
        try {
          const url = new URL(raw, self.location.origin);
          if (url.origin !== self.location.origin) continue;
          if (isImmutable(url)) {
            const cache = await caches.open(ASSETS);
            if (!(await cache.match(url.href))) {
              const response = await fetch(url.href);
              if (response.ok) await putImmutable(cache, url, response);
            }
          } else if (
            url.pathname === "/" ||
            url.pathname.startsWith("/procedures") ||
            url.pathname === "/help" ||
            url.pathname.startsWith("/api/catalogue/")
          ) {
            const cache = await caches.open(PAGES);
            const response = await fetch(url.href, { credentials: "same-origin" });
            if (response.ok) await cache.put(cacheKey(url), response);
          }
        } catch (_) {
          // Offline or gone: nothing to keep now.
        }
      }
    })(),
  );
});
