import fc from 'fast-check';
import { decodeUtf8, detectDelimiter, parseCsv } from '../../src/organizations/import/csv';

describe('CSV reader', () => {
  it('splits comma-separated records on LF', () => {
    expect(parseCsv('npsn,name\n30304122,SDN Pelambuan 4\n')).toEqual({
      delimiter: ',',
      records: [
        ['npsn', 'name'],
        ['30304122', 'SDN Pelambuan 4'],
      ],
    });
  });

  it('accepts CRLF, bare CR and a last line without a line end', () => {
    expect(parseCsv('a,b\r\n1,2\r3,4').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const text = 'name,address\r\n"SD ""Teladan""","Jl. A, No. 1\r\nBanjarmasin"\r\n"",x\r\n';
    expect(parseCsv(text).records).toEqual([
      ['name', 'address'],
      ['SD "Teladan"', 'Jl. A, No. 1\r\nBanjarmasin'],
      ['', 'x'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,b,c\n,,\n1,,\n').records).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['1', '', ''],
    ]);
  });

  it('counts a blank line as a record, so record numbers match spreadsheet rows', () => {
    expect(parseCsv('a\n\nb\n').records).toEqual([['a'], [''], ['b']]);
  });

  it('strips a byte-order mark', () => {
    expect(parseCsv('\uFEFFnpsn;name\n1;2').records[0]).toEqual(['npsn', 'name']);
  });

  it('detects the delimiter from the header line only, ignoring quoted ones', () => {
    expect(detectDelimiter('npsn;name;level\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('npsn,name\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
    const result = parseCsv('npsn;name\n30304122;"SDN 1, Banjarmasin"\n');
    expect(result.delimiter).toBe(';');
    expect(result.records[1]).toEqual(['30304122', 'SDN 1, Banjarmasin']);
  });

  it('honours a given delimiter', () => {
    expect(parseCsv('a;b,c\n', ',').records).toEqual([['a;b', 'c']]);
  });

  it('is lenient with stray quotes the way spreadsheets write them', () => {
    expect(parseCsv('a,b\n5" screen,"quoted"tail\n').records[1]).toEqual(['5" screen', '"quoted"tail']);
  });

  it('reports a quote that is never closed, with the record where it starts', () => {
    const result = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(result.error).toEqual({ code: 'unterminated_quote', record: 3 });
    expect(result.records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads nothing from an empty text', () => {
    expect(parseCsv('')).toEqual({ delimiter: ',', records: [] });
  });

  it('decodes UTF-8 without the byte-order mark and refuses other encodings', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFSDN Pelambuan', 'utf8'))).toBe('SDN Pelambuan');
    expect(decodeUtf8(Buffer.from('Sekolah Dasar Ñ', 'latin1'))).toBeNull();
  });

  it('reads back whatever an RFC 4180 writer wrote', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '"', '\r', '\n', '\r\n', 'é', '|') });
    const table = fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(table, fc.constantFrom<',' | ';'>(',', ';'), fc.constantFrom('\n', '\r\n'), (records, delimiter, lineEnd) => {
        const write = (c: string) => (/[",;\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c);
        const text = records.map((r) => r.map(write).join(delimiter)).join(lineEnd) + lineEnd;
        expect(parseCsv(text, delimiter).records).toEqual(records);
      }),
    );
  });
});
