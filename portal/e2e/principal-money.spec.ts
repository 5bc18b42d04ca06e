import type { Locator, Page } from '@playwright/test';
import { apiAs, baseURL, DEMO, expect as baseExpect, expectAccessible, PDF_MINIMAL, PHONE, PNG_1x1, signIn, test, type ApiCaller, uniqueTag } from './support/fixtures';

// The machine the journeys run on is shared and often slow: wait longer for what the user sees (never on the clock).
const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 45_000, navigationTimeout: 60_000 });
test.describe.configure({ timeout: 240_000 });

/** Whole rupiah the way the portal writes them: "Rp 1.250.000". */
const rupiah = (digits: string | number) => `Rp ${new Intl.NumberFormat('id-ID').format(BigInt(digits))}`;
// The browser's today (the tests run in Asia/Makassar, WITA), as the forms fill it in.
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Makassar' });

interface BudgetLine {
  budgetLineId: string;
  item: string;
  programTitle: string | null;
}

/** The school's current grant (the newest one still open for expense reports) and its funded budget lines. */
async function currentGrant(principal: ApiCaller) {
  const { items } = await principal.get<{ items: Array<{ id: string; status: string; programYear: { year: number }; balanceAtSchool: string; disbursedAmount: string }> }>('/grants');
  const grant = items.filter((g) => !['closed', 'cancelled'].includes(g.status)).sort((a, b) => b.programYear.year - a.programYear.year)[0];
  expect(grant, 'the demo school has an open grant').toBeTruthy();
  const ledger = await principal.get<{ reconciliation: { budgetLines: BudgetLine[] } }>(`/grants/${grant.id}/ledger`);
  const { items: tranches } = await principal.get<{ items: Array<{ kind: string; trancheNumber: number; amount: string; reversedById: string | null }> }>(`/grants/${grant.id}/disbursements`);
  return { grant, budgetLines: ledger.reconciliation.budgetLines, tranches: tranches.filter((d) => d.kind === 'tranche') };
}

/** How the budget line is offered in the form's list. */
const optionOf = (b: BudgetLine) => (b.programTitle ? `${b.item} (${b.programTitle})` : b.item);

async function uploadAs(caller: ApiCaller, path: string, name: string, type: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${baseURL()}/api/v1${path}`, { method: 'POST', headers: { Authorization: `Bearer ${caller.token}` }, body: form });
  if (!res.ok) throw new Error(`upload to ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Chooses a receipt for a line through the phone's file picker (camera or PDF). */
async function addReceipt(page: Page, line: Locator, n: number, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await line.getByRole('button', { name: `Tambah kuitansi baris ${n}` }).click();
  const picker = await chooser;
  expect(await picker.element().getAttribute('accept')).toBe('image/*,application/pdf');
  await picker.setFiles(file);
}

async function openGrantFromMenu(page: Page, year: number) {
  // On a phone the menu sits behind the menu button.
  if ((page.viewportSize()?.width ?? 1366) < 768) await page.getByRole('button', { name: 'Buka menu' }).click();
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Dana stimulus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dana Hibah Stimulus' })).toBeVisible();
  await expectAccessible(page, 'grants list');
  await page.getByRole('link', { name: new RegExp(`^Hibah ${year} ·`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hibah Stimulus ${year}` })).toBeVisible();
}

// The test reports this file submits are returned at the end, so the grant is left with nothing of ours waiting for review.
const submittedHere: Array<{ grantId: string; reportId: string }> = [];
test.afterAll(async () => {
  if (submittedHere.length === 0) return;
  const csr = await apiAs(DEMO.csr);
  for (const { grantId, reportId } of submittedHere) {
    const r = await csr.get<{ status: string; lines: Array<{ id: string }> }>(`/grants/${grantId}/expense-reports/${reportId}`);
    if (r.status !== 'submitted') continue;
    await csr.post(`/grants/${grantId}/expense-reports/${reportId}/review`, {
      decision: 'return',
      reason: 'Laporan uji peramban',
      lines: r.lines.map((l) => ({ lineId: l.id, review: 'rejected', note: 'Laporan uji' })),
    });
  }
});

test('the principal opens the current grant and sees its tranches and the balance at the school', async ({ page }) => {
  const principal = await apiAs(DEMO.principal);
  const { grant, tranches } = await currentGrant(principal);
  await signIn(page, DEMO.principal);
  await openGrantFromMenu(page, grant.programYear.year);

  const money = page.getByRole('region', { name: 'Ringkasan dana' });
  await expect(money.getByText('Saldo di sekolah')).toBeVisible();
  await expect(money.getByText(rupiah(grant.balanceAtSchool), { exact: true }).first()).toBeVisible();
  await expect(money.getByText(rupiah(grant.disbursedAmount), { exact: true }).first()).toBeVisible();

  const trancheList = page.getByRole('region', { name: 'Pencairan dana (termin)' });
  for (const d of tranches) {
    await expect(trancheList.getByText(`Termin ${d.trancheNumber}`, { exact: true })).toBeVisible();
    await expect(trancheList.getByText(rupiah(d.amount))).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Riwayat dana' }).getByRole('row', { name: /Pencairan termin/ }).first()).toBeVisible();
  await expectAccessible(page, 'grant');
});

test('the principal writes an expense report with two lines and receipts, fixes a bad amount and submits it', async ({ page }) => {
  const principal = await apiAs(DEMO.principal);
  const { grant, budgetLines } = await currentGrant(principal);
  const title = `Laporan belanja literasi ${uniqueTag()}`;
  await signIn(page, DEMO.principal);
  await page.goto(`/grants/${grant.id}`);
  await page.getByRole('link', { name: 'Buat laporan pengeluaran' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan pengeluaran baru' })).toBeVisible();
  await expectAccessible(page, 'new expense report');

  await page.getByLabel('Judul laporan').fill(title);
  const line1 = page.getByRole('group', { name: 'Baris 1' });
  await line1.getByLabel('Baris anggaran').selectOption({ label: optionOf(budgetLines[0]) });
  await line1.getByLabel('Uraian belanja').fill('Honor narasumber sesi disiplin positif');
  await line1.getByLabel('Tanggal belanja').fill(today());
  await line1.getByLabel('Jumlah (Rp)').fill('1.250.000');
  await addReceipt(page, line1, 1, { name: 'kuitansi-narasumber.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await expect(line1.getByText('kuitansi-narasumber.png')).toBeVisible();

  await page.getByRole('button', { name: 'Tambah baris belanja' }).click();
  const line2 = page.getByRole('group', { name: 'Baris 2' });
  await line2.getByLabel('Baris anggaran').selectOption({ label: optionOf(budgetLines[budgetLines.length - 1]) });
  await line2.getByLabel('Uraian belanja').fill('Cetak banner kesepakatan kelas');
  await addReceipt(page, line2, 2, { name: 'nota-banner.pdf', mimeType: 'application/pdf', buffer: PDF_MINIMAL });

  // No amount yet: the form says so at the field.
  await page.getByRole('button', { name: 'Simpan laporan' }).click();
  await expect(line2.getByLabel('Jumlah (Rp)')).toHaveAccessibleDescription(/Jumlah \(Rp\) wajib diisi/);
  await expect(line2.getByLabel('Jumlah (Rp)')).toBeFocused();

  // Zero rupiah: the API refuses it, and its refusal is shown at the same field.
  await line2.getByLabel('Jumlah (Rp)').fill('0');
  await page.getByRole('button', { name: 'Simpan laporan' }).click();
  await expect(line2.getByLabel('Jumlah (Rp)')).toHaveAccessibleDescription(/lebih dari 0/);
  await expect(page.getByRole('alert').filter({ hasText: 'Beberapa isian perlu diperbaiki' })).toBeVisible();
  await expectAccessible(page, 'expense report with a refused amount');

  await line2.getByLabel('Jumlah (Rp)').fill('350000');
  await expect(page.getByRole('region', { name: 'Total belanja' })).toContainText('Rp 1.600.000');
  await page.getByRole('button', { name: 'Simpan laporan' }).click();

  // Saved: the report as the server has it, with both receipts.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/grants/${grant.id}/reports/[0-9a-f-]{36}$`));
  await expect(page.getByRole('button', { name: 'Unduh kuitansi kuitansi-narasumber.png' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unduh kuitansi nota-banner.pdf' })).toBeVisible();
  await expect(page.getByText('Total yang tersimpan di server: Rp 1.600.000')).toBeVisible();
  await expectAccessible(page, 'draft expense report');

  await page.getByRole('button', { name: 'Kirim untuk diperiksa' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kirim laporan untuk diperiksa?' });
  await dialog.getByRole('button', { name: 'Ya, kirim' }).click();
  await expect(page.getByText('Laporan sudah dikirim dan sedang menunggu pemeriksaan')).toBeVisible();
  await expectAccessible(page, 'submitted expense report');

  const reportId = page.url().split('/').at(-1) as string;
  submittedHere.push({ grantId: grant.id, reportId });
  const saved = await principal.get(`/grants/${grant.id}/expense-reports/${reportId}`);
  expect(saved).toMatchObject({ title, status: 'submitted', totalAmount: '1600000', lineCount: 2 });
  expect(saved.lines.map((l: { amount: string; receipts: unknown[] }) => [l.amount, l.receipts.length])).toEqual([
    ['1250000', 1],
    ['350000', 1],
  ]);
});

test('the principal reads why the CSR officer returned a report, corrects the line and sends it again', async ({ page }) => {
  const principal = await apiAs(DEMO.principal);
  const csr = await apiAs(DEMO.csr);
  const { grant, budgetLines } = await currentGrant(principal);
  const title = `Laporan dikembalikan ${uniqueTag()}`;
  const report = await principal.post(`/grants/${grant.id}/expense-reports`, {
    title,
    lines: [
      { spentOn: today(), description: 'Snack rapat komite', budgetLineId: budgetLines[0].budgetLineId, amount: '200000' },
      { spentOn: today(), description: 'Spanduk kelas tanpa perundungan', budgetLineId: budgetLines[budgetLines.length - 1].budgetLineId, amount: '450000' },
    ],
  });
  const base = `/grants/${grant.id}/expense-reports/${report.id}`;
  for (const line of report.lines) await uploadAs(principal, `${base}/lines/${line.id}/receipts`, 'nota.png', 'image/png', PNG_1x1);
  await principal.post(`${base}/submit`);
  const note = 'Nota spanduk tidak terbaca; unggah foto yang lebih jelas dan sesuaikan jumlahnya dengan nota.';
  const reason = 'Baris 2 perlu diperbaiki sebelum laporan dapat diterima.';
  await csr.post(`${base}/review`, {
    decision: 'return',
    reason,
    lines: [
      { lineId: report.lines[0].id, review: 'accepted' },
      { lineId: report.lines[1].id, review: 'rejected', note },
    ],
  });
  submittedHere.push({ grantId: grant.id, reportId: report.id });

  await signIn(page, DEMO.principal);
  await page.goto(`/grants/${grant.id}`);
  const reports = page.getByRole('region', { name: 'Laporan pengeluaran' });
  await expect(reports.getByText('Dikembalikan untuk diperbaiki').first()).toBeVisible();
  await reports.getByRole('link', { name: title }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Laporan dikembalikan untuk diperbaiki').first()).toBeVisible();
  await expect(page.getByText(reason)).toBeVisible();
  const line2 = page.getByRole('group', { name: 'Baris 2' });
  await expect(line2.getByText('Ditolak')).toBeVisible();
  await expect(line2.getByText(note)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Baris 1' }).getByText('Diterima')).toBeVisible();
  await expectAccessible(page, 'returned expense report');

  await line2.getByLabel('Jumlah (Rp)').fill('425.000');
  await addReceipt(page, line2, 2, { name: 'nota-spanduk-jelas.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await expect(page.getByRole('button', { name: 'Unduh kuitansi nota-spanduk-jelas.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Kirim ulang untuk diperiksa' }).click();
  await page.getByRole('dialog', { name: 'Kirim laporan untuk diperiksa?' }).getByRole('button', { name: 'Ya, kirim' }).click();
  await expect(page.getByText('Laporan sudah dikirim dan sedang menunggu pemeriksaan')).toBeVisible();

  const after = await principal.get(base);
  expect(after.status).toBe('submitted');
  expect(after.lines[1]).toMatchObject({ amount: '425000', review: 'pending' });
  expect(after.lines[1].receipts).toHaveLength(2);
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('a dropped connection while writing a report loses nothing, and a retry creates it once', async ({ page, context }) => {
    const principal = await apiAs(DEMO.principal);
    const { grant, budgetLines } = await currentGrant(principal);
    const title = `Laporan sinyal lemah ${uniqueTag()}`;
    await signIn(page, DEMO.principal);
    await openGrantFromMenu(page, grant.programYear.year);
    await page.getByRole('link', { name: 'Buat laporan pengeluaran' }).click();

    await page.getByLabel('Judul laporan').fill(title);
    const line1 = page.getByRole('group', { name: 'Baris 1' });
    await line1.getByLabel('Baris anggaran').selectOption({ label: optionOf(budgetLines[0]) });
    await line1.getByLabel('Uraian belanja').fill('Fotokopi lembar kesepakatan kelas');
    await line1.getByLabel('Jumlah (Rp)').fill('75000');
    await addReceipt(page, line1, 1, { name: 'foto-nota.png', mimeType: 'image/png', buffer: PNG_1x1 });
    await expectAccessible(page, 'new expense report on a phone');

    // The signal drops: the request never leaves the phone, and nothing typed is lost.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Simpan laporan' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Tidak dapat terhubung ke server' })).toBeVisible();
    await expect(page.getByLabel('Judul laporan')).toHaveValue(title);
    await context.setOffline(false);

    // Even a reload keeps the typing and the chosen photo on the device.
    await page.reload();
    await expect(page.getByText('Isian dipulihkan')).toBeVisible();
    await expect(page.getByLabel('Judul laporan')).toHaveValue(title);
    await expect(line1.getByLabel('Uraian belanja')).toHaveValue('Fotokopi lembar kesepakatan kelas');
    await expect(line1.getByText('foto-nota.png')).toBeVisible();

    // The report reaches the server but the answer is lost on the way back: the retry must not create a second one.
    await page.route(`**/api/v1/grants/${grant.id}/expense-reports`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('internetdisconnected');
    }, { times: 1 });
    await page.getByRole('button', { name: 'Simpan laporan' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Tidak dapat terhubung ke server' })).toBeVisible();
    await page.getByRole('button', { name: 'Simpan laporan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unduh kuitansi foto-nota.png' })).toBeVisible();
    await expectAccessible(page, 'saved expense report on a phone');
    const { items } = await principal.get<{ items: Array<{ title: string; totalAmount: string }> }>(`/grants/${grant.id}/expense-reports`);
    expect(items.filter((r) => r.title === title)).toEqual([expect.objectContaining({ totalAmount: '75000' })]);
  });
});

test('a page closed a moment after typing still keeps what was typed on the device', async ({ page }) => {
  const principal = await apiAs(DEMO.principal);
  const { grant } = await currentGrant(principal);
  const title = `Laporan tutup cepat ${uniqueTag()}`;
  await page.clock.install();
  await signIn(page, DEMO.principal);
  await page.goto(`/grants/${grant.id}/reports/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan pengeluaran baru' })).toBeVisible();

  // The page's timers stand still: the usual save a moment after typing never comes, so only
  // leaving the page can keep the typing.
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByLabel('Judul laporan').fill(title);
  await page.reload();
  await page.clock.resume();
  await expect(page.getByText('Isian dipulihkan')).toBeVisible();
  await expect(page.getByLabel('Judul laporan')).toHaveValue(title);
  await page.getByRole('button', { name: /^Buang isian ini/ }).click();
  await expect(page.getByLabel('Judul laporan')).toHaveValue('');
});
