import type { Page } from '@playwright/test';
import { apiAs, DEMO, expect, expectAccessible, PDF_MINIMAL, PHONE, signIn, test, type ApiCaller, uniqueTag } from './support/fixtures';

// The CSR officer's MoUs, from draft to signatures, documents, amendments, renewal and termination.
// Each test makes its own school, program, partnership and MoU; the demo school's MoUs stay as they are.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const password = (tag: string) => `Zq8!${tag}Lm3#Wv`;

interface World {
  tag: string;
  csr: ApiCaller;
  principal: ApiCaller;
  principalEmail: string;
  companyId: string;
  officeId: string;
  school: { id: string; name: string };
  partnership: { id: string };
}

/** A new school (with its own principal) in a new program of the demo company, as a partnership. */
async function world(): Promise<World> {
  const tag = uniqueTag();
  const admin = await apiAs(DEMO.admin);
  const csr = await apiAs(DEMO.csr);
  const me = await csr.get('/auth/me');
  const offices = await admin.get('/organizations?type=education_office&limit=100');
  const office = offices.items.find((o: { name: string }) => o.name === 'Dinas Pendidikan Kota Banjarmasin');
  const school = await admin.post('/organizations', { type: 'school', name: `SD Uji MoU ${tag}`, npsn: String(10_000_000 + Math.floor(Math.random() * 89_999_999)), schoolLevel: 'SD', regionCode: '63.71' });
  const principalEmail = `kepsek-${tag}@sduji.example`;
  await admin.post('/users', { organizationId: school.id, email: principalEmail, fullName: `Kepala Sekolah ${tag}`, role: 'principal', password: password(tag) });
  const program = await csr.post('/programs', { name: `Program MoU ${tag}`, startYear: 2024 });
  const partnership = await csr.post('/partnerships', { programId: program.id, schoolId: school.id, status: 'active' });
  return { tag, csr, principal: await apiAs(principalEmail, password(tag)), principalEmail, companyId: me.organization.id, officeId: office.id, school, partnership };
}

/** An MoU drafted through the API: the company and the school, in force from `from` for `days` days. */
async function draftMou(w: World, extra: Record<string, unknown> = {}) {
  return w.csr.post('/mous', {
    partnershipId: w.partnership.id,
    number: `UJI/${w.tag}/${Math.floor(Math.random() * 1e6)}`,
    title: `Kerja sama literasi ${w.tag}`,
    scope: 'Pelatihan guru dan pendampingan literasi.',
    effectiveDate: day(-10),
    expiryDate: day(45),
    parties: [
      { organizationId: w.companyId, role: 'first_party' },
      { organizationId: w.school.id, role: 'second_party' },
    ],
    obligations: [{ ownerOrganizationId: w.companyId, text: 'Menyediakan dana stimulus tahunan' }],
    ...extra,
  });
}

/** Drafted, submitted and signed by both parties: in force, expiring in 45 days. */
async function activeMou(w: World) {
  const m = await draftMou(w);
  await w.csr.post(`/mous/${m.id}/submit`);
  await w.csr.post(`/mous/${m.id}/sign`);
  return w.principal.post(`/mous/${m.id}/sign`);
}

async function openMou(page: Page, id: string, title: string | RegExp) {
  await page.goto(`/mous/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('the CSR officer drafts an MoU with a witness, edits it after a colleague (409), submits, uploads the signed scan and signs', async ({ page }) => {
  const w = await world();
  await signIn(page, DEMO.csr);
  await page.goto(`/mous/new?partnershipId=${w.partnership.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Susun MoU baru' })).toBeVisible();
  await expect(page.getByLabel('Organisasi pihak 2')).toHaveValue(w.school.id);
  await page.getByLabel('Nomor MoU').fill(`UJI/${w.tag}/01`);
  await page.getByLabel('Judul').fill(`MoU literasi ${w.tag}`);
  await page.getByLabel('Ruang lingkup').fill('Pelatihan guru, pendampingan, dan dana stimulus.');
  await page.getByLabel('Mulai berlaku').fill(day(-5));
  await page.getByLabel('Berlaku sampai').fill(day(-6));
  await page.getByRole('button', { name: 'Tambah pihak (saksi atau pendukung)' }).click();
  await page.getByLabel('Organisasi pihak 3').selectOption({ label: 'Dinas Pendidikan Kota Banjarmasin' });
  await page.getByLabel('Peran pihak 3').selectOption({ label: 'Saksi' });
  await page.getByRole('button', { name: 'Tambah kewajiban' }).click();
  await page.getByLabel('Kewajiban 1', { exact: true }).fill('Menyelenggarakan pelatihan guru setiap semester');
  await expectAccessible(page, 'new MoU form');
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  // An expiry before the start is refused on the field, with its label.
  await expect(page.getByText(/^Berlaku sampai/).nth(1)).toBeVisible();
  await page.getByLabel('Berlaku sampai').fill(day(40));
  await page.getByRole('button', { name: 'Simpan draf' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `MoU literasi ${w.tag}` })).toBeVisible();
  await expect(page.getByText('MoU ini masih draf')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Saksi' })).toBeVisible();
  const id = page.url().split('/').pop() as string;

  // A colleague saves the draft while it is open here.
  await page.getByRole('button', { name: 'Ubah draf' }).click();
  await page.getByLabel('Judul').fill(`MoU literasi dan numerasi ${w.tag}`);
  const current = await w.csr.get(`/mous/${id}`);
  await w.csr.patch(`/mous/${id}`, { version: current.version, scope: 'Ruang lingkup dari rekan.', title: `Judul dari rekan ${w.tag}` });
  await page.getByRole('button', { name: 'Simpan' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Orang lain telah mengubah data ini' });
  await expect(conflict).toContainText(`Judul dari rekan ${w.tag}`);
  await expect(page.getByLabel('Judul')).toHaveValue(`MoU literasi dan numerasi ${w.tag}`);
  await expectAccessible(page, 'stale MoU edit');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `MoU literasi dan numerasi ${w.tag}` })).toBeVisible();

  await page.getByRole('button', { name: 'Ajukan untuk ditandatangani' }).click();
  await expect(page.getByText('Menunggu tanda tangan').first()).toBeVisible();

  // A file that is not PDF, PNG or JPEG is refused by the API, and the page says so.
  const documents = page.getByRole('region', { name: 'Dokumen' });
  let chooser = page.waitForEvent('filechooser');
  await documents.getByRole('button', { name: 'Pilih dan unggah berkas' }).click();
  await (await chooser).setFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan dokumen MoU') });
  await expect(documents.getByRole('alert')).toBeVisible();
  chooser = page.waitForEvent('filechooser');
  await documents.getByRole('button', { name: 'Pilih dan unggah berkas' }).click();
  await (await chooser).setFiles({ name: 'mou-bertanda-tangan.pdf', mimeType: 'application/pdf', buffer: PDF_MINIMAL });
  await expect(documents.getByRole('button', { name: /mou-bertanda-tangan\.pdf/ })).toBeVisible();
  await expect(documents.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Tanda tangani atas nama PT Trakindo Utama' }).click();
  await expect(page.getByRole('row', { name: /PT Trakindo Utama/ })).toContainText('Ditandatangani');
  await expect(page.getByRole('row', { name: new RegExp(w.school.name) })).toContainText('Menunggu tanda tangan');
  await expect(page.getByRole('button', { name: /Tanda tangani/ })).toHaveCount(0);
});

test('the principal signs the school’s MoU; an MoU expiring soon is flagged, listed by expiringWithinDays, amended, renewed and terminated', async ({ page }) => {
  const w = await world();
  const m = await draftMou(w);
  await w.csr.post(`/mous/${m.id}/submit`);
  await w.csr.post(`/mous/${m.id}/sign`);

  await signIn(page, w.principalEmail, password(w.tag));
  await openMou(page, m.id, m.title);
  await page.getByRole('button', { name: `Tanda tangani atas nama ${w.school.name}` }).click();
  await expect(page.getByText('Berlaku', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Berakhir dalam 45 hari').first()).toBeVisible();
  await expectAccessible(page, 'MoU in force, principal');

  await page.context().clearCookies();
  await signIn(page, DEMO.csr);
  await page.goto('/mous?expiringWithinDays=60');
  await expect(page.getByRole('heading', { level: 1, name: 'MoU yang berakhir dalam 60 hari' })).toBeVisible();
  await expect(page.getByLabel('Masa berlaku')).toHaveValue('60');
  await expect(page.getByRole('link', { name: m.number })).toBeVisible();
  await expectAccessible(page, 'expiring MoUs');
  await page.getByLabel('Masa berlaku').selectOption({ label: 'Berakhir dalam 30 hari' });
  await expect(page).toHaveURL(/expiringWithinDays=30/);
  await expect(page.getByRole('link', { name: m.number })).toHaveCount(0);
  await page.getByLabel('Masa berlaku').selectOption({ label: 'Berakhir dalam 90 hari' });
  await page.getByRole('link', { name: m.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: m.title })).toBeVisible();
  await expect(page.getByRole('alert').or(page.getByText('Pengingat dikirim 90, 30 dan 7 hari')).first()).toBeVisible();

  // An amendment moves the expiry; the company signs it here, the school later.
  await page.getByRole('button', { name: 'Buat adendum' }).click();
  const amend = page.getByRole('dialog', { name: 'Buat adendum' });
  await amend.getByLabel('Ringkasan perubahan').fill('Masa berlaku diperpanjang sampai akhir tahun ajaran');
  await amend.getByLabel('Tanggal berakhir baru').fill(day(120));
  await amend.getByRole('button', { name: 'Simpan adendum' }).click();
  await expect(amend).toBeHidden();
  const amendments = page.getByRole('region', { name: 'Adendum' });
  await expect(amendments.getByRole('heading', { name: 'Adendum 1' })).toBeVisible();
  await amendments.getByRole('button', { name: 'Tanda tangani adendum 1' }).click();
  await expect(amendments.getByText(`Menunggu tanda tangan: ${w.school.name}`)).toBeVisible();

  // Renewal: a new draft linked to this one, both ways.
  await page.getByRole('button', { name: 'Perpanjang MoU' }).click();
  const renew = page.getByRole('dialog', { name: `Perpanjang ${m.number}` });
  await renew.getByLabel('Nomor MoU').fill(`${m.number}-P`);
  await renew.getByLabel('Mulai berlaku').fill(day(46));
  await renew.getByLabel('Berlaku sampai').fill(day(400));
  await renew.getByRole('button', { name: 'Buat draf perpanjangan' }).click();
  await expect(page.getByText('MoU ini masih draf')).toBeVisible();
  await expect(page.getByText(`${m.number}-P`).first()).toBeVisible();
  await page.getByRole('region', { name: 'Perpanjangan' }).getByRole('link', { name: m.number, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: m.title })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Perpanjangan' }).getByRole('link', { name: `${m.number}-P` }).first()).toBeVisible();

  // Termination, with its reason.
  await page.getByRole('button', { name: 'Akhiri MoU' }).click();
  const end = page.getByRole('dialog', { name: `Akhiri ${m.number}` });
  await end.getByLabel('Tanggal berakhir').fill(day(0));
  await end.getByRole('button', { name: 'Akhiri MoU' }).click();
  await expect(end.getByText(/Alasan/).nth(1)).toBeVisible();
  await end.getByLabel('Alasan').fill('Sekolah bergabung dengan program lain');
  await end.getByRole('button', { name: 'Akhiri MoU' }).click();
  await expect(page.getByText('MoU ini sudah diakhiri')).toBeVisible();
  await expect(page.getByText('Sekolah bergabung dengan program lain')).toBeVisible();
});

test('another company’s MoU typed into the URL shows the friendly not-found page', async ({ page }) => {
  const tag = uniqueTag();
  const admin = await apiAs(DEMO.admin);
  const company = await admin.post('/organizations', { type: 'company', name: `PT Lain ${tag}` });
  const email = `csr-${tag}@ptlain.example`;
  await admin.post('/users', { organizationId: company.id, email, fullName: `CSR Lain ${tag}`, role: 'csr_officer', password: password(tag) });
  const school = await admin.post('/organizations', { type: 'school', name: `SD Lain ${tag}`, npsn: String(10_000_000 + Math.floor(Math.random() * 89_999_999)), schoolLevel: 'SD', regionCode: '63.71' });
  const other = await apiAs(email, password(tag));
  const program = await other.post('/programs', { name: `Program Lain ${tag}`, startYear: 2024 });
  const partnership = await other.post('/partnerships', { programId: program.id, schoolId: school.id });
  const mou = await other.post('/mous', {
    partnershipId: partnership.id,
    number: `LAIN/${tag}`,
    title: `MoU perusahaan lain ${tag}`,
    scope: 'Tidak untuk dilihat perusahaan lain.',
    effectiveDate: day(1),
    expiryDate: day(300),
    parties: [
      { organizationId: company.id, role: 'first_party' },
      { organizationId: school.id, role: 'second_party' },
    ],
  });

  await signIn(page, DEMO.csr);
  await page.goto(`/mous/${mou.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await expect(page.getByText(`MoU perusahaan lain ${tag}`)).toHaveCount(0);
  await page.goto(`/programs/${program.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await page.goto(`/partnerships/${partnership.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await expectAccessible(page, 'not found');
});

test('on a phone and in English, an MoU in force reads well and shows when it expires', async ({ page }) => {
  const w = await world();
  const m = await activeMou(w);
  await w.principal.patch('/auth/me', { locale: 'en' });
  await page.setViewportSize(PHONE);
  await signIn(page, w.principalEmail, password(w.tag));
  await openMou(page, m.id, m.title);
  await expect(page.getByText('In force', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Expires in 45 days').first()).toBeVisible();
  await expect(page.getByText('First party')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'MoU on a phone in English');
  await page.goto('/mous?status=active');
  await expect(page.getByRole('heading', { level: 1, name: 'MoUs' })).toBeVisible();
  await expect(page.getByRole('link', { name: m.number })).toBeVisible();
  await expect(page.getByText('Expires in 45 days').first()).toBeVisible();
  await expectAccessible(page, 'MoU list on a phone');
});
