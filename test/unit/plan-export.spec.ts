import { parseCsv } from '../../src/organizations/import/csv';
import { csvField, writeCsv } from '../../src/common/export/csv';
import { formatRupiah } from '../../src/plans/export/plan-export';
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
});
