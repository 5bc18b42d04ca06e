import { expect } from '@playwright/test';
import type { Shot } from '../support/shots';
import { DEMO } from '../support/fixtures';

export const shots: Shot[] = [
  {
    name: 'sign-in',
    as: null,
    go: async (page) => {
      await page.goto('/login');
      await expect(page.getByRole('heading', { name: 'Masuk ke Jalin' })).toBeVisible();
    },
  },
  {
    name: 'home-principal',
    as: DEMO.principal,
    go: async (page) => {
      await expect(page.getByRole('heading', { name: 'Yang perlu Anda kerjakan sekarang' })).toBeVisible();
      await expect(page.getByRole('link').filter({ hasText: 'komentar' }).first()).toBeVisible();
    },
  },
];
