import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test } from './support/fixtures';

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
