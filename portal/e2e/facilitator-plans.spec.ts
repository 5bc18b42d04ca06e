import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';

// Dewi Lestari (Edukasi 101) reviews the plans of the schools she supports: comments on fields and
// requests changes, never approves. Every plan changed here belongs to a school this file sets up.

// Each test first sets up a school and its plan through the API, on a shared and busy machine.
test.describe.configure({ timeout: 240_000 });

const npsn = () => String(20_000_000 + Math.floor(Math.random() * 70_000_000));

function content(tag: string) {
  return {
    workshop: { date: '2026-01-20', facilitatorName: 'Dewi Lestari', reflectionNotes: `Refleksi ${tag}`, needs: ['Kesehatan mental siswa'], opportunities: [] },
    programs: [
      {
        topic: 'student_mental_health',
        name: 'Sahabat Siswa',
        goal: 'Siswa berani bercerita kepada guru',
        targetGroup: 'Siswa kelas 4–6',
        background: null,
        activities: [{ name: 'Pelatihan guru pendamping', startMonth: 3, endMonth: 3, personResponsible: 'Guru BK', expectedOutput: null }],
        indicators: [{ name: 'Siswa yang mengikuti sesi curhat', baseline: '0', target: '120', unit: 'siswa' }],
        budgetLines: [{ item: 'Konsumsi pelatihan', quantity: 30, unit: 'orang', unitCost: '35000', fundingSource: 'stimulus_grant' }],
        risks: [],
      },
    ],
    planningDocuments: { rktReference: null, rkasReference: null, lines: [] },
  };
}

interface World {
  principal: ApiCaller;
  csr: ApiCaller;
  planId: string;
  title: string;
  programId: string;
  yearId: string;
}

/**
 * A new school in a new program of PT Trakindo Utama that Edukasi 101 works in, with the school's
 * 2026 plan naming Dewi Lestari as facilitator, submitted for review.
 */
async function submittedPlan(): Promise<World> {
  const tag = uniqueTag();
  const admin = await apiAs(DEMO.admin);
  const csr = await apiAs(DEMO.csr);
  const facilitator = await apiAs(DEMO.facilitator);
  const me = (await facilitator.get('/auth/me')) as { user: { id: string }; organization: { id: string } };
  const school = await admin.post('/organizations', { type: 'school', name: `SDN Dampingan ${tag}`, npsn: npsn(), schoolLevel: 'SD', regionCode: '63.71' });
  const email = `kepsek.${tag}@sekolah.example`;
  await admin.post('/users', { organizationId: school.id, email, fullName: `Kepala ${tag}`, role: 'principal', password: 'Dampingan-Rencana-2026!' });
  const program = await csr.post('/programs', { name: `Program Uji ${tag}`, startYear: 2026, facilitatorIds: [me.organization.id] });
  const year = await csr.post(`/programs/${program.id}/years`, { year: 2026, theme: 'Kesehatan mental siswa', budgetEnvelope: '50000000' });
  await csr.post('/partnerships', { programId: program.id, schoolId: school.id, status: 'active' });
  const principal = await apiAs(email, 'Dampingan-Rencana-2026!');
  const title = `Rencana Sahabat Siswa ${tag}`;
  const plan = await principal.post('/plans', { programYearId: year.id, title, facilitatorUserId: me.user.id, content: content(tag) });
  await principal.post(`/plans/${plan.id}/submit`);
  return { principal, csr, planId: plan.id, title, programId: program.id, yearId: year.id };
}

test('the facilitator finds the submitted plan of her school, comments on a field and requests changes; approving is not hers', async ({ page }) => {
  const w = await submittedPlan();
  await signIn(page, DEMO.facilitator);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Rencana program' }).click();
  await expect(page.getByText(/Rencana sekolah yang Anda dampingi/)).toBeVisible();
  await page.goto(`/plans?programYearId=${w.yearId}`);
  const waiting = page.getByRole('region', { name: 'Menunggu keputusan' });
  await waiting.getByRole('link', { name: `Buka rencana 2026: ${w.title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Persetujuan diberikan oleh petugas CSR perusahaan/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Minta perbaikan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Setujui rencana' })).toHaveCount(0);

  const activity = page.getByRole('group', { name: 'Kegiatan 1' });
  await activity.getByRole('button', { name: /^Komentari isian .* › Penanggung jawab$/ }).click();
  const note = `Siapa guru BK-nya? Sebutkan namanya. (${w.title})`;
  await activity.getByLabel(/^Komentar pada .* › Penanggung jawab$/).fill(note);
  await activity.getByRole('button', { name: 'Kirim komentar' }).click();
  await expect(page.getByRole('region', { name: /^Komentar pada: .* › Penanggung jawab$/ })).toContainText(note);
  await expectAccessible(page, 'the facilitator reviewing a plan');

  await page.getByRole('button', { name: 'Minta perbaikan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Minta perbaikan' });
  await dialog.getByLabel('Pesan untuk sekolah').fill('Lengkapi penanggung jawab kegiatan dan latar belakang program.');
  await dialog.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Perlu perbaikan', { exact: true })).toBeVisible();
  const plan = (await w.principal.get(`/plans/${w.planId}`)) as { status: string };
  expect(plan.status).toBe('changes_requested');
  const threads = (await w.principal.get(`/plans/${w.planId}/comments`)) as { items: Array<{ body: string; fieldPath: string | null }> };
  expect(threads.items.map((c) => [c.fieldPath, c.body])).toEqual(
    expect.arrayContaining([
      ['content.programs[0].activities[0].personResponsible', note],
      [null, 'Lengkapi penanggung jawab kegiatan dan latar belakang program.'],
    ]),
  );
});

test('a plan of a closed year is read only for the facilitator, on a phone and in English', async ({ page }) => {
  const w = await submittedPlan();
  for (let i = 0; i < 3; i++) {
    const year = (await w.csr.get(`/programs/${w.programId}/years`)) as { items: Array<{ id: string; status: string }> };
    const status = year.items.find((y) => y.id === w.yearId)?.status;
    const next = { planning: 'running', running: 'evaluating', evaluating: 'closed' }[status ?? 'closed'];
    if (next) await w.csr.post(`/programs/${w.programId}/years/${w.yearId}/status`, { status: next });
  }
  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.facilitator);
  await page.goto(`/plans/${w.planId}`);
  await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Tahun program ditutup')).toBeVisible();
  await expect(page.getByText(/Tahun program ini sudah ditutup/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Minta perbaikan' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Komentari isian/ })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'a closed year plan on a phone');

  const facilitator = await apiAs(DEMO.facilitator);
  try {
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
    await expect(page.getByText('Program year closed')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Request changes' })).toHaveCount(0);
  } finally {
    await facilitator.patch('/auth/me', { locale: 'id' });
  }
});
