import { defineConfig } from '@playwright/test';

// One port for the whole run, fixed in the main process so the workers (which inherit the
// environment) agree with the server the global setup starts. Below Linux's ephemeral range
// (32768-60999), so no outgoing connection on the machine (the API's own to PostgreSQL included) can
// be holding it when the API starts to listen.
process.env.JALIN_PORTAL_PORT ??= String(20000 + (process.pid % 4000));
const baseURL = `http://127.0.0.1:${process.env.JALIN_PORTAL_PORT}`;

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './e2e/support/global-setup.ts',
  // The journeys share one API and one database: one browser at a time keeps them from racing.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Generous bounds: the journeys wait on what a person sees, and CI machines may be busy.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  // One folder per run: runs side by side must not clear each other's traces.
  outputDir: `../.data/playwright-results/${process.env.JALIN_PORTAL_PORT}`,
  use: {
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    viewport: { width: 1366, height: 768 },
    actionTimeout: 45_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
