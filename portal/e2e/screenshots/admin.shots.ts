import { expect, type Page } from '@playwright/test';
import { apiAs, DEMO, uniqueTag } from '../support/fixtures';
import type { Shot } from '../support/shots';

/** A school of the shot's own, so nothing of the demo is changed. */
async function ownSchool(): Promise<{ id: string; name: string }> {
  const admin = await apiAs(DEMO.admin);
  const tag = uniqueTag();
  const npsn = `9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const school = await admin.post('/organizations', { type: 'school', name: `SD Contoh ${tag}`, npsn, schoolLevel: 'SD', regionCode: '63.71', studentCount: 240 });
  await admin.patch(`/organizations/${school.id}`, { version: school.version, studentCount: 252, address: 'Jl. Sultan Adam No. 12, Banjarmasin Utara' });
  return school;
}

async function badImport(page: Page) {
  await page.goto('/admin/import');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Berkas CSV' }).click()]);
  await chooser.setFiles({
    name: 'sekolah-banjarmasin.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('npsn,name,level,region_code\n30304999,SDN Kuin Utara 2,SD,63.71\n3030412,SDN Alalak Selatan 1,SD,63.71\n30304777,SDN Belitung 3,TK,63.99\n', 'utf8'),
  });
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(page.getByRole('region', { name: 'Masalah di berkas' })).toContainText('3 masalah');
}

export const shots: Shot[] = [
  {
    name: 'admin-outbox',
    as: DEMO.admin,
    go: async (page) => {
      // An invitation written while no mail server is set up: kept in the outbox with its link.
      const admin = await apiAs(DEMO.admin);
      const school = await ownSchool();
      await admin.post('/users', { organizationId: school.id, email: `kepsek.${uniqueTag()}@sekolah.example`, fullName: 'Drs. Ahmad Fauzi', role: 'principal' });
      await page.goto('/admin/outbox?kind=invitation');
      await page.getByRole('article').first().getByText('Tampilkan isi email').click();
      await expect(page.getByRole('article').first().locator('pre')).toContainText('/invitation?token=');
    },
  },
  {
    name: 'admin-home',
    as: DEMO.admin,
    go: async (page) => {
      await page.goto('/admin');
      await expect(page.getByRole('link', { name: /^Jejak audit/ })).toBeVisible();
    },
  },
  {
    name: 'admin-organizations',
    as: DEMO.admin,
    go: async (page) => {
      await page.goto('/admin/organizations?type=school&regionCode=63');
      await expect(page.getByRole('link', { name: 'SDN Pelambuan 4 Banjarmasin' })).toBeVisible();
      await expect(page.getByLabel('Provinsi')).toHaveValue('63');
    },
  },
  {
    name: 'admin-organization-edit',
    as: DEMO.admin,
    go: async (page) => {
      const school = await ownSchool();
      await page.goto(`/admin/organizations/${school.id}`);
      await expect(page.getByLabel('Kabupaten/kota')).toHaveValue('63.71');
    },
  },
  { name: 'admin-import-problems', as: DEMO.admin, go: badImport },
  {
    name: 'admin-users',
    as: DEMO.admin,
    go: async (page) => {
      await page.goto('/admin/users');
      await expect(page.getByRole('link', { name: 'Jalin Administrator' })).toBeVisible();
    },
  },
  {
    name: 'admin-invitation-link',
    as: DEMO.admin,
    go: async (page) => {
      const school = await ownSchool();
      await page.goto(`/admin/users/new?organizationId=${school.id}`);
      await expect(page.getByRole('combobox', { name: 'Organisasi' })).toHaveValue(school.name);
      await page.getByLabel('Nama lengkap').fill('Ahmad Fauzi, S.Pd.');
      await page.getByLabel('Email').fill(`ahmad.${uniqueTag()}@sekolah.example`);
      await page.getByLabel('Peran').selectOption('principal');
      await page.getByRole('button', { name: 'Buat undangan' }).click();
      await expect(page.getByLabel('Tautan undangan')).toHaveValue(/token=/);
    },
  },
  {
    name: 'admin-audit',
    as: DEMO.admin,
    go: async (page) => {
      const school = await ownSchool();
      await page.goto(`/admin/audit?entityType=organization&entityId=${school.id}`);
      await expect(page.getByRole('article').filter({ hasText: 'Diubah · Organisasi' })).toBeVisible();
    },
  },
  {
    name: 'admin-audit-bad-date',
    as: DEMO.admin,
    go: async (page) => {
      await page.goto('/admin/audit?from=2026-02-30&entityType=user');
      await expect(page.getByLabel('Dari tanggal')).toHaveAttribute('aria-invalid', 'true');
    },
  },
];
