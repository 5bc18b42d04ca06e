import { apiAs, DEMO, expect as baseExpect, expectAccessible, PHONE, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';

// The CSR officer asks the Banjarmasin education office for partner schools and decides on the
// schools it recommends. Every request, program and school changed here is made by this file.

const BANJARMASIN_OFFICE = '00000000-0000-4000-8000-000000000301';
const OFFICE_NAME = 'Dinas Pendidikan Kota Banjarmasin';
/** Trakindo's own demo requests: the 2012 reference case and the open disaster-preparedness one. */
const TRAKINDO_REQUESTS = ['00000000-0000-4000-8000-000000000601', '00000000-0000-4000-8000-000000000602'];

// The machine running the journeys is shared and often busy: wait longer for what the user sees, and
// give each journey room (no assertion is about time).
const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 45_000, navigationTimeout: 90_000 });
test.beforeEach(() => test.slow());

const npsn = () => String(60_000_000 + Math.floor(Math.random() * 30_000_000));
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let admin: ApiCaller;
let csr: ApiCaller;
let officer: ApiCaller;
let tag: string;
let program: { id: string; name: string };

test.beforeAll(async () => {
  [admin, csr, officer] = await Promise.all([apiAs(DEMO.admin), apiAs(DEMO.csr), apiAs(DEMO.officer)]);
  tag = uniqueTag();
  program = await csr.post('/programs', { name: `Sekolah Tangguh Uji ${tag}`, startYear: 2026 });
});

async function newSchool(name: string): Promise<{ id: string; name: string }> {
  return admin.post('/organizations', { type: 'school', name, npsn: npsn(), schoolLevel: 'SD', regionCode: '63.71', needs: ['literacy', 'teacher_training'] });
}

/** A request of Trakindo to the Banjarmasin office, for the test's own program unless told otherwise. */
async function openRequest(extra: Record<string, unknown> = {}): Promise<string> {
  const r = await csr.post('/partner-requests', {
    educationOfficeId: BANJARMASIN_OFFICE,
    regionCode: '63.71',
    schoolLevels: ['SD'],
    schoolsWanted: 2,
    needTopics: ['literacy'],
    needsNote: 'Sekolah dasar untuk program literasi.',
    dueDate: inDays(30),
    programId: program.id,
    ...extra,
  });
  return r.id as string;
}

test('the CSR officer opens a request from the portal; the number of schools is checked by the API', async ({ page }) => {
  await signIn(page, DEMO.csr);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Permintaan mitra' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Permintaan sekolah mitra' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Permintaan ke ${OFFICE_NAME}` }).first()).toBeVisible();
  await expectAccessible(page, 'the list of requests');

  await page.getByRole('link', { name: 'Buat permintaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Permintaan sekolah mitra baru' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Dinas pendidikan' }).fill('Banjarmasin');
  await page.getByRole('option', { name: OFFICE_NAME }).click();
  await expect(page.getByLabel('Wilayah sekolah')).toHaveValue('63.71');
  await page.getByLabel('Jumlah sekolah').fill('0');
  await page.getByRole('checkbox', { name: 'Literasi' }).check();
  await page.getByRole('checkbox', { name: 'Pelatihan guru' }).check();
  const note = `Dua SD untuk literasi dan pelatihan guru (${tag})`;
  await page.getByLabel('Catatan kebutuhan').fill(note);
  await page.getByLabel('Program CSR').selectOption({ label: program.name });
  await expectAccessible(page, 'the new request form');
  await page.getByRole('button', { name: 'Kirim permintaan' }).click();

  // Bad input: zero schools is refused by the API, shown on the field with its label.
  await expect(page.getByLabel('Jumlah sekolah')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Jumlah sekolah tidak boleh kurang dari 1')).toBeVisible();
  await expectAccessible(page, 'the form with a refused number of schools');

  await page.getByLabel('Jumlah sekolah').fill('2');
  await page.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Permintaan ke ${OFFICE_NAME}` })).toBeVisible();
  await expect(page.getByText('Menunggu jawaban dinas', { exact: true })).toBeVisible();
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rincian permintaan' })).toContainText(program.name);
  await expect(page.getByRole('region', { name: 'Riwayat permintaan' })).toContainText('Membuka permintaan.');
  await expectAccessible(page, 'an open request');
  const id = page.url().split('/').pop() as string;

  // The list keeps its status filter in the URL, with the API's own parameter name.
  await page.getByRole('link', { name: 'Kembali ke daftar permintaan' }).click();
  await page.getByLabel('Tampilkan status').selectOption({ label: 'Ditarik' });
  await expect(page).toHaveURL(/status=withdrawn/);
  await page.goto('/partner-requests?status=open');
  await expect(page.getByLabel('Tampilkan status')).toHaveValue('open');
  await expect(page.locator(`a[href="/partner-requests/${id}"]`)).toBeVisible();
});

test('accepting a recommended school makes it a prospective partner in the program in one step; declining needs a reason', async ({ page }) => {
  const [a, b] = [await newSchool(`SDN Uji Terima ${tag}`), await newSchool(`SDN Uji Tolak ${tag}`)];
  const id = await openRequest();
  await officer.post(`/partner-requests/${id}/recommendations`, {
    recommendations: [
      { schoolId: a.id, rank: 1, rationale: 'Kepala sekolah dan guru berkomitmen; literasi kebutuhan utama.' },
      { schoolId: b.id, rank: 2, rationale: 'Siap bekerja sama, perpustakaan perlu dihidupkan.' },
    ],
  });

  await signIn(page, DEMO.csr);
  await page.goto(`/partner-requests/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Permintaan ke ${OFFICE_NAME}` })).toBeVisible();
  await expect(page.getByText('Dijawab dinas', { exact: true })).toBeVisible();
  const recs = page.getByRole('region', { name: 'Sekolah yang direkomendasikan' });
  await expect(recs).toContainText('Kepala sekolah dan guru berkomitmen; literasi kebutuhan utama.');
  await expectAccessible(page, 'an answered request');

  // Bad input: declining without a reason is refused by the API, on the field.
  await page.getByRole('button', { name: `Tolak ${b.name}` }).click();
  const decline = page.getByRole('dialog', { name: `Tolak ${b.name}?` });
  await decline.getByRole('button', { name: 'Tolak sekolah' }).click();
  await expect(decline.getByLabel('Alasan menolak')).toHaveAttribute('aria-invalid', 'true');
  await expect(decline.getByText('Alasan menolak wajib diisi')).toBeVisible();
  await expectAccessible(page, 'declining without a reason');
  await decline.getByLabel('Alasan menolak').fill('Terlalu jauh dari kantor cabang kami.');
  await decline.getByRole('button', { name: 'Tolak sekolah' }).click();
  await expect(decline).toBeHidden();
  await expect(recs.getByRole('listitem').filter({ hasText: b.name })).toContainText('Ditolak');
  await expect(recs.getByRole('listitem').filter({ hasText: b.name })).toContainText('Terlalu jauh dari kantor cabang kami.');

  await page.getByRole('button', { name: `Terima ${a.name}` }).click();
  const accept = page.getByRole('dialog', { name: `Terima ${a.name}?` });
  await expect(accept).toContainText(`menjadi calon mitra dalam program ${program.name}`);
  await accept.getByRole('button', { name: 'Terima sekolah' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sekolah diterima' })).toContainText(`${a.name} kini calon mitra dalam ${program.name}.`);
  await expect(recs.getByRole('listitem').filter({ hasText: a.name })).toContainText(`Kemitraan dalam ${program.name}: calon mitra`);
  // Every school is decided, so the request closed.
  await expect(page.getByText('Ditutup', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Riwayat permintaan' })).toContainText(`Menerima ${a.name}. Sekolah menjadi calon mitra dalam program.`);
  await expect(page.getByRole('region', { name: 'Riwayat permintaan' })).toContainText(`Menolak ${b.name}: Terlalu jauh dari kantor cabang kami.`);
  await expectAccessible(page, 'a closed request with an accepted school');

  // The partnership is there, prospective, born from the recommendation.
  const request = await csr.get(`/partner-requests/${id}`);
  const partnerships = await csr.get(`/partnerships?schoolId=${a.id}`);
  expect(partnerships.items).toEqual([expect.objectContaining({ status: 'prospective', program: expect.objectContaining({ id: program.id }), recommendationId: request.recommendations[0].id })]);
  expect((await csr.get(`/partnerships?schoolId=${b.id}`)).items).toEqual([]);
});

test.describe('on a phone, in English', () => {
  test.use({ viewport: PHONE });

  test('the officer withdraws an open request, only with a reason', async ({ page }) => {
    const id = await openRequest({ schoolsWanted: 1 });
    await signIn(page, DEMO.csr);
    try {
      await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
      await page.goto(`/partner-requests/${id}`);
      await expect(page.getByRole('heading', { level: 1, name: `Request to ${OFFICE_NAME}` })).toBeVisible();
      await expect(page.getByText('Waiting for the office', { exact: true })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'an open request on a phone, in English');

      await page.getByRole('button', { name: 'Withdraw request' }).click();
      const dialog = page.getByRole('dialog', { name: 'Withdraw this request?' });
      await dialog.getByRole('button', { name: 'Withdraw request' }).click();
      await expect(dialog.getByLabel('Reason for withdrawing')).toHaveAttribute('aria-invalid', 'true');
      await expect(dialog.getByText('Reason for withdrawing is required')).toBeVisible();
      await dialog.getByLabel('Reason for withdrawing').fill('The budget moved to another region.');
      await dialog.getByRole('button', { name: 'Withdraw request' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText('Withdrawn', { exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Request history' })).toContainText('Withdrew the request: The budget moved to another region.');
      await expect(page.getByRole('button', { name: 'Withdraw request' })).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'a withdrawn request on a phone, in English');

      await page.goto('/partner-requests?status=withdrawn');
      await expect(page.getByRole('heading', { level: 1, name: 'Partner school requests' })).toBeVisible();
      await expect(page.getByLabel('Show status')).toHaveValue('withdrawn');
      await expect(page.locator(`a[href="/partner-requests/${id}"]`)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'the list on a phone, in English');
    } finally {
      await csr.patch('/auth/me', { locale: 'id' });
    }
  });
});

test("a new company's CSR officer opens a request and sees none of Trakindo's", async ({ page }) => {
  const company = await admin.post('/organizations', { type: 'company', name: `PT Uji Mitra Baru ${tag}`, sector: 'Logistik' });
  const email = `csr.${tag}@mitrabaru.example`;
  const user = await admin.post('/users', { organizationId: company.id, email, fullName: 'Dewi Lestari', role: 'csr_officer' });
  await page.goto(`/invitation?token=${encodeURIComponent(user.invitation.token)}`);
  const password = `Mitra-Baru-${tag}`;
  await page.getByLabel('Kata sandi baru').fill(password);
  await page.getByLabel('Ulangi kata sandi').fill(password);
  await page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Dewi Lestari/ })).toBeVisible();

  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Permintaan mitra' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Permintaan sekolah mitra' })).toBeVisible();
  await expect(page.getByText('Perusahaan Anda belum pernah meminta rekomendasi sekolah.', { exact: false })).toBeVisible();
  await expectAccessible(page, "a new company's empty list");

  await page.getByRole('link', { name: 'Buat permintaan' }).click();
  await page.getByRole('combobox', { name: 'Dinas pendidikan' }).fill('Banjarmasin');
  await page.getByRole('option', { name: OFFICE_NAME }).click();
  await page.getByLabel('Jumlah sekolah').fill('1');
  await page.getByRole('checkbox', { name: 'Sanitasi', exact: false }).check();
  await expect(page.getByLabel('Program CSR')).toHaveValue('');
  await page.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Permintaan ke ${OFFICE_NAME}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rincian permintaan' })).toContainText(company.name);
  const mine = page.url().split('/').pop() as string;

  // Only its own request is listed; Trakindo's typed into the URL read as not found.
  await page.getByRole('link', { name: 'Kembali ke daftar permintaan' }).click();
  await expect(page.getByRole('link', { name: `Permintaan ke ${OFFICE_NAME}` })).toHaveCount(1);
  await expect(page.locator(`a[href="/partner-requests/${mine}"]`)).toBeVisible();
  const own = await apiAs(email, password);
  expect((await own.get('/partner-requests')).items.map((r: { id: string }) => r.id)).toEqual([mine]);
  for (const other of [...TRAKINDO_REQUESTS, await openRequest({ schoolsWanted: 1 })]) {
    await page.goto(`/partner-requests/${other}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
    await expect(page.getByText('Data ini tidak ada atau bukan milik organisasi Anda.')).toBeVisible();
  }
  await expectAccessible(page, "another company's request typed into the URL");
});
