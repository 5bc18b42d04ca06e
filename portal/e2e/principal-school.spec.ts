import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, type ApiCaller } from './support/fixtures';

// The principal keeps SDN Pelambuan 4's profile and contact people. This file is the only one that
// changes the school's profile; each test reads the values it starts from.

interface Organization {
  id: string;
  version: number;
  name: string;
  studentCount: number | null;
  teacherCount: number | null;
  principalName: string | null;
  address: string | null;
}

let principal: ApiCaller;
let schoolId: string;

test.beforeAll(async () => {
  principal = await apiAs(DEMO.principal);
  schoolId = ((await principal.get('/auth/me')) as { organization: { id: string } }).organization.id;
});

test('the principal corrects the profile: a wrong count is named at its field, then the profile is saved', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Profil sekolah' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profil sekolah' })).toBeVisible();
  await expect(page.getByText('30304122')).toBeVisible();
  await expectAccessible(page, 'the school profile');

  const students = page.getByLabel('Jumlah siswa');
  await students.fill('-5');
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(students).toHaveAttribute('aria-invalid', 'true');
  await expect(students).toHaveAccessibleDescription(/Jumlah siswa tidak boleh kurang dari 0/);
  await expectAccessible(page, 'the profile with a field error');

  await students.fill('436');
  await page.getByLabel('Alamat').fill('Jl. Barito Hilir No. 4, Pelambuan, Banjarmasin Barat');
  await page.getByRole('checkbox', { name: 'Kesiapsiagaan bencana' }).check();
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByText('Profil sekolah tersimpan.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Profil sekolah tersimpan.' }).getByRole('button', { name: 'Tutup' })).toBeVisible();
  await expect(students).not.toHaveAttribute('aria-invalid', 'true');

  const saved = (await principal.get(`/organizations/${schoolId}`)) as Organization & { needs: string[] };
  expect(saved).toMatchObject({ studentCount: 436, address: 'Jl. Barito Hilir No. 4, Pelambuan, Banjarmasin Barat' });
  expect(saved.needs).toContain('disaster_preparedness');
  await page.reload();
  await expect(page.getByLabel('Jumlah siswa')).toHaveValue('436');
});

test('a save on top of an older version says someone changed the profile and shows the newer values', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await page.goto('/school');
  const teachers = page.getByLabel('Jumlah guru');
  await expect(teachers).toBeVisible();
  const before = (await principal.get(`/organizations/${schoolId}`)) as Organization;

  // Meanwhile someone else saves the profile (a colleague on another device).
  const newerName = `Dra. Hj. Noor Aini, M.Pd. ${before.version + 1}`;
  await principal.patch(`/organizations/${schoolId}`, { version: before.version, principalName: newerName });

  const mine = String((before.teacherCount ?? 20) + 3);
  await teachers.fill(mine);
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Orang lain telah mengubah data ini' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`Jumlah guru: ${mine}`);
  await expect(page.getByLabel('Nama kepala sekolah')).toHaveValue(newerName);
  await expect(teachers).toHaveValue(before.teacherCount === null ? '' : String(before.teacherCount));
  expect(((await principal.get(`/organizations/${schoolId}`)) as Organization).teacherCount).toBe(before.teacherCount);
  await expectAccessible(page, 'the profile after a conflict');

  // The principal applies the change again on top of the newer profile and saves it.
  await conflict.getByRole('button', { name: 'Pakai lagi isian saya' }).click();
  await expect(teachers).toHaveValue(mine);
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByText('Profil sekolah tersimpan.')).toBeVisible();
  expect((await principal.get(`/organizations/${schoolId}`)) as Organization).toMatchObject({ teacherCount: Number(mine), principalName: newerName });
});

test('a new name of the school shows in the menu as soon as the profile is saved', async ({ page }) => {
  const before = (await principal.get(`/organizations/${schoolId}`)) as Organization;
  const renamed = `${before.name} (nama baru)`;
  await signIn(page, DEMO.principal);
  await page.goto('/school');
  const menu = page.getByRole('navigation', { name: 'Menu utama' });
  await expect(menu).toContainText(before.name);
  try {
    await page.getByLabel('Nama sekolah').fill(renamed);
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await expect(page.getByText('Profil sekolah tersimpan.')).toBeVisible();
    await expect(menu).toContainText(renamed);
  } finally {
    const now = (await principal.get(`/organizations/${schoolId}`)) as Organization;
    await principal.patch(`/organizations/${schoolId}`, { version: now.version, name: before.name });
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the principal adds, corrects and removes a contact person', async ({ page }) => {
    const name = `Bapak Rudi Hartono ${Date.now() % 100000}`;
    await signIn(page, DEMO.principal);
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Profil sekolah' }).click();
    const contacts = page.getByRole('region', { name: 'Narahubung' });
    await expect(contacts.getByText('Hj. Siti Rahmah, S.Pd.').first()).toBeVisible();

    await contacts.getByRole('button', { name: 'Tambah narahubung' }).click();
    const dialog = page.getByRole('dialog', { name: 'Narahubung baru' });
    await dialog.getByLabel('Nama').fill(name);
    await dialog.getByLabel('Jabatan').fill('Wakil Kepala Sekolah');
    await dialog.getByLabel('Email').fill('bukan-email');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog.getByLabel('Email')).toHaveAccessibleDescription(/Email harus berupa alamat email yang valid/);
    await expectAccessible(page, 'the contact form with a field error on a phone');
    await dialog.getByLabel('Email').fill('wakasek@sdnpelambuan4.example');
    await dialog.getByLabel('Nomor telepon').fill('0812 5000 4444');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
    await expect(contacts.getByText(name)).toBeVisible();
    await expect(contacts.getByRole('link', { name: '0812 5000 4444' })).toHaveAttribute('href', 'tel:081250004444');

    await contacts.getByRole('button', { name: `Ubah narahubung ${name}` }).click();
    const edit = page.getByRole('dialog', { name: 'Ubah narahubung' });
    await edit.getByLabel('Jabatan').fill('Wakil Kepala Sekolah Bidang Kurikulum');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await expect(edit).toBeHidden();
    await expect(contacts.getByText('Wakil Kepala Sekolah Bidang Kurikulum')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'the contacts on a phone');

    await contacts.getByRole('button', { name: `Hapus narahubung ${name}` }).click();
    await page.getByRole('dialog', { name: 'Hapus narahubung' }).getByRole('button', { name: 'Hapus' }).click();
    await expect(contacts.getByText(name)).toHaveCount(0);
    const left = (await principal.get(`/organizations/${schoolId}/contacts`)) as { items: Array<{ name: string }> };
    expect(left.items.map((c) => c.name)).not.toContain(name);
  });
});
