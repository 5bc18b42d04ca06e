import type { Browser, Page } from '@playwright/test';
import { apiAs, DEMO, DEMO_PASSWORD, expect, expectAccessible, PHONE, signIn, test, uniqueTag } from './support/fixtures';

// Good practice across companies: the principal of SDN Pelambuan 4 shares the reading corners of her
// completed 2024 plan and proposes them; Trakindo's CSR officer returns the practice once with a reason
// and publishes it after the change; the city education office and the officer of another company,
// outside the program, find it by searching the library and see whom to contact. Then, on a phone and
// in English, the principal records a sharing session hosted by the school. Every practice and event
// changed here is created by this file.

test.describe.configure({ timeout: 300_000 });

const SCHOOL = 'SDN Pelambuan 4 Banjarmasin';

async function as(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

async function openLibrary(page: Page) {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Praktik baik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Praktik baik' })).toBeVisible();
}

async function findByWord(page: Page, word: string, title: string) {
  await openLibrary(page);
  await page.getByRole('searchbox', { name: 'Cari praktik baik' }).fill(word);
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page.getByText(`Hasil untuk “${word}”, yang paling cocok lebih dulu`)).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('the principal shares a practice from the completed 2024 plan; the CSR officer returns it once, then publishes it; an education office and another company find it by search', async ({ browser }) => {
  const tag = uniqueTag();
  const title = `Pojok Baca Kelas ${tag}`;

  // The principal starts from the literacy program of the completed 2024 plan.
  const principal = await as(browser, DEMO.principal);
  await openLibrary(principal);
  await expect(principal.getByRole('link', { name: 'Pojok Baca Kelas: 15 Menit Membaca Setiap Pagi' })).toBeVisible();
  await expectAccessible(principal, 'the library');
  await principal.getByRole('link', { name: 'Bagikan praktik baik' }).click();
  await expect(principal.getByRole('heading', { level: 1, name: 'Bagikan praktik baik' })).toBeVisible();
  await principal.getByRole('radio', { name: 'Program dari rencana yang sudah selesai' }).check();
  await principal.getByLabel('Program rencana').selectOption({ label: '2024 · Gerakan Literasi Sekolah: Pojok Baca Kelas' });
  await principal.getByRole('button', { name: 'Isi dari sumber ini' }).click();
  await expect(principal.getByLabel('Judul')).toHaveValue('Gerakan Literasi Sekolah: Pojok Baca Kelas');
  await expect(principal.getByLabel('Nilai 1')).toHaveValue('78');
  await expectAccessible(principal, 'the share form');
  await principal.getByLabel('Judul').fill(title);
  // The API's own rule comes back at its field: a year before 2000.
  await principal.getByLabel('Tahun').fill('1990');
  await principal.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await expect(principal.getByLabel('Tahun')).toHaveAttribute('aria-invalid', 'true');
  await principal.getByLabel('Tahun').fill('2024');
  await principal.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await expect(principal.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(principal.getByText('Draf ini hanya terlihat oleh sekolah Anda.')).toBeVisible();
  await principal.getByRole('button', { name: 'Usulkan untuk terbit' }).click();
  await expect(principal.getByText('Diusulkan: menunggu petugas CSR atau fasilitator menerbitkannya.')).toBeVisible();
  const practiceUrl = principal.url();

  // Trakindo's CSR officer returns it with a reason, which the principal reads and acts on.
  const csr = await as(browser, DEMO.csr);
  await openLibrary(csr);
  await csr.getByLabel('Status').selectOption({ label: 'Diusulkan' });
  await csr.getByRole('link', { name: title }).click();
  await expect(csr.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(csr, 'a proposed practice, for its reviewer');
  await csr.getByRole('button', { name: 'Kembalikan ke sekolah' }).click();
  await expect(csr.getByLabel('Alasan pengembalian')).toHaveAttribute('aria-invalid', 'true');
  await csr.getByLabel('Alasan pengembalian').fill('Tambahkan berapa buku yang dipinjam setiap bulan.');
  await csr.getByRole('button', { name: 'Kembalikan ke sekolah' }).click();
  await expect(csr.getByText('Praktik dikembalikan ke sekolah.')).toBeVisible();

  await principal.goto(practiceUrl);
  await expect(principal.getByText('Dikembalikan untuk diperbaiki')).toBeVisible();
  await expect(principal.getByText('Tambahkan berapa buku yang dipinjam setiap bulan.')).toBeVisible();
  await principal.getByRole('link', { name: 'Ubah' }).click();
  await principal.getByRole('button', { name: 'Tambah hasil' }).click();
  await principal.getByLabel('Indikator 3').fill('Rata-rata peminjaman buku per bulan');
  await principal.getByLabel('Nilai 3').fill('164');
  await principal.getByLabel('Satuan 3').fill('buku');
  await principal.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(principal.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await principal.getByRole('button', { name: 'Usulkan untuk terbit' }).click();
  await expect(principal.getByText('Diusulkan: menunggu petugas CSR atau fasilitator menerbitkannya.')).toBeVisible();

  await csr.reload();
  await csr.getByRole('button', { name: 'Terbitkan' }).click();
  await expect(csr.getByText(/Terbit .*, disetujui oleh Rina Marlina/)).toBeVisible();

  // The city education office finds it by a word of its title.
  const officer = await as(browser, DEMO.officer);
  await findByWord(officer, tag, title);
  const contact = officer.getByRole('region', { name: 'Siapa yang dihubungi' });
  await expect(contact).toContainText(SCHOOL);
  await expect(contact).toContainText('30304122');
  await expect(contact).toContainText('Hj. Siti Rahmah, S.Pd.');
  await expect(officer.getByRole('table')).toContainText('164');
  await expect(officer.getByText('principal@sdnpelambuan4.example')).toHaveCount(0);
  await expectAccessible(officer, 'a published practice read by an education office');

  // An officer of another company, outside Generasi Trakindo, finds and reads it too.
  const admin = await apiAs(DEMO.admin);
  const company = await admin.post('/organizations', { type: 'company', name: `PT Semen Borneo ${tag}`, sector: 'Semen dan bahan bangunan' });
  const email = `csr-${tag}@semenborneo.example`;
  await admin.post('/users', { organizationId: company.id, email, fullName: `Dedi Kurniawan ${tag}`, role: 'csr_officer', password: DEMO_PASSWORD });
  const outsider = await as(browser, email);
  await findByWord(outsider, tag, title);
  await expect(outsider.getByRole('region', { name: 'Siapa yang dihubungi' })).toContainText(SCHOOL);
  await expect(outsider.getByRole('button', { name: 'Terbitkan' })).toHaveCount(0);
});

test('on a phone and in English, the principal records a sharing session hosted by the school, with a visiting school and the practice shown', async ({ browser }) => {
  const tag = uniqueTag();
  const title = `Sharing reading corners ${tag}`;
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(page, DEMO.principal);
  await page.goto('/practices');
  await expect(page.getByRole('heading', { level: 1, name: 'Praktik baik' })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Good practice' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.getByRole('link', { name: 'Horizontal-learning events' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Horizontal-learning events' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Berbagi Praktik Baik: Pojok Baca dan Kelas Ramah Anak' })).toBeVisible();
  await expectAccessible(page, 'the events on a phone');
  await page.getByRole('link', { name: 'Record an event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a horizontal-learning event' })).toBeVisible();
  await page.getByLabel('Event title').fill(title);
  await page.getByLabel('Date').fill('2026-03-05');
  await page.getByLabel('Place').fill('Perpustakaan SDN Pelambuan 4');
  await page.getByRole('combobox', { name: 'Visiting schools' }).fill('Sungai Miai');
  await page.getByRole('option', { name: /SDN Sungai Miai 5 Banjarmasin/ }).click();
  await page.getByRole('combobox', { name: 'Good practices shared' }).click();
  await page.getByRole('option', { name: /^Pojok Baca Kelas: 15 Menit Membaca Setiap Pagi/ }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Teachers').fill('9');
  await page.getByLabel('Principals').fill('2');
  await expectAccessible(page, 'the event form on a phone');
  await page.getByRole('button', { name: 'Save the event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Horizontal-learning events' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(card).toContainText('SDN Sungai Miai 5 Banjarmasin');
  await expect(card).toContainText('11 attendees');
  await expect(card.getByRole('link', { name: 'Pojok Baca Kelas: 15 Menit Membaca Setiap Pagi' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID').click();
});
