import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, uniqueTag } from './support/fixtures';

const npsn = () => String(20_000_000 + Math.floor(Math.random() * 70_000_000));

/** A new school with a user created by the administrator (with a password, or invited). */
async function newSchoolUser(options: { password?: string } = {}) {
  const admin = await apiAs(DEMO.admin);
  const school = await admin.post('/organizations', { type: 'school', name: `SDN Uji ${uniqueTag()}`, npsn: npsn(), schoolLevel: 'SD', regionCode: '63.71' });
  const email = `kepsek.${uniqueTag()}@sekolah.example`;
  const user = await admin.post('/users', { organizationId: school.id, email, fullName: 'Siti Rahmawati, S.Pd.', role: 'principal', ...(options.password ? { password: options.password } : {}) });
  return { admin, school, user, email };
}

test('a new principal accepts the invitation, sees the password rules, signs out and in again', async ({ page }) => {
  const { school, user, email } = await newSchoolUser();
  await page.goto(`/invitation?token=${encodeURIComponent(user.invitation.token)}`);
  await expect(page.getByRole('heading', { name: 'Terima undangan' })).toBeVisible();
  await expectAccessible(page, 'invitation');
  const rules = page.getByRole('list', { name: 'Syarat kata sandi' });
  await expect(rules).toContainText('Minimal 8 karakter (belum terpenuhi)');

  await page.getByLabel('Kata sandi baru').fill('pendek');
  await page.getByLabel('Ulangi kata sandi').fill('pendek');
  await page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
  await expect(page.getByText('Kata sandi belum memenuhi syarat di bawah')).toBeVisible();

  const password = 'Sekolah-Hebat-2026';
  await page.getByLabel('Kata sandi baru').fill(password);
  await expect(rules).toContainText('Minimal 8 karakter (terpenuhi)');
  await page.getByLabel('Ulangi kata sandi').fill('Sekolah-Hebat-2025');
  await page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
  await expect(page.getByText('Kedua kata sandi tidak sama')).toBeVisible();
  await page.getByLabel('Ulangi kata sandi').fill(password);
  await page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();

  await expect(page.getByRole('heading', { name: 'Selamat datang, Siti Rahmawati, S.Pd.' })).toBeVisible();
  await expect(page.getByText(school.name).first()).toBeVisible();
  await expect(page.getByText('Tidak ada yang menunggu Anda saat ini')).toBeVisible();
  await expectAccessible(page, 'home of a new school');

  // The invitation works once.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Jalin' })).toBeVisible();
  // Signed out on the server too: a reload does not bring the session back.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Masuk ke Jalin' })).toBeVisible();
  await page.goto(`/invitation?token=${encodeURIComponent(user.invitation.token)}`);
  await page.getByLabel('Kata sandi baru').fill(password);
  await page.getByLabel('Ulangi kata sandi').fill(password);
  await page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('Undangan ini tidak dapat dipakai');

  await signIn(page, email, password);
  await expect(page.getByRole('heading', { name: 'Selamat datang, Siti Rahmawati, S.Pd.' })).toBeVisible();
});

test('a wrong password, a locked account and a disabled account each get a clear message in Bahasa', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page, 'sign-in');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByText('Isi email Anda')).toBeVisible();

  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(DEMO.principal);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('bukan-kata-sandinya');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('Email atau kata sandi salah');

  const locked = await newSchoolUser({ password: 'Kata-Sandi-Benar-1' });
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(locked.email);
  for (let i = 0; i < 6; i++) {
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(`salah-${i}-kata-sandi`);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await expect(page.getByRole('alert')).toContainText('Terlalu banyak percobaan masuk yang gagal');
  await expect(page.getByRole('alert')).toContainText('menit');

  const disabled = await newSchoolUser({ password: 'Kata-Sandi-Benar-2' });
  await disabled.admin.patch(`/users/${disabled.user.id}`, { disabled: true, version: disabled.user.version });
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(disabled.email);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('Kata-Sandi-Benar-2');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('Akun ini dinonaktifkan');
});

test('a reload keeps the principal signed in, and the chosen language is remembered for the user', async ({ page, browser }) => {
  await signIn(page, DEMO.principal);
  await expect(page.getByRole('heading', { name: /Selamat datang/ })).toBeVisible();
  try {
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Program plans' })).toBeVisible();

    // Another device: the sign-in page is in Bahasa, the user's own choice follows them in.
    const other = await browser.newContext();
    const second = await other.newPage();
    await signIn(second, DEMO.principal);
    await expect(second.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await other.close();
  } finally {
    const principal = await apiAs(DEMO.principal);
    await principal.patch('/auth/me', { locale: 'id' });
  }
  await page.reload();
  await expect(page.getByRole('heading', { name: /Selamat datang/ })).toBeVisible();
});

test('a signed-out visitor who opens a page signs in and lands on that page', async ({ page }) => {
  await page.goto('/grants');
  await expect(page.getByRole('heading', { name: 'Masuk ke Jalin' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(DEMO.principal);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('Jalin-Demo-2026');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/grants$/);
});

test('sign-in works with the keyboard alone', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).focus();
  await page.keyboard.type(DEMO.principal);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Jalin-Demo-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Selamat datang/ })).toBeVisible();
  // The skip link is the first stop on every page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Langsung ke isi halaman' })).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the principal signs in, sees what needs them and finds every area in the menu', async ({ page }) => {
    await signIn(page, DEMO.principal);
    await expectAccessible(page, 'home on a phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await expect(page.getByRole('heading', { name: 'Yang perlu Anda kerjakan sekarang' })).toBeVisible();
    await page.getByRole('button', { name: 'Buka menu' }).click();
    for (const area of ['Beranda', 'Profil sekolah', 'Rencana program', 'Dana stimulus', 'Pendampingan', 'Kompetisi', 'Riwayat kemitraan']) {
      await expect(page.getByRole('link', { name: area, exact: true })).toBeVisible();
    }
  });
});
