import { apiAs, baseURL, DEMO, expect as baseExpect, expectAccessible, PHONE, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';
import { testDatabase } from './support/database';

// A person who forgot the password asks for a link, opens it and chooses a new one; an administrator
// can also send the link. The API of the browser tests has no mail server: messages are kept in the
// outbox, where the administrator reads them (GET /admin/outbox), as an operator would pass one on.

const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 45_000, navigationTimeout: 60_000 });

interface Person {
  email: string;
  password: string;
  id: string;
}

/** The principal of a new school, with a password of their own. */
async function newPerson(admin: ApiCaller): Promise<Person> {
  const tag = uniqueTag();
  const school = await admin.post<{ id: string }>('/organizations', { type: 'school', name: `SDN Lupa Sandi ${tag}`, npsn: String(40_000_000 + Math.floor(Math.random() * 50_000_000)), schoolLevel: 'SD', regionCode: '63.71' });
  const email = `lupa.${tag}@sekolah.example`;
  const password = `sungai barito pagi ${tag}`;
  const user = await admin.post<{ id: string }>('/users', { organizationId: school.id, email, fullName: `Guru Lupa ${tag}`, role: 'principal', password });
  return { email, password, id: user.id };
}

/** The newest reset link the outbox holds for `email` (as the path the email links to). */
async function linkFor(admin: ApiCaller, email: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const { items } = await admin.get<{ items: Array<{ to: string; text: string }> }>('/admin/outbox?kind=password_reset&limit=100');
      const text = items.find((m) => m.to === email)?.text ?? '';
      found = /\/password-reset\?token=[A-Za-z0-9_%-]+/.exec(text)?.[0];
      return found ?? null;
    })
    .not.toBeNull();
  return found as string;
}

test('a person who forgot the password asks for a link, chooses a new password with it, and the link works only once', async ({ page }) => {
  const admin = await apiAs(DEMO.admin);
  const person = await newPerson(admin);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Atur ulang kata sandi' })).toBeVisible();
  await expectAccessible(page, 'asking for a reset link');
  // A missing email is named at its field.
  await page.getByRole('button', { name: 'Kirim tautan' }).click();
  await expect(page.getByText('Isi email Anda')).toBeVisible();
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('button', { name: 'Kirim tautan' }).click();
  const sent = page.getByRole('status').filter({ hasText: 'Periksa email Anda' });
  await expect(sent).toContainText(`Jika ${person.email} terdaftar di Jalin`);
  await expectAccessible(page, 'a reset link on its way');

  // The email's link: checked before anything is typed, then a new password chosen.
  const link = await linkFor(admin, person.email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Buat kata sandi baru' })).toBeVisible();
  await expect(page.getByText(/Tautan ini berlaku sampai/)).toBeVisible();
  await expectAccessible(page, 'choosing a new password');
  // A common password is refused by the API, at the field.
  await page.getByLabel('Kata sandi baru').fill('password');
  await page.getByLabel('Ulangi kata sandi').fill('password');
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page.getByLabel('Kata sandi baru')).toHaveAccessibleDescription(/terlalu umum dan mudah ditebak/);
  const fresh = `perahu klotok menyusuri sungai ${uniqueTag()}`;
  await page.getByLabel('Kata sandi baru').fill(fresh);
  await page.getByLabel('Ulangi kata sandi').fill(fresh);
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kata sandi baru tersimpan' })).toBeVisible();

  // The old password no longer works; the new one does.
  await page.getByRole('link', { name: 'Masuk' }).click();
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await signIn(page, person.email, fresh);
  await expect(page.getByRole('navigation', { name: 'Menu utama' })).toBeVisible();
  await page.getByRole('button', { name: 'Keluar' }).click();

  // The same link again: used, and the page offers a new one.
  await page.goto(link);
  await expect(page.getByRole('alert').filter({ hasText: 'Tautan sudah dipakai' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Minta tautan baru' })).toBeVisible();
  await expectAccessible(page, 'a used reset link');

  // A mistyped link.
  await page.goto('/password-reset?token=tidak-ada-tautan-seperti-ini');
  await expect(page.getByRole('alert').filter({ hasText: 'Tautan tidak dikenal' })).toBeVisible();
});

test.describe('on a phone, in English', () => {
  test.use({ viewport: PHONE });

  test('an expired link says so and when it stopped working; asking again sends a new one', async ({ page }) => {
    const admin = await apiAs(DEMO.admin);
    const person = await newPerson(admin);
    await page.goto('/password-reset');
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
    await page.getByLabel('Email').fill(person.email);
    await page.getByRole('button', { name: 'Send link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Check your email' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const link = await linkFor(admin, person.email);

    // An hour later (moved on in the database): the link has expired.
    const db = await testDatabase();
    try {
      await db.query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1 AND used_at IS NULL`, [person.id]);
    } finally {
      await db.end();
    }
    await page.goto(link);
    await expect(page.getByRole('alert').filter({ hasText: 'This link has expired' })).toBeVisible();
    await expectAccessible(page, 'an expired reset link on a phone');
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  });
});

test('an administrator sends a user a reset link from the user page; the user sets a new password with it', async ({ page, browser }) => {
  const admin = await apiAs(DEMO.admin);
  const person = await newPerson(admin);
  await signIn(page, DEMO.admin);
  await page.goto(`/admin/users/${person.id}`);
  const card = page.getByRole('region', { name: 'Atur ulang kata sandi' });
  await card.getByRole('button', { name: 'Kirim tautan atur ulang kata sandi' }).click();
  await expect(page.getByText(`Tautan dikirim ke ${person.email}`)).toBeVisible();
  await expectAccessible(page, 'a reset link sent by the administrator');

  // No mail server here: the message waits in the outbox (the browser tests' API runs no worker; with one
  // and no mail server it would read "Disimpan"), where the administrator reads the link to pass it on.
  await page.goto('/admin');
  await page.getByRole('link', { name: /^Kotak keluar email/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kotak keluar email' })).toBeVisible();
  await page.getByLabel('Jenis email').selectOption({ label: 'Atur ulang kata sandi' });
  await expect(page).toHaveURL(/kind=password_reset/);
  const message = page.getByRole('article').filter({ hasText: person.email });
  await expect(message.getByText('Menunggu dikirim', { exact: true })).toBeVisible();
  await message.getByText('Tampilkan isi email').click();
  const text = (await message.locator('pre').textContent()) ?? '';
  const link = /\/password-reset\?token=[A-Za-z0-9_%-]+/.exec(text)?.[0] ?? '';
  expect(link, 'the kept message holds the reset link').not.toBe('');
  expect(link).toBe(await linkFor(admin, person.email));
  await expectAccessible(page, 'the e-mail outbox');
  const other = await browser.newContext({ baseURL: baseURL(), locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  try {
    const theirs = await other.newPage();
    await theirs.goto(link);
    const fresh = `jukung di pasar terapung ${uniqueTag()}`;
    await theirs.getByLabel('Kata sandi baru').fill(fresh);
    await theirs.getByLabel('Ulangi kata sandi').fill(fresh);
    await theirs.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await expect(theirs.getByRole('status').filter({ hasText: 'Kata sandi baru tersimpan' })).toBeVisible();
    expect((await apiAs(person.email, fresh)).token).toBeTruthy();
  } finally {
    await other.close();
  }
});
