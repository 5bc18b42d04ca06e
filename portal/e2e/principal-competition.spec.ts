import { apiAs, DEMO, expect, expectAccessible, PDF_MINIMAL, PHONE, signIn, test, type ApiCaller } from './support/fixtures';

// The principal's competitions and the partnership's history. The open competition is made here by
// the CSR officer (with dates around now), so the journey does not depend on the demo's calendar.

const RESULTS_2025 = '00000000-0000-4000-8000-000000000c25';
const TITLE_2025 = 'Lomba Inovasi Sekolah Nasional Generasi Trakindo 2025';
const DAY = 24 * 60 * 60 * 1000;

interface PlanProgram {
  id: string;
  topic: string;
  name: string | null;
  goal: string | null;
}

let principal: ApiCaller;
let competition: { id: string; title: string; programYearId: string };

test.beforeAll(async () => {
  principal = await apiAs(DEMO.principal);
  const csr = await apiAs(DEMO.csr);
  const programs = (await csr.get('/programs?q=Generasi%20Trakindo')) as { items: Array<{ id: string; name: string }> };
  const program = programs.items.find((p) => p.name === 'Generasi Trakindo');
  if (!program) throw new Error('the demo program Generasi Trakindo is missing');
  const years = (await csr.get(`/programs/${program.id}/years`)) as { items: Array<{ id: string; year: number; status: string }> };
  const year = years.items.find((y) => y.status === 'running') ?? years.items[years.items.length - 1];
  const now = Date.now();
  const title = `Lomba Inovasi Sekolah Uji Portal ${year.year} (${now % 1_000_000})`;
  const created = (await csr.post('/competitions', {
    programYearId: year.id,
    title,
    level: 'national',
    categories: [{ name: 'Literasi' }, { name: 'Sekolah ramah anak' }, { name: 'Kesehatan mental siswa' }],
    criteria: [
      { name: 'Kebaruan', description: 'Seberapa baru gagasan ini bagi sekolah dan lingkungannya.', weight: 30, maxScore: 20 },
      { name: 'Dampak bagi siswa', description: 'Apa yang berubah bagi siswa, dengan bukti.', weight: 30, maxScore: 20 },
      { name: 'Keberlanjutan', description: 'Apakah sekolah dapat meneruskannya tanpa hibah.', weight: 25, maxScore: 10 },
      { name: 'Keterlibatan orang tua dan masyarakat', weight: 15, maxScore: 10 },
    ],
    entriesOpenAt: new Date(now - DAY).toISOString(),
    entriesCloseAt: new Date(now + 30 * DAY).toISOString(),
    judgingEndsAt: new Date(now + 60 * DAY).toISOString(),
    minJudgesPerEntry: 3,
  })) as { id: string };
  await csr.post(`/competitions/${created.id}/phase`, { phase: 'open' });
  competition = { id: created.id, title, programYearId: year.id };
});

test('the principal sends an entry from a program of the school plan, changes it and finds it listed', async ({ page }) => {
  const plans = (await principal.get(`/plans?programYearId=${competition.programYearId}`)) as { items: Array<{ id: string; status: string }> };
  const plan = (await principal.get(`/plans/${plans.items.find((p) => p.status !== 'withdrawn')?.id}`)) as { id: string; title: string; content: { programs: PlanProgram[] } };
  const program = plan.content.programs.find((p) => p.name && p.goal) as PlanProgram & { name: string; goal: string };

  await signIn(page, DEMO.principal);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kompetisi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kompetisi inovasi' })).toBeVisible();
  await expectAccessible(page, 'the competitions');
  await page.getByRole('link', { name: competition.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: competition.title })).toBeVisible();
  await expect(page.getByText('Pendaftaran karya dibuka', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kategori dan rubrik penilaian' })).toContainText('Bobot 30%');
  await expectAccessible(page, 'an open competition');

  await page.getByRole('link', { name: 'Kirim karya' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kirim karya' })).toBeVisible();
  await page.getByLabel('Kategori').selectOption({ label: 'Kesehatan mental siswa' });
  await page.getByLabel('Program dalam rencana sekolah').selectOption({ label: `${program.name} (${plan.title})` });
  await expect(page.getByLabel('Judul karya')).toHaveValue(program.name);
  await expect(page.getByLabel('Ringkasan')).toHaveValue(program.goal);
  await page.getByRole('button', { name: 'Tambah anggota tim' }).click();
  await page.getByLabel('Nama anggota 1').fill('Nurul Hidayah, S.Pd.');
  await page.getByLabel('Peran anggota 1').fill('Guru kelas 5, koordinator inovasi');
  await expectAccessible(page, 'the entry form');
  await page.getByRole('button', { name: 'Kirim karya' }).click();

  await expect(page.getByRole('heading', { level: 1, name: program.name })).toBeVisible();
  await expect(page.getByText('Karya terkirim.', { exact: false })).toBeVisible();
  const changedTitle = `${program.name}: sudut tenang di setiap kelas`;
  await page.getByLabel('Judul karya').fill(changedTitle);
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Perubahan karya tersimpan.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: changedTitle })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Berkas bukti/ }).click();
  await (await chooser).setFiles({ name: 'foto-kegiatan.pdf', mimeType: 'application/pdf', buffer: PDF_MINIMAL });
  await page.getByRole('button', { name: 'Unggah berkas' }).click();
  await expect(page.getByRole('button', { name: 'Unduh foto-kegiatan.pdf' })).toBeVisible();
  await expectAccessible(page, 'an entry open for changes');

  await page.getByRole('link', { name: 'Kembali ke kompetisi' }).click();
  const own = page.getByRole('region', { name: 'Karya sekolah Anda' });
  await expect(own.getByRole('link', { name: changedTitle })).toBeVisible();
  await expect(own).toContainText('1 berkas bukti');
  const entries = (await principal.get(`/competitions/${competition.id}/entries`)) as { items: unknown[] };
  expect(entries.items).toEqual([
    expect.objectContaining({ title: changedTitle, summary: program.goal, planId: plan.id, planProgramId: program.id, teamMembers: [{ name: 'Nurul Hidayah, S.Pd.', role: 'Guru kelas 5, koordinator inovasi' }] }),
  ]);
});

test('the 2025 results show the school’s rank and scores per category, and no judge’s name', async ({ page }) => {
  const results = (await principal.get(`/competitions/${RESULTS_2025}/results`)) as {
    categories: Array<{ name: string; entries: Array<{ rank: number; school: { id: string; name: string }; meanScore: number }> }>;
  };
  const schoolId = ((await principal.get('/auth/me')) as { organization: { id: string } }).organization.id;
  const category = results.categories.find((k) => k.entries.some((e) => e.school.id === schoolId));
  const mine = category?.entries.find((e) => e.school.id === schoolId);
  if (!category || !mine) throw new Error('the demo has no 2025 result of SDN Pelambuan 4');
  const judges = (await (await apiAs(DEMO.csr)).get(`/competitions/${RESULTS_2025}/judges`)) as { items: Array<{ fullName: string }> };

  await signIn(page, DEMO.principal);
  await page.goto('/competitions');
  await page.getByRole('link', { name: TITLE_2025 }).click();
  const section = page.getByRole('region', { name: 'Hasil kompetisi' });
  await expect(section.getByText('Hasil sekolah Anda')).toBeVisible();
  await expect(section).toContainText(`peringkat ${mine.rank} dari ${category.entries.length} dalam kategori ${category.name}`);
  const row = section.getByRole('table', { name: category.name }).getByRole('row').filter({ hasText: 'sekolah Anda' });
  await expect(row).toContainText(new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(mine.meanScore));
  await expect(row.getByRole('cell').first()).toHaveText(String(mine.rank));
  await expect(page.getByText('Karya tidak dapat dikirim atau diubah')).toBeVisible();
  for (const judge of judges.items) await expect(page.getByText(judge.fullName.replace(/ \(Juri\)$/, ''), { exact: false })).toHaveCount(0);
  expect(await page.content()).not.toContain('ulm.example');
  await expectAccessible(page, 'the published 2025 results');
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the partnership history runs from 2012 to this year, one year at a time', async ({ page }) => {
    const thisYear = new Date().getFullYear();
    await signIn(page, DEMO.principal);
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Riwayat kemitraan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Riwayat kemitraan' })).toBeVisible();
    // The reference case's own partnership (other journeys may open more for the school).
    const history = page.getByRole('region', { name: 'Generasi Trakindo', exact: true });
    const current = history.getByRole('button', { name: new RegExp(`^${thisYear}`) });
    await expect(current).toHaveAttribute('aria-expanded', 'true');
    const first = history.getByRole('button', { name: /^2012/ });
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await first.click();
    await expect(history.getByRole('list', { name: 'Catatan tahun 2012' })).toContainText('MoU ditandatangani');
    await expect(history.getByRole('list', { name: 'Catatan tahun 2025' })).toHaveCount(0);
    await history.getByRole('button', { name: /^2025/ }).click();
    await expect(history.getByRole('list', { name: 'Catatan tahun 2025' })).toContainText('Hasil kompetisi inovasi');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'the partnership history on a phone');

    await page.getByRole('radiogroup', { name: 'Urutan tahun' }).getByText('Terlama dulu').click();
    await expect(page.getByRole('radio', { name: 'Terlama dulu' })).toBeChecked();
    const years = history.getByRole('button', { name: /^\d{4}/ });
    await expect(years.first()).toHaveAccessibleName(/^2012/);
    await expect(years.last()).toHaveAccessibleName(new RegExp(`^${thisYear}`));
  });
});
