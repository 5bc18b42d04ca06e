import type { Page } from '@playwright/test';
import { apiAs, DEMO, expect as baseExpect, expectAccessible, PHONE, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';
import { testDatabase } from './support/database';

// The administrator keeps the register of organisations and users: organisations (list, create, edit,
// archive), the school CSV import (checked first, written only when clean), users and invitations, and
// the audit log. Every record changed here is made by the test itself (uniqueTag); demo organisations
// and users are only read.

interface Organization {
  id: string;
  version: number;
  name: string;
  npsn: string | null;
  address: string | null;
  studentCount: number | null;
  archivedAt: string | null;
}

// The machine running the journeys is shared and often busy: wait longer for what the user sees (no
// assertion is about time; a slow answer only takes longer to pass).
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 45_000, navigationTimeout: 90_000 });

let admin: ApiCaller;

test.beforeAll(async () => {
  admin = await apiAs(DEMO.admin);
});

/** An NPSN no demo school has: 8 digits starting with 9. */
const freshNpsn = () => `9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

async function makeSchool(tag: string, extra: Record<string, unknown> = {}): Promise<Organization> {
  return admin.post('/organizations', { type: 'school', name: `SD Uji ${tag}`, npsn: freshNpsn(), schoolLevel: 'SD', regionCode: '63.71', ...extra });
}

/** An administrator of the test's own, for a journey that changes the user's preferences (the language). */
async function ownAdmin(tag: string): Promise<string> {
  const me = (await admin.get('/auth/me')) as { organization: { id: string } };
  const email = `admin-${tag}@jalin.example`;
  await admin.post('/users', { organizationId: me.organization.id, email, fullName: `Admin Uji ${tag}`, role: 'admin', password: OWN_PASSWORD });
  return email;
}
const OWN_PASSWORD = 'jembatan bambu di tepi sungai martapura';

async function csvFile(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Berkas CSV' }).click()]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

test('the administrator opens Administration from the menu and reaches every section', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Administrasi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrasi' })).toBeVisible();
  for (const name of ['Organisasi', 'Impor sekolah (CSV)', 'Pengguna dan undangan', 'Jejak audit']) {
    await expect(page.getByRole('link', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })).toBeVisible();
  }
  await expectAccessible(page, 'the administration overview');
  await page.getByRole('link', { name: /^Organisasi/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisasi' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'SDN Pelambuan 4 Banjarmasin' })).toBeVisible();
});

test('organisations are filtered through the URL: type, region and text, archived ones only on request', async ({ page }) => {
  const tag = uniqueTag();
  const school = await makeSchool(tag);
  await signIn(page, DEMO.admin);
  await page.goto('/admin/organizations');
  await page.getByLabel('Jenis organisasi').selectOption('school');
  await expect(page).toHaveURL(/type=school/);
  await page.getByLabel('Provinsi').selectOption('63');
  await expect(page).toHaveURL(/regionCode=63(&|$)/);
  await page.getByLabel('Kabupaten/kota').selectOption('63.71');
  await expect(page).toHaveURL(/regionCode=63\.71/);
  await expect(page.getByRole('link', { name: 'SDN Pelambuan 4 Banjarmasin' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'SDN Cakung Barat 03 Jakarta' })).toHaveCount(0);
  // Down to the district (kecamatan): Pelambuan 4 is in Banjarmasin Barat, Sungai Miai 5 in Banjarmasin Utara.
  await page.getByLabel('Kecamatan').selectOption({ label: 'Banjarmasin Barat' });
  await expect(page).toHaveURL(/districtCode=63\.71\.03/);
  await expect(page.getByRole('link', { name: 'SDN Pelambuan 4 Banjarmasin' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'SDN Sungai Miai 5 Banjarmasin' })).toHaveCount(0);
  await page.getByLabel('Kecamatan').selectOption({ label: 'Semua kecamatan' });
  await expect(page).not.toHaveURL(/districtCode=/);
  await page.getByLabel('Nama atau NPSN').fill(tag);
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(page.getByRole('link', { name: school.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'SDN Pelambuan 4 Banjarmasin' })).toHaveCount(0);
  await expectAccessible(page, 'the filtered organisation list');

  // The same list opened from a link (the filters are the API's own parameter names).
  await admin.patch(`/organizations/${school.id}`, { version: school.version, archived: true });
  await page.goto(`/admin/organizations?type=school&q=${tag}`);
  await expect(page.getByText('Tidak ada organisasi yang cocok dengan saringan ini.')).toBeVisible();
  await page.getByLabel('Tampilkan juga yang diarsipkan').click();
  await expect(page).toHaveURL(/includeArchived=true/);
  await expect(page.getByLabel('Tampilkan juga yang diarsipkan')).toBeChecked();
  await expect(page.getByRole('link', { name: school.name })).toBeVisible();
  await expect(page.getByText('Diarsipkan', { exact: true })).toBeVisible();
});

test('the administrator registers a school with the region pickers; a second school with its NPSN is refused', async ({ page }) => {
  const tag = uniqueTag();
  const npsn = freshNpsn();
  await signIn(page, DEMO.admin);
  await page.goto('/admin/organizations');
  await page.getByRole('link', { name: 'Tambah organisasi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisasi baru' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill(`SD Baru ${tag}`);
  await page.getByRole('textbox', { name: 'NPSN' }).fill(npsn);
  await page.getByLabel('Status sekolah').selectOption('private');
  // A regency/city is needed: the second picker opens once a province is chosen.
  await expect(page.getByLabel('Kabupaten/kota')).toBeDisabled();
  await page.getByLabel('Provinsi').selectOption('63');
  await page.getByLabel('Kabupaten/kota').selectOption('63.71');
  await page.getByLabel('Kecamatan').selectOption({ label: 'Banjarmasin Utara' });
  await page.getByLabel('Jumlah siswa').fill('180');
  await page.getByRole('checkbox', { name: 'Literasi' }).check();
  await expectAccessible(page, 'the new organisation form');
  await page.getByRole('button', { name: 'Daftarkan organisasi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `SD Baru ${tag}` })).toBeVisible();
  const id = page.url().split('/').pop() as string;
  const saved = (await admin.get(`/organizations/${id}`)) as Organization & { regionCode: string; needs: string[]; ownership: string };
  expect(saved).toMatchObject({ npsn, regionCode: '63.71', districtCode: '63.71.04', studentCount: 180, ownership: 'private', needs: ['literacy'] });

  // Another school with the same NPSN: the refusal names the NPSN at its field and the school that has it.
  await page.goto('/admin/organizations/new?type=school');
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill(`SD Kembar ${tag}`);
  await page.getByRole('textbox', { name: 'NPSN' }).fill(npsn);
  await page.getByLabel('Provinsi').selectOption('63');
  await page.getByLabel('Kabupaten/kota').selectOption('63.71');
  await page.getByRole('button', { name: 'Daftarkan organisasi' }).click();
  const npsnField = page.getByRole('textbox', { name: 'NPSN' });
  await expect(npsnField).toHaveAttribute('aria-invalid', 'true');
  await expect(npsnField).toHaveAccessibleDescription(/NPSN ini sudah terdaftar/);
  await expect(page.getByRole('alert').filter({ hasText: `SD Baru ${tag}` })).toBeVisible();
  await expectAccessible(page, 'a duplicate NPSN');
  expect(((await admin.get(`/organizations?q=${encodeURIComponent(`SD Kembar ${tag}`)}&includeArchived=true`)) as { items: unknown[] }).items).toHaveLength(0);
});

test('an education office gets an office level and its jurisdiction; a province office takes a province', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, DEMO.admin);
  await page.goto('/admin/organizations/new?type=education_office');
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill(`Dinas Pendidikan Uji ${tag}`);
  await page.getByLabel('Tingkat dinas').selectOption('province');
  await expect(page.getByLabel('Kabupaten/kota')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Wilayah kerja' }).selectOption('63');
  await page.getByRole('button', { name: 'Daftarkan organisasi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dinas Pendidikan Uji ${tag}` })).toBeVisible();
  const id = page.url().split('/').pop() as string;
  expect(await admin.get(`/organizations/${id}`)).toMatchObject({ type: 'education_office', officeLevel: 'province', regionCode: '63' });
});

test('an edit on top of an older version shows the newer values and keeps what was typed to apply again; archive and restore', async ({ page }) => {
  const tag = uniqueTag();
  const school = await makeSchool(tag, { studentCount: 100 });
  await signIn(page, DEMO.admin);
  await page.goto(`/admin/organizations/${school.id}`);
  const students = page.getByLabel('Jumlah siswa');
  await expect(students).toHaveValue('100');

  // Meanwhile someone else saves the address.
  await admin.patch(`/organizations/${school.id}`, { version: school.version, address: `Jl. Baru ${tag}` });
  await students.fill('150');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Orang lain telah mengubah data ini' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Jumlah siswa: 150');
  await expect(page.getByLabel('Alamat')).toHaveValue(`Jl. Baru ${tag}`);
  await expect(students).toHaveValue('100');
  await expectAccessible(page, 'the organisation after a conflict');
  await conflict.getByRole('button', { name: 'Pakai lagi isian saya' }).click();
  await expect(students).toHaveValue('150');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();
  expect(await admin.get(`/organizations/${school.id}`)).toMatchObject({ studentCount: 150, address: `Jl. Baru ${tag}` });

  await page.getByRole('button', { name: 'Arsipkan' }).click();
  await expect(page.getByText('Organisasi diarsipkan.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pulihkan' })).toBeVisible();
  expect(((await admin.get(`/organizations/${school.id}`)) as Organization).archivedAt).not.toBeNull();
  await page.getByRole('button', { name: 'Pulihkan' }).click();
  await expect(page.getByText('Organisasi dipulihkan.')).toBeVisible();
  expect(((await admin.get(`/organizations/${school.id}`)) as Organization).archivedAt).toBeNull();
});

test('a CSV with bad rows lists each problem by row and column and writes nothing; a clean file is checked, then imported', async ({ page }) => {
  const tag = uniqueTag();
  const [a, b] = [freshNpsn(), freshNpsn()];
  // Switching the language is remembered with the user: an administrator of this test's own.
  await signIn(page, await ownAdmin(tag), OWN_PASSWORD);
  await page.goto('/admin');
  await page.getByRole('link', { name: /^Impor sekolah/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impor sekolah dari CSV' })).toBeVisible();
  await expectAccessible(page, 'the import page');

  await csvFile(page, 'sekolah-salah.csv', `npsn,name,level,region_code\n${a},SD Impor A ${tag},SD,63.71\n1234,SD Impor B ${tag},SD,63.71\n${b},SD Impor C ${tag},TK,63.99\n`);
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  const problems = page.getByRole('region', { name: 'Masalah di berkas' });
  await expect(problems.getByRole('alert')).toContainText('3 masalah di 3 baris data');
  await expect(problems.getByRole('alert')).toContainText('Belum ada data yang ditulis');
  const table = problems.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Cara memperbaiki' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'npsn harus tepat 8 digit' })).toContainText('3');
  await expect(table.getByRole('row').filter({ hasText: 'level harus salah satu dari' })).toContainText('4');
  await expect(table.getByRole('row').filter({ hasText: 'region_code 63.99' })).toContainText('Periksa kode kabupaten/kota');
  await expect(page.getByRole('button', { name: /^Impor .* sekarang$/ })).toHaveCount(0);
  await expectAccessible(page, 'the problems of an import file');
  expect(((await admin.get(`/organizations?q=${tag}&includeArchived=true`)) as { items: unknown[] }).items).toHaveLength(0);

  // The same problems in English, in the API's own words.
  await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
  await page.getByRole('button', { name: 'Check the file' }).click();
  const problemsEn = page.getByRole('region', { name: 'Problems in the file' });
  await expect(problemsEn.getByRole('row').filter({ hasText: 'npsn must be exactly 8 digits' })).toContainText('Write the 8-digit NPSN');
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID').click();
  await expect(page.getByRole('button', { name: 'Periksa berkas' })).toBeVisible();

  await csvFile(page, 'sekolah.csv', `npsn;name;level;region_code;student_count\n${a};SD Impor A ${tag};SD;63.71;120\n${b};SD Impor C ${tag};sd;63.71;\n`);
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  const ready = page.getByRole('region', { name: '2. Impor' });
  await expect(ready).toContainText('Berkas bersih: 2 baris siap diimpor');
  await expect(ready.getByText('Sekolah baru').locator('..')).toContainText('2');
  expect(((await admin.get(`/organizations?q=${tag}`)) as { items: unknown[] }).items).toHaveLength(0);
  await ready.getByRole('button', { name: 'Impor 2 baris sekarang' }).click();
  const result = page.getByRole('region', { name: 'Hasil impor' });
  await expect(result).toContainText('Impor selesai: 2 baris');
  await expect(result.getByRole('row').filter({ hasText: a })).toContainText('Ditambahkan');
  await expectAccessible(page, 'the import result');
  const imported = (await admin.get(`/organizations?q=${tag}`)) as { items: Organization[] };
  expect(imported.items.map((o) => o.npsn).sort()).toEqual([a, b].sort());
});

test('an education officer imports only schools of the office region and sees only the import of Administration', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, DEMO.officer);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Administrasi' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: /^Impor sekolah/ })).toBeVisible();
  await expect(main.getByRole('link', { name: /^Jejak audit/ })).toHaveCount(0);
  await expect(main.getByRole('link', { name: /^Organisasi/ })).toHaveCount(0);
  // The menu leads there too.
  await expect(page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Impor sekolah' })).toBeVisible();
  await main.getByRole('link', { name: /^Impor sekolah/ }).click();
  await csvFile(page, 'sekolah-dinas.csv', `npsn,name,level,region_code\n${freshNpsn()},SD Dinas ${tag},SD,31.75\n`);
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(page.getByRole('region', { name: 'Masalah di berkas' }).getByRole('row').filter({ hasText: 'di luar wilayah dinas Anda' })).toContainText('region_code');
  // The register of organisations and the audit log are the administrator's.
  await page.goto('/admin/organizations');
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
});

test('the administrator invites a user, copies the link, changes the role, disables and enables the account', async ({ page, context }) => {
  const tag = uniqueTag();
  const school = await makeSchool(tag);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, DEMO.admin);
  await page.goto(`/admin/users?organizationId=${school.id}`);
  await expect(page.getByText('Tidak ada pengguna yang cocok dengan saringan ini.')).toBeVisible();
  await page.getByRole('link', { name: 'Undang pengguna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Undang pengguna' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organisasi' })).toHaveValue(school.name);
  await page.getByLabel('Nama lengkap').fill(`Guru Uji ${tag}`);
  await page.getByLabel('Email').fill(`guru-${tag}@sekolah.example`);
  // A role of another kind of organisation is refused by the API, said at the role.
  await page.getByLabel('Peran').selectOption('csr_officer');
  await page.getByRole('button', { name: 'Buat undangan' }).click();
  await expect(page.getByLabel('Peran')).toHaveAccessibleDescription(/hanya untuk perusahaan/);
  await page.getByLabel('Peran').selectOption('principal');
  await expectAccessible(page, 'the invitation form');
  await page.getByRole('button', { name: 'Buat undangan' }).click();
  await expect(page.getByRole('heading', { name: 'Undangan dibuat' })).toBeVisible();
  const link = page.getByLabel('Tautan undangan');
  await expect(link).toHaveValue(/\/invitation\?token=.+/);
  await page.getByRole('button', { name: 'Salin tautan' }).click();
  await expect(page.getByRole('button', { name: 'Tersalin' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());
  await expectAccessible(page, 'the invitation link');

  await page.getByRole('link', { name: 'Lihat pengguna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Guru Uji ${tag}` })).toBeVisible();
  await expect(page.getByText('Diundang')).toBeVisible();
  await page.getByRole('combobox', { name: 'Peran' }).selectOption('judge');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Data pengguna tersimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Nonaktifkan' }).click();
  await expect(page.getByText('Akun dinonaktifkan.')).toBeVisible();
  await expect(page.getByText('Nonaktif', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(page.getByText('Akun diaktifkan kembali.')).toBeVisible();
  await expectAccessible(page, 'the user page');

  await page.goto(`/admin/users?organizationId=${school.id}&role=judge`);
  await expect(page.getByRole('link', { name: `Guru Uji ${tag}` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: `guru-${tag}@sekolah.example` })).toContainText('Juri');
});

test('an expired invitation says plainly that it cannot be used and what to do', async ({ page }) => {
  const tag = uniqueTag();
  const school = await makeSchool(tag);
  const email = `kedaluwarsa-${tag}@sekolah.example`;
  const created = (await admin.post('/users', { organizationId: school.id, email, fullName: `Guru Lama ${tag}`, role: 'principal' })) as { invitation: { token: string } };
  // Eight days later: the invitation ran out (invitations last seven days).
  const db = await testDatabase();
  try {
    await db.query(`UPDATE users SET invitation_expires_at = now() - interval '1 day' WHERE email = $1`, [email]);
  } finally {
    await db.end();
  }
  await page.goto(`/invitation?token=${encodeURIComponent(created.invitation.token)}`);
  await page.getByLabel('Kata sandi baru').fill('tiga kata acak panjang sekali');
  await page.getByLabel('Ulangi kata sandi').fill('tiga kata acak panjang sekali');
  await page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Undangan ini tidak dapat dipakai' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('kedaluwarsa');
  await expect(alert).toContainText('Minta pengundang Anda mengirim undangan baru');
  await expectAccessible(page, 'an expired invitation');
});

test('a principal sees and invites only the users of the own school, never as administrator', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengguna' })).toBeVisible();
  await expect(page.getByText(/Pengguna SDN Pelambuan 4 Banjarmasin/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organisasi' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: DEMO.csr })).toHaveCount(0);
  await page.getByRole('link', { name: 'Undang pengguna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Undang pengguna' })).toBeVisible();
  await expect(page.getByRole('main').getByText('SDN Pelambuan 4 Banjarmasin', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Peran').locator('option', { hasText: 'Administrator' })).toHaveCount(0);
  await expectAccessible(page, "the principal's invitation form");
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
});

test('the audit log shows who changed a record and each change; an impossible date is refused at its filter', async ({ page }) => {
  const tag = uniqueTag();
  const school = await makeSchool(tag, { studentCount: 10 });
  await admin.patch(`/organizations/${school.id}`, { version: school.version, studentCount: 12 });
  await signIn(page, DEMO.admin);
  await page.goto(`/admin/audit?entityType=organization&entityId=${school.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Jejak audit' })).toBeVisible();
  const changed = page.getByRole('article').filter({ hasText: 'Diubah · Organisasi' });
  await expect(changed).toContainText('studentCount');
  await expect(changed).toContainText('10 → 12');
  await expect(changed.getByRole('link', { name: 'Jalin Administrator' })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'Dibuat · Organisasi' })).toContainText(`SD Uji ${tag}`);
  await expect(page.getByLabel('Jenis data')).toHaveValue('organization');
  await expectAccessible(page, 'the audit log');

  await page.getByLabel('Dari tanggal').fill('2026-02-30');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/from=2026-02-30/);
  const from = page.getByLabel('Dari tanggal');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(from).toHaveAccessibleDescription(/Dari tanggal/);
  await expectAccessible(page, 'an impossible date in the audit filter');

  await from.fill('2020-01-01');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('article').filter({ hasText: 'Diubah · Organisasi' })).toBeVisible();
});

test.describe('at phone size', () => {
  test.use({ viewport: PHONE });

  test('the administrator reads the users as cards and the audit log without sideways scrolling', async ({ page }) => {
    const tag = uniqueTag();
    const school = await makeSchool(tag);
    await admin.post('/users', { organizationId: school.id, email: `hp-${tag}@sekolah.example`, fullName: `Guru HP ${tag}`, role: 'principal' });
    await signIn(page, DEMO.admin);
    await page.goto(`/admin/users?organizationId=${school.id}`);
    await expect(page.getByRole('link', { name: `Guru HP ${tag}` })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible(page, 'the users on a phone');
    await page.goto(`/admin/audit?entityType=organization&entityId=${school.id}`);
    await expect(page.getByRole('article').filter({ hasText: 'Dibuat · Organisasi' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.goto('/admin/import');
    await csvFile(page, 'hp.csv', `npsn,name,level,region_code\n12,SD HP ${tag},SD,63.71\n`);
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await expect(page.getByRole('article', { name: 'Baris 2' })).toContainText('npsn harus tepat 8 digit');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'the import problems on a phone');
  });
});
