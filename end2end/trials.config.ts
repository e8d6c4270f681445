import { defineConfig, devices } from '@playwright/test';
import * as path from 'node:path';
import { chromiumLaunch } from './playwright.config';

// `make trials`: the browser's fault trials (trials/), one at a time, each on a server of its
// own; repeated with --repeat-each (the Makefile passes TRIALS).
const root = path.resolve(__dirname, '..');

export default defineConfig({
  testDir: './trials',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: path.join(root, 'target', 'bench', 'trials-results'),
  timeout: 180_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 360, height: 740 },
    launchOptions: chromiumLaunch,
  },
});
