import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';

// The CSR officer runs a competition of this year's Generasi Trakindo: a weighted rubric, the phases,
// the panel, the assignments with conflicts of interest, the results preview and publishing. Every
// competition here is made by this file (the demo competitions are only read by others); the entries
// are SDN Pelambuan 4's, sent by its principal through the API.

const DAY = 24 * 60 * 60 * 1000;
const JUDGE_NAME = 'Dr. Bambang Sutrisno (Juri)';
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
let program: { id: string; name: string };
let year: { id: string; year: number };

/** A datetime-local value ("2026-12-05T14:30") of an instant, in this machine's (and the browser's) time zone. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function userId(email: string): Promise<string> {
  return ((await (await apiAs(email)).get('/auth/me')) as { user: { id: string } }).user.id;
}

/** A competition of this year made through the API, open for entries, with Pelambuan 4's entries in `entries` categories. */
async function openCompetition(title: string, entries: number): Promise<{ c: Competition; entryIds: string[] }> {
  const now = Date.now();
  const c = (await csr.post('/competitions', {
    programYearId: year.id,
    title,
    level: 'national',
    categories: [{ name: 'Literasi' }, { name: 'Sekolah ramah anak' }, { name: 'Kesiapsiagaan bencana' }],
    criteria: [
      { name: 'Kebaruan', weight: 60, maxScore: 20 },
      { name: 'Dampak bagi siswa', weight: 40, maxScore: 10 },
    ],
    entriesOpenAt: new Date(now - DAY).toISOString(),
    entriesCloseAt: new Date(now + 30 * DAY).toISOString(),
    judgingEndsAt: new Date(now + 60 * DAY).toISOString(),
    minJudgesPerEntry: 1,
  })) as Competition;
  await csr.post(`/competitions/${c.id}/phase`, { phase: 'open' });
  const entryIds: string[] = [];
  for (let i = 0; i < entries; i++) {
    const e = (await principal.post(`/competitions/${c.id}/entries`, { categoryId: c.categories[i].id, title: `${c.categories[i].name}: karya ${title}`, summary: 'Inovasi sekolah untuk pengujian.' })) as { id: string };
    entryIds.push(e.id);
  }
  return { c, entryIds };
}

test.beforeAll(async () => {
  csr = await apiAs(DEMO.csr);
  principal = await apiAs(DEMO.principal);
  judge = await apiAs(DEMO.judge);
  judge2 = await apiAs(JUDGE2);
  const programs = (await csr.get('/programs?q=Generasi%20Trakindo')) as { items: Array<{ id: string; name: string }> };
  const found = programs.items.find((p) => p.name === 'Generasi Trakindo');
  if (!found) throw new Error('the demo program Generasi Trakindo is missing');
  program = found;
  const years = (await csr.get(`/programs/${program.id}/years`)) as { items: Array<{ id: string; year: number; status: string }> };
  year = years.items.find((y) => y.status === 'running') ?? years.items[years.items.length - 1];
});

test('the CSR officer creates a competition whose weights must total 100, opens it and puts judges on the panel', async ({ page }) => {
  const title = `Lomba Inovasi Uji CSR ${uniqueTag()}`;
  const now = Date.now();
  await signIn(page, DEMO.csr);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kompetisi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kompetisi inovasi' })).toBeVisible({ timeout: 45_000 });
  await page.getByRole('link', { name: 'Buat kompetisi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Buat kompetisi' })).toBeVisible({ timeout: 45_000 });

  await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption(program.id);
  await page.getByRole('combobox', { name: 'Tahun program' }).selectOption(year.id);
  await page.getByLabel('Nama kompetisi').fill(title);
  await page.getByLabel('Pendaftaran dibuka').fill(localInput(now - DAY));
  await page.getByLabel('Batas pengiriman karya').fill(localInput(now + 30 * DAY));
  await page.getByLabel('Penjurian berakhir').fill(localInput(now + 60 * DAY));
  await page.getByLabel('Nama kategori 1').fill('Literasi');
  await page.getByRole('button', { name: 'Tambah kategori' }).click();
  await page.getByLabel('Nama kategori 2').fill('Sekolah ramah anak');
  await page.getByLabel('Nama kriteria 1').fill('Kebaruan');
  await page.getByLabel('Bobot kriteria 1 (%)').fill('40');
  await page.getByLabel('Nilai tertinggi kriteria 1').fill('20');
  await expect(page.getByText('Jumlah bobot: 40 dari 100')).toBeVisible();
  await page.getByRole('button', { name: 'Tambah kriteria' }).click();
  await page.getByLabel('Nama kriteria 2').fill('Dampak bagi siswa');
  await page.getByLabel('Bobot kriteria 2 (%)').fill('30');
  await page.getByLabel('Nilai tertinggi kriteria 2').fill('10');
  // The running total follows the typing; the API still refuses a rubric that does not add up to 100.
  await expect(page.getByText('Jumlah bobot: 70 dari 100')).toBeVisible();
  await expectAccessible(page, 'the new competition form');
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'bobot kriteria berjumlah 70, padahal harus berjumlah 100' })).toBeVisible();
  await expect(page).toHaveURL(/\/competitions\/new$/);

  await page.getByLabel('Bobot kriteria 2 (%)').fill('60,5');
  await expect(page.getByText('Jumlah bobot: 100,5 dari 100')).toBeVisible();
  await page.getByLabel('Bobot kriteria 2 (%)').fill('60');
  await expect(page.getByText('Jumlah bobot: 100 dari 100 ✓')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 45_000 });
  const id = /\/competitions\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  const phases = page.getByRole('list', { name: 'Tahapan kompetisi' });
  await expect(phases.locator('[aria-current="step"]')).toHaveText('1. Draf');
  await expect(page.getByRole('region', { name: 'Kategori dan rubrik penilaian' })).toContainText('Bobot 60%');
  await expectAccessible(page, 'a draft competition');

  // The draft can still change: the title, through the edit form.
  await page.getByRole('link', { name: 'Ubah draf' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ubah kompetisi' })).toBeVisible({ timeout: 45_000 });
  await page.getByLabel('Nama kompetisi').fill(`${title} (final)`);
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${title} (final)` })).toBeVisible();

  await page.getByRole('button', { name: 'Buka pendaftaran' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, buka pendaftaran' }).click();
  await expect(phases.locator('[aria-current="step"]')).toHaveText('2. Pendaftaran dibuka');
  await expect(page.getByRole('link', { name: 'Ubah draf' })).toHaveCount(0);

  const panel = page.getByRole('region', { name: 'Panel juri' });
  await expect(panel).toContainText('Belum ada juri dalam panel.');
  await panel.getByLabel('Cari nama atau email juri').fill('ulm.example');
  await panel.getByRole('combobox', { name: 'Juri', exact: true }).selectOption({ label: `${JUDGE_NAME} · Universitas Lambung Mangkurat` });
  await panel.getByRole('button', { name: 'Tambahkan ke panel' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: JUDGE_NAME })).toContainText('0 dari 0 karya dinilai');
  await panel.getByRole('combobox', { name: 'Juri', exact: true }).selectOption({ label: `${JUDGE2_NAME} · Universitas Lambung Mangkurat` });
  await panel.getByRole('button', { name: 'Tambahkan ke panel' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: JUDGE2_NAME })).toBeVisible();
  const onPanel = (await csr.get(`/competitions/${id}/judges`)) as { items: Array<{ email: string }> };
  expect(onPanel.items.map((j) => j.email).sort()).toEqual([DEMO.judge, JUDGE2].sort());
  await expectAccessible(page, 'an open competition with its panel');
});

test('assigning a judge shows the conflicts of interest with their reason, and the API refuses a conflicted judge', async ({ page }) => {
  const { c, entryIds } = await openCompetition(`Penugasan ${uniqueTag()}`, 2);
  await csr.post(`/competitions/${c.id}/judges`, { userId: await userId(DEMO.judge) });
  await csr.post(`/competitions/${c.id}/judges`, { userId: await userId(JUDGE2) });
  const entryTitle = `Literasi: karya ${c.title}`;

  await signIn(page, DEMO.csr);
  await page.goto(`/competitions/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible({ timeout: 45_000 });
  const entries = page.getByRole('region', { name: 'Karya dan penugasan juri' });
  const entry = entries.getByRole('listitem').filter({ hasText: entryTitle }).first();
  await entry.getByRole('combobox', { name: `Tambah juri untuk ${entryTitle}` }).selectOption({ label: JUDGE_NAME });
  await entry.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(entry.getByRole('list', { name: `Juri untuk ${entryTitle}` })).toContainText(`${JUDGE_NAME} · belum dinilai`);

  // The judge then declares a conflict with the school: the assignment goes, and the reason is shown.
  await judge.post(`/competitions/${c.id}/conflicts`, { schoolId: ((await principal.get('/auth/me')) as { organization: { id: string } }).organization.id, reason: 'Adik saya mengajar di sekolah ini.' });
  await page.reload();
  await expect(entry.getByRole('list', { name: `Juri untuk ${entryTitle}` })).toContainText('Belum ada juri.');
  await expect(entry.getByText('Konflik kepentingan dengan sekolah ini')).toBeVisible();
  await expect(entry).toContainText(`${JUDGE_NAME}: ${JUDGE_NAME} menyatakan konflik kepentingan dengan SDN Pelambuan 4`);
  await expect(entry).toContainText('Adik saya mengajar di sekolah ini.');
  await expectAccessible(page, 'entries with a conflict of interest');

  // Assigning the conflicted judge anyway: the API refuses, and says why at the field.
  const select = entry.getByRole('combobox', { name: `Tambah juri untuk ${entryTitle}` });
  await select.selectOption({ label: `${JUDGE_NAME} (konflik kepentingan)` });
  await entry.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(entry.getByText(/konflik kepentingan: .*menyatakan konflik kepentingan dengan SDN Pelambuan 4.*; tugaskan juri lain/i)).toBeVisible();
  await expect(select).toHaveAttribute('aria-invalid', 'true');
  expect(((await csr.get(`/competitions/${c.id}/assignments`)) as { items: unknown[] }).items).toEqual([]);

  // By category: the unconflicted judge is given, the conflicted one skipped with the reason.
  const byCategory = entries.getByRole('region', { name: 'Tugaskan juri per kategori' });
  await byCategory.getByLabel('Kategori').selectOption({ label: 'Literasi' });
  await byCategory.getByLabel('Juri per karya').fill('2');
  await byCategory.getByRole('button', { name: 'Tugaskan per kategori' }).click();
  const result = page.getByRole('status').filter({ hasText: '1 penugasan baru dibuat.' });
  await expect(result).toContainText(`${JUDGE_NAME} dilewati untuk "${entryTitle}"`);
  await expect(result).toContainText(`"${entryTitle}" baru mendapat 1 dari 2 juri`);
  await expect(entry.getByRole('list', { name: `Juri untuk ${entryTitle}` })).toContainText(`${JUDGE2_NAME} · belum dinilai`);
  const assignments = (await csr.get(`/competitions/${c.id}/assignments`)) as { items: Array<{ entry: { id: string }; judge: { fullName: string } }> };
  expect(assignments.items.map((a) => [a.entry.id, a.judge.fullName])).toEqual([[entryIds[0], JUDGE2_NAME]]);

  // The judge's removal from the panel asks first.
  const panel = page.getByRole('region', { name: 'Panel juri' });
  await panel.getByRole('button', { name: `Keluarkan ${JUDGE_NAME} dari panel` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Keluarkan dari panel' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: JUDGE_NAME })).toHaveCount(0);
});

test('the results preview shows mean, median, normalised score and flags; publishing is refused while an entry has no score, then done', async ({ page }) => {
  const { c, entryIds } = await openCompetition(`Pratinjau ${uniqueTag()}`, 2);
  await csr.post(`/competitions/${c.id}/judges`, { userId: await userId(JUDGE2) });
  await csr.post(`/competitions/${c.id}/assignments`, { judgeUserId: await userId(JUDGE2), entryId: entryIds[0] });
  await csr.post(`/competitions/${c.id}/phase`, { phase: 'judging' });
  await judge2.put(`/entries/${entryIds[0]}/scores`, { scores: [{ criterionId: c.criteria[0].id, score: 15 }, { criterionId: c.criteria[1].id, score: 8 }] });

  await signIn(page, DEMO.csr);
  await page.goto(`/competitions/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible({ timeout: 45_000 });
  await page.getByRole('link', { name: 'Pratinjau hasil dan umumkan' }).click();
  await expect(page).toHaveURL(new RegExp(`/competitions/${c.id}/results/preview$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Pratinjau hasil' })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('status')).toContainText(/\d+ karya bertanda dan 1 karya belum dinilai/);
  const literacy = page.getByRole('table', { name: 'Literasi' });
  // 15/20 × 60 + 8/10 × 40 = 45 + 32 = 77, from one judge: mean and median 77.
  const row = literacy.getByRole('row').filter({ hasText: `Literasi: karya ${c.title}` });
  await expect(row.getByRole('cell').nth(2)).toHaveText('77');
  await expect(row.getByRole('cell').nth(3)).toHaveText('77');
  await expect(row.getByRole('cell').nth(4)).toHaveText('0,000');
  await expect(row).toContainText(`${JUDGE2_NAME}: 77`);
  await expect(page.getByRole('table', { name: 'Sekolah ramah anak' }).getByRole('row').filter({ hasText: c.title })).toContainText('Belum dinilai');
  await expectAccessible(page, 'the results preview');

  await page.getByRole('button', { name: 'Umumkan hasil' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Ya, umumkan hasil' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  expect(((await csr.get(`/competitions/${c.id}`)) as { phase: string }).phase).toBe('judging');
  await dialog.getByRole('button', { name: 'Batal' }).click();

  await csr.post(`/competitions/${c.id}/assignments`, { judgeUserId: await userId(JUDGE2), entryId: entryIds[1] });
  await judge2.put(`/entries/${entryIds[1]}/scores`, { scores: [{ criterionId: c.criteria[0].id, score: 10 }, { criterionId: c.criteria[1].id, score: 5 }] });
  await page.reload();
  await expect(page.getByRole('status')).toContainText('0 karya bertanda dan 0 karya belum dinilai');
  await page.getByRole('button', { name: 'Umumkan hasil' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, umumkan hasil' }).click();
  await expect(page).toHaveURL(new RegExp(`/competitions/${c.id}$`), { timeout: 45_000 });
  await expect(page.getByRole('list', { name: 'Tahapan kompetisi' }).locator('[aria-current="step"]')).toHaveText('4. Hasil diumumkan');
  await expect(page.getByRole('region', { name: 'Hasil kompetisi' }).getByRole('table', { name: 'Literasi' })).toContainText('77');
  await expect(page.getByRole('region', { name: 'Panel juri' })).toContainText('panel, penugasan dan konflik tidak dapat diubah lagi');

  await page.getByRole('button', { name: 'Tutup kompetisi' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, tutup kompetisi' }).click();
  await expect(page.getByRole('list', { name: 'Tahapan kompetisi' }).locator('[aria-current="step"]')).toHaveText('5. Selesai');
  await expect(page.getByRole('button', { name: /Tutup kompetisi|Buka pendaftaran|Mulai penjurian/ })).toHaveCount(0);
});

test.describe('on a phone, in English', () => {
  test.use({ viewport: PHONE });

  test('the officer filters the list by phase, reads a competition in judging and its preview', async ({ page }) => {
    const { c, entryIds } = await openCompetition(`Phone ${uniqueTag()}`, 1);
    await csr.post(`/competitions/${c.id}/judges`, { userId: await userId(JUDGE2) });
    await csr.post(`/competitions/${c.id}/assignments`, { judgeUserId: await userId(JUDGE2), entryId: entryIds[0] });
    await csr.post(`/competitions/${c.id}/phase`, { phase: 'judging' });
    await judge2.put(`/entries/${entryIds[0]}/scores`, { scores: [{ criterionId: c.criteria[0].id, score: 20 }, { criterionId: c.criteria[1].id, score: 10 }] });

    await signIn(page, DEMO.csr);
    try {
      await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
      await page.goto('/competitions?phase=judging');
      await expect(page.getByRole('heading', { level: 1, name: 'Innovation competitions' })).toBeVisible({ timeout: 45_000 });
      await expect(page.getByLabel('Phase')).toHaveValue('judging');
      await expect(page.getByRole('link', { name: c.title })).toBeVisible();
      await page.getByLabel('Phase').selectOption('draft');
      await expect(page).toHaveURL(/phase=draft/);
      await expect(page.getByRole('link', { name: c.title })).toHaveCount(0);
      await page.getByLabel('Phase').selectOption('judging');
      await page.getByRole('link', { name: c.title }).click();
      await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible({ timeout: 45_000 });
      await expect(page.getByRole('region', { name: 'Judging panel' })).toContainText('1 of 1 entries scored');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'a competition in judging, on a phone, in English');

      await page.getByRole('link', { name: 'Preview and publish the results' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Results preview' })).toBeVisible({ timeout: 45_000 });
      await expect(page.getByRole('status')).toContainText('Flagged entries: 0. Entries not scored yet: 0.');
      await expect(page.getByRole('list', { name: 'Literasi' })).toContainText('#1 · Literasi: karya');
      await expect(page.getByRole('list', { name: 'Literasi' })).toContainText(`${JUDGE2_NAME}: 100`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'the results preview on a phone, in English');
    } finally {
      await csr.patch('/auth/me', { locale: 'id' });
    }
  });
});
