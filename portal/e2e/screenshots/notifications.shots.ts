import { expect } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

export const shots: Shot[] = [
  {
    name: 'notifications',
    as: DEMO.csr,
    go: async (page) => {
      await page.getByRole('link', { name: /^Notifikasi, \d+ belum dibaca$/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible();
      await expect(page.getByText('Baru').first()).toBeVisible();
    },
  },
];
