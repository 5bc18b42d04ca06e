import { expect, type Page } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

/** Opens the first session of the list with this status. */
async function openSession(page: Page, status: string) {
  await page.goto('/mentoring');
  await page.getByRole('radiogroup', { name: 'Tampilkan sesi' }).getByText(status).click();
  await page.getByRole('article').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rincian sesi' })).toBeVisible();
}

/** The facilitator's session form, filled in as after a parenting workshop. */
async function fillWorkshop(page: Page) {
  await page.goto('/mentoring');
  await page.getByRole('link', { name: 'Catat sesi', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catat sesi pendampingan' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Bentuk kegiatan' }).selectOption('workshop');
  await page.getByRole('combobox', { name: 'Topik' }).selectOption('parenting');
  await page.getByRole('textbox', { name: 'Lama kegiatan (jam)' }).fill('3');
  await page.getByRole('textbox', { name: 'Kepala sekolah' }).fill('1');
  await page.getByRole('textbox', { name: 'Guru' }).fill('6');
  await page.getByRole('textbox', { name: 'Orang tua' }).fill('22');
  await page.getByRole('textbox', { name: 'Catatan' }).fill('Lokakarya pelibatan orang tua: membaca 15 menit di rumah dan buku penghubung mingguan.');
  await page.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  await page.getByRole('textbox', { name: 'Yang akan dikerjakan' }).fill('Bentuk paguyuban orang tua kelas 1');
  await page.getByRole('textbox', { name: 'Tenggat' }).fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
}

export const shots: Shot[] = [
  {
    name: 'mentoring-facilitator-schools',
    as: DEMO.facilitator,
    go: async (page) => {
      await page.goto('/mentoring');
      await expect(page.getByRole('heading', { level: 1, name: 'Sekolah dampingan saya' })).toBeVisible();
      await expect(page.getByRole('progressbar').first()).toBeVisible();
      await expect(page.getByRole('region', { name: 'Sesi yang sudah tercatat' }).getByRole('article').first()).toBeVisible();
    },
  },
  {
    name: 'mentoring-facilitator-log-session',
    as: DEMO.facilitator,
    go: fillWorkshop,
  },
  {
    name: 'mentoring-facilitator-waiting-to-send',
    as: DEMO.facilitator,
    go: async (page) => {
      await fillWorkshop(page);
      // Saved without a connection: kept on the phone (this browser is closed before it could send).
      await page.context().setOffline(true);
      await page.getByRole('button', { name: 'Simpan sesi' }).click();
      await expect(page.getByRole('region', { name: /^Menunggu dikirim/ }).getByRole('article').first()).toBeVisible();
      await page.getByRole('region', { name: /^Menunggu dikirim/ }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'mentoring-csr-assignments',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/mentoring');
      await expect(page.getByRole('heading', { level: 1, name: 'Pendampingan sekolah' })).toBeVisible();
      await expect(page.getByRole('article').first()).toBeVisible();
    },
  },
  {
    name: 'mentoring-csr-assignment',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/mentoring');
      await page.getByRole('article').first().getByRole('link').click();
      await expect(page.getByRole('heading', { level: 2, name: 'Kemajuan' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Sesi pendampingan' }).getByRole('article').first()).toBeVisible();
    },
  },
  {
    name: 'mentoring-csr-assign',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/mentoring/assignments/new');
      const year = page.getByRole('combobox', { name: 'Tahun program' });
      await year.selectOption({ index: 1 });
      await expect(page.getByRole('combobox', { name: 'Fasilitator' })).toBeEnabled();
      await page.getByRole('combobox', { name: 'Fasilitator' }).selectOption({ index: 1 });
      await page.getByRole('combobox', { name: 'Sekolah mitra' }).selectOption({ index: 1 });
    },
  },
  {
    name: 'mentoring-sessions',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/mentoring');
      await expect(page.getByRole('article').first()).toBeVisible();
    },
  },
  {
    name: 'mentoring-follow-ups',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/mentoring?tab=actions');
      await expect(page.getByRole('button', { name: 'Tandai selesai' }).first()).toBeVisible();
    },
  },
  {
    name: 'mentoring-session-to-confirm',
    as: DEMO.principal,
    go: (page) => openSession(page, 'Menunggu konfirmasi'),
  },
  {
    name: 'mentoring-session-disputed',
    as: DEMO.principal,
    go: (page) => openSession(page, 'Disanggah'),
  },
];
