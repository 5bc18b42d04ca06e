import type { Page } from '@playwright/test';
import { apiAs, baseURL, DEMO, expect as baseExpect, expectAccessible, PDF_MINIMAL, PHONE, PNG_1x1, signIn, test, type ApiCaller, uniqueTag } from './support/fixtures';

// The machine the journeys run on is shared and often slow: wait longer for what the user sees (never on the clock).
const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 45_000, navigationTimeout: 60_000 });

/** Whole rupiah the way the portal writes them: "Rp 1.250.000". */
const rupiah = (digits: string | number) => `Rp ${new Intl.NumberFormat('id-ID').format(BigInt(digits))}`;
// The browser's today (the tests run in Asia/Makassar, WITA), as the forms fill it in.
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Makassar' });

/**
 * The company's own corner of the demo for one test: a new program of PT Trakindo Utama with SDN
 * Pelambuan 4 as partner, a 2019 year (envelope Rp 100.000.000) with the school's approved plan, and
 * a closed 2018 year with an approved plan too. Years before the demo's current grants, so the
 * principal's own journeys (which read the newest grant) never meet these records.
 */
interface World {
  tag: string;
  csr: ApiCaller;
  principal: ApiCaller;
  programName: string;
  programId: string;
  partnershipId: string;
  schoolName: string;
  year: { id: string };
  closedYear: { id: string };
  plan: { id: string; lineIds: string[] };
}

const planContent = (tag: string) => ({
  programs: [
    {
      topic: 'literacy',
      name: `Literasi ${tag}`,
      goal: 'Siswa kelas 1–3 membaca lancar',
      activities: [{ name: 'Membaca 15 menit setiap pagi', startMonth: 2, endMonth: 11, personResponsible: 'Guru kelas' }],
      budgetLines: [
        { item: 'Buku bacaan anak', quantity: 100, unitCost: '50000', fundingSource: 'stimulus_grant' },
        { item: 'Pelatihan guru membaca terbimbing', quantity: 1, unitCost: '20000000', fundingSource: 'stimulus_grant' },
        { item: 'Rak buku kelas', quantity: 2, unitCost: '1000000', fundingSource: 'school_budget_bos' },
      ],
      indicators: [{ name: 'Siswa kelas 1–3 yang lancar membaca', baseline: '40', target: '75', unit: '%' }],
    },
  ],
});

async function approvedPlan(csr: ApiCaller, principal: ApiCaller, programYearId: string, title: string, tag: string) {
  const plan = await principal.post<{ id: string }>('/plans', { programYearId, title, content: planContent(tag) });
  await principal.post(`/plans/${plan.id}/submit`);
  const approved = await csr.post<{ id: string; content: { programs: Array<{ budgetLines: Array<{ id: string; fundingSource: string }> }> } }>(`/plans/${plan.id}/approve`);
  return { id: approved.id, lineIds: approved.content.programs[0].budgetLines.filter((b) => b.fundingSource === 'stimulus_grant').map((b) => b.id) };
}

async function world(): Promise<World> {
  const tag = uniqueTag();
  const [csr, principal] = await Promise.all([apiAs(DEMO.csr), apiAs(DEMO.principal)]);
  const me = await principal.get<{ organization: { id: string; name: string } }>('/auth/me');
  const programName = `Program Uji Hibah ${tag}`;
  const program = await csr.post<{ id: string }>('/programs', { name: programName, startYear: 2018 });
  const year = await csr.post<{ id: string }>(`/programs/${program.id}/years`, { year: 2019, theme: `Literasi ${tag}`, budgetEnvelope: '100000000' });
  const closedYear = await csr.post<{ id: string }>(`/programs/${program.id}/years`, { year: 2018, theme: `Tahun tutup ${tag}`, budgetEnvelope: '50000000' });
  const partnership = await csr.post<{ id: string }>('/partnerships', { programId: program.id, schoolId: me.organization.id, status: 'active', startedOn: '2018-01-08' });
  const plan = await approvedPlan(csr, principal, year.id, `Rencana Literasi 2019 ${tag}`, tag);
  await approvedPlan(csr, principal, closedYear.id, `Rencana 2018 ${tag}`, tag);
  for (const status of ['running', 'evaluating', 'closed']) await csr.post(`/programs/${program.id}/years/${closedYear.id}/status`, { status });
  await csr.post(`/programs/${program.id}/years/${year.id}/status`, { status: 'running' });
  return { tag, csr, principal, programName, programId: program.id, partnershipId: partnership.id, schoolName: me.organization.name, year, closedYear, plan };
}

/** A grant of the world's 2019 year, awarded through the API. */
async function awarded(w: World, amount: string, extra: Record<string, unknown> = {}) {
  return w.csr.post<{ id: string; version: number }>('/grants', { planId: w.plan.id, awardedAmount: amount, fundedBudgetLineIds: w.plan.lineIds, conditions: ['Setiap belanja disertai kuitansi'], ...extra });
}

async function uploadAs(caller: ApiCaller, path: string, name: string, type: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${baseURL()}/api/v1${path}`, { method: 'POST', headers: { Authorization: `Bearer ${caller.token}` }, body: form });
  if (!res.ok) throw new Error(`upload to ${path}: ${res.status} ${await res.text()}`);
}

// Each journey sets up its own program, years and plans through the API first: on a busy machine that takes a while.
test.describe.configure({ timeout: 360_000 });

async function openGrant(page: Page, grantId: string) {
  await page.goto(`/grants/${grantId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Hibah Stimulus 2019' })).toBeVisible();
}

test('the CSR officer awards a grant within the year’s envelope: a closed year and an award over the envelope are refused, saying what to do', async ({ page }) => {
  const w = await world();
  await signIn(page, DEMO.csr);
  await page.goto('/grants');
  await expect(page.getByRole('heading', { level: 1, name: 'Dana Hibah Stimulus' })).toBeVisible();
  await expectAccessible(page, 'the company’s grants');
  await page.getByRole('link', { name: 'Beri hibah' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beri hibah stimulus' })).toBeVisible();

  await page.getByLabel('Kemitraan (sekolah)').selectOption({ label: `${w.schoolName} · ${w.programName}` });
  // A closed year: the envelope says so, and the API's refusal is shown on the form.
  await page.getByLabel('Tahun program').selectOption({ label: `2018 · Tahun tutup ${w.tag} (sudah ditutup)` });
  const envelope = page.getByRole('region', { name: 'Pagu anggaran tahun ini' });
  await expect(envelope.getByText('Tahun ini sudah ditutup')).toBeVisible();
  await page.getByLabel('Nilai hibah (Rp)').fill('1.000.000');
  await page.getByRole('button', { name: 'Simpan hibah' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'sudah ditutup dan hanya-baca' })).toBeVisible();

  // The running year: envelope and room left before saving; the plan's grant-funded lines ticked.
  await page.getByLabel('Tahun program').selectOption({ label: `2019 · Literasi ${w.tag}` });
  await expect(envelope.getByText(rupiah('100000000'), { exact: true }).first()).toBeVisible();
  await expect(envelope.getByText('Sisa pagu')).toBeVisible();
  await expect(page.getByText(`Rencana Literasi 2019 ${w.tag}`)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Buku bacaan anak/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Rak buku kelas/ })).toHaveCount(0);
  await expectAccessible(page, 'award form');

  // Over the envelope: refused at the amount field, naming the room left.
  await page.getByLabel('Nilai hibah (Rp)').fill('150.000.000');
  await page.getByLabel('Ketentuan hibah').fill('Setiap belanja disertai kuitansi\nSisa dana dikembalikan paling lambat 15 Desember');
  await page.getByRole('button', { name: 'Simpan hibah' }).click();
  const amount = page.getByRole('textbox', { name: 'Nilai hibah (Rp)' });
  await expect(amount).toHaveAccessibleDescription(/sisa pagu hanya Rp 100\.000\.000/);
  await expect(page.getByText('Turunkan nilai hibah sampai paling banyak sisa pagu')).toBeVisible();
  expect((await w.csr.get<{ items: unknown[] }>(`/grants?programYearId=${w.year.id}`)).items).toHaveLength(0);

  await amount.fill('60.000.000');
  await page.getByRole('button', { name: 'Simpan hibah' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hibah Stimulus 2019' })).toBeVisible();
  const money = page.getByRole('region', { name: 'Ringkasan dana' });
  await expect(money.getByText(rupiah('60000000'), { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Sisa dana dikembalikan paling lambat 15 Desember')).toBeVisible();
  const grants = (await w.csr.get<{ items: Array<{ id: string; awardedAmount: string; conditions: string[] }> }>(`/grants?programYearId=${w.year.id}`)).items;
  expect(grants).toHaveLength(1);
  expect(grants[0]).toMatchObject({ awardedAmount: '60000000', conditions: ['Setiap belanja disertai kuitansi', 'Sisa dana dikembalikan paling lambat 15 Desember'] });
  const yearNow = await w.csr.get<{ budgetRemaining: string }>(`/programs/${w.programId}/years/${w.year.id}`);
  expect(yearNow.budgetRemaining).toBe('40000000');

  // The list reads its filters from the URL, with the API's parameter names, and keeps them there.
  await page.goto(`/grants?programYearId=${w.year.id}`);
  await expect(page.getByLabel('Tahun program')).toHaveValue(w.year.id);
  await expect(page.getByRole('link', { name: `Hibah 2019 · ${w.programName}` })).toHaveCount(1);
  await page.getByLabel('Status').selectOption({ label: 'Selesai' });
  await expect(page).toHaveURL(new RegExp(`programYearId=${w.year.id}.*status=closed|status=closed.*programYearId=${w.year.id}`));
  await expect(page.getByText('Tidak ada hibah yang cocok dengan saringan ini.')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Ditetapkan' });
  await expect(page.getByRole('link', { name: `Hibah 2019 · ${w.programName}` })).toBeVisible();
  await expectAccessible(page, 'filtered grants');

  // Another organisation's record (or none) typed into the URL: the friendly not-found page.
  await page.goto('/grants/00000000-0000-4000-8000-00000000dead');
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
});

test('a tranche is recorded once whatever the clicks and retries, one over the award is refused, a mistaken one reversed, the rest settled and the grant cancelled', async ({ page }) => {
  const w = await world();
  const grant = await awarded(w, '60000000');
  await signIn(page, DEMO.csr);
  await openGrant(page, grant.id);

  await page.getByRole('button', { name: 'Catat pencairan' }).click();
  let dialog = page.getByRole('dialog', { name: 'Catat pencairan termin' });
  await expect(dialog.getByText('Masih dapat dicairkan')).toBeVisible();
  await expect(dialog.getByText(rupiah('60000000'), { exact: true })).toBeVisible();
  await expectAccessible(page, 'disbursement form');

  // Over the award: refused at the amount, saying how much is left.
  await dialog.getByLabel('Jumlah termin (Rp)').fill('70.000.000');
  await dialog.getByLabel('Nomor referensi transfer').fill(`TRF-${w.tag}-1`);
  await dialog.getByRole('button', { name: 'Simpan pencairan' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Jumlah termin (Rp)' })).toHaveAccessibleDescription(/kirim paling banyak Rp 60\.000\.000/);

  // A double click sends one tranche: the same Idempotency-Key, fixed when the form opened.
  const keys: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/grants/${grant.id}/disbursements`)) keys.push(r.headers()['idempotency-key']);
  });
  await dialog.getByLabel('Jumlah termin (Rp)').fill('20.000.000');
  await dialog.getByRole('button', { name: 'Simpan pencairan' }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Termin 1', { exact: true })).toBeVisible();
  expect(new Set(keys).size).toBe(1);

  // Sending the same request again (a retry of the same form) replays the first answer: still one tranche.
  const again = await w.csr.raw('POST', `/grants/${grant.id}/disbursements`, { amount: '20000000', disbursedOn: today(), transferReference: `TRF-${w.tag}-1` }, { 'Idempotency-Key': keys[0] });
  expect(again.status).toBe(201);
  expect(again.headers.get('idempotency-replayed')).toBe('true');

  // The answer of the second tranche is lost on the way back; pressing Save again records it once.
  let dropped = false;
  await page.route(`**/api/v1/grants/${grant.id}/disbursements`, async (route) => {
    if (route.request().method() !== 'POST' || dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: 'Catat pencairan' }).click();
  dialog = page.getByRole('dialog', { name: 'Catat pencairan termin' });
  await expect(dialog.getByText(rupiah('40000000'), { exact: true })).toBeVisible();
  await dialog.getByLabel('Jumlah termin (Rp)').fill('15.000.000');
  await dialog.getByLabel('Nomor referensi transfer').fill(`TRF-${w.tag}-2`);
  await dialog.getByRole('button', { name: 'Simpan pencairan' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Tidak dapat terhubung ke server' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Simpan pencairan' }).click();
  await expect(dialog).toBeHidden();
  await page.unroute(`**/api/v1/grants/${grant.id}/disbursements`);
  const tranches = (await w.csr.get<{ items: Array<{ kind: string; trancheNumber: number; amount: string }> }>(`/grants/${grant.id}/disbursements`)).items;
  expect(tranches.map((d) => [d.kind, d.trancheNumber, d.amount])).toEqual([
    ['tranche', 1, '20000000'],
    ['tranche', 2, '15000000'],
  ]);

  // Tranche 2 was a mistake: reversed with a reason, never edited.
  await page.getByRole('button', { name: 'Batalkan termin 2' }).click();
  dialog = page.getByRole('dialog', { name: 'Batalkan termin 2' });
  await dialog.getByRole('button', { name: 'Batalkan termin' }).click();
  await expect(dialog.getByText('Alasan pembatalan wajib diisi')).toBeVisible();
  await dialog.getByLabel('Alasan pembatalan').fill('Tercatat dua kali: bank hanya sekali mentransfer.');
  await dialog.getByRole('button', { name: 'Batalkan termin' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Pembatalan termin 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Batalkan termin 2' })).toHaveCount(0);

  // The ledger with the running balance at the school.
  const ledger = page.getByRole('region', { name: 'Riwayat dana' });
  await expect(ledger.getByText('Pembatalan pencairan')).toBeVisible();
  const rows = ledger.getByRole('row');
  await expect(rows.filter({ hasText: 'Pencairan termin' }).first()).toContainText(rupiah('20000000'));
  // Reversing tranche 2 takes its Rp 15.000.000 off again: the balance at the school is back at Rp 20.000.000.
  await expect(rows.filter({ hasText: 'Pembatalan pencairan' })).toContainText(`−${rupiah('15000000')}`);
  await expect(rows.filter({ hasText: 'Pembatalan pencairan' })).toContainText(rupiah('20000000'));
  const money = page.getByRole('region', { name: 'Ringkasan dana' });
  await expect(money.getByText(rupiah('40000000'), { exact: true }).first()).toBeVisible();

  // Cancelling while money is at the school is refused, saying what to do.
  await page.getByRole('button', { name: 'Batalkan hibah' }).click();
  dialog = page.getByRole('dialog', { name: 'Batalkan hibah' });
  await dialog.getByLabel('Alasan pembatalan').fill('Sekolah menunda program literasinya.');
  await dialog.getByRole('button', { name: 'Batalkan hibah' }).click();
  await expect(dialog.getByRole('alert')).toContainText('selesaikan sisanya dulu');
  await dialog.getByRole('button', { name: 'Batal', exact: true }).click();

  // The unspent Rp 20.000.000 goes back to the company; then the grant can be cancelled.
  await page.getByRole('button', { name: 'Selesaikan sisa dana' }).click();
  dialog = page.getByRole('dialog', { name: 'Selesaikan sisa dana di sekolah' });
  await expect(dialog.getByLabel('Dikembalikan ke perusahaan (Rp)')).toHaveValue('20.000.000');
  await dialog.getByLabel('Catatan keputusan').fill('Disepakati dengan kepala sekolah: sisa dana dikembalikan.');
  await dialog.getByRole('button', { name: 'Simpan penyelesaian' }).click();
  await expect(dialog).toBeHidden();
  await expect(ledger.getByText('Dana dikembalikan', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Batalkan hibah' }).click();
  dialog = page.getByRole('dialog', { name: 'Batalkan hibah' });
  await dialog.getByLabel('Alasan pembatalan').fill('Sekolah menunda program literasinya.');
  await dialog.getByRole('button', { name: 'Batalkan hibah' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Hibah ini dibatalkan')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Catat pencairan' })).toHaveCount(0);
  await expectAccessible(page, 'a cancelled grant');
  expect((await w.csr.get<{ status: string }>(`/grants/${grant.id}`)).status).toBe('cancelled');
});

test('a stale edit shows the newer values and keeps the officer’s own change to apply again (English)', async ({ page }) => {
  const w = await world();
  const grant = await awarded(w, '30000000');
  await signIn(page, DEMO.csr);
  try {
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await page.goto(`/grants/${grant.id}`);
    await expect(page.getByRole('heading', { level: 1, name: /2019/ })).toBeVisible();
    await page.getByRole('button', { name: 'Edit grant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit grant' });
    await expect(dialog.getByLabel('Grant amount (Rp)')).toHaveValue('30.000.000');

    // Meanwhile a colleague changes the conditions.
    await w.csr.patch(`/grants/${grant.id}`, { version: grant.version, conditions: ['Kuitansi asli disimpan sekolah'] });

    await dialog.getByLabel('Grant amount (Rp)').fill('35.000.000');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const conflict = dialog.getByRole('alert').filter({ hasText: 'someone else saved this grant' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('Kuitansi asli disimpan sekolah');
    await expect(dialog.getByLabel('Grant amount (Rp)')).toHaveValue('35.000.000');
    await expectAccessible(page, 'a stale edit in English');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    const after = await w.csr.get<{ awardedAmount: string; conditions: string[] }>(`/grants/${grant.id}`);
    expect(after).toMatchObject({ awardedAmount: '35000000', conditions: ['Kuitansi asli disimpan sekolah'] });
    await expect(page.getByRole('region', { name: 'Money at a glance' }).getByText('Rp 35.000.000', { exact: true }).first()).toBeVisible();
  } finally {
    await w.csr.patch('/auth/me', { locale: 'id' });
  }
});

test('on a phone the officer reviews an expense report line by line with its receipts inline, and accepts part of it', async ({ page }) => {
  const w = await world();
  const grant = await awarded(w, '30000000');
  await w.csr.post(`/grants/${grant.id}/disbursements`, { amount: '10000000', disbursedOn: today(), transferReference: `TRF-${w.tag}` }, { 'Idempotency-Key': `k-${w.tag}` });
  const [books, training] = w.plan.lineIds;
  const report = await w.principal.post<{ id: string; lines: Array<{ id: string }> }>(`/grants/${grant.id}/expense-reports`, {
    title: `Laporan termin 1 ${w.tag}`,
    trancheNumber: 1,
    lines: [
      { spentOn: today(), description: 'Buku cerita bergambar 40 judul', budgetLineId: books, amount: '2000000' },
      { spentOn: today(), description: 'Honor narasumber pelatihan', budgetLineId: training, amount: '1500000' },
    ],
  });
  const path = `/grants/${grant.id}/expense-reports/${report.id}`;
  await uploadAs(w.principal, `${path}/lines/${report.lines[0].id}/receipts`, 'nota-buku.png', 'image/png', PNG_1x1);
  await uploadAs(w.principal, `${path}/lines/${report.lines[1].id}/receipts`, 'kuitansi-honor.pdf', 'application/pdf', PDF_MINIMAL);
  await w.principal.post(`${path}/submit`);

  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.csr);
  await openGrant(page, grant.id);
  await page.getByRole('region', { name: 'Laporan pengeluaran' }).getByRole('link', { name: `Laporan termin 1 ${w.tag}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Periksa laporan' })).toBeVisible();
  const line1 = page.getByRole('article', { name: 'Baris 1: Buku cerita bergambar 40 judul' });
  const line2 = page.getByRole('article', { name: 'Baris 2: Honor narasumber pelatihan' });
  await expect(line1.getByRole('img', { name: 'Foto kuitansi nota-buku.png' })).toBeVisible();
  await expect(line2.getByRole('link', { name: 'Buka kuitansi PDF kuitansi-honor.pdf' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page, 'reviewing a report on a phone');

  // Every line needs a decision; returning needs a reason.
  await page.getByRole('button', { name: 'Terima laporan' }).click();
  await expect(line1.getByText('Pilih terima atau tolak untuk baris 1.')).toBeVisible();
  await line1.getByRole('radio', { name: 'Terima' }).check({ force: true });
  await line2.getByRole('radio', { name: 'Tolak' }).check({ force: true });
  await line2.getByLabel('Catatan untuk baris 2').fill('Kuitansi tanpa tanda tangan narasumber.');
  await expect(page.getByRole('region', { name: 'Ringkasan pemeriksaan' })).toContainText('Rp 2.000.000');
  await page.getByRole('button', { name: 'Kembalikan ke sekolah' }).click();
  await expect(page.getByText('Tuliskan alasan pengembalian')).toBeVisible();

  await page.getByRole('button', { name: 'Terima laporan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Laporan termin 1 ${w.tag}` })).toBeVisible();
  await expect(page.getByText('Diterima', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Catatan pemeriksa: Kuitansi tanpa tanda tangan narasumber.')).toBeVisible();
  const after = await w.csr.get<{ status: string; acceptedAmount: string; lines: Array<{ review: string }> }>(path);
  expect(after).toMatchObject({ status: 'accepted', acceptedAmount: '2000000' });
  expect(after.lines.map((l) => l.review)).toEqual(['accepted', 'rejected']);
  await expectAccessible(page, 'a reviewed report on a phone');
});
