import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';

test.slow();

const npsn = () => String(Math.floor(10_000_000 + Math.random() * 89_999_999));

interface World {
  tag: string;
  csr: ApiCaller;
  school: { id: string; name: string };
  yearId: string;
  dewi: { id: string; fullName: string };
  budi: { id: string; fullName: string };
}

/** A new partner school of Generasi Trakindo for 2026 and a second facilitator at Edukasi 101, made for this test. */
async function world(): Promise<World> {
  const tag = uniqueTag();
  const admin = await apiAs(DEMO.admin);
  const csr = await apiAs(DEMO.csr);
  const school = await admin.post<{ id: string; name: string }>('/organizations', { type: 'school', name: `SDN Dampingan ${tag}`, npsn: npsn(), schoolLevel: 'SD', regionCode: '63.71' });
  const program = (await csr.get<{ items: Array<{ id: string; name: string }> }>('/programs?limit=20')).items.find((p) => p.name === 'Generasi Trakindo');
  if (!program) throw new Error('Generasi Trakindo not found');
  await csr.post('/partnerships', { programId: program.id, schoolId: school.id, status: 'active' });
  const year = (await csr.get<{ items: Array<{ id: string; year: number }> }>(`/programs/${program.id}/years`)).items.find((y) => y.year === 2026);
  if (!year) throw new Error('2026 not found');
  const facilitator = await apiAs(DEMO.facilitator);
  const me = await facilitator.get<{ user: { id: string; fullName: string }; organization: { id: string } }>('/auth/me');
  const budiName = `Budi Santoso ${tag}`;
  const budi = await admin.post<{ id: string }>('/users', { organizationId: me.organization.id, email: `budi.${tag}@edukasi101.example`, fullName: budiName, role: 'facilitator', password: 'Fasilitator-Uji-2026!' });
  return { tag, csr, school, yearId: year.id, dewi: me.user, budi: { id: budi.id, fullName: budiName } };
}

test('the CSR officer assigns a facilitator to a new partner school, hands the school to another facilitator, then ends the assignment', async ({ page }) => {
  const w = await world();
  await signIn(page, DEMO.csr);
  await page.goto(`/mentoring?programYearId=${w.yearId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pendampingan sekolah' })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('combobox', { name: 'Tahun program' })).toHaveValue(w.yearId);
  await expect(page.getByRole('article').first()).toBeVisible();
  await expectAccessible(page, 'assignments of a year');

  await page.getByRole('link', { name: 'Tugaskan fasilitator' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tugaskan fasilitator' })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('combobox', { name: 'Tahun program' })).toHaveValue(w.yearId);
  await page.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(page.getByRole('combobox', { name: 'Fasilitator' })).toHaveAccessibleDescription(/Pilih fasilitator/);
  await page.getByRole('combobox', { name: 'Fasilitator' }).selectOption(w.dewi.id);
  await page.getByRole('combobox', { name: 'Sekolah mitra' }).selectOption(w.school.id);
  await page.getByRole('textbox', { name: 'Rencana jumlah sesi' }).fill('10');
  await page.getByRole('textbox', { name: 'Rencana jam pendampingan' }).fill('25');
  await expectAccessible(page, 'assign form');
  await page.getByRole('button', { name: 'Tugaskan' }).click();

  await expect(page.getByRole('heading', { level: 1, name: w.school.name })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText(`${w.dewi.fullName} · Generasi Trakindo 2026`)).toBeVisible();
  await expect(page.getByText('0 dari 10', { exact: true })).toBeVisible();
  await expect(page.getByText('0 dari 25 jam')).toBeVisible();
  await expect(page.getByText('Belum ada sesi pendampingan yang dicatat.')).toBeVisible();
  await expectAccessible(page, 'a new assignment');
  const first = page.url().split('/').pop() as string;

  // The same facilitator at the same school again is refused, saying why.
  await page.goto(`/mentoring/assignments/new?programYearId=${w.yearId}`);
  await page.getByRole('combobox', { name: 'Fasilitator' }).selectOption(w.dewi.id);
  await page.getByRole('combobox', { name: 'Sekolah mitra' }).selectOption(w.school.id);
  await page.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'sudah ditugaskan' })).toBeVisible();
  await page.goto(`/mentoring/assignments/${first}`);

  // Dewi moves elsewhere: Budi takes over.
  await page.getByRole('button', { name: 'Ganti fasilitator' }).click();
  const reassign = page.getByRole('dialog', { name: 'Ganti fasilitator' });
  await reassign.getByRole('combobox', { name: 'Fasilitator pengganti' }).selectOption(w.budi.id);
  await reassign.getByRole('textbox', { name: 'Alasan' }).fill('Dewi pindah mendampingi sekolah di Surabaya.');
  await expectAccessible(page, 'reassign dialog');
  await reassign.getByRole('button', { name: 'Ganti fasilitator' }).click();
  await expect(page.getByText(`${w.budi.fullName} · Generasi Trakindo 2026`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Buka penugasan sebelumnya' })).toBeVisible();

  // The school leaves the program: the assignment ends, with the reason required.
  await page.getByRole('button', { name: 'Akhiri penugasan' }).click();
  const end = page.getByRole('dialog', { name: 'Akhiri penugasan ini?' });
  await end.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(end.getByRole('textbox', { name: 'Alasan' })).toHaveAccessibleDescription(/Alasan wajib diisi/);
  await end.getByRole('textbox', { name: 'Alasan' }).fill('Sekolah keluar dari program pada akhir tahun ajaran.');
  await end.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(page.getByText('Penugasan berakhir').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Akhiri penugasan' })).toHaveCount(0);

  const all = await w.csr.get<{ items: Array<{ facilitator: { id: string }; active: boolean; endedReason: string | null }> }>(`/mentoring/assignments?schoolId=${w.school.id}&includeEnded=true`);
  expect(all.items.map((a) => [a.facilitator.id, a.active, a.endedReason]).sort()).toEqual(
    [
      [w.dewi.id, false, 'Dewi pindah mendampingi sekolah di Surabaya.'],
      [w.budi.id, false, 'Sekolah keluar dari program pada akhir tahun ajaran.'],
    ].sort(),
  );

  // Linked from elsewhere with the API's own filters: the school's whole history.
  await page.goto(`/mentoring?schoolId=${w.school.id}&includeEnded=true`);
  await expect(page.getByRole('checkbox', { name: 'Tampilkan penugasan yang berakhir' })).toBeChecked();
  await expect(page.getByRole('article')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Tampilkan penugasan yang berakhir' }).click();
  await expect(page.getByRole('checkbox', { name: 'Tampilkan penugasan yang berakhir' })).not.toBeChecked();
  await expect(page).toHaveURL(new RegExp(`schoolId=${w.school.id}`));
  await expect(page.getByText('Belum ada penugasan fasilitator.')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the CSR officer reads which schools went 60 days without contact, in English', async ({ page }) => {
    const csr = await apiAs(DEMO.csr);
    await signIn(page, DEMO.csr);
    try {
      await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
      await page.goto('/mentoring?noContact=true');
      await expect(page.getByRole('heading', { level: 1, name: 'School mentoring' })).toBeVisible({ timeout: 45_000 });
      await expect(page.getByRole('checkbox', { name: 'Only no contact in 60 days' })).toBeChecked();
      const flagged = await csr.get<{ items: Array<{ school: { name: string } }> }>('/mentoring/assignments?noContact=true');
      if (flagged.items.length > 0) {
        const card = page.getByRole('article').filter({ hasText: flagged.items[0].school.name });
        await expect(card.getByText('No contact in 60 days')).toBeVisible();
      } else {
        await expect(page.getByText('No school has gone without contact in the last 60 days.')).toBeVisible();
      }
      await expectAccessible(page, 'no-contact list on a phone');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await csr.patch('/auth/me', { locale: 'id' });
    }
  });
});
