import { apiAs, DEMO, expect as baseExpect, expectAccessible, PHONE, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';

// The Banjarmasin education office answers a company's request: candidate schools of its
// jurisdiction ranked with the reasons for their scores, a recommendation with its rationale, and a
// school outside the jurisdiction refused. The requests answered here are made by this file.

const BANJARMASIN_OFFICE = '00000000-0000-4000-8000-000000000301';
const REQUEST_2012 = '00000000-0000-4000-8000-000000000601';
const DISASTER_REQUEST = '00000000-0000-4000-8000-000000000602';
const OUTSIDE = { name: 'SDN 012 Balikpapan Selatan', npsn: '30401234' };

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

test.beforeAll(async () => {
  [admin, csr, officer] = await Promise.all([apiAs(DEMO.admin), apiAs(DEMO.csr), apiAs(DEMO.officer)]);
});

test('the office ranks the candidates with their reasons, is refused a school outside its jurisdiction, and recommends one with a rationale', async ({ page }) => {
  const tag = uniqueTag();
  const school = await admin.post('/organizations', {
    type: 'school',
    name: `SDN Uji Kandidat ${tag}`,
    npsn: npsn(),
    schoolLevel: 'SD',
    regionCode: '63.71',
    needs: ['literacy', 'teacher_training', 'parenting'],
  });
  const request = await csr.post('/partner-requests', {
    educationOfficeId: BANJARMASIN_OFFICE,
    regionCode: '63.71',
    schoolLevels: ['SD'],
    schoolsWanted: 3,
    needTopics: ['literacy', 'teacher_training', 'parenting'],
    needsNote: `Tiga SD untuk literasi bersama orang tua (${tag}).`,
    dueDate: inDays(1),
  });

  // The home page's agenda sends the office to the request.
  await signIn(page, DEMO.officer);
  await page.locator(`a[href="/partner-requests/${request.id}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Permintaan dari PT Trakindo Utama' })).toBeVisible();
  await expect(page.getByText(`Tiga SD untuk literasi bersama orang tua (${tag}).`)).toBeVisible();

  const candidates = page.getByRole('region', { name: 'Kandidat sekolah' });
  const card = candidates.getByRole('listitem').filter({ has: page.getByText(school.name, { exact: true }) });
  await expect(card).toContainText('Skor 95');
  const reasons = card.getByRole('list', { name: `Alasan skor ${school.name}` });
  await expect(reasons.getByRole('listitem')).toHaveText([
    '+40 Belum punya mitra CSR',
    '+25 Jenjang SD sesuai permintaan',
    '+10 Menyatakan kebutuhan: Literasi',
    '+10 Menyatakan kebutuhan: Pelatihan guru',
    '+10 Menyatakan kebutuhan: Pelibatan orang tua (parenting)',
  ]);
  await expect(candidates).not.toContainText(OUTSIDE.name);
  await expectAccessible(page, 'the candidates of a request');

  // Bad input: a school outside the jurisdiction, found by name, is refused by the API.
  await page.getByRole('combobox', { name: 'Sekolah lain' }).fill('Balikpapan');
  await page.getByRole('option', { name: `${OUTSIDE.name} (${OUTSIDE.npsn})` }).click();
  await page.getByRole('button', { name: 'Tambahkan ke rekomendasi' }).click();
  const outside = page.getByRole('group', { name: `Rekomendasi 1: ${OUTSIDE.name}` });
  await outside.getByLabel('Alasan rekomendasi').fill('Sekolah yang bagus.');
  await page.getByRole('button', { name: 'Kirim rekomendasi' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'di luar wilayah' }).first()).toBeVisible();
  await expect(outside.getByRole('alert')).toContainText(`${OUTSIDE.name} berada di wilayah 64.71, di luar wilayah Dinas Pendidikan Kota Banjarmasin`);
  await expectAccessible(page, 'a school outside the jurisdiction refused');
  expect((await officer.get(`/partner-requests/${request.id}`)).recommendations).toEqual([]);

  await page.getByRole('button', { name: `Hapus dari rekomendasi: ${OUTSIDE.name}` }).click();
  await card.getByRole('button', { name: `Tambahkan ${school.name} ke rekomendasi` }).click();
  const rationale = 'Kepala sekolah dan guru berkomitmen, belum punya mitra CSR, dan literasi bersama orang tua kebutuhan utamanya.';
  await page.getByRole('group', { name: `Rekomendasi 1: ${school.name}` }).getByLabel('Alasan rekomendasi').fill(rationale);
  await page.getByRole('button', { name: 'Kirim rekomendasi' }).click();

  const recs = page.getByRole('region', { name: 'Sekolah yang direkomendasikan' });
  await expect(recs.getByRole('listitem').filter({ hasText: school.name })).toContainText(rationale);
  await expect(recs.getByRole('listitem').filter({ hasText: school.name })).toContainText('Menunggu keputusan');
  await expect(page.getByText('Dijawab dinas', { exact: true })).toBeVisible();
  await expect(candidates.getByText(school.name, { exact: true })).toHaveCount(0);
  const history = page.getByRole('region', { name: 'Riwayat permintaan' });
  await expect(history).toContainText(`Merekomendasikan ${school.name} (peringkat 1): ${rationale}`);
  await expect(history).toContainText('Menjawab permintaan dengan 1 sekolah.');
  await expectAccessible(page, 'an answered request, as the office');

  const answered = await csr.get(`/partner-requests/${request.id}`);
  expect(answered.recommendations).toEqual([expect.objectContaining({ school: expect.objectContaining({ id: school.id }), rank: 1, rationale, decision: 'pending' })]);
});

test('the office reads the 2012 reference case: its recommendation, the decision and the partnership it became', async ({ page }) => {
  await signIn(page, DEMO.officer);
  await page.goto('/partner-requests?status=closed');
  await expect(page.getByLabel('Tampilkan status')).toHaveValue('closed');
  await page.locator(`a[href="/partner-requests/${REQUEST_2012}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Permintaan dari PT Trakindo Utama' })).toBeVisible();
  const recs = page.getByRole('region', { name: 'Sekolah yang direkomendasikan' });
  await expect(recs).toContainText('SDN Pelambuan 4 Banjarmasin');
  await expect(recs).toContainText('Diterima');
  await expect(recs).toContainText('Kemitraan dalam Generasi Trakindo');
  // A closed request offers no candidates and no answer form.
  await expect(page.getByRole('region', { name: 'Kandidat sekolah' })).toHaveCount(0);
  const history = page.getByRole('region', { name: 'Riwayat permintaan' });
  await expect(history).toContainText('Merekomendasikan SDN Pelambuan 4 Banjarmasin (peringkat 1)');
  await expect(history).toContainText('Menerima SDN Pelambuan 4 Banjarmasin.');
  await expect(history).toContainText('Permintaan selesai karena semua sekolah sudah diputuskan.');
  await expectAccessible(page, 'the 2012 request, as the office');
});

test.describe('on a phone, in English', () => {
  test.use({ viewport: PHONE });

  test('the office reads the incoming requests and the candidates of the open demo request (read only)', async ({ page }) => {
    await signIn(page, DEMO.officer);
    try {
      await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
      await page.goto('/partner-requests?status=open');
      await expect(page.getByRole('heading', { level: 1, name: 'Partner school requests' })).toBeVisible();
      await expect(page.getByLabel('Show status')).toHaveValue('open');
      await expect(page.getByRole('link', { name: 'Request from PT Trakindo Utama' }).first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'the incoming requests on a phone, in English');

      await page.goto(`/partner-requests/${DISASTER_REQUEST}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Request from PT Trakindo Utama' })).toBeVisible();
      const candidates = page.getByRole('region', { name: 'Candidate schools' });
      await expect(candidates.getByText(/^Score \d+$/).first()).toBeVisible();
      await expect(candidates.getByText(/CSR partner/).first()).toBeVisible();
      await expect(page.getByRole('button', { name: 'Send recommendation' })).toBeDisabled();
      await expect(page.getByRole('region', { name: 'Request history' })).toContainText('Opened the request.');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'an open request with its candidates on a phone, in English');
    } finally {
      await officer.patch('/auth/me', { locale: 'id' });
    }
  });
});
