import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, uniqueTag } from './support/fixtures';

/** The demo program of PT Trakindo Utama (src/demo/demo-programs.ts). */
const PROGRAM = '00000000-0000-4000-8000-000000000801';

interface Portfolio {
  year: number;
  programYear: { id: string } | null;
  cohort: { schools: number; missingPlans: number };
  mous: { expiring: number };
  plans: { late: number };
  grants: { awarded: string; expenseReportsMissing: number };
  mentoring: { schoolsWithoutContact: number };
  series: Array<{ year: number; status: string }>;
}
interface HealthPage {
  counts: { partnerships: number; byReason: Record<string, number> };
  matching: number;
  partnerships: Array<{ partnershipId: string; score: number; school: { name: string } }>;
  nextCursor: string | null;
}

// The portfolio is a heavy report (every program year since 2012) and the machine is shared: give it room.
test.describe.configure({ timeout: 240_000 });

/** The dashboard has drawn the report (the first figure is there). */
async function reportShown(page: Page) {
  await expect(page.getByRole('link', { name: / (Sekolah dalam kohort|Schools in the cohort)$/ })).toBeVisible({ timeout: 60_000 });
}

/** Whole rupiah the way the portal writes them: "Rp 1.250.000". */
const rupiah = (digits: string) => `Rp ${new Intl.NumberFormat('id-ID').format(BigInt(digits))}`;

/** The year the dashboard opens on: the latest running year of the program. */
async function latestRunningYear(): Promise<number> {
  const csr = await apiAs(DEMO.csr);
  const { items } = await csr.get<{ items: Array<{ year: number; status: string }> }>(`/programs/${PROGRAM}/years`);
  const sorted = items.sort((a, b) => b.year - a.year);
  return (sorted.find((y) => y.status === 'running') ?? sorted[0]).year;
}

async function openFromMenu(page: Page) {
  if ((page.viewportSize()?.width ?? 1366) < 768) await page.getByRole('button', { name: 'Buka menu' }).click();
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Portofolio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portofolio program' })).toBeVisible();
  await reportShown(page);
}

/** A figure tile: the link named "<value> <label>". */
const figure = (page: Page, label: string) => page.getByRole('link', { name: new RegExp(` ${label.replace(/[()]/g, '\\$&')}( |$)`) });

/** Saves what the browser downloads and answers its name and bytes. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const path = await (download as Download).path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** A CSV file as rows of cells (quoted cells may hold the separator). */
function parseCsv(text: string, sep: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), { delimiter: sep, relax_column_count: true }) as string[][];
}

test('the CSR officer opens the portfolio on the latest running year, and each figure leads to its records', async ({ page }) => {
  const year = await latestRunningYear();
  const csr = await apiAs(DEMO.csr);
  const r = await csr.get<Portfolio>(`/reports/portfolio?programId=${PROGRAM}&year=${year}`);
  const py = r.programYear!.id;
  await signIn(page, DEMO.csr);
  await openFromMenu(page);

  await expect(page.getByRole('combobox', { name: 'Program' })).toHaveValue('Generasi Trakindo');
  await expect(page.getByRole('combobox', { name: 'Tahun' })).toHaveValue(`${year} · berjalan`);
  await expect(page).toHaveURL(/\/portfolio$/);

  // The figures are the API's, and each links to the list behind it with the API's own filter names.
  await expect(figure(page, 'Sekolah dalam kohort')).toHaveText(new RegExp(`^${r.cohort.schools}`));
  await expect(figure(page, 'Sekolah dalam kohort')).toHaveAttribute('href', `/partnerships?programId=${PROGRAM}&status=active`);
  await expect(figure(page, 'Rencana terlambat')).toHaveText(new RegExp(`^${r.plans.late}`));
  await expect(figure(page, 'Rencana terlambat')).toHaveAttribute('href', `/plans?programYearId=${py}&late=true`);
  await expect(figure(page, 'MoU berakhir dalam 90 hari')).toHaveAttribute('href', '/mous?expiringWithinDays=90&sort=expiryDate');
  await expect(figure(page, 'Dana ditetapkan')).toContainText(rupiah(r.grants.awarded));
  await expect(figure(page, 'Dana ditetapkan')).toHaveAttribute('href', `/grants?programYearId=${py}`);
  await expect(figure(page, 'Laporan pengeluaran belum masuk')).toHaveAttribute('href', `/portfolio/health?programId=${PROGRAM}&reason=expense_report_overdue`);
  await expect(figure(page, 'Sekolah tanpa kontak 60 hari')).toHaveText(new RegExp(`^${r.mentoring.schoolsWithoutContact}`));
  await expect(figure(page, 'Sekolah tanpa kontak 60 hari')).toHaveAttribute('href', `/mentoring?programYearId=${py}&noContact=true`);

  // The series since the program began: four charts, each with a text alternative and a table.
  const charts = page.getByRole('figure');
  await expect(charts).toHaveCount(4);
  await expect(page.getByRole('img', { name: /^Grafik batang dana hibah ditetapkan, dicairkan dan belanja diterima per tahun program, 2012–/ })).toBeVisible();
  const grantsChart = charts.filter({ has: page.getByRole('heading', { name: 'Dana hibah per tahun' }) });
  await grantsChart.getByText('Tampilkan sebagai tabel').click();
  const table = grantsChart.getByRole('table', { name: 'Dana hibah per tahun (tabel)' });
  await expect(table.getByRole('row')).toHaveCount(r.series.length + 1);
  await expect(table.getByRole('row', { name: new RegExp(`^${year} `) })).toContainText(rupiah(r.grants.awarded));
  await expectAccessible(page, 'portfolio dashboard');

  // Another year: the URL keeps it, and the figures are that year's.
  const past = await csr.get<Portfolio>(`/reports/portfolio?programId=${PROGRAM}&year=2019`);
  await page.getByRole('combobox', { name: 'Tahun' }).click();
  await page.getByRole('option', { name: '2019 · selesai' }).click();
  await expect(page).toHaveURL(new RegExp(`/portfolio\\?programId=${PROGRAM}&year=2019$`));
  await expect(figure(page, 'Dana ditetapkan')).toContainText(rupiah(past.grants.awarded));
  await expect(figure(page, 'Sekolah dalam kohort')).toHaveText(new RegExp(`^${past.cohort.schools}`));

  // A figure opens its list, with the filter in the URL.
  await figure(page, 'Semua rencana').click();
  await expect(page).toHaveURL(new RegExp(`/plans\\?programYearId=${past.programYear!.id}$`));
});

test('the CSR officer downloads the portfolio as XLSX and CSV, and a partnership summary as PDF, in either language', async ({ page }) => {
  const year = await latestRunningYear();
  const csr = await apiAs(DEMO.csr);
  const r = await csr.get<Portfolio>(`/reports/portfolio?programId=${PROGRAM}&year=${year}`);
  await signIn(page, DEMO.csr);
  await page.goto('/portfolio');
  await reportShown(page);
  const downloads = page.getByRole('region', { name: 'Unduh' });
  await expect(downloads.getByRole('button', { name: 'Unduh XLSX' })).toBeVisible();

  const xlsx = await downloaded(page, () => downloads.getByRole('button', { name: 'Unduh XLSX' }).click());
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // Bahasa: semicolons and Indonesian labels.
  const csvId = await downloaded(page, () => downloads.getByRole('button', { name: 'Unduh CSV' }).click());
  expect(csvId.name).toMatch(/\.csv$/);
  const rowsId = parseCsv(csvId.bytes.toString('utf8').replace(/^\uFEFF/, ''), ';');
  expect(rowsId.length).toBeGreaterThan(5);
  expect(rowsId.some((row) => row[0] === `Angka ${year}`)).toBe(true);
  expect(rowsId.some((row) => row[0] === 'Seri tahunan')).toBe(true);
  expect(rowsId.find((row) => row[0] === 'Diberikan (Rp)')?.[1]).toBe(new Intl.NumberFormat('id-ID').format(BigInt(r.grants.awarded)));

  // English: commas, English labels, the same awarded amount as the JSON.
  await downloads.getByRole('radiogroup', { name: 'Bahasa berkas' }).getByText('English').click();
  const csvEn = await downloaded(page, () => downloads.getByRole('button', { name: 'Unduh CSV' }).click());
  const rowsEn = parseCsv(csvEn.bytes.toString('utf8').replace(/^\uFEFF/, ''), ',');
  const awarded = rowsEn.find((row) => row[0] === 'Awarded (IDR)');
  expect(awarded?.[1]).toBe(r.grants.awarded);
  expect(rowsEn.some((row) => row[0] === `Figures ${year}`)).toBe(true);

  // The one-page summary of a chosen partnership.
  await expect(downloads.getByRole('button', { name: 'Unduh ringkasan PDF' })).toBeDisabled();
  // The charts above may still be drawing and move the picker: its list shows once the picker is in view.
  const picker = downloads.getByRole('combobox', { name: 'Kemitraan untuk ringkasan satu halaman' });
  await picker.fill('Pelambuan 4');
  await picker.scrollIntoViewIfNeeded();
  await page.getByRole('option', { name: 'SDN Pelambuan 4 Banjarmasin' }).click();
  const pdf = await downloaded(page, () => downloads.getByRole('button', { name: 'Unduh ringkasan PDF' }).click());
  expect(pdf.name).toMatch(/^summary-.*\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(1000);
});

test('partnership health lists each partnership with its score and reasons, filtered and sorted through the URL', async ({ page }) => {
  const csr = await apiAs(DEMO.csr);
  const all = await csr.get<HealthPage>(`/reports/portfolio/health?programId=${PROGRAM}`);
  const noContact = await csr.get<HealthPage>(`/reports/portfolio/health?programId=${PROGRAM}&reason=no_contact_60_days`);
  await signIn(page, DEMO.csr);
  await page.goto('/portfolio');
  await reportShown(page);
  await page.getByRole('link', { name: 'Kesehatan kemitraan' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kesehatan kemitraan' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/portfolio/health\\?programId=${PROGRAM}$`));
  await expect(page.getByText(`${all.matching} dari ${all.counts.partnerships} kemitraan`)).toBeVisible({ timeout: 60_000 });

  // Lowest score first, one API page at a time; each row opens the partnership.
  const table = page.getByRole('table', { name: 'Kemitraan dengan skor kesehatan dan alasannya' });
  await expect(table.getByRole('row')).toHaveCount(all.partnerships.length + 1);
  const first = all.partnerships[0];
  await expect(table.getByRole('row').nth(1)).toContainText(first.school.name);
  await expect(table.getByRole('row').nth(1)).toContainText(String(first.score));
  await expect(table.getByRole('link', { name: first.school.name })).toHaveAttribute('href', `/partnerships/${first.partnershipId}`);
  if (all.nextCursor) {
    await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
    await expect(table.getByRole('row')).toHaveCount(Math.min(all.matching, 40) + 1);
  } else {
    await expect(page.getByRole('button', { name: 'Muat lebih banyak' })).toHaveCount(0);
  }
  await expectAccessible(page, 'partnership health');

  // Only the partnerships without contact for 60 days.
  await page.getByRole('radiogroup', { name: 'Tampilkan kemitraan dengan' }).getByText(`Tanpa kontak 60 hari (${all.counts.byReason.no_contact_60_days})`).click();
  await expect(page).toHaveURL(/reason=no_contact_60_days/);
  await expect(page.getByText(`${noContact.matching} dari ${all.counts.partnerships} kemitraan`)).toBeVisible();
  if (noContact.matching > 0) {
    await expect(table.getByRole('row')).toHaveCount(noContact.partnerships.length + 1);
    await expect(table.getByText('Tanpa kontak 60 hari (−20)').first()).toBeVisible();
  } else {
    await expect(page.getByText('Tidak ada kemitraan yang cocok dengan saringan ini.')).toBeVisible();
  }

  // Sorted by school name, kept in the URL with the filter; a reload keeps both.
  await page.getByRole('radiogroup', { name: 'Tampilkan kemitraan dengan' }).getByText(/^Semua \(/).click();
  await page.getByRole('combobox', { name: 'Urutkan' }).click();
  await page.getByRole('option', { name: 'Nama sekolah A–Z' }).click();
  await expect(page).toHaveURL(/sort=school/);
  const byName = await csr.get<HealthPage>(`/reports/portfolio/health?programId=${PROGRAM}&sort=school`);
  await expect(table.getByRole('row').nth(1)).toContainText(byName.partnerships[0].school.name);
  await page.getByRole('textbox', { name: 'Cari sekolah' }).fill('Pelambuan');
  await expect(page).toHaveURL(/q=Pelambuan/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Cari sekolah' })).toHaveValue('Pelambuan');
  await expect(page.getByRole('combobox', { name: 'Urutkan' })).toHaveValue('Nama sekolah A–Z');

  // The row's one-page summary, and the list as CSV (every matching row, parsed).
  const pdf = await downloaded(page, () => page.getByRole('button', { name: 'Ringkasan PDF SDN Pelambuan 4 Banjarmasin' }).click());
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Unduh CSV' }).click());
  expect(csv.name).toMatch(/\.csv$/);
  const rows = parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), ';').filter((row) => row.some((c) => c !== ''));
  // Title, header and the one school found.
  expect(rows).toHaveLength(3);
  expect(rows[2].join(' ')).toContain('SDN Pelambuan 4 Banjarmasin');
});

test('in English and on a phone, the portfolio and the health list read well and fit the screen', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.csr);
  try {
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Portfolio' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Program portfolio' })).toBeVisible();
    await reportShown(page);
    await expect(page.getByRole('link', { name: /Schools in the cohort$/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Bar chart of grant money awarded, disbursed and accepted spending per program year/ })).toBeVisible();
    // Nothing wider than the phone: wide charts and tables scroll inside their own boxes.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'portfolio in English on a phone');

    await page.getByRole('link', { name: 'Partnership health' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partnership health' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^PDF summary / }).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'health in English on a phone');
  } finally {
    await (await apiAs(DEMO.csr)).patch('/auth/me', { locale: 'id' });
  }
});

test("another company's program typed into the URL shows the not-found page", async ({ page }) => {
  const admin = await apiAs(DEMO.admin);
  const tag = uniqueTag();
  const company = await admin.post<{ id: string }>('/organizations', { type: 'company', name: `PT Uji Portofolio ${tag}` });
  const program = await admin.post<{ id: string }>('/programs', { companyId: company.id, name: `Program Uji ${tag}`, startYear: 2024 });
  await signIn(page, DEMO.csr);
  await page.goto(`/portfolio?programId=${program.id}`);
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Data ini tidak ada atau bukan milik organisasi Anda.')).toBeVisible();
  await page.goto(`/portfolio/health?programId=${program.id}`);
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'not found');
});
