import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';

// The judge scores the entries assigned to them: blind to the other judges, each criterion up to its
// maximum, stepping aside from a school they are close to, and nothing to change once results are out.
// Every competition here is made by this file: SDN Pelambuan 4's principal sends the entries through
// the API and the CSR officer puts the demo judge on the panel.

const DAY = 24 * 60 * 60 * 1000;
const JUDGE2 = 'judge2@ulm.example';
const JUDGE2_NAME = 'Dr. Hj. Rahmawati, M.Pd. (Juri)';

interface Competition {
  id: string;
  title: string;
  categories: Array<{ id: string; name: string }>;
  criteria: Array<{ id: string; maxScore: number }>;
}

let csr: ApiCaller;
let principal: ApiCaller;
let judge: ApiCaller;
let judge2: ApiCaller;
let judgeId: string;
let judge2Id: string;
let yearId: string;

/**
 * A competition of this year through the API, open, with Pelambuan 4's entries in the first
 * `entries` categories, each assigned to the demo judge (and to the second judge with `withJudge2`).
 */
async function competitionFor(title: string, entries: number, options: { judging?: boolean; withJudge2?: boolean } = {}): Promise<{ c: Competition; entryIds: string[] }> {
  const now = Date.now();
  const c = (await csr.post('/competitions', {
    programYearId: yearId,
    title,
    level: 'national',
    categories: [{ name: 'Literasi' }, { name: 'Sekolah ramah anak' }, { name: 'Kesiapsiagaan bencana' }],
    criteria: [
      { name: 'Kebaruan', description: 'Seberapa baru gagasan ini bagi sekolah.', weight: 60, maxScore: 20 },
      { name: 'Dampak bagi siswa', weight: 40, maxScore: 10 },
    ],
    entriesOpenAt: new Date(now - DAY).toISOString(),
    entriesCloseAt: new Date(now + 30 * DAY).toISOString(),
    judgingEndsAt: new Date(now + 60 * DAY).toISOString(),
    minJudgesPerEntry: 1,
  })) as Competition;
  await csr.post(`/competitions/${c.id}/phase`, { phase: 'open' });
  await csr.post(`/competitions/${c.id}/judges`, { userId: judgeId });
  if (options.withJudge2) await csr.post(`/competitions/${c.id}/judges`, { userId: judge2Id });
  const entryIds: string[] = [];
  for (let i = 0; i < entries; i++) {
    const e = (await principal.post(`/competitions/${c.id}/entries`, { categoryId: c.categories[i].id, title: `${c.categories[i].name}: karya ${title}`, summary: 'Pojok baca di setiap kelas, dikelola siswa bersama orang tua.' })) as { id: string };
    entryIds.push(e.id);
    await csr.post(`/competitions/${c.id}/assignments`, { judgeUserId: judgeId, entryId: e.id });
    if (options.withJudge2) await csr.post(`/competitions/${c.id}/assignments`, { judgeUserId: judge2Id, entryId: e.id });
  }
  if (options.judging) await csr.post(`/competitions/${c.id}/phase`, { phase: 'judging' });
  return { c, entryIds };
}

test.beforeAll(async () => {
  csr = await apiAs(DEMO.csr);
  principal = await apiAs(DEMO.principal);
  judge = await apiAs(DEMO.judge);
  judge2 = await apiAs(JUDGE2);
  judgeId = ((await judge.get('/auth/me')) as { user: { id: string } }).user.id;
  judge2Id = ((await judge2.get('/auth/me')) as { user: { id: string } }).user.id;
  const programs = (await csr.get('/programs?q=Generasi%20Trakindo')) as { items: Array<{ id: string; name: string }> };
  const program = programs.items.find((p) => p.name === 'Generasi Trakindo');
  if (!program) throw new Error('the demo program Generasi Trakindo is missing');
  const years = (await csr.get(`/programs/${program.id}/years`)) as { items: Array<{ id: string; year: number; status: string }> };
  yearId = (years.items.find((y) => y.status === 'running') ?? years.items[years.items.length - 1]).id;
});

test('the judge follows the agenda to the entries to score, scores one blind and sees the progress', async ({ page }) => {
  const { c, entryIds } = await competitionFor(`Lomba Uji Juri ${uniqueTag()}`, 3, { judging: true, withJudge2: true });
  // The other judge has already scored the first entry: none of it may show to this judge.
  await judge2.put(`/entries/${entryIds[0]}/scores`, { scores: [{ criterionId: c.criteria[0].id, score: 3, comment: 'Catatan juri kedua yang rahasia.' }, { criterionId: c.criteria[1].id, score: 2 }] });
  const first = `Literasi: karya ${c.title}`;

  await signIn(page, DEMO.judge);
  await page.getByRole('link', { name: `3 karya di ${c.title} menunggu penilaian Anda` }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('Penilaian dibuka', { exact: true })).toBeVisible();
  const mine = page.getByRole('region', { name: 'Karya yang Anda nilai' });
  await expect(mine.getByText('0 dari 3 dinilai')).toBeVisible();
  await expect(mine.getByRole('link')).toHaveCount(3);
  await expectAccessible(page, 'the judge’s competition');

  await mine.getByRole('link', { name: first }).click();
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible({ timeout: 45_000 });
  const sheet = page.getByRole('region', { name: 'Lembar nilai Anda' });
  await expect(sheet.getByRole('textbox', { name: 'Kebaruan', exact: true })).toBeVisible();
  await expect(sheet).toContainText('Bilangan bulat 0–20 · bobot 60%');
  await expect(sheet).toContainText('Bilangan bulat 0–10 · bobot 40%');

  // Above the criterion's maximum: the API refuses, at the field.
  await sheet.getByRole('textbox', { name: 'Kebaruan', exact: true }).fill('25');
  await sheet.getByRole('textbox', { name: 'Dampak bagi siswa', exact: true }).fill('8');
  await sheet.getByLabel('Catatan untuk Kebaruan').fill('Gagasan baru untuk lingkungan sekolah.');
  await sheet.getByRole('button', { name: 'Simpan nilai' }).click();
  await expect(sheet.getByText(/melebihi nilai maksimum "Kebaruan": isi bilangan bulat dari 0 sampai 20/)).toBeVisible();
  await expect(sheet.getByRole('textbox', { name: 'Kebaruan', exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(((await judge.get(`/entries/${entryIds[0]}/scores`)) as { items: unknown[] }).items).toEqual([]);
  await expectAccessible(page, 'a refused score sheet');

  await sheet.getByRole('textbox', { name: 'Kebaruan', exact: true }).fill('18');
  await sheet.getByRole('button', { name: 'Simpan nilai' }).click();
  // 18/20 × 60 + 8/10 × 40 = 54 + 32.
  await expect(sheet.getByText('Total tertimbang Anda: 86 dari 100')).toBeVisible();
  await expect(sheet.getByRole('textbox', { name: 'Kebaruan', exact: true })).toHaveValue('18');
  expect(await page.content()).not.toContain(JUDGE2_NAME);
  expect(await page.content()).not.toContain('Catatan juri kedua yang rahasia.');
  const saved = (await judge.get(`/entries/${entryIds[0]}/scores`)) as { items: Array<{ weightedTotal: number; scores: Array<{ score: number; comment: string | null }> }> };
  expect(saved.items).toEqual([expect.objectContaining({ weightedTotal: 86, scores: [expect.objectContaining({ score: 18, comment: 'Gagasan baru untuk lingkungan sekolah.' }), expect.objectContaining({ score: 8 })] })]);

  await page.getByRole('link', { name: 'Kembali ke kompetisi' }).click();
  await expect(mine.getByText('1 dari 3 dinilai')).toBeVisible();
  await expect(mine.getByRole('listitem').filter({ hasText: first })).toContainText('sudah dinilai');
});

test('the judge declares a conflict of interest: the school’s entry leaves the list and the reason stays on record', async ({ page }) => {
  const { c } = await competitionFor(`Konflik Juri ${uniqueTag()}`, 1);
  const entry = `Literasi: karya ${c.title}`;

  await signIn(page, DEMO.judge);
  await page.goto(`/competitions/${c.id}`);
  await expect(page.getByText('Penjurian belum dimulai', { exact: true })).toBeVisible({ timeout: 45_000 });
  const mine = page.getByRole('region', { name: 'Karya yang Anda nilai' });
  await expect(mine.getByRole('link', { name: entry })).toBeVisible();
  await mine.getByRole('button', { name: `Nyatakan konflik kepentingan untuk ${entry}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Konflik kepentingan dengan SDN Pelambuan 4 Banjarmasin' });
  await expect(dialog).toContainText('Semua karya SDN Pelambuan 4 Banjarmasin dalam kompetisi ini dilepas dari daftar Anda');
  await expectAccessible(page, 'declaring a conflict of interest');
  // Without a reason the API refuses, at the field.
  await dialog.getByRole('button', { name: 'Nyatakan konflik' }).click();
  await expect(dialog.getByLabel('Alasan')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Alasan').fill('Saya pernah menjadi guru tamu di sekolah ini tahun lalu.');
  await dialog.getByRole('button', { name: 'Nyatakan konflik' }).click();

  await expect(page.getByText('Konflik kepentingan dengan SDN Pelambuan 4 Banjarmasin tercatat; 1 karya dilepas dari daftar Anda.')).toBeVisible();
  await expect(mine.getByRole('link', { name: entry })).toHaveCount(0);
  await expect(mine).toContainText('Belum ada karya yang ditugaskan kepada Anda.');
  await expect(page.getByRole('region', { name: 'Konflik kepentingan Anda' })).toContainText('Saya pernah menjadi guru tamu di sekolah ini tahun lalu.');
  expect(((await judge.get(`/competitions/${c.id}/assignments`)) as { items: unknown[] }).items).toEqual([]);
  // The entry itself is now out of the judge's reach.
  await page.goto(`/competitions/${c.id}/entries/${((await csr.get(`/competitions/${c.id}/entries`)) as { items: Array<{ id: string }> }).items[0].id}`);
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible();
});

test.describe('on a phone, in English', () => {
  test.use({ viewport: PHONE });

  test('once results are published the judge reads their scores and can change nothing, and the page says so', async ({ page }) => {
    const { c, entryIds } = await competitionFor(`Closed ${uniqueTag()}`, 1, { judging: true });
    await judge.put(`/entries/${entryIds[0]}/scores`, { scores: [{ criterionId: c.criteria[0].id, score: 15 }, { criterionId: c.criteria[1].id, score: 5 }] });
    await csr.post(`/competitions/${c.id}/phase`, { phase: 'published' });
    const entry = `Literasi: karya ${c.title}`;

    await signIn(page, DEMO.judge);
    try {
      await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
      await page.goto(`/competitions/${c.id}`);
      await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible({ timeout: 45_000 });
      await expect(page.getByText('Scoring is closed', { exact: true })).toBeVisible();
      await expect(page.getByText('every score is frozen')).toBeVisible();
      const mine = page.getByRole('region', { name: 'Entries you score' });
      await expect(mine.getByText('1 of 1 scored')).toBeVisible();
      await expect(mine.getByRole('button', { name: /Declare a conflict/ })).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'Results', exact: true })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'a published competition for the judge, on a phone, in English');

      await mine.getByRole('link', { name: entry }).click();
      const sheet = page.getByRole('region', { name: 'Your score sheet' });
      await expect(sheet.getByText('Your weighted total: 65 of 100')).toBeVisible();
      await expect(sheet.getByRole('textbox', { name: 'Kebaruan', exact: true })).toHaveValue('15');
      await expect(sheet.getByRole('textbox', { name: 'Kebaruan', exact: true })).toHaveAttribute('readonly', '');
      await expect(sheet.getByRole('button', { name: 'Save scores' })).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'a frozen score sheet on a phone, in English');
      // The API holds the line too.
      const refused = await judge.raw('PUT', `/entries/${entryIds[0]}/scores`, { scores: [{ criterionId: c.criteria[0].id, score: 20 }, { criterionId: c.criteria[1].id, score: 10 }] });
      expect(refused.status).toBe(422);
    } finally {
      await judge.patch('/auth/me', { locale: 'id' });
    }
  });
});
