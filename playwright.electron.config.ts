import { defineConfig } from '@playwright/test';

/**
 * The end-to-end test of the desktop window itself (`npm run test:electron`, which builds first).
 * Needs the Electron binary, which `npm install` downloads; on a machine without it the tests are
 * skipped with the reason. Not part of `npm test`: browser mode's e2e tests cover the screens.
 */
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
