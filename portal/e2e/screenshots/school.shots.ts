import { expect } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

export const shots: Shot[] = [
  {
    name: 'school-profile',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/school');
      await expect(page.getByLabel('Jumlah siswa')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Narahubung' }).getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: 'school-contact-new',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/school');
      await page.getByRole('button', { name: 'Tambah narahubung' }).click();
      const dialog = page.getByRole('dialog', { name: 'Narahubung baru' });
      await dialog.getByLabel('Nama').fill('Nurul Hidayah, S.Pd.');
      await dialog.getByLabel('Jabatan').fill('Koordinator Literasi');
    },
  },
  {
    name: 'partnership-timeline',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/timeline');
      await page.getByRole('button', { name: /^2025/ }).click();
      await expect(page.getByRole('list', { name: 'Catatan tahun 2025' })).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
];
