import { inflateRawSync } from 'node:zlib';
import { parseCsv } from '../../src/organizations/import/csv';
import { csvField, writeCsv } from '../../src/common/export/csv';
import { formatRupiah } from '../../src/plans/export/plan-export';
import { PdfWriter, textWidth, wrapText } from '../../src/common/export/pdf-writer';
import { columnName, writeXlsx } from '../../src/common/export/xlsx';
import { crc32, writeZip } from '../../src/common/export/zip';
import { unzip } from '../support/unzip';

describe('export writers', () => {
  it('computes CRC-32 as the ZIP format defines it', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('writes a zip that reads back, entry by entry', () => {
    const zip = writeZip([
      { name: 'a.txt', data: Buffer.from('hello '.repeat(100)) },
      { name: 'dir/b.xml', data: Buffer.from('<x>ü</x>') },
    ]);
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(['a.txt', 'dir/b.xml']);
    expect(files.get('a.txt')?.toString()).toBe('hello '.repeat(100));
    expect(files.get('dir/b.xml')?.toString()).toBe('<x>ü</x>');
    // The first entry's data really is deflated (smaller than the text).
    expect(inflateRawSync(zip.subarray(30 + 5, 30 + 5 + zip.readUInt32LE(18))).toString()).toBe('hello '.repeat(100));
  });

  it('writes an XLSX package with inline strings, numbers and escaped text', () => {
    const xlsx = writeXlsx('Budget 2026', [[{ bold: 'Item' }, { bold: 'Total' }], ['Books & <shelves>', { number: '8000000000000000' }]], [20, 10]);
    const files = unzip(xlsx);
    expect([...files.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const sheet = files.get('xl/worksheets/sheet1.xml')?.toString() ?? '';
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Books &amp; &lt;shelves&gt;</t></is></c>');
    expect(sheet).toContain('<c r="B2" s="2"><v>8000000000000000</v></c>');
    expect(files.get('xl/workbook.xml')?.toString()).toContain('<sheet name="Budget 2026"');
    // Control characters XML cannot hold are dropped rather than breaking the workbook.
    expect(unzip(writeXlsx('S', [['bell\u0007 tab\t']], [10])).get('xl/worksheets/sheet1.xml')?.toString()).toContain('<t xml:space="preserve">bell tab\t</t>');
    expect(columnName(0)).toBe('A');
    expect(columnName(25)).toBe('Z');
    expect(columnName(26)).toBe('AA');
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

  it('measures and wraps Helvetica text', () => {
    expect(textWidth('Hello', 10)).toBeCloseTo((722 + 556 + 222 + 222 + 556) / 100, 5);
    expect(textWidth('Hello', 10, true)).toBeCloseTo((722 + 556 + 278 + 278 + 611) / 100, 5);
    const lines = wrapText('the quick brown fox jumps over the lazy dog', 60, 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(60);
    expect(lines.join(' ')).toBe('the quick brown fox jumps over the lazy dog');
    expect(wrapText('x'.repeat(50), 40, 10).every((l) => textWidth(l, 10) <= 40)).toBe(true);
  });

  it('writes a PDF with a valid cross-reference table, pages and escaped WinAnsi text', () => {
    const pdf = new PdfWriter();
    pdf.text('Rencana (2026) \\ Kesehatan – “mental” ü', { bold: true });
    pdf.table([{ header: 'A', width: 1 }, { header: 'B', width: 1, align: 'right' }], Array.from({ length: 120 }, (_, i) => [`row ${i}`, String(i)]));
    const buf = pdf.toBuffer({ title: 'Rencana 2026' });
    const text = buf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain('(Rencana \\(2026\\) \\\\ Kesehatan \\226 \\223mental\\224 \\374)');
    const pages = Number(/\/Count (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    // Every xref offset points at its object.
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    const entries = text.slice(xrefAt).split('\n').slice(3).filter((l) => / n $/.test(l));
    entries.forEach((line, i) => expect(text.slice(Number(line.slice(0, 10)), Number(line.slice(0, 10)) + 12)).toMatch(new RegExp(`^${i + 1} 0 obj`)));
  });

  it('formats rupiah for print', () => {
    expect(formatRupiah('1500000', 'id')).toBe('Rp 1.500.000');
    expect(formatRupiah('1500000', 'en')).toBe('IDR 1,500,000');
    expect(formatRupiah('0', 'id')).toBe('Rp 0');
  });
});
