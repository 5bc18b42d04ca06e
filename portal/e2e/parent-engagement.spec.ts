import { apiAs, DEMO, expect, expectAccessible, PHONE, PNG_1x1, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';

// SDN Pelambuan 4 works with parents: its principal records a parenting class split by grade,
// sees it in the school's list, attaches the attendance list; the CSR officer reads it on a phone
// from the portfolio's "parents reached". Each test records its own activity, tagged in its notes.

interface Activity {
  id: string;
  kind: string;
  parentsReached: number;
  parentsByGrade: Array<{ grade: number; parents: number }> | null;
  notes: string | null;
  version: number;
}

let principal: ApiCaller;
let schoolId: string;

/** Yesterday, as the API's calendar reads it: never "in the future" wherever the run is. */
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async () => {
  principal = await apiAs(DEMO.principal);
  schoolId = ((await principal.get('/auth/me')) as { organization: { id: string } }).organization.id;
});

async function findByNotes(tag: string): Promise<Activity | undefined> {
  const page = (await principal.get(`/parent-engagement/activities?schoolId=${schoolId}&limit=100`)) as { items: Activity[] };
  return page.items.find((a) => a.notes?.includes(tag));
}

test('the principal records a parenting class split by grade: a split that does not add up is named, then it is saved, listed and evidenced', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, DEMO.principal);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Profil sekolah' }).click();
  await page.getByRole('link', { name: 'Buka kegiatan orang tua' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kegiatan bersama orang tua' })).toBeVisible();
  // The demo's committee meetings and communication books are there already.
  await expect(page.getByRole('link', { name: 'Pemeriksaan buku penghubung' }).first()).toBeVisible();
  await expectAccessible(page, 'the school’s activities with parents');

  await page.getByRole('link', { name: 'Catat kegiatan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catat kegiatan bersama orang tua' })).toBeVisible();
  await page.getByLabel('Jenis kegiatan').selectOption({ label: 'Kelas parenting' });
  await page.getByLabel('Tanggal kegiatan').fill(yesterday());
  await page.getByLabel('Orang tua yang hadir').fill('40');
  await page.getByLabel('Guru yang terlibat').fill('3');
  await page.getByRole('checkbox', { name: 'Rinci orang tua per kelas' }).check();
  await page.getByLabel('Kelas 1', { exact: true }).fill('22');
  await page.getByLabel('Kelas 2', { exact: true }).fill('20');
  await expect(page.getByText('Jumlah per kelas: 42 dari 40 orang tua')).toBeVisible();
  await page.getByLabel('Catatan').fill(`Kelas parenting "Membacakan cerita di rumah" bersama psikolog Puskesmas Pelambuan (${tag}).`);
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();

  // The API refuses the split: the reason shows at the grades, nothing is written.
  const splitProblem = page.getByRole('group', { name: 'Orang tua per kelas' }).getByRole('alert');
  await expect(splitProblem).toContainText('Orang tua per kelas berjumlah 42 orang tua padahal orang tua yang terjangkau 40');
  expect(await findByNotes(tag)).toBeUndefined();
  await expectAccessible(page, 'the activity form with the grade split refused');

  await page.getByLabel('Kelas 2', { exact: true }).fill('18');
  await expect(page.getByText('Jumlah per kelas: 40 dari 40 orang tua')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
  await expect(page.getByText('Kegiatan tersimpan.', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Kelas parenting' })).toBeVisible();
  const saved = await findByNotes(tag);
  expect(saved).toMatchObject({ kind: 'parenting_class', parentsReached: 40, parentsByGrade: [{ grade: 1, parents: 22 }, { grade: 2, parents: 18 }] });

  // The attendance list as evidence.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Pilih berkas bukti' }).click();
  await (await chooser).setFiles({ name: 'daftar-hadir-parenting.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await page.getByRole('button', { name: 'Unggah bukti' }).click();
  await expect(page.getByText('Bukti terunggah.')).toBeVisible();
  await expect(page.getByRole('button', { name: /daftar-hadir-parenting\.png/ })).toBeVisible();
  await expectAccessible(page, 'a recorded activity with its evidence');

  // Back in the list, newest first: the class with its grades.
  await page.getByRole('link', { name: 'Kembali ke daftar kegiatan' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Kelas 1: 22' });
  await expect(row).toContainText('Kelas parenting');
  await expect(row).toContainText('Kelas 2: 18');
  await expect(row).toContainText('40');
});

test('in English, the principal changes the count and the split together, and reads the list in English', async ({ page }) => {
  const tag = uniqueTag();
  const made = (await principal.post('/parent-engagement/activities', { kind: 'home_visit', heldOn: yesterday(), parentsReached: 5, teachersInvolved: 2, notes: `Kunjungan rumah kelas 4 (${tag})` })) as Activity;
  await signIn(page, DEMO.principal);
  try {
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await page.goto(`/parents/${made.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Home visit' })).toBeVisible();
    await page.getByLabel('Parents who took part').fill('6');
    await page.getByRole('checkbox', { name: 'Split the parents by grade' }).check();
    await page.getByLabel('Grade 4', { exact: true }).fill('4');
    await page.getByLabel('Grade 5', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Changes saved.')).toBeVisible();
    expect(await findByNotes(tag)).toMatchObject({ parentsReached: 6, parentsByGrade: [{ grade: 4, parents: 4 }, { grade: 5, parents: 2 }], version: 2 });
    await page.getByRole('link', { name: 'Back to the activities' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Work with parents' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Grade 4: 4' })).toContainText('Home visit');
    await expectAccessible(page, 'the activities in English');
  } finally {
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID').click();
    await expect(page.getByRole('radiogroup', { name: 'Bahasa' })).toBeVisible();
  }
});

test('the education office and the assigned facilitator read the school’s work with parents from where they see the school', async ({ page }) => {
  await signIn(page, DEMO.officer);
  await page.goto('/region');
  await page.getByRole('link', { name: 'Kegiatan bersama orang tua di SDN Pelambuan 4 Banjarmasin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kegiatan bersama orang tua' })).toBeVisible();
  await expect(page.getByText('Halaman ini hanya untuk dibaca.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Catat kegiatan' })).toHaveCount(0);
  await page.getByLabel('Jenis kegiatan').selectOption({ label: 'Rapat komite sekolah / POMG' });
  await expect(page.getByRole('row')).toHaveCount(4);
  await expectAccessible(page, 'the office’s read-only view of a school’s work with parents');

  await page.getByRole('button', { name: 'Keluar' }).click();
  await signIn(page, DEMO.facilitator);
  const facilitator = await apiAs(DEMO.facilitator);
  const mine = (await facilitator.get('/mentoring/assignments?limit=100')) as { items: Array<{ id: string; school: { id: string } }> };
  const assignment = mine.items.find((a) => a.school.id === schoolId);
  expect(assignment).toBeDefined();
  await page.goto(`/mentoring/assignments/${assignment?.id}`);
  await page.getByRole('link', { name: 'Kegiatan bersama orang tua' }).click();
  await expect(page.getByRole('link', { name: 'Kelas parenting' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Catat kegiatan' })).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the CSR officer follows the parents reached of SDN Pelambuan 4 from the portfolio to its activities, read-only', async ({ page }) => {
    await signIn(page, DEMO.csr);
    await page.goto('/portfolio?year=2025');
    const reached = page.getByRole('region', { name: 'Orang tua terjangkau tahun 2025' });
    await expect(reached).toBeVisible();
    // 2025: the school's own activities 48 + 72 + 18 + 188 = 326.
    await expect(reached.getByText(/^326 \(kegiatan 326,/)).toBeVisible();
    await reached.getByRole('link', { name: 'SDN Pelambuan 4 Banjarmasin' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kegiatan bersama orang tua' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Catat kegiatan' })).toHaveCount(0);
    await expect(page.getByLabel('Tahun')).toHaveValue('2025');
    await page.getByRole('link', { name: 'Kunjungan rumah' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kunjungan rumah' })).toBeVisible();
    const facts = page.getByRole('region', { name: 'Rincian kegiatan' });
    await expect(facts).toContainText('Kelas 4: 7');
    await expect(facts).toContainText('Wali kelas 4–6 mengunjungi 18 keluarga');
    await expect(page.getByRole('button', { name: 'Simpan perubahan' })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'an activity read by the CSR officer on a phone');
  });
});
