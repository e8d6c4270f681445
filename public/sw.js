// Một Cửa's service worker: the app opens, and what a resident has opened stays readable, without
// a network. The server fills in VERSION, SHELL_FILES and KIT_FILES when it serves this file (see
// server/src/web/service_worker.rs): VERSION is a hash of everything precached, so every build
// that changes a file is a new worker with new cache names.
//
// - Install: precache the app shell (the style sheet, /page.js, icons, manifest, and the pages that
//   work from the device: home, procedures, dossiers, people, the dossier pages' shells, the
//   offline page) and the offline kit (the bundle that holds every resident's island, the
//   catalogue's search index) — the kit unless the browser asks to save data; carry the pages
//   kept by the previous version over into this version's cache (fetched again when possible,
//   since they name the new build's files).
// - A new version waits: the page tells the resident "a new version is ready" and sends
//   `{type: "activate"}` when they click; otherwise it takes over on their next visit.
// - Activate: delete the caches of older versions.
// - Hashed files (/pkg/…, /page.js?v=…), the search index and the shell's files are served from
//   the cache (and kept when first fetched).
// - Pages and catalogue answers are fetched from the network first (and kept), and served from
//   the kept copy when the network fails or is too slow. A page never kept stands in for by a
//   shell: a dossier's pages by the precached dossier shell (the dossier itself is read from
//   IndexedDB), a procedure's pages by the offline page (the kit renders them from the kept
//   procedure record); any other page gets a short bilingual notice.

const VERSION = "__MOTCUA_VERSION__";
const SHELL_FILES = __MOTCUA_SHELL__;
const KIT_FILES = __MOTCUA_KIT__;
const SHELL = `motcua-shell-${VERSION}`;
const PAGES = `motcua-pages-${VERSION}`;
/// On a slow mobile network, a saved copy after this long beats waiting.
const NETWORK_TIMEOUT_MS = 4000;
/// Pages carried over from the previous version are fetched again, up to this many.
const REFRESH_LIMIT = 60;

function saveData() {
  return !!(self.navigator && self.navigator.connection && self.navigator.connection.saveData);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      const files = saveData() ? SHELL_FILES : SHELL_FILES.concat(KIT_FILES);
      // Hashed files and the index never change under their address: the copy the page has
      // just downloaded (the browser's HTTP cache) will do. Everything else is fetched afresh.
      await shell.addAll(
        files.map(
          (url) =>
            new Request(url, {
              cache: isImmutable(new URL(url, self.location.origin)) ? "default" : "no-cache",
              credentials: "same-origin",
            }),
        ),
      );
      await carryOverPages();
    })(),
  );
});

async function carryOverPages() {
  const pages = await caches.open(PAGES);
  let refreshed = 0;
  for (const name of await caches.keys()) {
    if (!name.startsWith("motcua-pages-") || name === PAGES) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const url = new URL(request.url);
      const isPage = !url.pathname.startsWith("/api/");
      if (isPage && refreshed < REFRESH_LIMIT) {
        refreshed += 1;
        try {
          const response = await fetch(request.url, { credentials: "same-origin", cache: "no-store" });
          if (response.ok) {
            await pages.put(request.url, response);
            continue;
          }
        } catch (_) {
          // Offline: keep the old copy, still readable.
        }
      }
      const copy = await old.match(request, { ignoreVary: true });
      if (copy) await pages.put(request.url, copy);
    }
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("motcua-") && name !== SHELL && name !== PAGES) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

function isImmutable(url) {
  return (
    url.pathname.startsWith("/pkg/") ||
    (url.pathname === "/page.js" && url.searchParams.has("v")) ||
    /^\/catalogue\/[^/]+\/index\.json$/.test(url.pathname)
  );
}

function isShellFile(url) {
  const precached = SHELL_FILES.concat(KIT_FILES);
  return !url.search && precached.includes(url.pathname) && !isPage(url.pathname);
}

function isPage(pathname) {
  return !/\.[a-z0-9]+$/i.test(pathname);
}

function isRevalidated(request, url) {
  return request.mode === "navigate" || url.pathname.startsWith("/api/catalogue/");
}

async function cacheFirst(request, url) {
  const cached = await caches.match(url.href, { cacheName: SHELL });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const shell = await caches.open(SHELL);
    await shell.put(url.href, response.clone());
  }
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

/// The precached page that stands in for `url` when it was never kept: a dossier's pages are
/// all the same shell (the dossier comes from IndexedDB); a procedure's pages, the check's steps
/// and its result are rendered by the offline kit in the offline page.
function shellPage(url) {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const precached = SHELL_FILES.concat(KIT_FILES);
  if (/^\/dossiers\/[^/]+$/.test(path)) return "/dossiers/draft";
  if (/^\/dossiers\/[^/]+\/receipt$/.test(path)) return "/dossiers/draft/receipt";
  if (/^\/dossiers\/[^/]+\/[^/]+$/.test(path)) return "/dossiers/draft/section";
  if (/^\/procedures\/[0-9.]+(\/check(\/result)?)?$/.test(path) && precached.includes("/offline")) return "/offline";
  if (precached.includes(path) && !url.search) return path;
  return null;
}

async function savedCopy(url, key) {
  const cached = await caches.match(key, { cacheName: PAGES, ignoreVary: true });
  if (cached) return cached;
  const shell = shellPage(url);
  return shell ? caches.match(shell, { cacheName: SHELL, ignoreVary: true }) : undefined;
}

async function networkFirst(request, url, event) {
  const pages = await caches.open(PAGES);
  const key = cacheKey(url);
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok && response.type === "basic") await pages.put(key, response.clone());
    return response;
  });
  // Keep the copy up to date even when the saved one answers first.
  event.waitUntil(fromNetwork.catch(() => undefined));
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS));
  try {
    const winner = await Promise.race([fromNetwork, timeout.then(() => null)]);
    if (winner) return winner;
    return (await savedCopy(url, key)) || (await fromNetwork);
  } catch (error) {
    const cached = await savedCopy(url, key);
    if (cached) return cached;
    if (request.mode === "navigate") return offlinePage(pages);
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
<p>Trang này chưa được lưu trên thiết bị. Hãy thử lại khi có mạng. Bạn vẫn mở được các trang đã xem và <a href="/dossiers">hồ sơ của bạn</a>:</p>
<h2 lang="en">You are offline</h2>
<p lang="en">This page is not saved on this device yet. Try again when you are online. Pages you have opened, and <a href="/dossiers">your dossiers</a>, are still available:</p>
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
  // The help desk works online only and keeps nothing on the (shared) desk computer.
  if (url.pathname === "/desk" || url.pathname.startsWith("/desk/")) return;
  if (isImmutable(url) || isShellFile(url)) {
    event.respondWith(cacheFirst(request, url));
  } else if (isRevalidated(request, url)) {
    event.respondWith(networkFirst(request, url, event));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "activate") {
    // The resident clicked "use the new version".
    self.skipWaiting();
  } else if (data.type === "keep" && Array.isArray(data.urls)) {
    event.waitUntil(keep(data.urls.slice(0, 50)));
  }
});

/// `{ type: "keep", urls: [...] }` from a page: fetch and keep these (the first page, the files
/// it loaded before the worker, the catalogue record a procedure's pages read).
async function keep(urls) {
  for (const raw of urls) {
    try {
      const url = new URL(raw, self.location.origin);
      if (url.origin !== self.location.origin) continue;
      if (isImmutable(url)) {
        const shell = await caches.open(SHELL);
        if (!(await shell.match(url.href))) {
          const response = await fetch(url.href);
          if (response.ok) await shell.put(url.href, response);
        }
      } else if (
        url.pathname === "/" ||
        url.pathname.startsWith("/procedures") ||
        url.pathname === "/help" ||
        url.pathname.startsWith("/api/catalogue/")
      ) {
        const pages = await caches.open(PAGES);
        const response = await fetch(url.href, { credentials: "same-origin" });
        if (response.ok) await pages.put(cacheKey(url), response);
      }
    } catch (_) {
      // Offline or gone: nothing to keep now.
    }
  }
}
