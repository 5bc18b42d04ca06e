import type { Page } from '@playwright/test';
import { apiAs, baseURL, DEMO, expect as baseExpect, expectAccessible, PDF_MINIMAL, PHONE, PNG_1x1, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';

// The machine the journeys run on is shared and often slow: wait longer for what the user sees (never on the clock).
const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 45_000, navigationTimeout: 60_000 });
test.describe.configure({ timeout: 300_000 });

/** Whole rupiah the way the portal writes them: "Rp 1.250.000". */
const rupiah = (digits: string | number) => `Rp ${new Intl.NumberFormat('id-ID').format(BigInt(digits))}`;
// The browser's today (the tests run in Asia/Makassar, WITA), as the forms fill it in.
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Makassar' });

/** Picks a file with the file field's own button, as a person would. */
async function choose(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(file);
}

/** SDN Pelambuan 4's partnership in Generasi Trakindo, as the CSR officer's partnership list names it. */
async function pelambuan(csr: ApiCaller) {
  const list = await csr.get<{ items: Array<{ id: string; school: { name: string }; program: { id: string; name: string } }> }>('/partnerships?limit=100');
  const p = list.items.find((x) => x.school.name === 'SDN Pelambuan 4 Banjarmasin' && x.program.name === 'Generasi Trakindo');
  if (!p) throw new Error('the demo has no partnership of SDN Pelambuan 4 in Generasi Trakindo');
  const years = await csr.get<{ items: Array<{ id: string; year: number; theme: string }> }>(`/programs/${p.program.id}/years`);
  const year = years.items.find((y) => y.year === 2026);
  if (!year) throw new Error('the demo program has no 2026 year');
  return { ...p, year };
}

/** An item handed over through the API, with a scan, for the school's side of the story. */
async function handedOverItem(csr: ApiCaller, itemName: string) {
  const p = await pelambuan(csr);
  const item = await csr.post<{ id: string }>('/facilities', { partnershipId: p.id, programYearId: p.year.id, category: 'learning_media', itemName, quantity: 10, unit: 'set', value: '7500000', deliveredOn: today() });
  const form = new FormData();
  form.append('handoverNumber', `BAST/${itemName}`);
  form.append('handedOverOn', today());
  form.append('receivedBy', 'Hj. Siti Rahmah, S.Pd.');
  form.append('file', new Blob([new Uint8Array(PDF_MINIMAL)], { type: 'application/pdf' }), 'berita-acara.pdf');
  const res = await fetch(`${baseURL()}/api/v1/facilities/${item.id}/handover`, { method: 'POST', headers: { Authorization: `Bearer ${csr.token}` }, body: form });
  if (!res.ok) throw new Error(`handover: ${res.status} ${await res.text()}`);
  return item;
}

test('the CSR officer records laptops for SDN Pelambuan 4 and hands them over with the signed berita acara; the principal checks their condition', async ({ page }) => {
  const tag = uniqueTag();
  const itemName = `Laptop literasi digital ${tag}`;
  const csr = await apiAs(DEMO.csr);
  const p = await pelambuan(csr);

  // From the partnership page to its facilities support.
  await signIn(page, DEMO.csr);
  await page.goto(`/partnerships/${p.id}`);
  await page.getByRole('link', { name: 'Lihat barang yang diberikan, serah terima dan kondisinya' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bantuan Sarana Prasarana' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kemitraan', exact: true })).toHaveValue(p.id);
  // The demo's history of this partnership: library books of 2013, the handwashing stations overdue for a check.
  await expect(page.getByRole('link', { name: 'Wastafel cuci tangan stainless empat kran' })).toBeVisible();
  await expect(page.getByText('Pemeriksaan terlambat').first()).toBeVisible();
  await expectAccessible(page, 'the partnership’s facilities support');

  await page.getByRole('link', { name: 'Tambah barang' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catat bantuan sarana prasarana' })).toBeVisible();
  await expect(page.getByLabel('Kemitraan (sekolah)')).toHaveValue(p.id);
  await page.getByLabel('Tahun program').selectOption({ label: `2026 · ${p.year.theme}` });
  await page.getByRole('combobox', { name: 'Kategori', exact: true }).selectOption({ label: 'TIK' });
  await page.getByLabel('Nama barang').fill(itemName);
  await page.getByRole('textbox', { name: 'Jumlah', exact: true }).fill('5');
  await page.getByLabel('Satuan').fill('unit');
  await page.getByLabel('Nilai seluruhnya (Rp)').fill('42.500.000');
  await page.getByLabel('Pemasok').fill('CV Banua Komputer');
  await page.getByLabel('Tanggal pengiriman').fill(today());
  await expectAccessible(page, 'the new item form');
  await page.getByRole('button', { name: 'Simpan barang' }).click();

  await expect(page.getByRole('heading', { level: 1, name: itemName })).toBeVisible();
  await expect(page.getByText('Menunggu serah terima').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rincian barang' }).getByText(rupiah('42500000'), { exact: true })).toBeVisible();

  // The handover: without the scan the form says so at the field; with it, the item counts as delivered.
  await page.getByLabel('Nomor berita acara').fill(`021/BAST/CSR-TU/${tag}`);
  await page.getByLabel('Diterima oleh').fill('Hj. Siti Rahmah, S.Pd.');
  await page.getByRole('button', { name: 'Simpan serah terima' }).click();
  await expect(page.getByText('Pindaian berita acara yang ditandatangani wajib diisi.')).toBeVisible();
  // A day before the delivery is refused by the API, shown on the date field.
  const before = new Date(Date.now() - 5 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Makassar' });
  await page.getByLabel('Tanggal serah terima').fill(before);
  await choose(page, 'Pindaian berita acara yang ditandatangani', { name: 'berita-acara.pdf', mimeType: 'application/pdf', buffer: PDF_MINIMAL });
  await page.getByRole('button', { name: 'Simpan serah terima' }).click();
  await expect(page.getByRole('textbox', { name: 'Tanggal serah terima' })).toHaveAccessibleDescription(/lebih awal dari tanggal pengiriman/);
  await page.getByLabel('Tanggal serah terima').fill(today());
  await expectAccessible(page, 'the handover form');
  await page.getByRole('button', { name: 'Simpan serah terima' }).click();
  await expect(page.getByText('Sudah diserahterimakan').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unduh berita acara' })).toBeVisible();
  await expect(page.getByText(`021/BAST/CSR-TU/${tag}`)).toBeVisible();
  // The company does not record the school's checks.
  await expect(page.getByRole('button', { name: 'Simpan pemeriksaan' })).toHaveCount(0);

  const items = await csr.get<{ items: Array<{ id: string; itemName: string; status: string; handover: { documentId: string } | null }> }>(`/facilities?partnershipId=${p.id}&status=handed_over`);
  const saved = items.items.find((i) => i.itemName === itemName);
  expect(saved?.handover?.documentId).toBeTruthy();

  // The principal finds it in her menu and records a condition check with a photo.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await signIn(page, DEMO.principal);
  await page.getByRole('link', { name: 'Sarana prasarana' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bantuan Sarana Prasarana' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tambah barang' })).toHaveCount(0);
  await page.getByRole('link', { name: itemName }).click();
  await expect(page.getByRole('heading', { level: 1, name: itemName })).toBeVisible();
  await page.getByRole('combobox', { name: 'Kondisi', exact: true }).selectOption({ label: 'Perlu perbaikan ringan' });
  await page.getByLabel('Catatan pemeriksaan').fill('Satu pengisi daya rusak; diganti dari dana BOS.');
  await choose(page, 'Foto barang', { name: 'laptop.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await expectAccessible(page, 'the condition check form');
  await page.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
  const checks = page.getByRole('region', { name: 'Pemeriksaan kondisi' });
  await expect(checks.getByText('Satu pengisi daya rusak; diganti dari dana BOS.')).toBeVisible();
  await expect(checks.getByText('Perlu perbaikan ringan').last()).toBeVisible();
  await expect(checks.getByRole('button', { name: /Unduh foto/ })).toBeVisible();
  const detail = await csr.get<{ lastCondition: string; conditionChecks: unknown[] }>(`/facilities/${saved?.id}`);
  expect(detail).toMatchObject({ lastCondition: 'minor_repair', conditionChecks: [expect.anything()] });
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the principal checks a handed-over item on her phone, in English: a check dated before the handover is refused at the date', async ({ page }) => {
    const csr = await apiAs(DEMO.csr);
    const principal = await apiAs(DEMO.principal);
    const itemName = `Alat peraga matematika ${uniqueTag()}`;
    const item = await handedOverItem(csr, itemName);
    await signIn(page, DEMO.principal);
    try {
      await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
      await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
      await page.goto('/facilities?status=handed_over');
      await expect(page.getByRole('heading', { level: 1, name: 'Facilities Support' })).toBeVisible();
      await expect(page.getByRole('link', { name: itemName })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'facilities support on a phone, in English');
      await page.getByRole('link', { name: itemName }).click();
      await expect(page.getByRole('heading', { level: 1, name: itemName })).toBeVisible();
      await expect(page.getByText('Handed over').first()).toBeVisible();

      await page.getByRole('combobox', { name: 'Condition', exact: true }).selectOption({ label: 'Good' });
      await page.getByLabel('Check date').fill('2020-01-01');
      await page.getByRole('button', { name: 'Save check' }).click();
      await expect(page.getByRole('textbox', { name: 'Check date' })).toHaveAccessibleDescription(/before the handover/);
      await page.getByLabel('Check date').fill(today());
      await page.getByRole('button', { name: 'Save check' }).click();
      await expect(page.getByRole('region', { name: 'Condition checks' }).getByText('Checked by', { exact: false })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'an item checked on a phone, in English');
      const detail = await principal.get<{ lastCondition: string; lastCheckedOn: string }>(`/facilities/${item.id}`);
      expect(detail).toMatchObject({ lastCondition: 'good', lastCheckedOn: today() });
    } finally {
      await principal.patch('/auth/me', { locale: 'id' });
    }
  });
});
