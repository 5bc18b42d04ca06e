import { expect, type Page } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

/** The grants page, then one grant by its year. */
async function openGrant(page: Page, year: number) {
  await page.goto('/grants');
  await page.getByRole('link', { name: new RegExp(`^Hibah ${year} ·`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hibah Stimulus ${year}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Riwayat dana' }).getByText('Hibah ditetapkan').first()).toBeAttached();
}

export const shots: Shot[] = [
  {
    name: 'grants-list',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/grants');
      await expect(page.getByRole('link', { name: /^Hibah 2025 ·/ })).toBeVisible();
    },
  },
  {
    name: 'grant-2025',
    as: DEMO.principal,
    go: (page) => openGrant(page, 2025),
  },
  {
    name: 'expense-report-new',
    as: DEMO.principal,
    go: async (page) => {
      await openGrant(page, 2025);
      await page.getByRole('link', { name: 'Buat laporan pengeluaran' }).click();
      await page.getByLabel('Judul laporan').fill('Laporan termin 1: Juli–September');
      const line = page.getByRole('group', { name: 'Baris 1' });
      await line.getByLabel('Baris anggaran').selectOption({ index: 1 });
      await line.getByLabel('Uraian belanja').fill('Honor narasumber pelatihan disiplin positif');
      await line.getByLabel('Jumlah (Rp)').fill('1.200.000');
      await expect(page.getByRole('region', { name: 'Total belanja' })).toContainText('Rp 1.200.000');
    },
  },
  {
    name: 'expense-report-submitted',
    as: DEMO.principal,
    go: async (page) => {
      await openGrant(page, 2025);
      await page.getByRole('region', { name: 'Laporan pengeluaran' }).getByRole('link', { name: /^Laporan termin 1/ }).click();
      await expect(page.getByText('Rincian belanja')).toBeVisible();
    },
  },
  {
    name: 'grant-2024-settled',
    as: DEMO.principal,
    go: (page) => openGrant(page, 2024),
  },
  // The company's side (read only: nothing is saved).
  {
    name: 'grants-csr-list',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/grants');
      await expect(page.getByRole('link', { name: /^Hibah 2025 ·/ }).first()).toBeVisible();
      await expect(page.getByLabel('Tahun program').locator('option').nth(1)).toBeAttached();
    },
  },
  {
    name: 'grants-csr-award',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/grants/new');
      await page.getByLabel('Kemitraan (sekolah)').selectOption({ label: 'SDN Pelambuan 4 Banjarmasin · Generasi Trakindo' });
      await page.getByLabel('Tahun program').selectOption({ index: 1 });
      await expect(page.getByRole('region', { name: 'Pagu anggaran tahun ini' }).getByText('Sisa pagu')).toBeVisible();
      await page.getByLabel('Nilai hibah (Rp)').fill('150.000.000');
    },
  },
  {
    name: 'grants-csr-grant',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/grants');
      await page.getByRole('link', { name: /^Hibah 2025 ·/ }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'Hibah Stimulus 2025' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Riwayat dana' }).getByText('Hibah ditetapkan').first()).toBeAttached();
    },
  },
  {
    name: 'grants-csr-disburse',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/grants');
      await page.getByRole('link', { name: /^Hibah 2025 ·/ }).first().click();
      await page.getByRole('button', { name: 'Catat pencairan' }).click();
      await expect(page.getByRole('dialog', { name: 'Catat pencairan termin' }).getByText('Masih dapat dicairkan')).toBeVisible();
    },
  },
  {
    name: 'grants-csr-review',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/grants');
      await page.getByRole('link', { name: /^Hibah 2025 ·/ }).first().click();
      await page.getByRole('region', { name: 'Laporan pengeluaran' }).getByRole('link', { name: /^Laporan termin 1/ }).click();
      await expect(page.getByRole('heading', { level: 2, name: /Periksa laporan|Rincian belanja/ })).toBeVisible();
    },
  },
];
