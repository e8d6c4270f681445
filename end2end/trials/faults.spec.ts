import { test, expect, Page, BrowserContext, CDPSession } from '@playwright/test';
import * as fs from 'node:fs';
import { OwnServer } from '../tests/own-server';
import { completeBirthDossier, openBirthDossier, prepareSending } from '../tests/dossier-helpers';
import { interactive } from '../tests/fixtures';
import { png } from '../tests/images';
import { Link } from './link';

// Fault trials in the browser (`make trials`, also part of `make bench`; repeated with
// --repeat-each): a resident sends a dossier with a photo on a poor mobile link and
// - the network is cut while the photo is being uploaded (a relay between browser and server
//   drops the connections), then comes back;
// - the page is reloaded while the dossier is being sent.
// Each trial runs on a server of its own, records how many dossiers it stored (one line of
// JSON in $TRIALS_OUT), and fails unless there is exactly one.

test.use({ serviceWorkers: 'block' });
test.setTimeout(180_000);

/** A poor mobile link (for the reload trial): the photo takes seconds to upload. */
const POOR_LINK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 20_000 };
const OPEN_LINK = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const CUT = { offline: true, latency: 0, downloadThroughput: 0, uploadThroughput: 0 };

function record(result: object) {
  const out = process.env.TRIALS_OUT;
  if (out) fs.appendFileSync(out, JSON.stringify(result) + '\n');
}

/** A complete birth dossier with a photo, on the review page, ready to send. */
async function ready(page: Page, server: { url: string }): Promise<string> {
  const dossier = await openBirthDossier(page, server.url);
  await completeBirthDossier(page, server.url + dossier, png(1600, 1200));
  await prepareSending(page, server.url + dossier);
  return dossier;
}

async function link(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', POOR_LINK);
  return cdp;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the network is cut mid-upload and restored: the outbox finishes, one dossier', async ({ page, context }, info) => {
  const server = new OwnServer(info);
  await server.start();
  // The browser reaches the server through a link that is really cut: the photo's upload stops
  // half sent, the server sees its connection drop.
  const link = new Link(Number(new URL(server.url).port), Number(new URL(server.url).port) + 1, 16_000);
  await link.start();
  try {
    const dossier = await ready(page, link);
    let uploadsCut = 0;
    page.on('requestfailed', (request) => {
      if (request.url().includes('/api/dossiers/attachment')) uploadsCut += 1;
    });
    const cdp = await context.newCDPSession(page);
    const uploading = page.waitForRequest('**/api/dossiers/attachment');
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await uploading;
    const cutAfter = 150 + Math.floor(Math.random() * 650);
    await wait(cutAfter);
    // The phone loses its signal: the link drops and the browser knows it is offline.
    link.cut();
    await cdp.send('Network.emulateNetworkConditions', CUT);
    await wait(2_000);
    link.restore();
    await cdp.send('Network.emulateNetworkConditions', OPEN_LINK);
    await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 90_000 });
    await expect(page.getByTestId('tracking-code')).toBeVisible();
    const stored = await server.dossiers();
    record({ trial: 'network-cut-mid-upload', stored, cut_after_ms: cutAfter, uploads_cut: uploadsCut });
    expect(uploadsCut, 'the cut fell on an upload under way').toBeGreaterThan(0);
    expect(stored).toBe(1);
  } finally {
    await link.stop();
    await server.stop();
  }
});

test('the page is reloaded during the submission: one dossier', async ({ page, context }, info) => {
  const server = new OwnServer(info);
  await server.start();
  try {
    const dossier = await ready(page, server);
    await link(context, page);
    const sending = page.waitForRequest(/\/api\/dossiers\/(attachment|submit)/);
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await sending;
    const reloadAfter = Math.floor(Math.random() * 1_500);
    await wait(reloadAfter);
    await page.reload();
    await interactive(page);
    await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 90_000 });
    await expect(page.getByTestId('tracking-code')).toBeVisible();
    const stored = await server.dossiers();
    record({ trial: 'reload-during-submission', stored, reload_after_ms: reloadAfter });
    expect(stored).toBe(1);
  } finally {
    await server.stop();
  }
});

test('two tabs send the same draft, a random moment apart: one dossier', async ({ page, context }, info) => {
  const server = new OwnServer(info);
  await server.start();
  try {
    const dossier = await ready(page, server);
    // A second tab (as a resident who opened the dossier twice), on the same review page.
    const other = await context.newPage();
    await other.goto(server.url + dossier + '/review');
    await interactive(other);
    const apart = Math.floor(Math.random() * 1_500);
    const send = async (p: Page) => {
      // The second tab may already show the dossier as sent (it heard so): nothing to press.
      const button = p.getByRole('button', { name: 'Gửi hồ sơ' });
      if (await button.isVisible()) await button.click({ timeout: 2_000 }).catch(() => {});
    };
    await Promise.all([send(page), wait(apart).then(() => send(other))]);
    const code = async (p: Page) => {
      await expect(p).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 90_000 });
      return (await p.getByTestId('tracking-code').textContent())!.trim();
    };
    const [first, second] = await Promise.all([code(page), code(other)]);
    const stored = await server.dossiers();
    record({ trial: 'two-tabs-send', stored, apart_ms: apart, same_receipt: first === second });
    expect(second).toBe(first);
    expect(stored).toBe(1);
  } finally {
    await server.stop();
  }
});
