import { test, expect, Page } from '@playwright/test';
import { onOwnServer } from './own-server';
import { interactive } from './fixtures';
import { openBirthDossier, fillApplicant, saved } from './dossier-helpers';

// The app never dies: when a page's wasm panics or traps (a bug, a page changed by the
// browser's translation or an extension), the failure is reported to the server (counted on
// /healthz), the same address is loaded again once, and a second failure on it within a minute
// leaves a working page (the server's HTML, links and forms) with a plain sentence, never a
// reload loop and never a lost draft.

test.use({ serviceWorkers: 'block' });

/** A genuine WebAssembly trap, thrown from an event the page did not expect to fail. */
async function trap(page: Page) {
  await page.evaluate(() => {
    // (module (func (export "boom") unreachable))
    const bytes = new Uint8Array([
      0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 98, 111, 111, 109, 0, 0, 10, 5, 1, 3, 0, 0, 11,
    ]);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    setTimeout(() => (instance.exports.boom as () => void)(), 0);
  });
}

/** What a bundle's panic hook does (app/src/island.rs): tells the page, with the message. */
async function panic(page: Page) {
  await page.evaluate(() =>
    dispatchEvent(new CustomEvent('motcua:panic', { detail: 'panicked at src/x.rs: reactive value already disposed' })),
  );
}

test('a page whose wasm fails is reported and loaded again, then left working with a plain sentence', async ({ page }, info) => {
  await onOwnServer(info, 90_000, async (server) => {
    const dossier = await openBirthDossier(page, server.url);
    await page.goto(server.url + dossier + '/applicant');
    await interactive(page);
    await fillApplicant(page, 'Phạm Văn Bình');
    await saved(page);

    // A trap: reported, and the same address loaded again, drawn afresh from the device.
    const reloaded = page.waitForEvent('load');
    await trap(page);
    await reloaded;
    await interactive(page);
    await expect(page).toHaveURL(server.url + dossier + '/applicant');
    await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Phạm Văn Bình');
    await expect(page.getByTestId('failure-notice')).toBeHidden();
    await expect.poll(() => server.health().then((h) => h.browser_failures)).toBe(1);

    // Failing again at once: no second reload (no loop); the page says so and still works.
    let loads = 0;
    page.on('load', () => (loads += 1));
    await panic(page);
    const notice = page.getByTestId('failure-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Hồ sơ trên thiết bị của bạn vẫn an toàn');
    await expect(page.locator('html')).toHaveAttribute('data-failed', '');
    await expect.poll(() => server.health().then((h) => h.browser_failures)).toBe(2);
    await page.waitForTimeout(1_000);
    expect(loads).toBe(0);
    // The network coming back does not mount islands into the dead bundle again.
    // (Islands to be mounted again lose their state in the event's own handler.)
    const remounted = await page.evaluate(() => {
      dispatchEvent(new Event('online'));
      return document.querySelectorAll('[data-island]:not([data-island-state="dead"])').length;
    });
    expect(remounted).toBe(0);
    // Its links still lead on, and the draft is intact.
    await notice.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await interactive(page);
    await expect(page.locator('.dossier-row')).toHaveCount(1);
    await page.goto(server.url + dossier + '/applicant');
    await interactive(page);
    await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Phạm Văn Bình');
  });
});

test('a failing page where nothing can be remembered is not reloaded in a loop', async ({ page }, info) => {
  await onOwnServer(info, 90_000, async (server) => {
    await page.goto(server.url + '/procedures');
    await interactive(page);
    // A browser that refuses sessionStorage (storage blocked for the site).
    await page.evaluate(() => {
      Object.defineProperty(window, 'sessionStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    let loads = 0;
    page.on('load', () => (loads += 1));
    await trap(page);
    await expect(page.getByTestId('failure-notice')).toBeVisible();
    // The search form is the server's again: it still works without the wasm.
    await page.getByRole('searchbox').fill('khai sinh');
    await page.getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(/\/procedures\?q=khai/);
    expect(loads).toBe(1);
    await expect.poll(() => server.health().then((h) => h.browser_failures)).toBe(1);
  });
});

test('a page changed by the browser translation before its wasm arrived still starts', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  // Chrome's translation wraps every text in <font><font>…</font></font>; here it does so before
  // the page's bundle has arrived (held back until then).
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pkg/dossiers.*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto('/dossiers', { waitUntil: 'domcontentloaded' });
  const wrapped = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    for (const text of texts.filter((t) => t.data.trim())) {
      const outer = document.createElement('font');
      const inner = document.createElement('font');
      inner.textContent = text.data;
      outer.append(inner);
      text.replaceWith(outer);
    }
    return texts.length;
  });
  expect(wrapped).toBeGreaterThan(10);
  release();
  await interactive(page);
  // The list is drawn from the device and works: the dossier opens.
  await expect(page.locator('.dossier-row')).toHaveCount(1);
  await page.locator('.dossier-row h2 a').click();
  await expect(page).toHaveURL(new RegExp(dossier + '$'));
  await interactive(page);
  await expect(page.locator('.task-list')).toBeVisible();
  expect(errors).toEqual([]);
});
