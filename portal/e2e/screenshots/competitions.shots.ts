import { expect } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

const PUBLISHED_2025 = '00000000-0000-4000-8000-000000000c25';
const OPEN_2026 = '00000000-0000-4000-8000-000000000c26';

export const shots: Shot[] = [
  {
    name: 'competitions-list',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/competitions');
      await expect(page.getByRole('link', { name: 'Lomba Inovasi Sekolah Nasional Generasi Trakindo 2025' })).toBeVisible();
    },
  },
  {
    name: 'competition-2025-results',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/competitions/${PUBLISHED_2025}`);
      await expect(page.getByRole('region', { name: 'Hasil kompetisi' }).getByText('Hasil sekolah Anda')).toBeVisible();
    },
  },
  {
    name: 'competition-2026-open',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/competitions/${OPEN_2026}`);
      await expect(page.getByRole('region', { name: 'Kategori dan rubrik penilaian' })).toBeVisible();
    },
  },
  {
    name: 'competition-entry-new',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/competitions/${OPEN_2026}/entries/new`);
      const plan = page.getByLabel('Program dalam rencana sekolah');
      await plan.selectOption({ index: 1 });
      await expect(page.getByLabel('Judul karya')).not.toHaveValue('');
      await page.getByRole('button', { name: 'Tambah anggota tim' }).click();
      await page.getByLabel('Nama anggota 1').fill('Nurul Hidayah, S.Pd.');
      await page.getByLabel('Peran anggota 1').fill('Guru kelas 5, koordinator inovasi');
      // Typing scrolled the page: capture it from the top.
      await page.getByLabel('Peran anggota 1').blur();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
];
