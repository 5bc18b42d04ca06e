import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';

// The CSR officer of PT Trakindo Utama reviews plans. Every plan changed here belongs to a school this
// file sets up (a new partner school in Generasi Trakindo); the demo's plans are only read.

const PLAN_2026 = '00000000-0000-4000-8000-0000a1260000';
// Each test first sets up a school and its plan through the API, on a shared and busy machine.
test.describe.configure({ timeout: 240_000 });

const npsn = () => String(20_000_000 + Math.floor(Math.random() * 70_000_000));

interface World {
  principal: ApiCaller;
  schoolName: string;
  planId: string;
  title: string;
  yearId: string;
}

/** A complete template: one program with an activity, an indicator and a budget line. */
function content(tag: string) {
  return {
    workshop: { date: '2026-01-20', facilitatorName: 'Dewi Lestari', reflectionNotes: `Refleksi ${tag}`, needs: ['Literasi kelas awal'], opportunities: ['Perpustakaan kelas'] },
    programs: [
      {
        topic: 'literacy',
        name: 'Pojok Baca',
        goal: 'Minat baca siswa kelas 1–3 naik',
        targetGroup: 'Siswa kelas 1–3',
        background: 'Hasil asesmen literasi rendah.',
        activities: [{ name: 'Membuat pojok baca', startMonth: 2, endMonth: 4, personResponsible: 'Wali kelas', expectedOutput: '6 pojok baca' }],
        indicators: [{ name: 'Siswa membaca 15 menit setiap hari', baseline: '40', target: '75', unit: '%' }],
        budgetLines: [{ item: 'Buku cerita', quantity: 60, unit: 'buku', unitCost: '45000', fundingSource: 'stimulus_grant' }],
        risks: [],
      },
    ],
    planningDocuments: { rktReference: null, rkasReference: null, lines: [] },
  };
}

/** A new partner school of Generasi Trakindo with its principal, and its 2026 plan submitted for review. */
async function submittedPlan(): Promise<World> {
  const tag = uniqueTag();
  const admin = await apiAs(DEMO.admin);
  const csr = await apiAs(DEMO.csr);
  const schoolName = `SDN Telaah ${tag}`;
  const school = await admin.post('/organizations', { type: 'school', name: schoolName, npsn: npsn(), schoolLevel: 'SD', regionCode: '63.71' });
  const email = `kepsek.${tag}@sekolah.example`;
  await admin.post('/users', { organizationId: school.id, email, fullName: `Kepala ${tag}`, role: 'principal', password: 'Telaah-Rencana-2026!' });
  const program = ((await csr.get('/programs?limit=20')) as { items: Array<{ id: string; name: string }> }).items.find((p) => p.name === 'Generasi Trakindo');
  if (!program) throw new Error('Generasi Trakindo not found');
  await csr.post('/partnerships', { programId: program.id, schoolId: school.id, status: 'active' });
  const years = ((await csr.get(`/programs/${program.id}/years`)) as { items: Array<{ id: string; year: number }> }).items;
  const year = years.find((y) => y.year === 2026);
  if (!year) throw new Error('2026 not found');
  const principal = await apiAs(email, 'Telaah-Rencana-2026!');
  const facilitator = (await apiAs(DEMO.facilitator)) as ApiCaller;
  const me = (await facilitator.get('/auth/me')) as { user: { id: string } };
  const title = `Rencana Literasi ${tag}`;
  const plan = await principal.post('/plans', { programYearId: year.id, title, facilitatorUserId: me.user.id, content: content(tag) });
  await principal.post(`/plans/${plan.id}/submit`);
  return { principal, schoolName, planId: plan.id, title, yearId: year.id };
}

test('the CSR officer finds a submitted plan first in the queue, comments on a field and requests changes; the resubmission shows what changed', async ({ page }) => {
  const w = await submittedPlan();
  await signIn(page, DEMO.csr);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Rencana program' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rencana program' })).toBeVisible();

  // Filters go into the URL with the API's names; the plans waiting for a decision come first.
  await page.getByLabel('Tahun program').selectOption({ label: 'Generasi Trakindo 2026' });
  await expect(page).toHaveURL(new RegExp(`programYearId=${w.yearId}`));
  const waiting = page.getByRole('region', { name: 'Menunggu keputusan' });
  await expect(waiting.getByRole('link', { name: `Buka rencana 2026: ${w.title}` })).toBeVisible();
  await expectAccessible(page, 'the review queue');
  // Submitted after the 2026 deadline, the new plan is late: not among the plans on time.
  await page.getByLabel('Ketepatan waktu').selectOption({ label: 'Hanya yang tepat waktu' });
  await expect(page).toHaveURL(/late=false/);
  await expect(waiting.getByRole('link', { name: `Buka rencana 2026: ${w.title}` })).toHaveCount(0);
  await page.getByRole('button', { name: 'Hapus semua saringan' }).click();
  await expect(page).not.toHaveURL(/late=/);

  await page.goto(`/plans?programYearId=${w.yearId}&status=submitted`);
  await expect(page.getByRole('region', { name: 'Hasil saringan' }).getByRole('link', { name: `Buka rencana 2026: ${w.title}` })).toBeVisible();
  await page.getByRole('link', { name: `Buka rencana 2026: ${w.title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Setujui rencana' })).toBeVisible();

  // A comment on the indicator's target, where the school will see it.
  const indicator = page.getByRole('group', { name: 'Indikator 1' });
  await indicator.getByRole('button', { name: /^Komentari isian .* › Target$/ }).click();
  const note = `Target 75% dalam satu tahun cukup berat; dasar 40%. (${w.title})`;
  await indicator.getByLabel(/^Komentar pada .* › Target$/).fill(note);
  await indicator.getByRole('button', { name: 'Kirim komentar' }).click();
  await expect(indicator.getByRole('region', { name: /^Komentar pada: .* › Target$/ })).toContainText(note);
  const threads = (await w.principal.get(`/plans/${w.planId}/comments`)) as { items: Array<{ fieldPath: string | null; body: string }> };
  expect(threads.items.find((c) => c.body === note)?.fieldPath).toBe('content.programs[0].indicators[0].target');
  await expectAccessible(page, 'a submitted plan under review');

  // Request changes: a message is required.
  await page.getByRole('button', { name: 'Minta perbaikan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Minta perbaikan' });
  await dialog.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
  await expect(dialog.getByLabel('Pesan untuk sekolah')).toHaveAccessibleDescription('Tuliskan apa yang perlu diperbaiki.');
  await dialog.getByLabel('Pesan untuk sekolah').fill('Mohon turunkan target atau tambahkan kegiatan pendukung.');
  await dialog.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Perlu perbaikan', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Setujui rencana' })).toHaveCount(0);

  // The school lowers the target and resubmits: the reviewer is led to the change.
  const plan = await w.principal.get(`/plans/${w.planId}`);
  plan.content.programs[0].indicators[0].target = '60';
  await w.principal.patch(`/plans/${w.planId}`, { version: plan.version, title: plan.title, content: plan.content });
  await w.principal.post(`/plans/${w.planId}/submit`);
  await page.reload();
  await expect(page.getByText('Diajukan ulang sebagai versi 2')).toBeVisible();
  await page.getByRole('link', { name: 'Lihat perubahan versi 1 → versi 2' }).click();
  await expect(page.getByRole('heading', { name: 'Bandingkan dua versi' })).toBeVisible();
  const diff = page.getByRole('table', { name: 'Perubahan dari Versi 1 ke Versi 2' });
  await expect(diff.getByRole('row').filter({ hasText: 'Target' })).toContainText('75');
  await expect(diff.getByRole('row').filter({ hasText: 'Target' })).toContainText('60');
  await expectAccessible(page, 'the versions of a resubmitted plan');
});

test('approving a plan that changed meanwhile says so and loads it; once approved the plan is frozen', async ({ page }) => {
  const w = await submittedPlan();
  await signIn(page, DEMO.csr);
  await page.goto(`/plans/${w.planId}`);
  // A first load of the plan's page on a busy machine may take a while.
  await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Setujui rencana' })).toBeVisible();

  // Behind the reviewer's back: the facilitator sends it back and the school resubmits.
  const facilitator = await apiAs(DEMO.facilitator);
  await facilitator.post(`/plans/${w.planId}/request-changes`, { comment: 'Tambahkan risiko.' });
  await w.principal.post(`/plans/${w.planId}/submit`);

  await page.getByRole('button', { name: 'Setujui rencana' }).click();
  const dialog = page.getByRole('dialog', { name: 'Setujui rencana' });
  await dialog.getByRole('button', { name: 'Ya, setujui' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Data ini sudah diubah orang lain');
  await expect(dialog.getByText(/Rencana sudah berubah sejak Anda membukanya/)).toBeVisible();
  expect(((await w.principal.get(`/plans/${w.planId}`)) as { status: string }).status).toBe('submitted');
  await expectAccessible(page, 'a stale approval');

  // The newer plan is loaded: approving again goes through.
  await expect(page.getByText('Diajukan ulang sebagai versi 2')).toBeVisible();
  await dialog.getByRole('button', { name: 'Ya, setujui' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('alert', { name: 'Rencana disetujui dan dibekukan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Setujui rencana' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Minta perbaikan' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Komentari isian/ })).toHaveCount(0);
  expect(((await w.principal.get(`/plans/${w.planId}`)) as { status: string }).status).toBe('approved');
});

test('on a phone and in English the reviewer reads the demo plan in review (read only here)', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.csr);
  const csr = await apiAs(DEMO.csr);
  try {
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
    await page.goto('/plans');
    await expect(page.getByRole('heading', { level: 1, name: 'Program plans' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Waiting for a decision' })).toBeVisible();
    await page.goto(`/plans/${PLAN_2026}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Rencana Program 2026: Kesehatan Mental Siswa' })).toBeVisible({ timeout: 30_000 });
    const status = ((await csr.get(`/plans/${PLAN_2026}`)) as { status: string }).status;
    if (status === 'submitted') await expect(page.getByRole('button', { name: 'Approve plan' })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'a plan on a phone, in English');
  } finally {
    await csr.patch('/auth/me', { locale: 'id' });
  }
});
