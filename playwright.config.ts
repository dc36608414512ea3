import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer, served by browser mode with the real core behind it,
 * in Debian's Chromium (Playwright cannot download its own browsers on this machine).
 * Each test starts its own server with its own config folder: see tests/e2e/fixtures.ts.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry on CI only: a test that passes on the retry is reported as "flaky" in the output,
  // to be fixed, but a loaded 2-core CI machine should not block a landing on one timing hiccup.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1360, height: 860 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PCS_CHROMIUM ?? '/usr/bin/chromium',
      // As root in a sandbox-less container, and with no network: keep Chromium from phoning home.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
