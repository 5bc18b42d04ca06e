import { parseCsv } from '../../src/organizations/import/csv';
import { csvField, writeCsv } from '../../src/common/export/csv';
import { budgetCsv, budgetRows, budgetXlsx, formatRupiah } from '../../src/plans/export/plan-export';
import { normalizeContent } from '../../src/plans/plan-content';
import type { PlanContentInput } from '../../src/plans/plan-content';
import { rkasLanguage } from '../../src/plans/plan-exports.service';
import { PdfWriter, printedDate } from '../../src/common/export/pdf';
import { writeXlsx } from '../../src/common/export/xlsx';
import { pdfText } from '../support/pdf';
import { readXlsx } from '../support/xlsx';

describe('export writers', () => {
  it('writes an XLSX workbook through exceljs: typed cells, text kept as text, a frozen and filtered header', async () => {
    const xlsx = await writeXlsx(
      [
        { name: 'Budget 2026', rows: [[{ bold: 'Item' }, { bold: 'Total' }, { bold: 'Due' }], ['Books & <shelves>', { money: '8000000000000000' }, { date: '2026-12-05' }], ['bell\u0007 tab\t', { int: 3 }, null]] },
        { name: 'Budget 2026', rows: [] },
      ],
      'id',
    );
    const book = await readXlsx(xlsx);
    expect([...book.keys()]).toEqual(['Budget 2026', 'Budget 2026 2']);
    const sheet = book.get('Budget 2026')!;
    expect(sheet.rows[1]).toEqual(['Books & <shelves>', 8000000000000000, new Date('2026-12-05T00:00:00Z')]);
    expect(sheet.formats.get('B2')).toBe('"Rp" #,##0');
    expect(sheet.formats.get('C2')).toBe('dd/mm/yyyy');
    expect(sheet.formats.get('B3')).toBe('#,##0');
    // Control characters XML cannot hold are dropped rather than breaking the workbook.
    expect(sheet.rows[2][0]).toBe('bell tab\t');
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.autoFilter).toBe('A1:C3');
  });

  it('writes CSV fields safely: quoting, and no formulas from user text', () => {
    expect(csvField('plain', ',')).toBe('plain');
    expect(csvField('a, b', ',')).toBe('"a, b"');
    expect(csvField('a; b', ',')).toBe('a; b');
    expect(csvField('a; b', ';')).toBe('"a; b"');
    expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")', ',')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5', ',', true)).toBe('-5');
    const csv = writeCsv([[{ value: 'Uraian' }, { value: 'Jumlah' }], [{ value: 'Buku, cerita' }, { value: '5400000', number: true }]], ';');
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv.toString('utf8').replace(/^\ufeff/, '')).records).toEqual([['Uraian', 'Jumlah'], ['Buku, cerita', '5400000']]);
    expect(csv.toString('utf8').endsWith('5400000\r\n')).toBe(true);
  });

  it('prints Indonesian text with the embedded DejaVu Sans, headers repeated over pages, dates in words', async () => {
    const pdf = new PdfWriter({ title: 'Rencana 2026', lang: 'id' }, (page, pages) => `halaman ${page} / ${pages}`);
    pdf.heading('Rencana (2026) \\ Kesehatan – “mental” ü … Ngurah Rai, Sụ');
    pdf.table([{ header: 'Uraian', width: 1 }, { header: 'Jumlah', width: 1, align: 'right' }], Array.from({ length: 120 }, (_, i) => [`baris ${i}`, String(i)]), { caption: 'Anggaran' });
    const buf = await pdf.toBuffer();
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(buf);
    expect(text).toContain('Rencana (2026) \\ Kesehatan – “mental” ü … Ngurah Rai, Sụ');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page).toMatch(/Uraian\s+Jumlah/);
      expect(page).toContain(`halaman ${i + 1} / ${pages.length}`);
    }
    expect(printedDate('2026-12-05', 'id')).toBe('5 Desember 2026');
    expect(printedDate(new Date('2026-12-05T03:00:00Z'), 'en')).toBe('5 December 2026');
  });

  it('formats rupiah for print', () => {
    expect(formatRupiah('1500000', 'id')).toBe('Rp 1.500.000');
    expect(formatRupiah('1500000', 'en')).toBe('IDR 1,500,000');
    expect(formatRupiah('0', 'id')).toBe('Rp 0');
  });

  describe('the RKAS layout', () => {
    const { content } = normalizeContent({
      programs: [
        {
          topic: 'literacy',
          name: 'Pojok Baca',
          budgetLines: [
            { item: 'Buku cerita', unit: 'buku', quantity: 120, unitCost: 45000, fundingSource: 'stimulus_grant', standard: 'sarana_prasarana', accountCode: '5.2.05.01.01.0001', spendingMonth: 3 },
            { item: 'Konsumsi pelatihan', quantity: 25, unitCost: 20000, fundingSource: 'school_budget_bos', standard: 'pendidik_tenaga_kependidikan', accountCode: '5.1.02.01.01.0052', spendingMonth: 7 },
          ],
        },
        { topic: 'parenting', budgetLines: [{ item: 'Spanduk', quantity: 1, unitCost: 150000, fundingSource: 'other' }] },
      ],
    } as PlanContentInput);

    it('has one row per budget line in the order a treasurer keys it into ARKAS, CSR/mitra apart from BOS', () => {
      const { header, lines, totals } = budgetRows(content, 'id');
      expect(header).toEqual(['No', 'Kode SNP', 'Standar (SNP)', 'Kegiatan', 'Kode rekening', 'Nama rekening', 'Uraian', 'Volume', 'Satuan', 'Harga satuan (Rp)', 'Jumlah (Rp)', 'Bulan', 'Sumber dana']);
      expect(lines).toEqual([
        [1, 'sarana_prasarana', 'Standar Sarana dan Prasarana', '1. Pojok Baca', '5.2.05.01.01.0001', 'Belanja Modal Buku Umum', 'Buku cerita', 120, 'buku', { amount: '45000' }, { amount: '5400000' }, 'Maret', 'CSR/mitra'],
        [2, 'pendidik_tenaga_kependidikan', 'Standar Pendidik dan Tenaga Kependidikan', '1. Pojok Baca', '5.1.02.01.01.0052', 'Belanja Makanan dan Minuman Rapat', 'Konsumsi pelatihan', 25, '', { amount: '20000' }, { amount: '500000' }, 'Juli', 'BOS'],
        [3, '', '', '2. Parenting (pelibatan orang tua)', '', '', 'Spanduk', 1, '', { amount: '150000' }, { amount: '150000' }, '', 'Lainnya'],
      ]);
      expect(totals).toEqual([
        ['Total CSR/mitra', '5400000'],
        ['Total BOS', '500000'],
        ['Total Lainnya', '150000'],
        ['Total rencana', '6050000'],
      ]);
      const english = budgetRows(content, 'en');
      expect(english.header).toEqual(['No', 'SNP code', 'Education standard (SNP)', 'Activity', 'Account code', 'Account name', 'Description', 'Volume', 'Unit', 'Unit price (IDR)', 'Amount (IDR)', 'Month', 'Funding source']);
      expect(english.lines[0].slice(1, 3)).toEqual(['sarana_prasarana', 'Facilities and infrastructure standard']);
      expect(english.lines[0][11]).toBe('March');
      expect(english.totals[0]).toEqual(['Total CSR/partner', '5400000']);
    });

    it('puts the totals under the descriptions and amounts, in CSV and XLSX alike', async () => {
      const { records } = parseCsv(budgetCsv(content, 'id', ';').toString('utf8').replace(/^\ufeff/, ''));
      expect(records[1]).toEqual(['1', 'sarana_prasarana', 'Standar Sarana dan Prasarana', '1. Pojok Baca', '5.2.05.01.01.0001', 'Belanja Modal Buku Umum', 'Buku cerita', '120', 'buku', '45000', '5400000', 'Maret', 'CSR/mitra']);
      expect(records[4]).toEqual(['']);
      expect(records[5]).toEqual(['', '', '', '', '', '', 'Total CSR/mitra', '', '', '', '5400000', '', '']);
      const sheet = (await readXlsx(await budgetXlsx(content, 'id', 'RKAS 2026'))).get('RKAS 2026')!;
      expect(sheet.rows[1][10]).toBe(5400000);
      expect(sheet.formats.get('K2')).toBe('"Rp" #,##0');
      expect(sheet.rows[8][6]).toBe('Total rencana');
      expect(sheet.rows[8][10]).toBe(6050000);
      expect(sheet.autoFilter).toBe('A1:M4');
    });

    it('is in Bahasa Indonesia unless Accept-Language asks for English', () => {
      expect(rkasLanguage(undefined)).toBe('id');
      expect(rkasLanguage('fr-FR,fr;q=0.9')).toBe('id');
      expect(rkasLanguage('en-US,en;q=0.9')).toBe('en');
      expect(rkasLanguage('id,en;q=0.5')).toBe('id');
      expect(rkasLanguage('id;q=0.5, en')).toBe('en');
      expect(rkasLanguage('en;q=0, id')).toBe('id');
    });
  });
});
