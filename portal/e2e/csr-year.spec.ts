import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { apiAs, baseURL, DEMO, expect as baseExpect, PDF_MINIMAL, PNG_1x1, signIn, test, type ApiCaller, uniqueTag } from './support/fixtures';

// One journey through the 2026 year of Generasi Trakindo, as the demo's CSR officer in the portal:
// request schools from the education office, accept the one it recommends, make the partnership
// active with a signed MoU, approve the school's plan, award and disburse the grant, review the
// expense report, assign a facilitator, run and publish the competition, and download the portfolio.
// The other people's steps (the office's recommendation, the principal's plan and report, the
// judge's scores) go through the API, as they do them in their own portals (their own journeys
// test those screens). Each step's details and refusals are tested in the csr-* journeys; this one
// proves the steps chain up for one new school.

const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 45_000, navigationTimeout: 60_000 });
// A whole year in one journey, on a shared and often busy machine: a generous bound, never a timing.
test.describe.configure({ timeout: 900_000 });

const PROGRAM = '00000000-0000-4000-8000-000000000801';
const BANJARMASIN_OFFICE = '00000000-0000-4000-8000-000000000301';
const OFFICE_NAME = 'Dinas Pendidikan Kota Banjarmasin';
const COMPANY = 'PT Trakindo Utama';
const JUDGE_NAME = 'Dr. Bambang Sutrisno (Juri)';
const DAY = 86_400_000;

/** Whole rupiah the way the portal writes them: "Rp 1.250.000". */
const rupiah = (digits: string | number) => `Rp ${new Intl.NumberFormat('id-ID').format(BigInt(digits))}`;
/** A calendar date in the browser's zone (the tests run in Asia/Makassar, WITA). */
const localDay = (offset = 0) => new Date(Date.now() + offset * DAY).toLocaleDateString('sv-SE', { timeZone: 'Asia/Makassar' });
/** A datetime-local value of an instant in the browser's zone. */
const localInput = (ms: number) => new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Makassar' }).slice(0, 16).replace(' ', 'T');

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await (download as Download).path()) };
}

async function upload(caller: ApiCaller, path: string, name: string, type: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${baseURL()}/api/v1${path}`, { method: 'POST', headers: { Authorization: `Bearer ${caller.token}` }, body: form });
  if (!res.ok) throw new Error(`upload to ${path}: ${res.status} ${await res.text()}`);
}

async function menu(page: Page, name: string, heading: string) {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('the CSR officer runs the 2026 year of Generasi Trakindo for a new school, from the request to the published competition and the portfolio', async ({ page }) => {
  const tag = uniqueTag();
  const [admin, csr, officer, facilitator, judge] = await Promise.all([apiAs(DEMO.admin), apiAs(DEMO.csr), apiAs(DEMO.officer), apiAs(DEMO.facilitator), apiAs(DEMO.judge)]);
  const year = (await csr.get<{ items: Array<{ id: string; year: number; theme: string | null; budgetRemaining: string }> }>(`/programs/${PROGRAM}/years`)).items.find((y) => y.year === 2026);
  if (!year) throw new Error('Generasi Trakindo has no 2026 year');
  expect(BigInt(year.budgetRemaining)).toBeGreaterThanOrEqual(15_000_000n);

  // A school of Banjarmasin that has no partner yet, with its principal.
  const schoolName = `SDN Jalin Setahun ${tag}`;
  const school = await admin.post<{ id: string }>('/organizations', { type: 'school', name: schoolName, npsn: String(30_000_000 + Math.floor(Math.random() * 60_000_000)), schoolLevel: 'SD', regionCode: '63.71', needs: ['literacy'] });
  const principalEmail = `kepsek.setahun.${tag}@sekolah.example`;
  const principalPassword = `Setahun-${tag}-Jalin!`;
  await admin.post('/users', { organizationId: school.id, email: principalEmail, fullName: `Kepala Sekolah ${tag}`, role: 'principal', password: principalPassword });
  const principal = await apiAs(principalEmail, principalPassword);

  await signIn(page, DEMO.csr);

  // 1. Request schools from the education office.
  await menu(page, 'Permintaan mitra', 'Permintaan sekolah mitra');
  await page.getByRole('link', { name: 'Buat permintaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Permintaan sekolah mitra baru' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Dinas pendidikan' }).fill('Banjarmasin');
  await page.getByRole('option', { name: OFFICE_NAME }).click();
  await page.getByLabel('Jumlah sekolah').fill('1');
  await page.getByRole('checkbox', { name: 'Literasi' }).check();
  await page.getByLabel('Catatan kebutuhan').fill(`Satu SD untuk literasi 2026 (${tag})`);
  await page.getByLabel('Program CSR').selectOption({ label: 'Generasi Trakindo' });
  await page.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Permintaan ke ${OFFICE_NAME}` })).toBeVisible();
  const requestId = page.url().split('/').pop() as string;
  expect((await csr.get<{ educationOffice: { id: string } }>(`/partner-requests/${requestId}`)).educationOffice.id).toBe(BANJARMASIN_OFFICE);

  // The office recommends the school (in its own portal).
  await officer.post(`/partner-requests/${requestId}/recommendations`, { recommendations: [{ schoolId: school.id, rank: 1, rationale: `Belum punya mitra; literasi kebutuhan utama (${tag}).` }] });

  // 2. Accept it: the school becomes a prospective partner of Generasi Trakindo in one step.
  await page.reload();
  await page.getByRole('button', { name: `Terima ${schoolName}` }).click();
  await page.getByRole('dialog', { name: `Terima ${schoolName}?` }).getByRole('button', { name: 'Terima sekolah' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sekolah diterima' })).toContainText(`${schoolName} kini calon mitra dalam Generasi Trakindo.`);

  // 3. The partnership becomes active.
  await menu(page, 'Program', 'Program CSR');
  await page.getByRole('link', { name: 'Daftar kemitraan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kemitraan' })).toBeVisible();
  await page.getByLabel('Program', { exact: true }).selectOption({ label: 'Generasi Trakindo' });
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Calon mitra' });
  await page.getByRole('link', { name: schoolName }).click();
  await expect(page.getByRole('heading', { level: 1, name: schoolName })).toBeVisible();
  await page.getByRole('button', { name: 'Ubah status kemitraan' }).click();
  const status = page.getByRole('dialog', { name: 'Ubah status kemitraan' });
  await status.getByLabel('Status baru').selectOption({ label: 'Aktif' });
  await status.getByRole('button', { name: 'Simpan status' }).click();
  await expect(status).toBeHidden();
  const partnershipId = page.url().split('/').pop() as string;

  // 4. The MoU: drafted from the partnership, submitted, signed scan uploaded, signed by both.
  await page.getByRole('link', { name: 'Susun MoU' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Susun MoU baru' })).toBeVisible();
  await expect(page.getByLabel('Organisasi pihak 2')).toHaveValue(school.id);
  await page.getByLabel('Nomor MoU').fill(`GT/2026/${tag}`);
  await page.getByLabel('Judul').fill(`MoU Generasi Trakindo ${tag}`);
  await page.getByLabel('Ruang lingkup').fill('Rencana program, dana stimulus, pendampingan dan kompetisi inovasi.');
  await page.getByLabel('Mulai berlaku').fill(localDay(-1));
  await page.getByLabel('Berlaku sampai').fill(localDay(3 * 365));
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `MoU Generasi Trakindo ${tag}` })).toBeVisible();
  const mouId = page.url().split('/').pop() as string;
  await page.getByRole('button', { name: 'Ajukan untuk ditandatangani' }).click();
  await expect(page.getByText('Menunggu tanda tangan').first()).toBeVisible();
  const documents = page.getByRole('region', { name: 'Dokumen' });
  const chooser = page.waitForEvent('filechooser');
  await documents.getByRole('button', { name: 'Pilih dan unggah berkas' }).click();
  await (await chooser).setFiles({ name: 'mou-ditandatangani.pdf', mimeType: 'application/pdf', buffer: PDF_MINIMAL });
  await expect(documents.getByRole('button', { name: /mou-ditandatangani\.pdf/ })).toBeVisible();
  await page.getByRole('button', { name: `Tanda tangani atas nama ${COMPANY}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(COMPANY) })).toContainText('Ditandatangani');
  await principal.post(`/mous/${mouId}/sign`);
  await page.reload();
  await expect(page.getByText('Berlaku', { exact: true }).first()).toBeVisible();

  // The principal writes and submits the 2026 plan (in the school's portal).
  const planTitle = `Rencana Literasi 2026 ${tag}`;
  const plan = await principal.post<{ id: string }>('/plans', {
    programYearId: year.id,
    title: planTitle,
    content: {
      programs: [
        {
          topic: 'literacy',
          name: `Pojok Baca ${tag}`,
          goal: 'Siswa kelas 1–3 membaca lancar',
          activities: [{ name: 'Membaca 15 menit setiap pagi', startMonth: 2, endMonth: 11, personResponsible: 'Guru kelas' }],
          indicators: [{ name: 'Siswa kelas 1–3 yang lancar membaca', baseline: '40', target: '70', unit: '%' }],
          budgetLines: [
            { item: 'Buku cerita bergambar', quantity: 100, unitCost: '50000', fundingSource: 'stimulus_grant' },
            { item: 'Pelatihan guru membaca terbimbing', quantity: 1, unitCost: '5000000', fundingSource: 'stimulus_grant' },
          ],
        },
      ],
    },
  });
  await principal.post(`/plans/${plan.id}/submit`);

  // 5. Review and approve the plan from the queue.
  await menu(page, 'Rencana program', 'Rencana program');
  await page.getByLabel('Tahun program').selectOption({ label: 'Generasi Trakindo 2026' });
  await page.getByRole('region', { name: 'Menunggu keputusan' }).getByRole('link', { name: `Buka rencana 2026: ${planTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: planTitle })).toBeVisible();
  await page.getByRole('button', { name: 'Setujui rencana' }).click();
  await page.getByRole('dialog', { name: 'Setujui rencana' }).getByRole('button', { name: 'Ya, setujui' }).click();
  await expect(page.getByRole('alert', { name: 'Rencana disetujui dan dibekukan' })).toBeVisible();

  // 6. Award the grant within the year's envelope and record the first tranche.
  await menu(page, 'Dana stimulus', 'Dana Hibah Stimulus');
  await page.getByRole('link', { name: 'Beri hibah' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beri hibah stimulus' })).toBeVisible();
  await page.getByLabel('Kemitraan (sekolah)').selectOption({ label: `${schoolName} · Generasi Trakindo` });
  await page.getByLabel('Tahun program').selectOption({ value: year.id });
  await expect(page.getByRole('region', { name: 'Pagu anggaran tahun ini' }).getByText('Sisa pagu')).toBeVisible();
  await expect(page.getByText(planTitle)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Buku cerita bergambar/ })).toBeChecked();
  await page.getByLabel('Nilai hibah (Rp)').fill('10.000.000');
  await page.getByRole('button', { name: 'Simpan hibah' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hibah Stimulus 2026' })).toBeVisible();
  const grantId = /\/grants\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  await page.getByRole('button', { name: 'Catat pencairan' }).click();
  const tranche = page.getByRole('dialog', { name: 'Catat pencairan termin' });
  await expect(tranche.getByText(rupiah('10000000'), { exact: true })).toBeVisible();
  await tranche.getByLabel('Jumlah termin (Rp)').fill('6.000.000');
  await tranche.getByLabel('Nomor referensi transfer').fill(`TRF-${tag}`);
  await tranche.getByRole('button', { name: 'Simpan pencairan' }).click();
  await expect(tranche).toBeHidden();
  await expect(page.getByText('Termin 1', { exact: true })).toBeVisible();

  // The principal reports the spending with receipts (in the school's portal).
  const grant = await principal.get<{ fundedBudgetLineIds: string[] }>(`/grants/${grantId}`);
  const report = await principal.post<{ id: string; lines: Array<{ id: string }> }>(`/grants/${grantId}/expense-reports`, {
    title: `Laporan termin 1 ${tag}`,
    trancheNumber: 1,
    lines: [
      { spentOn: localDay(), description: 'Buku cerita bergambar 100 judul', budgetLineId: grant.fundedBudgetLineIds[0], amount: '4500000' },
      { spentOn: localDay(), description: 'Honor narasumber membaca terbimbing', budgetLineId: grant.fundedBudgetLineIds[1], amount: '1000000' },
    ],
  });
  const reportPath = `/grants/${grantId}/expense-reports/${report.id}`;
  await upload(principal, `${reportPath}/lines/${report.lines[0].id}/receipts`, 'nota-buku.png', 'image/png', PNG_1x1);
  await upload(principal, `${reportPath}/lines/${report.lines[1].id}/receipts`, 'kuitansi-honor.pdf', 'application/pdf', PDF_MINIMAL);
  await principal.post(`${reportPath}/submit`);

  // 7. Review the expense report line by line and accept it.
  await page.reload();
  await page.getByRole('region', { name: 'Laporan pengeluaran' }).getByRole('link', { name: `Laporan termin 1 ${tag}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Periksa laporan' })).toBeVisible();
  await page.getByRole('article', { name: 'Baris 1: Buku cerita bergambar 100 judul' }).getByRole('radio', { name: 'Terima' }).check({ force: true });
  await page.getByRole('article', { name: 'Baris 2: Honor narasumber membaca terbimbing' }).getByRole('radio', { name: 'Terima' }).check({ force: true });
  await page.getByRole('button', { name: 'Terima laporan' }).click();
  await expect(page.getByText('Diterima', { exact: true }).first()).toBeVisible();
  expect((await csr.get<{ status: string; acceptedAmount: string }>(reportPath))).toMatchObject({ status: 'accepted', acceptedAmount: '5500000' });

  // 8. Assign the facilitator for the year.
  const dewi = (await facilitator.get<{ user: { id: string; fullName: string } }>('/auth/me')).user;
  await menu(page, 'Pendampingan', 'Pendampingan sekolah');
  await page.getByRole('link', { name: 'Tugaskan fasilitator' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tugaskan fasilitator' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Tahun program' }).selectOption(year.id);
  await page.getByRole('combobox', { name: 'Fasilitator' }).selectOption(dewi.id);
  await page.getByRole('combobox', { name: 'Sekolah mitra' }).selectOption(school.id);
  await page.getByRole('textbox', { name: 'Rencana jumlah sesi' }).fill('8');
  await page.getByRole('textbox', { name: 'Rencana jam pendampingan' }).fill('20');
  await page.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: schoolName })).toBeVisible();
  await expect(page.getByText(`${dewi.fullName} · Generasi Trakindo 2026`)).toBeVisible();

  // 9. The competition: created with its rubric, opened, the school's entry judged, the results published.
  const title = `Lomba Inovasi Setahun ${tag}`;
  const now = Date.now();
  await menu(page, 'Kompetisi', 'Kompetisi inovasi');
  await page.getByRole('link', { name: 'Buat kompetisi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Buat kompetisi' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption(PROGRAM);
  await page.getByRole('combobox', { name: 'Tahun program' }).selectOption(year.id);
  await page.getByLabel('Nama kompetisi').fill(title);
  await page.getByLabel('Pendaftaran dibuka').fill(localInput(now - DAY));
  await page.getByLabel('Batas pengiriman karya').fill(localInput(now + 30 * DAY));
  await page.getByLabel('Penjurian berakhir').fill(localInput(now + 60 * DAY));
  await page.getByLabel('Nama kategori 1').fill('Literasi');
  await page.getByLabel('Nama kriteria 1').fill('Kebaruan');
  await page.getByLabel('Bobot kriteria 1 (%)').fill('60');
  await page.getByLabel('Nilai tertinggi kriteria 1').fill('20');
  await page.getByRole('button', { name: 'Tambah kriteria' }).click();
  await page.getByLabel('Nama kriteria 2').fill('Dampak bagi siswa');
  await page.getByLabel('Bobot kriteria 2 (%)').fill('40');
  await page.getByLabel('Nilai tertinggi kriteria 2').fill('10');
  await expect(page.getByText('Jumlah bobot: 100 dari 100 ✓')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const competitionId = /\/competitions\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  const phases = page.getByRole('list', { name: 'Tahapan kompetisi' });
  await page.getByRole('button', { name: 'Buka pendaftaran' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, buka pendaftaran' }).click();
  await expect(phases.locator('[aria-current="step"]')).toHaveText('2. Pendaftaran dibuka');
  const panel = page.getByRole('region', { name: 'Panel juri' });
  await panel.getByLabel('Cari nama atau email juri').fill('ulm.example');
  await panel.getByRole('combobox', { name: 'Juri', exact: true }).selectOption({ label: `${JUDGE_NAME} · Universitas Lambung Mangkurat` });
  await panel.getByRole('button', { name: 'Tambahkan ke panel' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: JUDGE_NAME })).toBeVisible();

  // The school sends its entry (in the school's portal).
  const competition = await csr.get<{ categories: Array<{ id: string }>; criteria: Array<{ id: string }> }>(`/competitions/${competitionId}`);
  const entryTitle = `Pojok Baca Keliling ${tag}`;
  const entry = await principal.post<{ id: string }>(`/competitions/${competitionId}/entries`, { categoryId: competition.categories[0].id, title: entryTitle, summary: 'Buku berpindah kelas setiap pekan.' });

  await page.reload();
  const entries = page.getByRole('region', { name: 'Karya dan penugasan juri' });
  const item = entries.getByRole('listitem').filter({ hasText: entryTitle }).first();
  await item.getByRole('combobox', { name: `Tambah juri untuk ${entryTitle}` }).selectOption({ label: JUDGE_NAME });
  await item.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(item.getByRole('list', { name: `Juri untuk ${entryTitle}` })).toContainText(`${JUDGE_NAME} · belum dinilai`);
  await page.getByRole('button', { name: 'Mulai penjurian' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, mulai penjurian' }).click();
  await expect(phases.locator('[aria-current="step"]')).toHaveText('3. Penjurian');

  // The judge scores it (in the judge's portal): 16/20 × 60 + 9/10 × 40 = 48 + 36 = 84.
  await judge.put(`/entries/${entry.id}/scores`, { scores: [{ criterionId: competition.criteria[0].id, score: 16 }, { criterionId: competition.criteria[1].id, score: 9 }] });

  await page.getByRole('link', { name: 'Pratinjau hasil dan umumkan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pratinjau hasil' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Literasi' }).getByRole('row').filter({ hasText: entryTitle }).getByRole('cell').nth(2)).toHaveText('84');
  await page.getByRole('button', { name: 'Umumkan hasil' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, umumkan hasil' }).click();
  await expect(page).toHaveURL(new RegExp(`/competitions/${competitionId}$`));
  await expect(phases.locator('[aria-current="step"]')).toHaveText('4. Hasil diumumkan');
  await expect(page.getByRole('region', { name: 'Hasil kompetisi' }).getByRole('table', { name: 'Literasi' })).toContainText(entryTitle);

  // 10. The portfolio of 2026 counts the new school, and downloads as XLSX and as the school's one-page summary.
  await menu(page, 'Portofolio', 'Portofolio program');
  await page.goto(`/portfolio?programId=${PROGRAM}&year=2026`);
  await expect(page.getByRole('link', { name: / Sekolah dalam kohort$/ })).toBeVisible({ timeout: 60_000 });
  const downloads = page.getByRole('region', { name: 'Unduh' });
  const xlsx = await downloaded(page, () => downloads.getByRole('button', { name: 'Unduh XLSX' }).click());
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  // The picker searches the whole program on the server as the officer types.
  // The charts above may still be drawing and move the picker: its list shows once the picker is in view.
  const picker = downloads.getByRole('combobox', { name: 'Kemitraan untuk ringkasan satu halaman' });
  await picker.fill(`Setahun ${tag}`);
  await picker.scrollIntoViewIfNeeded();
  await page.getByRole('option', { name: schoolName }).click();
  const pdf = await downloaded(page, () => downloads.getByRole('button', { name: 'Unduh ringkasan PDF' }).click());
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // What the year left behind, as the API has it.
  const partnership = await csr.get<{ status: string }>(`/partnerships/${partnershipId}`);
  expect(partnership.status).toBe('active');
  expect((await csr.get<{ status: string }>(`/mous/${mouId}`)).status).toBe('active');
  expect((await csr.get<{ status: string }>(`/plans/${plan.id}`)).status).toBe('approved');
  const results = await principal.get<{ categories: Array<{ entries: Array<{ entry: { name: string }; rank: number | null }> }> }>(`/competitions/${competitionId}/results`);
  expect(results.categories[0].entries.find((e) => e.entry.name === entryTitle)?.rank).toBe(1);
});
