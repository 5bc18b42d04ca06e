import { apiAs, DEMO, expect, expectAccessible, PHONE, PNG_1x1, signIn, test, uniqueTag } from './support/fixtures';
import { daysAgo, demoAssignment } from './support/mentoring';

test.slow();

const SCHOOL = 'SDN Pelambuan 4 Banjarmasin';

test('the facilitator sees the school’s progress and logs a workshop with parents, a named attendee, a photo and a follow-up', async ({ page }) => {
  const tag = `Lokakarya ${uniqueTag()}`;
  const facilitator = await apiAs(DEMO.facilitator);
  const assignmentId = await demoAssignment(facilitator);
  const before = await facilitator.get<{ progress: { sessionsDone: number; sessionsPlanned: number } }>(`/mentoring/assignments/${assignmentId}`);

  await signIn(page, DEMO.facilitator);
  await page.goto('/mentoring');
  await expect(page.getByRole('heading', { level: 1, name: 'Sekolah dampingan saya' })).toBeVisible({ timeout: 45_000 });
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: SCHOOL }) });
  await expect(card.getByText(`${before.progress.sessionsDone} dari ${before.progress.sessionsPlanned}`, { exact: true })).toBeVisible();
  await expect(card.getByText(/^Kontak terakhir/)).toBeVisible();
  await expectAccessible(page, 'my schools');

  await card.getByRole('link', { name: `Catat sesi di ${SCHOOL}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catat sesi pendampingan' })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('combobox', { name: 'Sekolah', exact: true })).toHaveValue(assignmentId);
  await page.getByRole('textbox', { name: 'Tanggal', exact: true }).fill(daysAgo(2));
  await page.getByRole('textbox', { name: 'Lama kegiatan (jam)' }).fill('3,5');
  await page.getByRole('combobox', { name: 'Bentuk kegiatan' }).selectOption('workshop');
  await page.getByRole('combobox', { name: 'Topik' }).selectOption('parenting');
  await page.getByRole('textbox', { name: 'Guru' }).fill('6');
  await page.getByRole('textbox', { name: 'Orang tua' }).fill('22');
  await page.getByRole('combobox', { name: 'Peserta yang disebut namanya' }).click();
  await page.getByRole('option', { name: /Siti Rahmah/ }).click();
  await page.getByRole('textbox', { name: 'Catatan' }).fill(`${tag}: lokakarya pelibatan orang tua dalam program membaca di rumah.`);
  await page.getByLabel('Foto kegiatan').setInputFiles({ name: 'lokakarya.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await page.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  const action = page.getByRole('group', { name: 'Tindak lanjut 1' });
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(action.getByRole('textbox', { name: 'Yang akan dikerjakan' })).toHaveAccessibleDescription(/Isi apa yang akan dikerjakan/);
  await expectAccessible(page, 'session form with a problem');
  await action.getByRole('textbox', { name: 'Yang akan dikerjakan' }).fill(`Bentuk paguyuban orang tua kelas 1 (${tag})`);
  await action.getByRole('combobox', { name: 'Penanggung jawab' }).selectOption('school');
  await action.getByRole('textbox', { name: 'Tenggat' }).fill(daysAgo(-14));
  await page.getByRole('button', { name: 'Simpan sesi' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Lokakarya · / })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText(/Guru: 6 · Orang tua: 22/)).toBeVisible();
  await expect(page.getByText(/Siti Rahmah/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unduh bukti lokakarya.png' })).toBeVisible();
  await expect(page.getByRole('article', { name: new RegExp(`Bentuk paguyuban orang tua kelas 1`) })).toBeVisible();
  await expectAccessible(page, 'the logged session');

  const { items } = await facilitator.get<{ items: Array<{ id: string; notes: string | null; durationMinutes: number; evidenceDocumentIds: string[]; attendees: { users: Array<{ fullName: string }> } }> }>(
    `/mentoring/sessions?assignmentId=${assignmentId}&limit=100`,
  );
  const mine = items.filter((s) => s.notes?.includes(tag));
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ durationMinutes: 210, evidenceDocumentIds: [expect.any(String)] });
  expect(mine[0].attendees.users.map((u) => u.fullName)).toEqual([expect.stringContaining('Siti Rahmah')]);
  const actions = await facilitator.get<{ items: unknown[] }>(`/mentoring/actions?sessionId=${mine[0].id}`);
  expect(actions.items).toHaveLength(1);

  // Back on the school's page the new session counts.
  await page.goto(`/mentoring/assignments/${assignmentId}`);
  await expect(page.getByRole('heading', { level: 1, name: SCHOOL })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText(`${before.progress.sessionsDone + 1} dari ${before.progress.sessionsPlanned}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: tag })).toBeVisible();
  await expectAccessible(page, 'the assignment page');
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the facilitator opens the session form on a phone, in English; a future date is refused on the field', async ({ page }) => {
    const facilitator = await apiAs(DEMO.facilitator);
    const assignmentId = await demoAssignment(facilitator);
    await signIn(page, DEMO.facilitator);
    try {
      await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
      await page.goto('/mentoring');
      await expect(page.getByRole('heading', { level: 1, name: 'My schools' })).toBeVisible({ timeout: 45_000 });
      await expectAccessible(page, 'my schools on a phone');
      await page.getByRole('link', { name: `Log a session at ${SCHOOL}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Log a mentoring session' })).toBeVisible({ timeout: 45_000 });
      await expect(page.getByRole('combobox', { name: 'School', exact: true })).toHaveValue(assignmentId);
      await expect(page.getByLabel('Activity photo')).toHaveAttribute('accept', 'image/png,image/jpeg');
      await page.getByRole('textbox', { name: 'Date', exact: true }).fill(daysAgo(-3));
      await page.getByRole('button', { name: 'Save session' }).click();
      await expect(page.getByRole('textbox', { name: 'Date', exact: true })).toHaveAccessibleDescription(/cannot be after today/);
      await expectAccessible(page, 'session form on a phone');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await facilitator.patch('/auth/me', { locale: 'id' });
    }
  });
});
