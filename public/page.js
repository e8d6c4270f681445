// Một Cửa: what every page does in the browser.
//
// Every page arrives complete from the server and works without this script: links are links,
// forms are plain GET or POST forms. This small script (no wasm) adds what a page of the portal
// needs on every screen:
//
// - the display modes: a page kept for offline use shows the modes chosen since (the cookie is
//   the device's choice), and the panel's form applies a choice at once;
// - reading aloud with the "Listen" buttons (the browser's speech synthesis);
// - the network badge, and the number of dossiers waiting on this device to be sent;
// - the service worker (offline use, the new-version notice);
// - the islands: the parts of a page that run in the browser load their bundle of wasm here
//   (app/src/island.rs), and the outbox runs when dossiers wait and the portal answers;
// - after moving to another page of the portal, the focus starts at its heading;
// - the safety net: a bundle that panics is reported, and the resident is brought back to a
//   working page.
//
// When everything the page needs has run, `<html data-ready>` is set (tests and measurements
// wait for it).

const html = document.documentElement;

// ---------------------------------------------------------------------------------------------
// Display modes. The cookie `motcua_display` holds them as the server reads them
// (app/src/display/mod.rs: `text-150.contrast.speak`, or `normal`); `<html>` carries them as
// `data-text="150" data-contrast …`, which the style sheet follows.

const DISPLAY_COOKIE = "motcua_display";
const DISPLAY_MAX_AGE = 400 * 24 * 60 * 60;
const SWITCHES = ["contrast", "simple", "speak", "calm", "assist"];
const SIZES = ["100", "125", "150", "200"];

function readDisplayCookie() {
  const pair = document.cookie
    .split(";")
    .map((p) => p.trim().split("="))
    .find(([name]) => name === DISPLAY_COOKIE);
  if (!pair) return null;
  const modes = { text: "100", switches: new Set() };
  for (const part of (pair[1] || "").split(".")) {
    if (part.startsWith("text-") && SIZES.includes(part.slice(5))) modes.text = part.slice(5);
    else if (SWITCHES.includes(part)) modes.switches.add(part);
  }
  return modes;
}

function writeDisplayCookie(modes) {
  const parts = [];
  if (modes.text !== "100") parts.push(`text-${modes.text}`);
  for (const name of SWITCHES) if (modes.switches.has(name)) parts.push(name);
  const value = parts.length ? parts.join(".") : "normal";
  document.cookie = `${DISPLAY_COOKIE}=${value}; Path=/; Max-Age=${DISPLAY_MAX_AGE}; SameSite=Lax`;
}

function applyDisplay(modes) {
  html.setAttribute("data-text", modes.text);
  for (const name of SWITCHES) {
    if (modes.switches.has(name)) html.setAttribute(`data-${name}`, "");
    else html.removeAttribute(`data-${name}`);
  }
  for (const form of document.querySelectorAll("form.display-form")) {
    for (const input of form.elements) {
      if (input.name === "text") input.checked = input.value === modes.text;
      else if (SWITCHES.includes(input.name)) input.checked = modes.switches.has(input.name);
    }
  }
}

function displayFromForm(form) {
  const modes = { text: "100", switches: new Set() };
  for (const input of form.elements) {
    if (input.name === "text" && input.checked) modes.text = input.value;
    else if (SWITCHES.includes(input.name) && input.checked) modes.switches.add(input.name);
  }
  return modes;
}

{
  // A page kept by the service worker may predate the resident's last choice.
  const chosen = readDisplayCookie();
  if (chosen) applyDisplay(chosen);
}

document.addEventListener("change", (event) => {
  const form = event.target.closest && event.target.closest("form.display-form");
  if (!form) return;
  const modes = displayFromForm(form);
  writeDisplayCookie(modes);
  applyDisplay(modes);
});

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches || !form.matches("form.display-form")) return;
  // The modes already apply: only close the panel and give the focus back to its button.
  event.preventDefault();
  const panel = form.closest("details");
  if (panel) {
    panel.open = false;
    panel.querySelector("summary")?.focus();
  }
});

// ---------------------------------------------------------------------------------------------
// Reading aloud: one reading at a time on the page; the pressed button becomes "Stop reading".

const texts = () => document.getElementById("page-texts")?.dataset ?? {};
let reading = null;

/// The best voice for `language` (`vi` or `en`): the exact regional tag first (vi-VN, en-GB),
/// then any voice of the language; a voice on the device before a network one; earlier voices
/// win ties (browsers list their preferred voice first). None when the device has no voice for
/// the language: Vietnamese read by an English voice is worse than silence.
function pickVoice(voices, language) {
  const wanted = language === "en" ? "en-gb" : "vi-vn";
  const primary = (tag) => tag.split(/[-_]/)[0].toLowerCase();
  let best = null;
  let bestKey = null;
  voices.forEach((voice, index) => {
    if (primary(voice.lang) !== language) return;
    const key = [voice.lang.toLowerCase().replace("_", "-") === wanted ? 1 : 0, voice.localService ? 1 : 0, -index];
    if (!bestKey || key[0] > bestKey[0] || (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))) {
      best = voice;
      bestKey = key;
    }
  });
  return best;
}

function stopReading() {
  if (!reading) return;
  reading.classList.remove("listen__button--active");
  reading = null;
}

async function listen(button) {
  const problem = button.parentElement.querySelector(".listen__problem");
  if (reading === button) {
    window.speechSynthesis?.cancel();
    stopReading();
    return;
  }
  if (problem) problem.textContent = "";
  const synthesis = window.speechSynthesis;
  if (!synthesis || typeof SpeechSynthesisUtterance === "undefined") {
    if (problem) problem.textContent = texts().listenUnsupported ?? "";
    return;
  }
  const language = button.dataset.listenLang === "en" ? "en" : "vi";
  let voices = synthesis.getVoices();
  if (!voices.length) {
    // Browsers list their voices a moment after the page loads.
    await new Promise((resolve) => setTimeout(resolve, 400));
    voices = synthesis.getVoices();
  }
  const voice = pickVoice(voices, language);
  if (!voice) {
    if (problem) problem.textContent = (language === "en" ? texts().listenNoVoiceEn : texts().listenNoVoiceVi) ?? "";
    return;
  }
  synthesis.cancel();
  stopReading();
  const utterance = new SpeechSynthesisUtterance(button.dataset.listen ?? "");
  utterance.lang = language === "en" ? "en-GB" : "vi-VN";
  utterance.voice = voice;
  const ended = () => {
    if (reading === button) stopReading();
  };
  utterance.onend = ended;
  utterance.onerror = ended;
  synthesis.speak(utterance);
  reading = button;
  button.classList.add("listen__button--active");
}

document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("button[data-listen]");
  if (button) listen(button);
  const print = event.target.closest && event.target.closest("button[data-print]");
  if (print) window.print();
});

// ---------------------------------------------------------------------------------------------
// The network badge and the dossiers waiting to be sent. Whether the portal answers is asked with
// one small request when the page opens, when the network or the tab comes back, and every 30
// seconds while it does not answer or dossiers wait.

const WAITING_KEY = "motcua.waiting";
let online = navigator.onLine;

/**
 * How many dossiers wait to be sent, as the app last counted them (in `localStorage`); 0 where
 * the browser keeps nothing for the site (site data turned off: reading `localStorage` throws,
 * and no dossier can wait there).
 */
function waitingCount() {
  try {
    return Number(localStorage.getItem(WAITING_KEY) || 0);
  } catch (_) {
    return 0;
  }
}

function showNetwork() {
  for (const badge of document.querySelectorAll(".network")) badge.dataset.online = String(online);
  const waiting = waitingCount();
  for (const link of document.querySelectorAll(".network__waiting")) {
    link.hidden = !(waiting > 0);
    if (waiting > 0) link.textContent = (link.dataset.template || "{n}").replace("{n}", String(waiting));
  }
}

async function probe() {
  if (!navigator.onLine) {
    online = false;
  } else {
    try {
      const response = await fetch("/healthz", { method: "HEAD", cache: "no-store" });
      online = response.ok;
    } catch (_) {
      online = false;
    }
  }
  showNetwork();
  if (online) runOutbox();
  return online;
}

addEventListener("offline", () => {
  online = false;
  showNetwork();
});
addEventListener("online", probe);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") probe();
});
// Every 30 seconds while the portal does not answer, and while dossiers wait: a try that failed
// because the portal was down changes nothing the browser would tell (no `online` event), so
// the page asks again rather than leave them waiting until the next visit.
setInterval(() => {
  if (document.visibilityState !== "visible") return;
  if (!online || waitingCount() > 0) probe();
}, 30_000);
// Another tab queued or sent a dossier.
addEventListener("storage", (event) => {
  if (event.key === WAITING_KEY) {
    showNetwork();
    if (online) runOutbox();
  }
});
// An island of this page changed the count.
addEventListener("motcua:waiting", showNetwork);
// An island queued a dossier (or papers): send it now, whatever the count says yet.
addEventListener("motcua:send", () => runOutbox(true));

// ---------------------------------------------------------------------------------------------
// Islands. Each `[data-island]` names the bundle that renders it (`data-js`, `data-wasm`). The
// offline kit (every resident's island in one bundle, kept by the service worker) is used instead
// when the device has it, so a page never downloads a bundle the device already holds in
// another form.

const bundles = new Map();
const kit = document.querySelector('meta[name="motcua-kit"]');

async function kitKept() {
  if (!kit || !("caches" in window)) return false;
  try {
    return !!(await caches.match(kit.dataset.wasm)) && !!(await caches.match(kit.dataset.js));
  } catch (_) {
    return false;
  }
}

function loadBundle(js, wasm) {
  if (!bundles.has(js)) {
    const loading = import(js).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
    // A failed download is tried again next time (the page stays usable meanwhile).
    loading.catch(() => bundles.delete(js));
    bundles.set(js, loading);
  }
  return bundles.get(js);
}

async function mountIslands() {
  const islands = [...document.querySelectorAll("[data-island]:not([data-island-state])")];
  if (!islands.length) return;
  if (islands.some((i) => i.dataset.posted)) history.replaceState(history.state, "", location.href);
  const useKit = await kitKept();
  await Promise.all(
    islands.map(async (island) => {
      const desk = island.dataset.bundle === "desk";
      const [js, wasm] = useKit && !desk ? [kit.dataset.js, kit.dataset.wasm] : [island.dataset.js, island.dataset.wasm];
      island.dataset.islandState = "loading";
      serverHtml.set(island, island.innerHTML);
      try {
        const module = await loadBundle(js, wasm);
        if (!module.mount(island.dataset.island, island)) throw new Error(`no island ${island.dataset.island}`);
        island.dataset.islandState = "mounted";
      } catch (error) {
        // A bundle that trapped while mounting is dead: the safety net below.
        if (isTrap(error)) return pageFailed(error);
        // The server's HTML stays: links and forms keep working. Say so where the island needed
        // the script to show anything, and try again when the network comes back.
        island.dataset.islandState = "failed";
        console.warn("island", island.dataset.island, error);
        const notice = island.parentElement?.querySelector(":scope > .island-failed");
        if (notice) notice.hidden = false;
      }
    }),
  );
}

addEventListener("online", () => {
  // Never into a bundle that died (the safety net gave the page back to the server's HTML).
  if (html.hasAttribute("data-failed")) return;
  const failed = document.querySelectorAll('[data-island-state="failed"]');
  for (const island of failed) delete island.dataset.islandState;
  if (failed.length) mountIslands();
});

document.addEventListener("click", (event) => {
  const retry = event.target.closest && event.target.closest("button[data-island-retry]");
  if (!retry) return;
  location.reload();
});

// The outbox: queued dossiers are sent whenever a page of the portal runs and the portal
// answers. The bundle that sends them is the kit when the device keeps it (the page's islands
// run in it too), else the small `outbox` bundle.
const outbox = document.querySelector('meta[name="motcua-outbox"]');
let outboxRunning = false;

async function runOutbox(queued = false) {
  // Offline, nothing is tried: the outbox runs when the network is back (`online`, then probe).
  if (!online || outboxRunning || !(queued || waitingCount() > 0)) return;
  outboxRunning = true;
  try {
    let files = null;
    if (kit && (await kitKept())) files = kit.dataset;
    else if (outbox && outbox.dataset.js) files = outbox.dataset;
    if (!files) return;
    const module = await loadBundle(files.js, files.wasm);
    await module.send_outbox();
  } catch (error) {
    console.warn("outbox", error);
  } finally {
    outboxRunning = false;
  }
}

// ---------------------------------------------------------------------------------------------
// The service worker: registered once the page is ready and the browser idle, so it never
// delays the page. It keeps every page opened; the first page (loaded before the worker) and the
// procedure record a procedure's pages use offline are asked for here.

const idle = (callback) => ("requestIdleCallback" in window ? requestIdleCallback(callback, { timeout: 3000 }) : setTimeout(callback, 200));

function procedureCode(path) {
  const match = /^\/procedures\/([0-9.]+)(\/|$)/.exec(path);
  return match ? match[1] : null;
}

async function startServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  let registration;
  try {
    registration = await container.register("/sw.js");
  } catch (_) {
    return;
  }
  // A browser (or a test) that blocks service workers may answer with nothing.
  if (!registration) return;
  watchUpdates(container, registration);
  const urls = [];
  const controlled = !!container.controller;
  if (!controlled) {
    urls.push(location.pathname + location.search);
    // Files this first page loaded before the worker was there.
    for (const entry of performance.getEntriesByType("resource")) {
      const url = new URL(entry.name);
      if (url.origin === location.origin && (url.pathname.startsWith("/pkg/") || url.pathname.startsWith("/catalogue/"))) urls.push(entry.name);
    }
  }
  const code = procedureCode(location.pathname);
  // What the procedure's pages and a dossier of it need offline: its record, its definition (the
  // check's rules and the form) and its form alone (what the dossier's pages fetch).
  if (code) {
    for (const what of ["procedure", "definition", "form"]) urls.push(`/api/catalogue/${what}?code=${code}`);
  }
  if (!urls.length) return;
  const ready = await container.ready;
  ready.active?.postMessage({ type: "keep", urls });
}

// The device keeps data written by a newer version of the portal (this one came from a cache):
// ask for the new version now; the notice below offers it once it is installed.
addEventListener("motcua:newer", () => {
  navigator.serviceWorker?.getRegistration().then((registration) => registration?.update()).catch(() => {});
});

function watchUpdates(container, registration) {
  const notice = document.querySelector(".update-notice");
  if (!notice) return;
  const show = () => {
    if (container.controller) notice.hidden = false;
  };
  if (registration.waiting) show();
  const follow = (worker) =>
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed") show();
    });
  if (registration.installing) follow(registration.installing);
  registration.addEventListener("updatefound", () => {
    if (registration.installing) follow(registration.installing);
  });
  notice.querySelector("[data-update-apply]")?.addEventListener("click", async () => {
    // The new version takes over, then the page reloads into it (drafts are in IndexedDB).
    container.addEventListener("controllerchange", () => location.reload());
    const current = await container.getRegistration();
    if (current?.waiting) current.waiting.postMessage({ type: "activate" });
    else location.reload();
  });
}

// ---------------------------------------------------------------------------------------------
// The safety net. A bundle that panics (or traps) is dead, and its islands with it; whatever
// caused it (a bug, a page changed by the browser's translation or an extension), the resident
// must not be left with a frozen page. The failure is reported to the server, then the same
// address is loaded again: the server renders it whole and the islands start afresh from what
// the device keeps (drafts are written as they are typed). If the page fails again within a
// minute, it is not reloaded again: the islands get the server's HTML back (links and forms work
// without script) and a plain sentence says what happened.

const FAILED_KEY = "motcua.failed";
const serverHtml = new Map();
let failing = false;

function pageFailed(message) {
  if (failing) return;
  failing = true;
  reportFailure(message);
  const here = location.pathname + location.search;
  let last = null;
  try {
    last = JSON.parse(sessionStorage.getItem(FAILED_KEY) || "null");
  } catch (_) {
    // Unreadable: as if there were none.
  }
  const again = last && last.page === here && Date.now() - last.at < 60_000;
  if (!again) {
    try {
      sessionStorage.setItem(FAILED_KEY, JSON.stringify({ page: here, at: Date.now() }));
      location.reload();
      return;
    } catch (_) {
      // Nothing can be remembered across a reload: no reload, lest it loop.
    }
  }
  for (const [island, content] of serverHtml) {
    island.innerHTML = content;
    island.dataset.islandState = "dead";
    const notice = island.parentElement?.querySelector(":scope > .island-failed");
    if (notice) notice.hidden = false;
  }
  const notice = document.querySelector(".failure-notice");
  if (notice) notice.hidden = false;
  html.setAttribute("data-failed", "");
  // The dead bundle's listeners stay on the window (one holds a link until a draft is written,
  // which will never be): a link is followed without them.
  addEventListener(
    "click",
    (event) => {
      if (event.target.closest && event.target.closest("a[href]")) event.stopImmediatePropagation();
    },
    true,
  );
}

function reportFailure(message) {
  const bundles = [...new Set([...document.querySelectorAll("[data-island]")].map((i) => i.dataset.js || ""))];
  const report = { message: String(message).slice(0, 1000), route: location.pathname, build: bundles.join(" ").slice(0, 80) };
  fetch("/api/browser-failures", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(report),
    keepalive: true,
  }).catch(() => {});
}

const isTrap = (error) => typeof WebAssembly !== "undefined" && error instanceof WebAssembly.RuntimeError;
addEventListener("motcua:panic", (event) => pageFailed(event.detail));
addEventListener("error", (event) => {
  if (isTrap(event.error)) pageFailed(event.error);
});
addEventListener("unhandledrejection", (event) => {
  if (isTrap(event.reason)) pageFailed(event.reason);
});

// ---------------------------------------------------------------------------------------------
// Focus: after moving to another page of the portal, screen readers and keyboards start at the
// new page's heading (or at its error summary), unless the resident already moved the focus.

function focusHeading() {
  if (location.hash || document.activeElement !== document.body) return;
  const sameSite = document.referrer && new URL(document.referrer).origin === location.origin;
  if (!sameSite) return;
  const target = document.getElementById("error-summary") || document.querySelector("main h1");
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus();
}

// ---------------------------------------------------------------------------------------------

async function start() {
  showNetwork();
  probe();
  await mountIslands();
  focusHeading();
  // Islands that read the device draw their page (and its heading) a moment later: follow them
  // for a few seconds, as long as the resident has not moved the focus.
  const main = document.querySelector("main");
  if (main) {
    const observer = new MutationObserver(focusHeading);
    observer.observe(main, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), 5000);
  }
  html.setAttribute("data-ready", "");
  idle(startServiceWorker);
}

start();
