import type { Page } from '@playwright/test';

/** One page of a journey to capture for docs/screenshots/ (in Bahasa, at desktop and phone size). */
export interface Shot {
  /** File name without extension, e.g. "plans-2026-form". */
  name: string;
  /** The user to sign in as (a demo email), or null for a page before sign-in. */
  as: string | null;
  /** Navigates to the state to capture (already signed in). */
  go(page: Page): Promise<void>;
}
