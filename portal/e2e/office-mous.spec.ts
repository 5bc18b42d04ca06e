import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, type ApiCaller, uniqueTag } from './support/fixtures';

// The education office reads the partnerships and MoUs of its jurisdiction and witnesses the MoUs it is
// a party to. The MoU here is made by this file for a new school of the city.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const password = (tag: string) => `Zq8!${tag}Lm3#Wv`;

async function witnessedMou() {
  const tag = uniqueTag();
  const admin = await apiAs(DEMO.admin);
  const csr = await apiAs(DEMO.csr);
  const me = await csr.get('/auth/me');
  const officer = await apiAs(DEMO.officer);
  const office = (await officer.get('/auth/me')).organization;
  const school = await admin.post('/organizations', { type: 'school', name: `SD Uji Saksi ${tag}`, npsn: String(10_000_000 + Math.floor(Math.random() * 89_999_999)), schoolLevel: 'SD', regionCode: '63.71' });
  const principalEmail = `kepsek-${tag}@sdsaksi.example`;
  await admin.post('/users', { organizationId: school.id, email: principalEmail, fullName: `Kepala Sekolah ${tag}`, role: 'principal', password: password(tag) });
  const program = await csr.post('/programs', { name: `Program Saksi ${tag}`, startYear: 2024 });
  const partnership = await csr.post('/partnerships', { programId: program.id, schoolId: school.id, status: 'active' });
  const mou = await csr.post('/mous', {
    partnershipId: partnership.id,
    number: `SAKSI/${tag}`,
    title: `MoU bersaksi ${tag}`,
    scope: 'Pendampingan sekolah dengan dinas sebagai saksi.',
    effectiveDate: day(-3),
    expiryDate: day(20),
    parties: [
      { organizationId: me.organization.id, role: 'first_party' },
      { organizationId: school.id, role: 'second_party' },
      { organizationId: office.id, role: 'witness', signatureRequired: true },
    ],
    obligations: [],
  });
  await csr.post(`/mous/${mou.id}/submit`);
  await csr.post(`/mous/${mou.id}/sign`);
  const principal: ApiCaller = await apiAs(principalEmail, password(tag));
  await principal.post(`/mous/${mou.id}/sign`);
  return { tag, school, program, partnership, mou, office, admin };
}

test('the education office finds the MoU of a school in its city and signs it as witness; it then takes effect', async ({ page }) => {
  const w = await witnessedMou();
  await signIn(page, DEMO.officer);
  await page.goto(`/partnerships?programId=${w.program.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kemitraan' })).toBeVisible();
  await page.getByRole('link', { name: w.school.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.school.name })).toBeVisible();
  // The office reads; it does not change the partnership.
  await expect(page.getByRole('button', { name: 'Ubah status kemitraan' })).toHaveCount(0);
  await expectAccessible(page, 'partnership, education office');
  await page.getByRole('link', { name: new RegExp(w.mou.number) }).click();

  await expect(page.getByRole('heading', { level: 1, name: w.mou.title })).toBeVisible();
  await expect(page.getByText('Dinas Pendidikan Kota Banjarmasin menjadi saksi MoU ini.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Akhiri MoU' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pilih dan unggah berkas' })).toHaveCount(0);
  await expectAccessible(page, 'MoU awaiting the witness');
  await page.getByRole('button', { name: 'Tanda tangani sebagai saksi' }).click();
  await expect(page.getByText('Berlaku', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('row', { name: /Dinas Pendidikan Kota Banjarmasin/ })).toContainText('Ditandatangani');
  await expect(page.getByText('Berakhir dalam 20 hari').first()).toBeVisible();

  await page.goto('/mous?expiringWithinDays=30');
  await expect(page.getByRole('link', { name: w.mou.number })).toBeVisible();
});

test('on a phone and in English, an officer of the office reads the MoU list and an MoU it witnessed', async ({ page }) => {
  const w = await witnessedMou();
  const email = `dinas-${w.tag}@disdik-banjarmasin.example`;
  await w.admin.post('/users', { organizationId: w.office.id, email, fullName: `Staf Dinas ${w.tag}`, role: 'education_officer', password: password(w.tag) });
  await (await apiAs(email, password(w.tag))).patch('/auth/me', { locale: 'en' });
  await page.setViewportSize(PHONE);
  await signIn(page, email, password(w.tag));
  await page.goto(`/mous?status=awaiting_signatures`);
  await expect(page.getByRole('heading', { level: 1, name: 'MoUs' })).toBeVisible();
  await page.getByRole('link', { name: w.mou.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.mou.title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign as witness' })).toBeVisible();
  await expect(page.getByText('Witness', { exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'MoU on a phone, education office');
});

test('the principal of another school cannot open this MoU: not found', async ({ page }) => {
  const w = await witnessedMou();
  await signIn(page, DEMO.principal);
  await page.goto(`/mous/${w.mou.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
});
