import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test } from './support/fixtures';

interface RegionReport {
  region: { code: string; name: string };
  year: number;
  totals: { schools: number; withPartner: number; withoutPartner: number };
  regencies: Array<{ code: string; name: string | null; schools: number; withPartner: number }>;
  companies: Array<{ name: string; schools: number }>;
}

/** Saves what the browser downloads and answers its name and bytes. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** A CSV file as rows of cells (quoted cells may hold the separator). */
function parseCsv(text: string, sep: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), { delimiter: sep, relax_column_count: true }) as string[][];
}

// The region report reads every school of the jurisdiction, and the machine is shared: give it room.
test.describe.configure({ timeout: 240_000 });

const tile = (page: Page, label: string) => page.getByRole('region', { name: 'Sekolah dan mitra' }).getByText(label, { exact: true }).locator('xpath=..');

test('the education office sees its region: schools with and without a partner, companies, and figures by regency, as a table and a chart', async ({ page }) => {
  const office = await apiAs(DEMO.officer);
  const r = await office.get<RegionReport>('/reports/region');
  await signIn(page, DEMO.officer);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Wilayah' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Wilayah ${r.region.name}` })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('combobox', { name: 'Tahun' })).toHaveValue(String(r.year));

  await expect(tile(page, 'Sekolah')).toContainText(String(r.totals.schools));
  await expect(tile(page, 'Sekolah bermitra')).toContainText(String(r.totals.withPartner));
  await expect(tile(page, 'Sekolah belum bermitra')).toContainText(String(r.totals.withoutPartner));

  const table = page.getByRole('table', { name: 'Sekolah, rencana, dana hibah dan pendampingan per kabupaten/kota' });
  await expect(table.getByRole('row')).toHaveCount(r.regencies.length + 2);
  const first = r.regencies[0];
  await expect(table.getByRole('row', { name: new RegExp(`^${first.name ?? first.code} `) })).toBeVisible();
  await expect(page.getByRole('img', { name: new RegExp(`^Grafik batang sekolah bermitra dan belum bermitra per kabupaten/kota: ${first.name ?? first.code} ${first.withPartner} bermitra`) })).toBeVisible();
  for (const c of r.companies) await expect(page.getByRole('region', { name: 'Perusahaan yang aktif' }).getByRole('row', { name: new RegExp(c.name) })).toBeVisible();
  await expectAccessible(page, 'region');

  // Another year, kept in the URL.
  await page.getByRole('combobox', { name: 'Tahun' }).click();
  await page.getByRole('option', { name: String(r.year - 1), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/region\\?year=${r.year - 1}$`));
  await expect(page.getByText(`Kohort tahun ${r.year - 1}`)).toBeVisible();
});

test('the office narrows its region to one kecamatan: every figure counts only the schools of that district', async ({ page }) => {
  const office = await apiAs(DEMO.officer);
  const r = await office.get<RegionReport & { district: { code: string; name: string } | null }>('/reports/region?districtCode=63.71.03');
  expect(r.district).toEqual({ code: '63.71.03', name: 'Banjarmasin Barat' });
  await signIn(page, DEMO.officer);
  await page.goto('/region');
  await expect(page.getByRole('heading', { level: 1, name: `Wilayah ${r.region.name}` })).toBeVisible({ timeout: 60_000 });
  const district = page.getByRole('combobox', { name: 'Kecamatan' });
  await expect(district).toBeEnabled();
  await district.selectOption({ label: 'Banjarmasin Barat' });
  await expect(page).toHaveURL(/districtCode=63\.71\.03/);
  await expect(page.getByText('Hanya sekolah di Kecamatan Banjarmasin Barat.')).toBeVisible();
  await expect(tile(page, 'Sekolah')).toContainText(String(r.totals.schools));
  await expect(tile(page, 'Sekolah bermitra')).toContainText(String(r.totals.withPartner));
  const partnered = page.getByRole('region', { name: 'Sekolah bermitra dan mitranya' }).getByRole('listitem');
  await expect(partnered.filter({ hasText: 'SDN Pelambuan 4' })).toHaveCount(1);
  await expect(partnered.filter({ hasText: 'SDN Sungai Miai 5' })).toHaveCount(0);
  await expectAccessible(page, 'region narrowed to a district');

  // Back to the whole regency.
  await district.selectOption({ label: 'Semua kecamatan' });
  await expect(page).not.toHaveURL(/districtCode/);
  await expect(page.getByText('Hanya sekolah di Kecamatan')).toHaveCount(0);
});

test('the office downloads its region as XLSX and as CSV in Bahasa and in English', async ({ page }) => {
  const office = await apiAs(DEMO.officer);
  const r = await office.get<RegionReport>('/reports/region');
  await signIn(page, DEMO.officer);
  await page.goto('/region');
  const downloads = page.getByRole('region', { name: 'Unduh' });
  await expect(downloads).toBeVisible({ timeout: 60_000 });
  const xlsx = await downloaded(page, () => downloads.getByRole('button', { name: 'Unduh XLSX' }).click());
  expect(xlsx.name).toMatch(/^region-.*\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  const csvId = await downloaded(page, () => downloads.getByRole('button', { name: 'Unduh CSV' }).click());
  expect(csvId.name).toMatch(/\.csv$/);
  const rowsId = parseCsv(csvId.bytes.toString('utf8').replace(/^\uFEFF/, ''), ';');
  expect(rowsId.some((row) => row[0] === 'Kabupaten-kota')).toBe(true);

  await downloads.getByRole('radiogroup', { name: 'Bahasa berkas' }).getByText('English').click();
  const csvEn = await downloaded(page, () => downloads.getByRole('button', { name: 'Unduh CSV' }).click());
  const rowsEn = parseCsv(csvEn.bytes.toString('utf8').replace(/^\uFEFF/, ''), ',');
  const at = rowsEn.findIndex((row) => row[0] === 'Regencies');
  expect(at).toBeGreaterThanOrEqual(0);
  const header = rowsEn[at + 1];
  const schoolsCol = header.indexOf('Schools');
  expect(schoolsCol).toBeGreaterThan(0);
  const regencyRow = rowsEn[at + 2];
  expect(regencyRow[0]).toBe(r.regencies[0].code);
  expect(Number(regencyRow[schoolsCol])).toBe(r.regencies[0].schools);
});

test('in English on a phone the region view fits the screen', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.officer);
  try {
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Region' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Region / })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'By regency/city', exact: true })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Bar chart of schools with and without a partner/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'region in English on a phone');
  } finally {
    await (await apiAs(DEMO.officer)).patch('/auth/me', { locale: 'id' });
  }
});

test('a region outside the office typed into the URL shows the not-found page; the administrator picks any region', async ({ page, browser }) => {
  await signIn(page, DEMO.officer);
  await page.goto('/region?regionCode=31');
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'region not found');

  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto('/region');
  await expect(admin.getByText('Pilih provinsi (dan bila perlu kabupaten/kota) untuk melihat laporannya.')).toBeVisible();
  await admin.getByRole('combobox', { name: 'Provinsi' }).click();
  await admin.getByRole('option', { name: /\(63\)$/ }).click();
  await expect(admin).toHaveURL(/regionCode=63$/);
  const report = await (await apiAs(DEMO.admin)).get<RegionReport>('/reports/region?regionCode=63');
  await expect(admin.getByRole('heading', { level: 1, name: `Wilayah ${report.region.name}` })).toBeVisible();
  await admin.getByRole('combobox', { name: 'Kabupaten/kota' }).click();
  await admin.getByRole('option', { name: /\(63\.71\)$/ }).click();
  await expect(admin).toHaveURL(/regionCode=63\.71$/);
  await expect(admin.getByRole('table', { name: 'Sekolah, rencana, dana hibah dan pendampingan per kabupaten/kota' }).getByRole('row')).toHaveCount(3);
  await expectAccessible(admin, 'region picked by the administrator');
  await context.close();
});
