import { execFileSync } from 'node:child_process';
import type { Response } from 'superagent';
import { parseCsv } from '../../src/organizations/import/csv';
import { createTestApp, TestApp } from '../support/app';
import { signedIn } from '../support/factories';
import { completeContent, planWorld, PlanWorld } from '../support/plan-factories';
import { readXlsx } from '../support/xlsx';
import { pdfText } from '../support/pdf';

const BASE = '/api/v1/plans';

/** Collects a response body as bytes, whatever its content type. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('plan exports', () => {
  let t: TestApp;
  let w: PlanWorld;
  let planId: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await planWorld(t.dataSource, t.http);
    const content = completeContent();
    content.programs[0].budgetLines.push({ item: 'Buku cerita, seri "Kancil"', quantity: 2, unitCost: 15000, fundingSource: 'other' });
    content.programs[0].budgetLines.push({ item: '=HYPERLINK("http://x")', quantity: 1, unitCost: 1, fundingSource: 'other' });
    content.programs.push({ topic: 'parenting', name: 'Kelas Orang Tua', budgetLines: [{ item: 'Snacks', quantity: 2, unitCost: '4000000000000000', fundingSource: 'stimulus_grant' }] });
    const res = await t.http.post(BASE).set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'Rencana Program 2026 Literasi', facilitatorUserId: w.facilitator.user.id, content });
    expect(res.status).toBe(201);
    planId = res.body.id;
  });
  afterAll(() => t.close());

  const get = (path: string, auth = w.principal.auth, language?: string) => {
    const req = t.http.get(`${BASE}/${planId}/${path}`).set('Authorization', auth);
    if (language) req.set('Accept-Language', language);
    return req.buffer(true).parse(binary);
  };

  it('prints the plan as an A4 PDF with its title, tables and totals', async () => {
    const res = await get('export.pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="plan-2026-school-[0-9a-f]+\.pdf"/);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Rencana Program 2026 Literasi');
    expect(text).toContain('Planning workshop');
    expect(text).toContain('IDR 5,400,000');
    expect(text).toContain('IDR 8,000,000,010,130,001');
    // A4, fonts embedded.
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' })).toMatch(/DejaVuSans[\s\S]*yes\s+yes/);
    const indonesian = pdfText((await get('export.pdf', w.principal.auth, 'id')).body as Buffer);
    expect(indonesian).toContain('Lokakarya perencanaan');
    expect(indonesian).toContain('Rp 5.400.000');
  });

  it('gives the budget as CSV (UTF-8 with BOM) that parses back to the lines and totals', async () => {
    const res = await get('budget.csv', w.principal.auth, 'en');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('.csv');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { delimiter, records } = parseCsv(bytes.toString('utf8').replace(/^\ufeff/, ''));
    expect(delimiter).toBe(',');
    expect(records[0]).toEqual(['No', 'SNP code', 'Education standard (SNP)', 'Activity', 'Account code', 'Account name', 'Description', 'Volume', 'Unit', 'Unit price (IDR)', 'Amount (IDR)', 'Month', 'Funding source']);
    // The columns of the RKAS layout this test's lines fill (the RKAS fields are in plans-rkas).
    expect(records.slice(1, 7).map((r) => [r[0], r[3], ...r.slice(6, 11), r[12]])).toEqual([
      ['1', '1. Gerakan Literasi Sekolah', 'Picture books', '120', 'book', '45000', '5400000', 'CSR/partner'],
      ['2', '1. Gerakan Literasi Sekolah', 'Bookshelves', '12', 'shelf', '350000', '4200000', 'CSR/partner'],
      ['3', '1. Gerakan Literasi Sekolah', 'Teacher training snacks', '25', '', '20000', '500000', 'BOS'],
      ['4', '1. Gerakan Literasi Sekolah', 'Buku cerita, seri "Kancil"', '2', '', '15000', '30000', 'Other'],
      ['5', '1. Gerakan Literasi Sekolah', `'=HYPERLINK("http://x")`, '1', '', '1', '1', 'Other'],
      ['6', '2. Kelas Orang Tua', 'Snacks', '2', '', '4000000000000000', '8000000000000000', 'CSR/partner'],
    ]);
    expect(records[7]).toEqual(['']);
    expect(records.slice(8).map((r) => [r[6], r[10]])).toEqual([
      ['Total CSR/partner', '8000000009600000'],
      ['Total BOS', '500000'],
      ['Total Other', '30001'],
      ['Plan total', '8000000010130001'],
    ]);
  });

  it('uses semicolons on request and Indonesian headers for Accept-Language: id', async () => {
    const res = await get('budget.csv?delimiter=semicolon', w.principal.auth, 'id');
    const { delimiter, records } = parseCsv((res.body as Buffer).toString('utf8').replace(/^\ufeff/, ''));
    expect(delimiter).toBe(';');
    expect(records[0]).toEqual(['No', 'Kode SNP', 'Standar (SNP)', 'Kegiatan', 'Kode rekening', 'Nama rekening', 'Uraian', 'Volume', 'Satuan', 'Harga satuan (Rp)', 'Jumlah (Rp)', 'Bulan', 'Sumber dana']);
    expect(records[4][6]).toBe('Buku cerita, seri "Kancil"');
    expect(records[records.length - 1]).toEqual(['', '', '', '', '', '', 'Total rencana', '', '', '', '8000000010130001', '', '']);
    const wrong = await t.http.get(`${BASE}/${planId}/budget.csv?delimiter=tab`).set('Authorization', w.principal.auth);
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'delimiter', code: 'isIn' });
  });

  it('gives the budget as an XLSX workbook: the rows with amounts as rupiah numbers, the header frozen and filtered', async () => {
    const res = await get('budget.xlsx', w.principal.auth, 'en');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = await readXlsx(res.body as Buffer);
    expect([...book.keys()]).toEqual(['RKAS 2026']);
    const sheet = book.get('RKAS 2026')!;
    const at = (ref: string) => sheet.rows[Number(ref.slice(1)) - 1]?.[ref.charCodeAt(0) - 65];
    expect(at('G1')).toBe('Description');
    expect(at('G2')).toBe('Picture books');
    expect(at('K2')).toBe(5400000);
    expect(sheet.formats.get('K2')).toBe('"Rp" #,##0');
    expect(at('G5')).toBe('Buku cerita, seri "Kancil"');
    // Text stays text: a formula-looking item is not a formula in a workbook.
    expect(at('G6')).toBe('=HYPERLINK("http://x")');
    expect(at('K7')).toBe(8000000000000000);
    expect(at('G12')).toBe('Plan total');
    expect(at('K12')).toBe(8000000010130001);
    expect(sheet.frozenRows).toBe(1);
    // The filter covers the header and the budget lines, not the totals below them.
    expect(sheet.autoFilter).toBe('A1:M7');
    expect(sheet.widths[6]).toBeGreaterThanOrEqual('Teacher training snacks'.length);
    const indonesian = await readXlsx((await get('budget.xlsx', w.principal.auth, 'id')).body as Buffer);
    expect(indonesian.get('RKAS 2026')!.rows[0][6]).toBe('Uraian');
  });

  it('is for those who can see the plan: 404 for another school, 403 for judges, 401 without a token', async () => {
    const stranger = await signedIn(t.dataSource, t.http, 'principal');
    const judge = await signedIn(t.dataSource, t.http, 'judge');
    for (const path of ['export.pdf', 'budget.csv', 'budget.xlsx']) {
      expect((await get(path, stranger.auth)).status).toBe(404);
      expect((await get(path, judge.auth)).status).toBe(403);
      expect((await t.http.get(`${BASE}/${planId}/${path}`)).status).toBe(401);
      expect((await get(path, w.csr.auth)).status).toBe(200);
      expect((await get(path, w.facilitator.auth)).status).toBe(200);
    }
  });
});
