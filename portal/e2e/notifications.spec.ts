import { apiAs, baseURL, DEMO, expect, expectAccessible, PHONE, signIn, test } from './support/fixtures';
import { logSession } from './support/mentoring';

// The CSR officer's MoU reminder from the demo. This file is the only one that marks it read.

test('the CSR officer sees the bell count on every page, reads the MoU reminder in Bahasa and English, and marks it read', async ({ page }) => {
  const csr = await apiAs(DEMO.csr);
  const [notice] = (await csr.get('/notifications?unread=true')).items as Array<{ id: string; entityId: string; params: { number: string } }>;
  expect(notice, 'the demo holds an unread MoU reminder for the CSR officer').toBeTruthy();

  await signIn(page, DEMO.csr);
  const bell = page.getByRole('link', { name: /^Notifikasi, \d+ belum dibaca$/ });
  await expect(bell).toBeVisible();
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Rencana program' }).click();
  await expect(bell).toBeVisible();
  await bell.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible();
  const card = page.getByRole('article').filter({ hasText: notice.params.number }).first();
  await expect(card.getByRole('heading', { name: new RegExp(`^MoU ${notice.params.number.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} berakhir`) })).toBeVisible();
  await expect(card).toContainText('Siapkan perpanjangannya tepat waktu.');
  await expect(card.getByText('Baru')).toBeVisible();
  await expect(card.getByRole('link', { name: 'Buka MoU' })).toHaveAttribute('href', `/mous/${notice.entityId}`);
  await expectAccessible(page, 'the notifications');

  // The same notice in English, worded from its values.
  await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(card.getByRole('heading', { name: /ends (today|tomorrow|in \d+ days)$/ })).toBeVisible();
  await expect(card).toContainText('Prepare its renewal in time.');
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible();

  // Read: the badge goes, the unread filter is empty, and the server knows.
  await page.getByRole('radiogroup', { name: 'Tampilkan' }).getByText('Belum dibaca').click();
  await expect(page).toHaveURL(/unread=true/);
  await card.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
  await expect(page.getByText('Semua notifikasi sudah dibaca.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notifikasi', exact: true })).toBeVisible();
  expect((await csr.get('/notifications/unread-count')).unread).toBe(0);
  await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
  await expect(page.getByText('Tidak ada notifikasi yang belum dibaca.')).toBeVisible();
});

test('a user without notifications sees a quiet bell and a clear empty page, on a phone', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.judge);
  const bell = page.getByRole('link', { name: 'Notifikasi', exact: true });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible();
  await expect(page.getByText('Belum ada notifikasi untuk Anda.')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'the empty notifications on a phone');
});

test('the principal chooses which news come by e-mail, and an e-mail\'s unsubscribe link turns one kind off without signing in', async ({ page, browser }) => {
  const principal = await apiAs(DEMO.principal);
  const admin = await apiAs(DEMO.admin);
  await signIn(page, DEMO.principal);
  await page.goto('/notifications');
  await page.getByRole('link', { name: 'Atur email pemberitahuan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Email pemberitahuan' })).toBeVisible();
  await expect(page.getByText('Email keamanan (undangan dan atur ulang kata sandi) selalu dikirim segera.')).toBeVisible();
  await page.getByLabel('Kompetisi').selectOption({ label: 'Ringkasan harian' });
  await expectAccessible(page, 'e-mail settings');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan email disimpan.')).toBeVisible();
  expect((await principal.get<{ competitions: string; mentoring: string }>('/auth/me/mail-preferences')).competitions).toBe('digest');

  // A session logged at the school writes "a session to confirm" e-mail with an unsubscribe link.
  const { session } = await logSession('Sesi untuk uji tautan berhenti berlangganan.');
  const { items } = await admin.get<{ items: Array<{ to: string; text: string; entityId: string | null }> }>('/admin/outbox?kind=session_to_confirm&limit=100');
  const text = items.find((m) => m.to === DEMO.principal && m.entityId === session.id)?.text ?? '';
  const link = /\/unsubscribe\?token=[A-Za-z0-9_.%-]+/.exec(text)?.[0];
  expect(link, 'the e-mail holds an unsubscribe link').toBeTruthy();

  // Opened on another device, not signed in: it asks first, then turns mentoring e-mails off.
  const other = await browser.newContext({ baseURL: baseURL(), locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  try {
    const mail = await other.newPage();
    await mail.goto(link as string);
    await expect(mail.getByRole('heading', { level: 1, name: 'Berhenti menerima email' })).toBeVisible();
    await expect(mail.getByText(/Hentikan email tentang pendampingan ke/)).toBeVisible();
    expect((await principal.get<{ mentoring: string }>('/auth/me/mail-preferences')).mentoring).toBe('immediately');
    await expectAccessible(mail, 'an unsubscribe link');
    await mail.getByRole('button', { name: 'Ya, hentikan email ini' }).click();
    await expect(mail.getByRole('status').filter({ hasText: 'Email dihentikan' })).toBeVisible();
    expect((await principal.get<{ mentoring: string }>('/auth/me/mail-preferences')).mentoring).toBe('off');
    // A link whose token was changed is refused, saying so.
    await mail.goto(`${link as string}x`);
    await expect(mail.getByRole('alert')).toBeVisible();
  } finally {
    await other.close();
    await principal.put('/auth/me/mail-preferences', { mentoring: 'immediately', competitions: 'immediately' });
  }
});
