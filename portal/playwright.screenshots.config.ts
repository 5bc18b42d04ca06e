import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run portal:screenshots`: a PNG of every page of the journeys, in Bahasa, desktop and phone. */
export default defineConfig({
  ...base,
  testDir: './e2e/screenshots',
  testMatch: /capture\.ts$/,
});
