import { expect, type Page } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

/** The facilities list, then one item by its name. */
async function openItem(page: Page, name: string) {
  await page.goto('/facilities');
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

// Read only: nothing is saved, so the demo stays as it is for the other pages.
export const shots: Shot[] = [
  {
    name: 'facilities-csr-list',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/facilities');
      await expect(page.getByRole('link', { name: 'Wastafel cuci tangan stainless empat kran' }).first()).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'facility-new',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/facilities/new');
      await page.getByLabel('Kemitraan (sekolah)').selectOption({ label: 'SDN Pelambuan 4 Banjarmasin · Generasi Trakindo' });
      await page.getByLabel('Tahun program').selectOption({ index: 1 });
      await page.getByRole('combobox', { name: 'Kategori', exact: true }).selectOption({ label: 'Peralatan UKS' });
      await page.getByLabel('Nama barang').fill('Tandu lipat dan kotak P3K');
      await page.getByRole('textbox', { name: 'Jumlah', exact: true }).fill('2');
      await page.getByLabel('Satuan').fill('set');
      await page.getByLabel('Nilai seluruhnya (Rp)').fill('3.250.000');
      await page.getByLabel('Pemasok').fill('CV Medika Borneo');
    },
  },
  {
    name: 'facility-handover-form',
    as: DEMO.csr,
    go: async (page) => {
      await openItem(page, 'Proyektor LCD dan layar untuk ruang kelas');
      await expect(page.getByRole('button', { name: 'Simpan serah terima' })).toBeVisible();
      await page.getByLabel('Nomor berita acara').fill('021/BAST/CSR-TU/XII/2026');
      await page.getByLabel('Diterima oleh').fill('Hj. Siti Rahmah, S.Pd.');
    },
  },
  {
    name: 'facility-overdue-check',
    as: DEMO.principal,
    go: async (page) => {
      await openItem(page, 'Wastafel cuci tangan stainless empat kran');
      await expect(page.getByText('Pemeriksaan kondisi terlambat')).toBeVisible();
      await page.getByRole('combobox', { name: 'Kondisi', exact: true }).selectOption({ label: 'Baik' });
      await page.getByLabel('Catatan pemeriksaan').fill('Kran sudah diganti; semua wastafel berfungsi.');
    },
  },
  {
    name: 'facilities-principal-list',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/facilities');
      await expect(page.getByRole('link', { name: 'Laptop untuk pembelajaran daring dan literasi digital' }).first()).toBeVisible({ timeout: 60_000 });
    },
  },
];
