import { expect } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

/** The demo's published reading-corner practice of SDN Pelambuan 4 (read only here: nothing is changed). */
const POJOK_BACA = '00000000-0000-4000-8000-0000b1000001';

export const shots: Shot[] = [
  {
    name: 'practices-library',
    as: DEMO.officer,
    go: async (page) => {
      await page.goto('/practices?q=pojok%20baca');
      await expect(page.getByRole('link', { name: 'Pojok Baca Kelas: 15 Menit Membaca Setiap Pagi' })).toBeVisible();
    },
  },
  {
    name: 'practice-page',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto(`/practices/${POJOK_BACA}`);
      await expect(page.getByRole('region', { name: 'Siapa yang dihubungi' })).toBeVisible();
    },
  },
  {
    name: 'practice-share',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/practices/new');
      await page.getByRole('radio', { name: 'Program dari rencana yang sudah selesai' }).check();
      await page.getByLabel('Program rencana').selectOption({ label: '2024 · Gerakan Literasi Sekolah: Pojok Baca Kelas' });
      await page.getByRole('button', { name: 'Isi dari sumber ini' }).click();
      await expect(page.getByLabel('Judul')).toHaveValue('Gerakan Literasi Sekolah: Pojok Baca Kelas');
    },
  },
  {
    name: 'practices-events',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/practices/events');
      await expect(page.getByRole('heading', { name: 'Berbagi Praktik Baik: Pojok Baca dan Kelas Ramah Anak' })).toBeVisible();
    },
  },
];
