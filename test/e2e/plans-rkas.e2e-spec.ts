import { parse } from 'csv-parse/sync';
import type { Response } from 'superagent';
import { createTestApp, TestApp } from '../support/app';
import { completeContent, planWorld, PlanWorld } from '../support/plan-factories';
import { readXlsx } from '../support/xlsx';

const BASE = '/api/v1/plans';

/** Collects a response body as bytes, whatever its content type. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const HEADER_ID = ['No', 'Kode SNP', 'Standar (SNP)', 'Kegiatan', 'Kode rekening', 'Nama rekening', 'Uraian', 'Volume', 'Satuan', 'Harga satuan (Rp)', 'Jumlah (Rp)', 'Bulan', 'Sumber dana'];
const HEADER_EN = ['No', 'SNP code', 'Education standard (SNP)', 'Activity', 'Account code', 'Account name', 'Description', 'Volume', 'Unit', 'Unit price (IDR)', 'Amount (IDR)', 'Month', 'Funding source'];

describe('the RKAS export of a plan', () => {
  let t: TestApp;
  let w: PlanWorld;
  let planId: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await planWorld(t.dataSource, t.http);
    const content = completeContent();
    // The first line says where it goes in ARKAS, the others leave it to the treasurer.
    Object.assign(content.programs[0].budgetLines[0], { standard: 'sarana_prasarana', accountCode: '5.2.05.01.01.0001', spendingMonth: 2 });
    Object.assign(content.programs[0].budgetLines[2], { standard: 'pendidik_tenaga_kependidikan', accountCode: '5.1.02.01.01.0052', spendingMonth: 7 });
    content.programs.push({
      topic: 'parenting',
      name: 'Kelas Orang Tua',
      budgetLines: [
        { item: 'Honor narasumber', unit: 'sesi', quantity: 4, unitCost: 750000, fundingSource: 'stimulus_grant', standard: 'pengelolaan', accountCode: '5.1.02.02.01.0003', spendingMonth: 9 },
        { item: 'Spanduk', quantity: 1, unitCost: 150000, fundingSource: 'other', spendingMonth: 12 },
      ],
    });
    const res = await t.http.post(BASE).set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'Rencana Program 2026', content });
    expect(res.status).toBe(201);
    planId = res.body.id;
  });
  afterAll(() => t.close());

  const get = (path: string, language?: string) => {
    const req = t.http.get(`${BASE}/${planId}/${path}`).set('Authorization', w.principal.auth);
    if (language) req.set('Accept-Language', language);
    return req.buffer(true).parse(binary);
  };

  /** Sums the amount column per funding source, as a treasurer checking the file would. */
  const sumBySource = (lines: Array<{ amount: number; source: string }>) => {
    const sums = new Map<string, number>();
    for (const l of lines) sums.set(l.source, (sums.get(l.source) ?? 0) + l.amount);
    return sums;
  };

  it('keeps the standard, account code and spending month of each budget line', async () => {
    const res = await t.http.get(`${BASE}/${planId}`).set('Authorization', w.principal.auth);
    expect(res.status).toBe(200);
    expect(res.body.content.programs[0].budgetLines.map((b: Record<string, unknown>) => [b.standard, b.accountCode, b.spendingMonth])).toEqual([
      ['sarana_prasarana', '5.2.05.01.01.0001', 2],
      [null, null, null],
      ['pendidik_tenaga_kependidikan', '5.1.02.01.01.0052', 7],
    ]);
  });

  it('gives a CSV in the ARKAS layout, in Bahasa Indonesia by default, whose subtotals per funding source match its lines', async () => {
    const res = await get('budget.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="rkas-2026-[a-z0-9-]+\.csv"/);
    const records: string[][] = parse((res.body as Buffer).toString('utf8'), { bom: true, relax_column_count: true });
    expect(records[0]).toEqual(HEADER_ID);
    const lines = records.slice(1, records.findIndex((r) => r.length === 1 && r[0] === ''));
    expect(lines).toEqual([
      ['1', 'sarana_prasarana', 'Standar Sarana dan Prasarana', '1. Gerakan Literasi Sekolah', '5.2.05.01.01.0001', 'Belanja Modal Buku Umum', 'Picture books', '120', 'book', '45000', '5400000', 'Februari', 'CSR/mitra'],
      ['2', '', '', '1. Gerakan Literasi Sekolah', '', '', 'Bookshelves', '12', 'shelf', '350000', '4200000', '', 'CSR/mitra'],
      ['3', 'pendidik_tenaga_kependidikan', 'Standar Pendidik dan Tenaga Kependidikan', '1. Gerakan Literasi Sekolah', '5.1.02.01.01.0052', 'Belanja Makanan dan Minuman Rapat', 'Teacher training snacks', '25', '', '20000', '500000', 'Juli', 'BOS'],
      [
        '4',
        'pengelolaan',
        'Standar Pengelolaan',
        '2. Kelas Orang Tua',
        '5.1.02.02.01.0003',
        'Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia',
        'Honor narasumber',
        '4',
        'sesi',
        '750000',
        '3000000',
        'September',
        'CSR/mitra',
      ],
      ['5', '', '', '2. Kelas Orang Tua', '', '', 'Spanduk', '1', '', '150000', '150000', 'Desember', 'Lainnya'],
    ]);
    for (const line of lines) expect(Number(line[10])).toBe(Number(line[7]) * Number(line[9]));

    const totals = records.slice(lines.length + 2);
    expect(totals.map((r) => [r[6], r[10]])).toEqual([
      ['Total CSR/mitra', '12600000'],
      ['Total BOS', '500000'],
      ['Total Lainnya', '150000'],
      ['Total rencana', '13250000'],
    ]);
    const sums = sumBySource(lines.map((l) => ({ amount: Number(l[10]), source: l[12] })));
    for (const [label, amount] of totals.slice(0, 3).map((r) => [r[6], r[10]])) expect(sums.get(label.replace('Total ', '')) ?? 0).toBe(Number(amount));
    expect(lines.reduce((s, l) => s + Number(l[10]), 0)).toBe(Number(totals[3][10]));

    const semicolons: string[][] = parse((await get('budget.csv?delimiter=semicolon')).body.toString('utf8'), { bom: true, delimiter: ';', relax_column_count: true });
    expect(semicolons[0]).toEqual(HEADER_ID);
    expect(semicolons[4][5]).toBe('Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia');
  });

  it('gives English headers when Accept-Language asks for English', async () => {
    const records: string[][] = parse((await get('budget.csv', 'en-US,en;q=0.9')).body.toString('utf8'), { bom: true, relax_column_count: true });
    expect(records[0]).toEqual(HEADER_EN);
    expect(records[1].slice(1, 3)).toEqual(['sarana_prasarana', 'Facilities and infrastructure standard']);
    expect(records[1][11]).toBe('February');
    expect(records[1][12]).toBe('CSR/partner');
    expect(records.slice(7).map((r) => r[6])).toEqual(['Total CSR/partner', 'Total BOS', 'Total Other', 'Plan total']);
  });

  it('gives the same rows as an XLSX workbook, amounts as rupiah numbers and totals per funding source', async () => {
    const res = await get('budget.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="rkas-2026-[a-z0-9-]+\.xlsx"/);
    const book = await readXlsx(res.body as Buffer);
    expect([...book.keys()]).toEqual(['RKAS 2026']);
    const sheet = book.get('RKAS 2026')!;
    expect(sheet.rows[0]).toEqual(HEADER_ID);
    const lines = sheet.rows.slice(1, 6);
    expect(lines.map((r) => [r[1], r[4], r[6], r[7], r[9], r[10], r[11], r[12]])).toEqual([
      ['sarana_prasarana', '5.2.05.01.01.0001', 'Picture books', 120, 45000, 5400000, 'Februari', 'CSR/mitra'],
      [undefined, undefined, 'Bookshelves', 12, 350000, 4200000, undefined, 'CSR/mitra'],
      ['pendidik_tenaga_kependidikan', '5.1.02.01.01.0052', 'Teacher training snacks', 25, 20000, 500000, 'Juli', 'BOS'],
      ['pengelolaan', '5.1.02.02.01.0003', 'Honor narasumber', 4, 750000, 3000000, 'September', 'CSR/mitra'],
      [undefined, undefined, 'Spanduk', 1, 150000, 150000, 'Desember', 'Lainnya'],
    ]);
    expect(sheet.formats.get('K2')).toBe('"Rp" #,##0');
    const totals = sheet.rows.slice(7).map((r) => [r[6], r[10]]);
    expect(totals).toEqual([
      ['Total CSR/mitra', 12600000],
      ['Total BOS', 500000],
      ['Total Lainnya', 150000],
      ['Total rencana', 13250000],
    ]);
    const sums = sumBySource(lines.map((r) => ({ amount: r[10] as number, source: r[12] as string })));
    expect(sums).toEqual(new Map([['CSR/mitra', 12600000], ['BOS', 500000], ['Lainnya', 150000]]));
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.autoFilter).toBe('A1:M6');
    const english = await readXlsx((await get('budget.xlsx', 'en')).body as Buffer);
    expect(english.get('RKAS 2026')!.rows[0]).toEqual(HEADER_EN);
  });

  it('refuses a standard, account code or month outside the documented lists, naming the line and the fix', async () => {
    const plan = await t.http.get(`${BASE}/${planId}`).set('Authorization', w.principal.auth);
    const content = plan.body.content;
    const patch = (lang: string) => t.http.patch(`${BASE}/${planId}`).set('Authorization', w.principal.auth).set('Accept-Language', lang).send({ version: plan.body.version, content });
    const fields = (res: { body: { errors: Array<{ field: string; code: string }> } }) => res.body.errors.map((e) => [e.field, e.code]);

    content.programs[0].budgetLines[1].standard = 'olahraga';
    content.programs[1].budgetLines[1].accountCode = '5.1.02.01.01.9999';
    const refused = await patch('en');
    expect(refused.status).toBe(422);
    expect(fields(refused)).toEqual([
      ['content.programs[0].budgetLines[1].standard', 'unknown_standard'],
      ['content.programs[1].budgetLines[1].accountCode', 'unknown_account_code'],
    ]);
    expect(refused.body.errors[0].message).toContain('use one of kompetensi_lulusan, isi, proses, penilaian, pendidik_tenaga_kependidikan, sarana_prasarana, pengelolaan, pembiayaan');
    expect(refused.body.errors[1].message).toContain('pick one of them, or leave it out and choose the account in ARKAS');
    const indonesian = await patch('id');
    expect(indonesian.body.errors[0].message).toContain('bukan Standar Nasional Pendidikan (SNP)');
    expect(indonesian.body.errors[1].message).toContain('tidak ada dalam daftar kode rekening belanja ARKAS');

    content.programs[0].budgetLines[1].standard = null;
    content.programs[1].budgetLines[1].accountCode = null;
    content.programs[1].budgetLines[1].spendingMonth = 13;
    const month = await patch('en');
    expect(month.status).toBe(422);
    expect(fields(month)).toEqual([['content.programs[1].budgetLines[1].spendingMonth', 'max']]);

    // Nothing was saved by the refused edits.
    const after = await t.http.get(`${BASE}/${planId}`).set('Authorization', w.principal.auth);
    expect(after.body.version).toBe(plan.body.version);
  });

  it('keeps a plan stored before these fields existed valid: it reads, saves again, submits and exports with those cells empty', async () => {
    const other = await planWorld(t.dataSource, t.http);
    const created = await t.http.post(BASE).set('Authorization', other.principal.auth).send({ programYearId: other.year.id, title: 'Tanpa kode', content: completeContent() });
    expect(created.status).toBe(201);
    // The stored template as it was written before budget lines had a standard, account code or month.
    const [{ content: stored }] = await t.dataSource.query(`SELECT content FROM plans WHERE id = $1`, [created.body.id]);
    for (const p of stored.programs) for (const b of p.budgetLines) for (const key of ['standard', 'accountCode', 'spendingMonth']) delete b[key];
    expect(JSON.stringify(stored)).not.toContain('spendingMonth');
    await t.dataSource.query(`UPDATE plans SET content = $2 WHERE id = $1`, [created.body.id, stored]);

    const read = await t.http.get(`${BASE}/${created.body.id}`).set('Authorization', other.principal.auth);
    expect(read.body.content.programs[0].budgetLines[0]).toMatchObject({ standard: null, accountCode: null, spendingMonth: null });
    const saved = await t.http.patch(`${BASE}/${created.body.id}`).set('Authorization', other.principal.auth).send({ version: read.body.version, content: stored });
    expect(saved.status).toBe(200);
    expect(saved.body.content.programs[0].budgetLines[0]).toMatchObject({ standard: null, accountCode: null, spendingMonth: null });
    const submitted = await t.http.post(`${BASE}/${created.body.id}/submit`).set('Authorization', other.principal.auth);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const csv = await t.http.get(`${BASE}/${created.body.id}/budget.csv`).set('Authorization', other.principal.auth).buffer(true).parse(binary);
    const records: string[][] = parse((csv.body as Buffer).toString('utf8'), { bom: true, relax_column_count: true });
    expect(records.slice(1, 4).map((r) => [r[1], r[2], r[4], r[5], r[6], r[11], r[12]])).toEqual([
      ['', '', '', '', 'Picture books', '', 'CSR/mitra'],
      ['', '', '', '', 'Bookshelves', '', 'CSR/mitra'],
      ['', '', '', '', 'Teacher training snacks', '', 'BOS'],
    ]);
  });
});
