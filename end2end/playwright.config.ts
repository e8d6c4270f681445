import { defineConfig, devices } from '@playwright/test';
import * as path from 'node:path';

// The suite runs against a release build of the server (made by `make test`), started here on
// its own port with a scratch database, so a developer's `make run` on :3000 is left alone.
const port = Number(process.env.E2E_PORT ?? 3100);
const root = path.resolve(__dirname, '..');
const scratch = process.env.E2E_DATA_DIR ?? path.join(root, 'target', 'e2e', 'data');

/** Debian's Chromium: browsers cannot be downloaded here. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never', outputFolder: path.join(root, 'target', 'e2e', 'report') }]],
  outputDir: path.join(root, 'target', 'e2e', 'results'),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunch,
  },
  // Residents come on phones: every journey runs at 360 px. At 1280 px run what depends on the
  // width (the pages' layout and accessibility in the default mode, the display modes, the
  // shell, the catalogue), and what is used at a desk: the help desk, and the link-following
  // test (its pages are the same at every width). Once each keeps `make test` well inside CI's
  // hour on two cores.
  projects: [
    {
      name: 'phone',
      testIgnore: ['**/desk.spec.ts', '**/links.spec.ts'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 360, height: 740 }, isMobile: false },
    },
    {
      name: 'desktop',
      testMatch: ['**/accessibility.spec.ts', '**/display.spec.ts', '**/shell.spec.ts', '**/catalogue.spec.ts', '**/desk.spec.ts', '**/links.spec.ts'],
      // The other display modes change the layout the same way at every width: scanned at 360 px.
      grepInvert: /\((vi|en), (large text 200 %|high contrast|simple mode)\)/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: path.join(root, 'target', 'release', 'server'),
    cwd: root,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: process.env.E2E_SERVER_LOG ? 'pipe' : 'ignore',
    stderr: 'pipe',
    env: {
      MOTCUA_LISTEN: `127.0.0.1:${port}`,
      MOTCUA_DATA_DIR: scratch,
      // Plain HTTP on this machine.
      MOTCUA_SECURE_COOKIES: 'false',
      MOTCUA_SITE_ROOT: path.join(root, 'target', 'site'),
      MOTCUA_LOG: process.env.E2E_SERVER_LOG ?? 'warn',
    },
  },
});
