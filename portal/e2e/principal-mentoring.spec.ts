import type { Page } from '@playwright/test';
import { baseURL, DEMO, expect, expectAccessible, PHONE, PNG_1x1, signIn, test, type ApiCaller, uniqueTag } from './support/fixtures';
import { daysAgo, logSession } from './support/mentoring';

async function uploadEvidence(facilitator: ApiCaller, sessionId: string, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG_1x1)], { type: 'image/png' }), name);
  const res = await fetch(`${baseURL()}/api/v1/mentoring/sessions/${sessionId}/evidence`, { method: 'POST', headers: { Authorization: `Bearer ${facilitator.token}` }, body: form });
  if (!res.ok) throw new Error(`evidence upload: ${res.status} ${await res.text()}`);
}

async function openMentoring(page: Page) {
  // On a phone the menu sits behind the menu button.
  if ((page.viewportSize()?.width ?? 1366) < 768) await page.getByRole('button', { name: 'Buka menu' }).click();
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pendampingan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pendampingan' })).toBeVisible();
}

/** Opens the session whose notes carry `marker` from the list, as the principal would. */
async function openSession(page: Page, marker: string) {
  const card = page.getByRole('article').filter({ hasText: marker });
  await card.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /^Kunjungan sekolah · / })).toBeVisible();
}

test('the principal checks a logged session, downloads its evidence and confirms it', async ({ page }) => {
  const marker = `Kunjungan literasi ${uniqueTag()}`;
  const { facilitator, session } = await logSession(`${marker}: pojok baca kelas 1–3 dan jadwal membaca 15 menit.`);
  await uploadEvidence(facilitator, session.id, 'daftar-hadir.png');

  await signIn(page, DEMO.principal);
  await openMentoring(page);
  const card = page.getByRole('article').filter({ hasText: marker });
  await expect(card.getByText('Menunggu konfirmasi')).toBeVisible();
  await expect(card.getByText('Literasi · 2,5 jam')).toBeVisible();
  await expectAccessible(page, 'mentoring list');

  await openSession(page, marker);
  await expect(page.getByText('Kepala sekolah: 1 · Guru: 9')).toBeVisible();
  await expect(page.getByText(`${marker}: pojok baca`)).toBeVisible();
  await expectAccessible(page, 'pending session');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh bukti daftar-hadir.png' }).click();
  expect((await downloading).suggestedFilename()).toBe('daftar-hadir.png');

  await page.getByRole('button', { name: 'Konfirmasi sesi' }).click();
  const dialog = page.getByRole('dialog', { name: 'Konfirmasi sesi ini?' });
  await expectAccessible(page, 'confirm dialog');
  await dialog.getByRole('button', { name: 'Ya, konfirmasi' }).click();
  await expect(page.getByText('Sesi sudah dikonfirmasi')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Konfirmasi sesi' })).toHaveCount(0);
  await expectAccessible(page, 'confirmed session');

  const after = await facilitator.get(`/mentoring/sessions/${session.id}`);
  expect(after).toMatchObject({ confirmation: 'confirmed', unconfirmed: false });
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the principal disputes a session that did not happen: the reason is required', async ({ page }) => {
    const marker = `Kunjungan tanpa jejak ${uniqueTag()}`;
    const { facilitator, session } = await logSession(`${marker}: pendampingan penyusunan jurnal membaca.`);

    await signIn(page, DEMO.principal);
    await openMentoring(page);
    await page.getByRole('radiogroup', { name: 'Tampilkan sesi' }).getByText('Menunggu konfirmasi').click();
    await expect(page.getByRole('radio', { name: 'Menunggu konfirmasi' })).toBeChecked();
    await openSession(page, marker);

    await page.getByRole('button', { name: 'Sanggah sesi' }).click();
    await page.getByRole('button', { name: 'Kirim sanggahan' }).click();
    const reason = page.getByLabel('Alasan sanggahan');
    await expect(reason).toHaveAccessibleDescription(/Alasan sanggahan wajib diisi/);
    await expect(reason).toBeFocused();
    await expectAccessible(page, 'dispute with a missing reason');

    const why = 'Tidak ada kunjungan pada tanggal itu: sekolah libur karena banjir.';
    await reason.fill(why);
    await page.getByRole('button', { name: 'Kirim sanggahan' }).click();
    await expect(page.getByText('Sesi ini disanggah sekolah')).toBeVisible();
    await expect(page.getByText(`Alasan: ${why}`)).toBeVisible();
    await expectAccessible(page, 'disputed session');

    const after = await facilitator.get(`/mentoring/sessions/${session.id}`);
    expect(after).toMatchObject({ confirmation: 'disputed', disputeReason: why });
  });
});

test("the principal marks the school's follow-up done", async ({ page }) => {
  const marker = `Evaluasi pojok baca ${uniqueTag()}`;
  const { facilitator, session } = await logSession(`${marker}: evaluasi bulanan.`);
  const description = `Kirim foto pojok baca setiap kelas ke fasilitator (${marker})`;
  const action = await facilitator.post('/mentoring/actions', { sessionId: session.id, description, ownerSide: 'school', dueDate: daysAgo(-14) });

  await signIn(page, DEMO.principal);
  await openMentoring(page);
  await page.getByRole('tab', { name: 'Tindak lanjut sekolah' }).click();
  const item = page.getByRole('article', { name: description });
  await expect(item.getByText('Terbuka')).toBeVisible();
  await expectAccessible(page, 'school follow-ups');

  await item.getByRole('button', { name: 'Tandai selesai' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tandai tindak lanjut ini selesai?' });
  await expect(dialog.getByText(description)).toBeVisible();
  await dialog.getByRole('button', { name: 'Ya, sudah selesai' }).click();
  await expect(page.getByText('Tindak lanjut ditandai selesai.')).toBeVisible();
  await expect(item).toHaveCount(0);

  await page.getByRole('radiogroup', { name: 'Tampilkan tindak lanjut' }).getByText('Selesai').click();
  await expect(page.getByRole('radio', { name: 'Selesai' })).toBeChecked();
  await expect(page.getByRole('article', { name: description }).getByText('Selesai', { exact: true })).toBeVisible();
  await expectAccessible(page, 'follow-ups done');

  // The follow-up is also on its session's page.
  await page.getByRole('article', { name: description }).getByRole('link', { name: /Dari sesi/ }).click();
  await expect(page.getByRole('region', { name: 'Tindak lanjut dari sesi ini' }).getByText(description)).toBeVisible();

  const after = await facilitator.get(`/mentoring/actions/${action.id}`);
  expect(after.status).toBe('done');
});
