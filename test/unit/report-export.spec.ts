import { chartSpec } from '../../src/reports/charts/chart-specs';
import { formatDate, formatDecimal, formatInteger, parseLocaleNumber } from '../../src/reports/export/locale-format';
import { reportCsv, reportXlsx } from '../../src/reports/export/report-files';
import type { ReportTable } from '../../src/reports/export/report-tables';
import { reportOutput } from '../../src/reports/report-outputs.service';
import { asOfDay } from '../../src/reports/reports.service';
import { readXlsx } from '../support/xlsx';

describe('report formatting', () => {
  it('writes numbers plainly in English and the Indonesian way in Bahasa Indonesia, exactly for large rupiah', () => {
    expect(formatInteger('1234567', 'en')).toBe('1234567');
    expect(formatInteger('1234567', 'id')).toBe('1.234.567');
    expect(formatInteger('9000000000000000001', 'id')).toBe('9.000.000.000.000.000.001');
    expect(formatInteger(-1500, 'id')).toBe('-1.500');
    expect(formatDecimal(7.25, 'en')).toBe('7.25');
    expect(formatDecimal(7.25, 'id')).toBe('7,25');
    expect(formatDecimal(1234.5, 'id')).toBe('1.234,5');
    expect(formatDecimal(22, 'id')).toBe('22');
    expect(formatDate('2026-07-15', 'en')).toBe('2026-07-15');
    expect(formatDate('2026-07-15', 'id')).toBe('15/07/2026');
    for (const n of [0, 7.25, 1234.5, 1234567]) expect(parseLocaleNumber(formatDecimal(n, 'id'), 'id')).toBe(n);
  });

  it('takes a year’s figures on today during the year, on its last day before', () => {
    expect(asOfDay(2026, '2026-07-15')).toBe('2026-07-15');
    expect(asOfDay(2025, '2026-07-15')).toBe('2025-12-31');
    expect(asOfDay(2027, '2026-07-15')).toBe('2026-07-15');
  });

  it('picks the format from ?format=, then Accept, and the locale from ?locale=, then Accept-Language', () => {
    expect(reportOutput({}, undefined, undefined)).toEqual({ format: 'json', locale: 'en' });
    expect(reportOutput({}, 'text/csv', 'id-ID,id;q=0.9')).toEqual({ format: 'csv', locale: 'id' });
    expect(reportOutput({}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', undefined).format).toBe('xlsx');
    expect(reportOutput({ format: 'json', locale: 'en' }, 'text/csv', 'id')).toEqual({ format: 'json', locale: 'en' });
    expect(reportOutput({}, 'application/json, text/plain', undefined).format).toBe('json');
  });
});

describe('report files', () => {
  const tables: ReportTable[] = [
    {
      title: { en: 'Money', id: 'Dana' },
      columns: [
        { en: 'Year', id: 'Tahun' },
        { en: 'Awarded', id: 'Diberikan' },
        { en: 'Hours', id: 'Jam' },
        { en: 'As of', id: 'Per tanggal' },
        { en: 'Note', id: 'Catatan' },
      ],
      rows: [
        [{ year: 2026 }, { money: '1500000' }, { decimal: 7.25 }, { date: '2026-07-15' }, { text: '=SUM(A1), "quoted"; x' }],
        [{ label: { en: 'Total', id: 'Total' } }, { money: '0' }, null, null, null],
      ],
    },
    { title: { en: 'Second', id: 'Kedua' }, columns: [{ en: 'A', id: 'A' }], rows: [] },
  ];

  it('stacks the tables in one CSV, comma and plain in English', () => {
    const csv = reportCsv(tables, 'en').toString('utf8');
    expect(csv).toBe('\ufeffMoney\r\nYear,Awarded,Hours,As of,Note\r\n2026,1500000,7.25,2026-07-15,"\'=SUM(A1), ""quoted""; x"\r\nTotal,0,,,\r\n\r\nSecond\r\nA\r\n');
  });

  it('writes Indonesian CSV with semicolons, 1.500.000, 7,25 and dd/mm/yyyy', () => {
    const csv = reportCsv(tables, 'id').toString('utf8');
    expect(csv.split('\r\n').slice(0, 3)).toEqual(['\ufeffDana', 'Tahun;Diberikan;Jam;Per tanggal;Catatan', '2026;1.500.000;7,25;15/07/2026;"\'=SUM(A1), ""quoted""; x"']);
  });

  it('gives each table its own sheet, with numbers, rupiah, decimals and dates as typed cells', async () => {
    const book = await readXlsx(await reportXlsx(tables, 'id'));
    expect([...book.keys()]).toEqual(['Dana', 'Kedua']);
    const sheet = book.get('Dana')!;
    expect(sheet.rows[0]).toEqual(['Tahun', 'Diberikan', 'Jam', 'Per tanggal', 'Catatan']);
    expect(sheet.rows[1]).toEqual([2026, 1500000, 7.25, new Date('2026-07-15T00:00:00Z'), '=SUM(A1), "quoted"; x']);
    expect(sheet.formats.get('A2')).toBeUndefined();
    expect(sheet.formats.get('B2')).toBe('"Rp" #,##0');
    expect(sheet.formats.get('C2')).toBe('#,##0.00');
    expect(sheet.formats.get('D2')).toBe('dd/mm/yyyy');
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.autoFilter).toBe('A1:E3');
    expect((await readXlsx(await reportXlsx(tables, 'en'))).get('Money')!.formats.get('D2')).toBe('yyyy-mm-dd');
  });

  it('keeps rupiah beyond what a spreadsheet number holds exactly as text, digit for digit', async () => {
    const big: ReportTable[] = [{ title: { en: 'Big', id: 'Besar' }, columns: [{ en: 'Awarded', id: 'Diberikan' }], rows: [[{ money: '90071992547409931' }]] }];
    expect((await readXlsx(await reportXlsx(big, 'en'))).get('Big')!.rows[1]).toEqual(['90071992547409931']);
  });
});

describe('chart specifications', () => {
  const program = { id: 'p', name: 'Generasi Trakindo', startYear: 2012, endYear: null, company: { id: 'c', name: 'PT Trakindo Utama' } };

  it('labels the series, axes and title in the chosen language, money in millions', () => {
    const series = [{ year: 2012, grants: { awarded: '150000000', disbursed: '100000000', accepted: '75500000' } }] as never;
    const en = chartSpec({ name: 'grant-money-by-year', program, series }, 'en') as any;
    expect(en.title.text).toBe('Grant money by year');
    expect(en.data.values).toEqual([
      { year: '2012', series: 'Awarded', value: 150 },
      { year: '2012', series: 'Disbursed', value: 100 },
      { year: '2012', series: 'Accepted spending', value: 75.5 },
    ]);
    expect(en.encoding.y.title).toBe('Million rupiah');
    const id = chartSpec({ name: 'grant-money-by-year', program, series }, 'id') as any;
    expect(id.encoding.color.scale.domain).toEqual(['Diberikan', 'Dicairkan', 'Belanja diterima']);
    expect(id.config.locale.number).toMatchObject({ decimal: ',', thousands: '.' });
  });
});
