import { expect } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

/** The demo program (Generasi Trakindo), as the CSR officer reads it. */
export const shots: Shot[] = [
  {
    name: 'programs-list',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/programs');
      await expect(page.getByRole('link', { name: 'Generasi Trakindo' })).toBeVisible();
    },
  },
  {
    name: 'program-generasi-trakindo',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/programs');
      await page.getByRole('link', { name: 'Generasi Trakindo' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Generasi Trakindo' })).toBeVisible();
      await expect(page.getByText('Sisa pagu').first()).toBeVisible();
      await expect(page.getByText(/Kohort tahun ini \(\d+ sekolah\)/).first()).toBeVisible();
    },
  },
  {
    name: 'partnerships-list',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/partnerships?status=active');
      await expect(page.getByRole('link', { name: 'SDN Pelambuan 4 Banjarmasin' })).toBeVisible();
    },
  },
  {
    name: 'partnership-pelambuan-4',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/partnerships?status=active');
      await page.getByRole('link', { name: 'SDN Pelambuan 4 Banjarmasin' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'SDN Pelambuan 4 Banjarmasin' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Perjalanan kemitraan' })).toBeVisible();
    },
  },
];
