import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, signIn, test, uniqueTag } from './support/fixtures';
import { logSession } from './support/mentoring';

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, most = 120): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} cannot be reached with the Tab key`);
}


test('with the keyboard alone the principal opens a session from the menu and confirms it', async ({ page }) => {
  const marker = `Kunjungan papan kelas ${uniqueTag()}`;
  await logSession(`${marker}: penataan papan kelas.`);
  await signIn(page, DEMO.principal);

  await tabTo(page, page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pendampingan' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Pendampingan' })).toBeVisible();

  await tabTo(page, page.getByRole('article').filter({ hasText: marker }).getByRole('link'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Konfirmasi sesi' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Konfirmasi sesi ini?' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Ya, konfirmasi' }), 10);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Sesi sudah dikonfirmasi')).toBeVisible();
});

test('with the keyboard alone the principal edits the school profile and opens the 2026 plan', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await tabTo(page, page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Profil sekolah' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Alamat'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(`Jl. Barito Hilir No. 4, Banjarmasin (${uniqueTag()})`);
  await tabTo(page, page.getByRole('button', { name: 'Simpan profil' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Profil sekolah tersimpan')).toBeVisible();

  await tabTo(page, page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Rencana program' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: /2026/ }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Rencana Program 2026/ })).toBeVisible();
});
