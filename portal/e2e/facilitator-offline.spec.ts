import type { Page } from '@playwright/test';
import { apiAs, DEMO, expect, expectAccessible, PNG_1x1, signIn, test, uniqueTag, type ApiCaller } from './support/fixtures';
import { daysAgo, demoAssignment } from './support/mentoring';

// Long journeys (sign-in, installing the app, two forms, a reload, sending) on a shared, slow machine.
test.slow();

interface SessionItem {
  id: string;
  notes: string | null;
  evidenceDocumentIds: string[];
}

/** The facilitator's sessions under the assignment whose notes carry `tag`, as the server has them. */
async function sessionsTagged(facilitator: ApiCaller, assignmentId: string, tag: string): Promise<SessionItem[]> {
  const { items } = await facilitator.get<{ items: SessionItem[] }>(`/mentoring/sessions?assignmentId=${assignmentId}&limit=100`);
  return items.filter((s) => s.notes?.includes(tag));
}

/** Fills the session form as the facilitator does on a phone in the field. */
async function fillSession(page: Page, assignmentId: string, notes: string, parents: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Catat sesi pendampingan' })).toBeVisible({ timeout: 45_000 });
  await page.getByRole('combobox', { name: 'Sekolah', exact: true }).selectOption(assignmentId);
  await page.getByRole('textbox', { name: 'Tanggal', exact: true }).fill(daysAgo(1));
  await page.getByRole('combobox', { name: 'Bentuk kegiatan' }).selectOption('visit');
  await page.getByRole('combobox', { name: 'Topik' }).selectOption('parenting');
  await page.getByRole('textbox', { name: 'Orang tua' }).fill(parents);
  await page.getByRole('textbox', { name: 'Kepala sekolah' }).fill('1');
  await page.getByRole('textbox', { name: 'Catatan' }).fill(notes);
}

test('without a connection the facilitator logs two sessions (one with a photo); they survive a reload offline and reach the server exactly once', async ({ page, context }) => {
  const tag = `Luring ${uniqueTag()}`;
  const facilitator = await apiAs(DEMO.facilitator);
  const assignmentId = await demoAssignment(facilitator);

  await signIn(page, DEMO.facilitator);
  await page.goto('/mentoring');
  await expect(page.getByRole('heading', { level: 1, name: 'Sekolah dampingan saya' })).toBeVisible({ timeout: 45_000 });
  // The app is installed: its service worker runs this page and has kept what it needs to open offline.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect.poll(() => page.evaluate(async () => (await (await caches.open('jalin-offline-session')).match('/api/v1/auth/me')) !== undefined)).toBe(true);
  await page.getByRole('link', { name: 'Catat sesi', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catat sesi pendampingan' })).toBeVisible({ timeout: 45_000 });

  // In the field: no signal.
  await context.setOffline(true);
  await fillSession(page, assignmentId, `${tag} A: kelas parenting bersama orang tua kelas 1.`, '14');
  await page.getByLabel('Foto kegiatan').setInputFiles({ name: 'kelas-parenting.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await expect(page.getByText('Foto: kelas-parenting.png')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  const waiting = page.getByRole('region', { name: /^Menunggu dikirim/ });
  await expect(waiting.getByRole('article').filter({ hasText: `${tag} A` }).getByText('Menunggu dikirim')).toBeVisible();

  await page.getByRole('link', { name: 'Catat sesi', exact: true }).click();
  await fillSession(page, assignmentId, `${tag} B: rapat komite sekolah membahas jadwal piket orang tua.`, '6');
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(waiting.getByRole('article').filter({ hasText: `${tag} B` })).toBeVisible();
  await expect(waiting).toContainText('Menunggu dikirim (2)');

  // Reloaded without a connection: the page still opens (from the service worker), the sessions are still waiting.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sekolah dampingan saya' })).toBeVisible({ timeout: 45_000 });
  for (const which of ['A', 'B']) await expect(waiting.getByRole('article').filter({ hasText: `${tag} ${which}` }).getByText('Menunggu dikirim')).toBeVisible();
  await expect(waiting.getByRole('article').filter({ hasText: `${tag} A` })).toContainText('dengan foto');
  await expectAccessible(page, 'sessions waiting offline');
  expect(await sessionsTagged(facilitator, assignmentId, tag)).toHaveLength(0);

  // The connection comes back: both are sent, once, the photo with its session.
  await context.setOffline(false);
  await expect(waiting).toHaveCount(0, { timeout: 45_000 });
  await expect.poll(async () => (await sessionsTagged(facilitator, assignmentId, tag)).length).toBe(2);
  const sent = await sessionsTagged(facilitator, assignmentId, tag);
  const a = sent.find((s) => s.notes?.includes(`${tag} A`));
  const b = sent.find((s) => s.notes?.includes(`${tag} B`));
  expect(a?.evidenceDocumentIds).toHaveLength(1);
  expect(b?.evidenceDocumentIds).toHaveLength(0);
  const detail = await facilitator.get(`/mentoring/sessions/${a!.id}`);
  expect(detail).toMatchObject({ mode: 'visit', topic: 'parenting', heldOn: daysAgo(1), attendees: { counts: { parents: 14, principal: 1 } }, evidence: [{ filename: 'kelas-parenting.png' }] });

  // Sending again (a reload online runs the sender once more) makes nothing twice.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sekolah dampingan saya' })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('link', { name: new RegExp(`Kunjungan sekolah · .* · `) }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: /^Menunggu dikirim/ })).toHaveCount(0);
  const again = await sessionsTagged(facilitator, assignmentId, tag);
  expect(again).toHaveLength(2);
  expect(again.find((s) => s.id === a!.id)?.evidenceDocumentIds).toHaveLength(1);
});

test('a session kept on the device is sent once even when the send is retried after its answer was lost', async ({ page, context }) => {
  const tag = `Ulang ${uniqueTag()}`;
  const facilitator = await apiAs(DEMO.facilitator);
  const assignmentId = await demoAssignment(facilitator);
  await signIn(page, DEMO.facilitator);
  await page.goto(`/mentoring/sessions/new?assignmentId=${assignmentId}`);
  await expect(page.getByRole('combobox', { name: 'Sekolah', exact: true })).toHaveValue(assignmentId);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await context.setOffline(true);
  await fillSession(page, assignmentId, `${tag}: kunjungan rumah dua siswa.`, '2');
  await page.getByLabel('Foto kegiatan').setInputFiles({ name: 'kunjungan.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(page.getByRole('region', { name: /^Menunggu dikirim/ }).getByRole('article').filter({ hasText: tag })).toBeVisible();
  // Another device (or a send whose answer never arrived) already delivered it with the same key.
  const item = await page.evaluate(
    () =>
      new Promise<{ key: string; session: Record<string, unknown> }>((resolve, reject) => {
        const open = indexedDB.open('jalin-mentoring');
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => resolve(req.result[0]);
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  const first = await facilitator.post('/mentoring/sessions', item.session, { 'Idempotency-Key': item.key });
  await context.setOffline(false);
  await expect(page.getByRole('region', { name: /^Menunggu dikirim/ })).toHaveCount(0, { timeout: 45_000 });
  const sent = await sessionsTagged(facilitator, assignmentId, tag);
  expect(sent.map((s) => s.id)).toEqual([first.id]);
  expect(sent[0].evidenceDocumentIds).toHaveLength(1);
});
