import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { apiAs, DEMO, expect, expectAccessible, PHONE, PNG_1x1, signIn, test, type ApiCaller } from './support/fixtures';

// The principal's program plans (SDN Pelambuan 4 in Generasi Trakindo). This file is the only one that
// changes the demo's 2025 and 2026 plans: the 2026 plan (in review, with the facilitator's comments) is
// sent back for changes through the API and resubmitted in the browser; the 2025 plan (in progress)
// gets progress with a photo and is completed.

const PLAN_2025 = '00000000-0000-4000-8000-0000a1250000';
const PLAN_2026 = '00000000-0000-4000-8000-0000a1260000';

interface Plan {
  id: string;
  status: string;
  version: number;
  content: {
    workshop: { reflectionNotes: string | null };
    programs: Array<{ activities: Array<{ id: string; name: string; personResponsible: string | null }>; indicators: Array<{ id: string; name: string }>; budgetLines: Array<{ standard: string | null; accountCode: string | null; spendingMonth: number | null }> }>;
  };
}
interface Comment {
  id: string;
  body: string;
  fieldPath: string | null;
  replies: Comment[];
}

let principal: ApiCaller;
let facilitator: ApiCaller;

test.beforeAll(async () => {
  principal = await apiAs(DEMO.principal);
  facilitator = await apiAs(DEMO.facilitator);
});

/** The facilitator sends the 2026 plan back to the school (it must be waiting for review). */
async function changesRequestedOn2026(comment: string): Promise<void> {
  const plan = (await principal.get(`/plans/${PLAN_2026}`)) as Plan;
  if (plan.status === 'submitted') await facilitator.post(`/plans/${PLAN_2026}/request-changes`, { comment });
  expect(((await principal.get(`/plans/${PLAN_2026}`)) as Plan).status).toBe('changes_requested');
}

async function open2026(page: Page): Promise<void> {
  await page.goto(`/plans/${PLAN_2026}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rencana Program 2026: Kesehatan Mental Siswa' })).toBeVisible();
}

test('the principal reads the facilitator’s comment on the 2026 plan at its field and answers it', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Rencana program' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rencana program' })).toBeVisible();
  const card2024 = page.getByRole('listitem').filter({ hasText: 'Rencana Program 2024' });
  await expect(card2024.getByText('Selesai', { exact: true })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Rencana Program 2025' }).getByText('Sedang berjalan')).toBeVisible();
  await expectAccessible(page, 'the list of plans');

  await page.getByRole('link', { name: 'Buka rencana 2026: Rencana Program 2026: Kesehatan Mental Siswa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rencana Program 2026: Kesehatan Mental Siswa' })).toBeVisible();
  await expect(page.getByText('Diajukan, sedang ditelaah')).toBeVisible();

  // The facilitator's comment sits on the indicator's target it is about.
  const indicator = page.getByRole('group', { name: 'Indikator 1' });
  await expect(indicator.getByText('Target', { exact: true })).toBeVisible();
  const thread = indicator.getByRole('region', { name: /^Komentar pada: Program 1 \(Sehat Jiwa di Sekolah\) › Indikator 1 .* › Target$/ });
  await expect(thread).toContainText('Skrining 100% siswa kelas 3–6 dalam dua bulan berat');
  await expect(thread).toContainText('Dewi Lestari');
  await expectAccessible(page, 'the submitted 2026 plan');

  const answer = `Baik Bu Dewi, skrining kelas 3–4 kami jadwalkan di semester 2 (${Date.now()}).`;
  await thread.getByRole('button', { name: /^Balas komentar Dewi Lestari/ }).click();
  await thread.getByLabel(/^Balasan untuk Dewi Lestari/).fill(answer);
  await thread.getByRole('button', { name: 'Kirim balasan' }).click();
  // Sent: the reply box closes and the answer stands in the thread, under the facilitator's comment.
  await expect(thread.getByLabel(/^Balasan untuk/)).toHaveCount(0);
  await expect(thread.getByText(answer)).toBeVisible();

  const threads = ((await principal.get(`/plans/${PLAN_2026}/comments`)) as { items: Comment[] }).items;
  const onTarget = threads.find((c) => c.fieldPath === 'content.programs[0].indicators[0].target');
  expect(onTarget?.replies.map((r) => r.body)).toContain(answer);
});

test('with changes requested, a missing field is named where it is, fixed, and the plan resubmitted; the new version shows the change', async ({ page }) => {
  await changesRequestedOn2026('Mohon rinci kegiatan skrining: sebutkan kelas sasarannya dan penanggung jawabnya.');
  const before = (await principal.get(`/plans/${PLAN_2026}`)) as Plan;
  const oldName = before.content.programs[0].activities[1].name;
  const newName = `Skrining siswa kelas 5–6 (v${before.version})`;

  await signIn(page, DEMO.principal);
  await open2026(page);
  await expect(page.getByText('Perlu perbaikan', { exact: true })).toBeVisible();
  await expect(page.getByText('Penelaah meminta perbaikan.')).toBeVisible();
  await expectAccessible(page, 'the 2026 plan form');

  await page.getByRole('button', { name: 'Berikutnya' }).click();
  await page.getByRole('button', { name: 'Berikutnya' }).click();
  await expect(page.getByRole('heading', { name: 'Langkah 3 dari 6: Kegiatan' })).toBeVisible();
  const activity = page.getByRole('group', { name: 'Kegiatan 2' });
  const name = activity.getByLabel('Nama kegiatan');
  const responsible = activity.getByLabel('Penanggung jawab');

  // An empty activity name is refused at once, at the field.
  await name.fill('');
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Wajib diisi.');
  const problems = page.getByRole('alert').filter({ hasText: 'Beberapa isian perlu diperbaiki' });
  await expect(problems).toContainText('Program 1 (Sehat Jiwa di Sekolah) › Kegiatan 2 › Nama kegiatan: Wajib diisi.');
  await expect(name).toBeFocused();

  // Named again, but without anyone responsible: the draft saves, the submission does not.
  await name.fill(newName);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await responsible.fill('');
  await page.getByRole('button', { name: 'Sebelumnya' }).click();
  await expect(page.getByRole('heading', { name: 'Langkah 2 dari 6: Program' })).toBeVisible();
  await page.getByRole('button', { name: 'Ajukan ulang' }).click();
  await expect(problems).toContainText(`Kegiatan 2 (${newName}) › Penanggung jawab: Sebutkan siapa penanggung jawab kegiatan ini.`);
  await expect(page.getByRole('heading', { name: 'Langkah 3 dari 6: Kegiatan' })).toBeVisible();
  await expect(responsible).toBeFocused();
  await expect(responsible).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the form with a completeness problem');

  await responsible.fill('Guru BK dengan psikolog puskesmas');
  await expect(responsible).not.toHaveAttribute('aria-invalid', 'true');

  // For the RKAS the school's treasurer re-keys into ARKAS: the first budget line's standard, account code and month.
  await page.getByRole('button', { name: 'Berikutnya' }).click();
  await page.getByRole('button', { name: 'Berikutnya' }).click();
  await expect(page.getByRole('heading', { name: 'Langkah 5 dari 6: Anggaran' })).toBeVisible();
  const line = page.getByRole('group', { name: 'Baris anggaran 1' }).first();
  await line.getByLabel('Standar (SNP)').selectOption({ label: 'Standar Sarana dan Prasarana' });
  await line.getByLabel('Kode rekening (ARKAS)').selectOption('5.1.02.01.01.0024');
  await line.getByLabel('Bulan belanja').selectOption({ label: 'Juli' });
  await page.getByRole('button', { name: 'Ajukan ulang' }).click();
  await expect(page.getByText('Rencana sudah diajukan untuk ditelaah.')).toBeVisible();
  await expect(page.getByText('Diajukan, sedang ditelaah')).toBeVisible();
  const after = (await principal.get(`/plans/${PLAN_2026}`)) as Plan;
  expect(after.status).toBe('submitted');
  expect(after.content.programs[0].activities[1]).toMatchObject({ id: before.content.programs[0].activities[1].id, name: newName, personResponsible: 'Guru BK dengan psikolog puskesmas' });
  expect(after.content.programs[0].budgetLines[0]).toMatchObject({ standard: 'sarana_prasarana', accountCode: '5.1.02.01.01.0024', spendingMonth: 7 });

  // The versions: the new one waits for review; the diff against the one before shows the new name.
  await page.getByRole('link', { name: 'Versi & perubahan' }).click();
  await expect(page.getByRole('heading', { name: 'Versi yang diajukan' })).toBeVisible();
  const versions = (await principal.get(`/plans/${PLAN_2026}/versions`)) as { items: Array<{ number: number }> };
  const newest = versions.items[versions.items.length - 1].number;
  await expect(page.getByRole('listitem').filter({ hasText: `Versi ${newest}` })).toContainText('Menunggu telaah');
  await expect(page.getByLabel('Versi baru')).toHaveValue(String(newest));
  const changes = page.getByRole('table', { name: `Perubahan dari Versi ${newest - 1} ke Versi ${newest}` });
  const row = changes.getByRole('row', { name: new RegExp(`Kegiatan 2 \\(${newName.replace(/[()]/g, '\\$&')}\\) › Nama kegiatan`) });
  await expect(row).toContainText(oldName);
  await expect(row).toContainText(newName);
  await expect(row).toContainText('Diubah');
  await expectAccessible(page, 'the versions and their diff');

  // Any two versions: the first against the newest.
  await page.getByLabel('Versi lama').selectOption('1');
  await expect(page.getByRole('table', { name: `Perubahan dari Versi 1 ke Versi ${newest}` })).toContainText('Orang tua yang hadir dalam pertemuan');
});

test('the plan and its budget for the RKAS download as PDF, CSV and Excel', async ({ page }) => {
  await signIn(page, DEMO.principal);
  await page.goto(`/plans/${PLAN_2025}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rencana Program 2025: Sekolah Ramah Anak' })).toBeVisible();

  const take = async (item: string) => {
    await page.getByRole('button', { name: 'Unduh' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
    return file;
  };
  const pdf = await take('Rencana (PDF)');
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');

  const csv = await take('Anggaran (CSV)');
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text).toContain('Uraian');
  expect(text).toContain('Honor narasumber disiplin positif');

  const xlsx = await take('Anggaran (Excel)');
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the principal reports the 2025 activities with a photo and the indicators’ results, then completes the plan', async ({ page }) => {
    const plan = (await principal.get(`/plans/${PLAN_2025}`)) as Plan;
    const third = plan.content.programs[0].activities[2];

    await signIn(page, DEMO.principal);
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Rencana program' }).click();
    await page.getByRole('link', { name: /^Buka rencana 2025/ }).click();
    await expect(page.getByText('Sedang berjalan').first()).toBeVisible();
    await page.getByRole('link', { name: 'Laporkan kemajuan' }).click();
    await expect(page.getByText('Kegiatan: 1 selesai, 1 berjalan, dari 3')).toBeVisible();
    await expectAccessible(page, 'the progress page on a phone');

    // The third activity, not started yet: under way, with a photo taken on the phone.
    const card = page.getByRole('article', { name: third.name });
    await card.getByRole('radio', { name: 'Sedang berjalan' }).check();
    await card.getByLabel('Catatan kemajuan').fill('Kotak curhat terpasang di 6 kelas; konselor sebaya piket tiap Jumat.');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.getByRole('button', { name: /Bukti \(foto atau PDF\)/ }).click()]);
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles({ name: 'kotak-curhat.png', mimeType: 'image/png', buffer: PNG_1x1 });
    await card.getByRole('button', { name: `Simpan kemajuan ${third.name}` }).click();
    await expect(page.getByText(`Kemajuan "${third.name}" tersimpan.`)).toBeVisible();
    await expect(card.getByRole('button', { name: 'Lihat bukti: kotak-curhat.png' })).toBeVisible();
    await expect(page.getByText('Kegiatan: 1 selesai, 2 berjalan, dari 3')).toBeVisible();
    const progress = (await principal.get(`/plans/${PLAN_2025}/progress`)) as { activities: Array<{ activityId: string; status: string; evidence: { filename: string } | null }> };
    expect(progress.activities.find((a) => a.activityId === third.id)).toMatchObject({ status: 'in_progress', evidence: { filename: 'kotak-curhat.png' } });

    // Completing before every indicator has its result is refused, at the indicator.
    await page.getByRole('button', { name: 'Selesaikan rencana' }).click();
    await page.getByRole('dialog', { name: 'Selesaikan rencana' }).getByRole('button', { name: 'Ya, selesaikan' }).click();
    const first = page.getByRole('article', { name: plan.content.programs[0].indicators[0].name });
    const value = first.getByLabel('Nilai yang dicapai (%)');
    await expect(value).toHaveAccessibleDescription('Nilai yang dicapai belum dilaporkan.');

    await value.fill('72,5');
    await first.getByRole('button', { name: /^Simpan hasil/ }).click();
    await expect(page.getByText('Indikator dengan hasil: 1 dari 2')).toBeVisible();
    const second = page.getByRole('article', { name: plan.content.programs[0].indicators[1].name });
    await second.getByLabel('Nilai yang dicapai (%)').fill('85');
    await second.getByLabel('Catatan hasil').fill('Rekap kotak curhat Januari–November.');
    await second.getByRole('button', { name: /^Simpan hasil/ }).click();
    await expect(page.getByText('Indikator dengan hasil: 2 dari 2')).toBeVisible();

    await page.getByRole('button', { name: 'Selesaikan rencana' }).click();
    await page.getByRole('dialog', { name: 'Selesaikan rencana' }).getByRole('button', { name: 'Ya, selesaikan' }).click();
    await expect(page.getByText('Rencana sudah diselesaikan. Terima kasih!')).toBeVisible();
    await expect(page.getByText('Selesai', { exact: true }).first()).toBeVisible();
    expect(((await principal.get(`/plans/${PLAN_2025}`)) as Plan).status).toBe('completed');
    const results = (await principal.get(`/plans/${PLAN_2025}/progress`)) as { indicators: Array<{ achievedValue: string | null }> };
    expect(results.indicators.map((i) => i.achievedValue)).toEqual(['72.5', '85']);
    await expectAccessible(page, 'the completed plan’s progress');
  });
});

test('a dropped connection loses nothing: typed offline, saved once back online; a closed page offers the device copy', async ({ page, context }) => {
  await changesRequestedOn2026('Mohon lengkapi refleksi dengan data catatan wali kelas 2025.');
  await signIn(page, DEMO.principal);
  await open2026(page);
  const reflection = page.getByLabel('Refleksi kondisi sekolah dan program sebelumnya');
  await expect(reflection).toBeVisible();

  // Offline: the save cannot reach the server, and says so; the words stay in the form.
  const offlineText = `Catatan wali kelas 2025: 27 siswa menarik diri (${Date.now()}).`;
  await context.setOffline(true);
  await reflection.fill(offlineText);
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByText('Tidak ada koneksi internet. Isian Anda tetap tersimpan di perangkat ini.')).toBeVisible();
  await context.setOffline(false);
  await expect(reflection).toHaveValue(offlineText);
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByText(/^Semua perubahan tersimpan/)).toBeVisible();
  await expect.poll(async () => ((await principal.get(`/plans/${PLAN_2026}`)) as Plan).content.workshop.reflectionNotes).toBe(offlineText);

  // The connection drops while saving, and the page is closed: on return the device offers what was typed.
  await page.route('**/api/v1/plans/*', (route) => (route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue()));
  const keptText = `${offlineText} Orang tua jarang hadir di pertemuan kelas.`;
  await reflection.fill(keptText);
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByText(/^Tidak ada koneksi internet\./)).toBeVisible();
  await page.reload();
  const offer = page.getByRole('alert').filter({ hasText: 'Ada isian yang belum terkirim' });
  await expect(offer).toBeVisible();
  await expect(reflection).toHaveValue(offlineText);
  await expectAccessible(page, 'the form offering the device copy');
  await offer.getByRole('button', { name: 'Pulihkan isian' }).click();
  await expect(reflection).toHaveValue(keptText);

  await page.unroute('**/api/v1/plans/*');
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByText(/^Semua perubahan tersimpan/)).toBeVisible();
  await expect.poll(async () => ((await principal.get(`/plans/${PLAN_2026}`)) as Plan).content.workshop.reflectionNotes).toBe(keptText);
});
