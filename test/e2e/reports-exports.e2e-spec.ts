import { parseLocaleNumber } from '../../src/reports/export/locale-format';
import { createTestApp, TestApp } from '../support/app';
import { fixToday } from '../support/mou-factories';
import { reportWorld, ReportWorld } from '../support/report-dataset';
import { readXlsx } from '../support/xlsx';
import type { ReadSheet, XlsxValue } from '../support/xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a CSV document (BOM, CRLF, quoted fields) into rows of fields. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

/** The tables of a report CSV by title: a title line, a header line, rows, a blank line between tables. */
function csvTables(rows: string[][]): Map<string, { header: string[]; rows: string[][] }> {
  const tables = new Map<string, { header: string[]; rows: string[][] }>();
  let i = 0;
  while (i < rows.length) {
    const title = rows[i][0];
    const header = rows[i + 1];
    const body: string[][] = [];
    i += 2;
    while (i < rows.length && !(rows[i].length === 1 && rows[i][0] === '')) body.push(rows[i++]);
    tables.set(title, { header, rows: body });
    i += 1;
  }
  return tables;
}

/** The sheets of an XLSX workbook by name, read back with exceljs. */
async function xlsxSheets(buffer: Buffer): Promise<{ sheets: Map<string, XlsxValue[][]>; book: Map<string, ReadSheet> }> {
  const book = await readXlsx(buffer);
  return { sheets: new Map([...book].map(([name, sheet]) => [name, sheet.rows])), book };
}

/** The rows of a sheet as objects keyed by the header row. */
const records = (rows: XlsxValue[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [String(h), r[i]])));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const binary = (res: { on: (event: string, cb: (chunk?: Buffer) => void) => void }, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk?: Buffer) => chunk && chunks.push(chunk));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('report exports and charts', () => {
  let t: TestApp;
  let w: ReportWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await reportWorld(t);
  });
  beforeEach(() => fixToday(t, '2026-07-15'));
  afterAll(() => t.close());

  const get = (path: string, auth: string) => t.http.get(path).set('Authorization', auth).buffer(true).parse(binary);
  const json = async (path: string, auth: string) => JSON.parse((await get(path, auth)).body.toString('utf8'));

  describe('portfolio', () => {
    it('exports CSV that parses back to the same numbers as the JSON', async () => {
      // Parents reached by a cohort school in 2026 (a school-year without any has no row).
      await t.dataSource.query(
        `INSERT INTO parent_engagement_activities (school_id, kind, held_on, parents_reached, created_by_user_id) VALUES ($1, 'parenting_class', '2026-03-14', 38, (SELECT id FROM users ORDER BY created_at LIMIT 1))`,
        [w.schools.s1],
      );
      const report = await json(`/api/v1/reports/portfolio?programId=${w.programA}&year=2026`, w.csrA.auth);
      const res = await get(`/api/v1/reports/portfolio?programId=${w.programA}&year=2026&format=csv&locale=en`, w.csrA.auth);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="portfolio-generasi-alpha-\w+-2026-en\.csv"/);
      const tables = csvTables(parseCsv(res.body.toString('utf8'), ','));
      expect([...tables.keys()]).toEqual(['Report', 'Figures 2026', 'Cohort by province', 'Series', 'Parents reached']);
      const figures = new Map(tables.get('Figures 2026')!.rows.map((r) => [r[0], r[1]]));
      expect(figures.get('Awarded (IDR)')).toBe(report.grants.awarded);
      expect(Number(figures.get('Hours done'))).toBe(report.mentoring.hoursDone);
      expect(Number(figures.get('Mean gain (points)'))).toBe(report.trainings.meanGain);
      expect(figures.get('Mean score')).toBe('');
      const series = tables.get('Series')!;
      const col = (name: string) => series.header.indexOf(name);
      expect(series.rows.map((r) => [Number(r[col('Year')]), r[col('As of')], r[col('Awarded (IDR)')], r[col('Balance at schools (IDR)')], Number(r[col('Sessions done')]), Number(r[col('Hours done')])])).toEqual(
        report.series.map((s: any) => [s.year, s.asOf, s.grants.awarded, s.grants.balanceAtSchools, s.mentoring.sessionsDone, s.mentoring.hoursDone]),
      );
      expect(report.parentsReached.length).toBeGreaterThan(0);
      const parents = tables.get('Parents reached')!;
      expect(parents.header).toEqual(['School', 'Year', "Parents at the school's own activities", 'Parents at mentoring sessions', 'Parents at trainings', 'Total']);
      expect(parents.rows.map((r) => [r[0], Number(r[1]), Number(r[2]), Number(r[3]), Number(r[4]), Number(r[5])])).toEqual(
        report.parentsReached.map((p: any) => [p.school.name, p.year, p.activities, p.mentoring, p.trainings, p.total]),
      );
      expect(tables.get('Cohort by province')!.rows).toEqual([
        ['61', 'Kalimantan Barat', '2'],
        ['64', 'Kalimantan Timur', '1'],
        ['', 'Total', '3'],
      ]);
    });

    it('formats CSV the Indonesian way with locale=id, chosen by the Accept header', async () => {
      const report = await json(`/api/v1/reports/portfolio?programId=${w.programA}&year=2026`, w.csrA.auth);
      const res = await t.http
        .get(`/api/v1/reports/portfolio?programId=${w.programA}&year=2026&locale=id`)
        .set('Authorization', w.csrA.auth)
        .set('Accept', 'text/csv')
        .buffer(true)
        .parse(binary);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text = res.body.toString('utf8');
      expect(text).toContain('210.000.000');
      expect(text).toContain('7,25');
      expect(text).toContain('15/07/2026');
      const tables = csvTables(parseCsv(text, ';'));
      expect([...tables.keys()]).toEqual(['Laporan', 'Angka 2026', 'Kohort per provinsi', 'Seri tahunan', 'Orang tua terjangkau']);
      const figures = new Map(tables.get('Angka 2026')!.rows.map((r) => [r[0], r[1]]));
      expect(figures.get('Diberikan (Rp)')).toBe('210.000.000');
      expect(parseLocaleNumber(figures.get('Diberikan (Rp)')!, 'id')).toBe(Number(report.grants.awarded));
      expect(parseLocaleNumber(figures.get('Jam terlaksana')!, 'id')).toBe(report.mentoring.hoursDone);
      expect(parseLocaleNumber(figures.get('Rata-rata peningkatan (poin)')!, 'id')).toBe(13.33);
      const series = tables.get('Seri tahunan')!;
      const col = (name: string) => series.header.indexOf(name);
      expect(series.rows.map((r) => [r[col('Per tanggal')], parseLocaleNumber(r[col('Dicairkan (Rp)')], 'id')])).toEqual([
        ['31/12/2024', 200_000_000],
        ['31/12/2025', 180_000_000],
        ['15/07/2026', 105_000_000],
      ]);
    });

    it('exports an XLSX workbook with numbers as numbers and dates as dates', async () => {
      const report = await json(`/api/v1/reports/portfolio?programId=${w.programA}&year=2026`, w.csrA.auth);
      const res = await t.http.get(`/api/v1/reports/portfolio?programId=${w.programA}&year=2026`).set('Authorization', w.csrA.auth).set('Accept', XLSX).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      const { sheets, book } = await xlsxSheets(res.body);
      expect([...sheets.keys()]).toEqual(['Report', 'Figures 2026', 'Cohort by province', 'Series', 'Parents reached']);
      const series = records(sheets.get('Series')!);
      expect(series.map((r) => [r['Year'], r['Awarded (IDR)'], r['Accepted spending (IDR)'], r['Hours planned'], r['Hours done'], r['Mean gain (points)']])).toEqual(
        report.series.map((s: any) => [s.year, Number(s.grants.awarded), Number(s.grants.accepted), s.mentoring.plannedHours, s.mentoring.hoursDone, s.trainings.meanGain ?? undefined]),
      );
      // As of 2026-07-15: a real date cell, in the date style of the language (yyyy-mm-dd).
      expect(series[2]['As of']).toEqual(new Date('2026-07-15T00:00:00Z'));
      const seriesSheet = book.get('Series')!;
      expect(seriesSheet.formats.get('D4')).toBe('yyyy-mm-dd');
      // The header stays in view and carries the filters; rupiah read as rupiah; columns fit their headers.
      expect(seriesSheet.frozenRows).toBe(1);
      expect(seriesSheet.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
      const awardedColumn = seriesSheet.rows[0].indexOf('Awarded (IDR)');
      expect(seriesSheet.formats.get(`${String.fromCharCode(65 + awardedColumn)}2`)).toBe('"Rp" #,##0');
      seriesSheet.rows[0].forEach((header, i) => expect(seriesSheet.widths[i]).toBeGreaterThanOrEqual(String(header).length));
      const id = await get(`/api/v1/reports/portfolio?programId=${w.programA}&year=2026&format=xlsx&locale=id`, w.csrA.auth);
      const idBook = await xlsxSheets(id.body);
      expect([...idBook.sheets.keys()]).toEqual(['Laporan', 'Angka 2026', 'Kohort per provinsi', 'Seri tahunan', 'Orang tua terjangkau']);
      expect(idBook.book.get('Seri tahunan')!.formats.get('D4')).toBe('dd/mm/yyyy');
      expect(records(idBook.sheets.get('Seri tahunan')!)[2]['Diberikan (Rp)']).toBe(210_000_000);
    });

    it('refuses an unknown format', async () => {
      const res = await get(`/api/v1/reports/portfolio?programId=${w.programA}&format=pdf`, w.csrA.auth);
      expect(res.status).toBe(422);
    });
  });

  describe('region, health and timeline files', () => {
    it('exports the region report with the same totals', async () => {
      const report = await json('/api/v1/reports/region?regionCode=61&year=2026', w.officeProvince.auth);
      const csv = await get('/api/v1/reports/region?regionCode=61&year=2026&format=csv', w.officeProvince.auth);
      const tables = csvTables(parseCsv(csv.body.toString('utf8'), ','));
      const regencies = tables.get('Regencies')!;
      const total = regencies.rows[regencies.rows.length - 1];
      const col = (name: string) => regencies.header.indexOf(name);
      expect(total[col('Regency/city')]).toBe('Total');
      expect([total[col('Schools')], total[col('Schools with a partner')], total[col('Awarded (IDR)')], total[col('Hours done')]]).toEqual([
        String(report.totals.schools),
        String(report.totals.withPartner),
        report.totals.grants.awarded,
        String(report.totals.mentoring.hoursDone),
      ]);
      expect(tables.get('Schools with partners')!.rows.map((r) => r[3])).toEqual(['2', '1', '1']);
      const xlsx = await get('/api/v1/reports/region?regionCode=61&year=2026&format=xlsx&locale=id', w.officeProvince.auth);
      const book = await xlsxSheets(xlsx.body);
      const rows = records(book.sheets.get('Kabupaten-kota')!);
      expect(rows.map((r) => [r['Kode wilayah'], r['Sekolah'], r['Diberikan (Rp)'], r['Jam terlaksana']])).toEqual([
        ...report.regencies.map((g: any) => [g.code, g.schools, Number(g.grants.awarded), g.mentoring.hoursDone]),
        [undefined, report.totals.schools, Number(report.totals.grants.awarded), report.totals.mentoring.hoursDone],
      ]);
    });

    it('exports partnership health with its reasons, and the school timeline with its events', async () => {
      const health = await get(`/api/v1/reports/portfolio/health?programId=${w.programA}&format=csv&locale=id`, w.csrA.auth);
      const tables = csvTables(parseCsv(health.body.toString('utf8'), ';'));
      const rows = tables.get('Kesehatan kemitraan')!.rows;
      expect(rows.map((r) => r[4])).toEqual(['35', '40', '70']);
      expect(rows[1][6]).toContain('mou_lapsed −30: Tidak ada MoU yang berlaku sejak 2026-01-01');
      const timeline = await get(`/api/v1/schools/${w.schools.s1}/timeline?format=xlsx`, w.principalS1.auth);
      const book = await xlsxSheets(timeline.body);
      const years = records(book.sheets.get('Years')!);
      expect(years.filter((y) => y['Year'] === 2026).map((y) => y['Awarded (IDR)'])).toEqual([150_000_000, 80_000_000]);
      const events = records(book.sheets.get('Events')!);
      expect(events.some((e) => e['Kind'] === 'grant_disbursed' && e['Title'] === 'Tranche 1 of Rp 75.000.000 disbursed')).toBe(true);
    });

    it('tells the school timeline file in the language it is asked for: labels and event texts alike', async () => {
      const url = `/api/v1/schools/${w.schools.s1}/timeline`;
      // Accept-Language: id gives an Indonesian CSV (semicolons) whose events read in Bahasa Indonesia.
      const csv = await t.http.get(`${url}?format=csv`).set('Authorization', w.principalS1.auth).set('Accept-Language', 'id').buffer(true).parse(binary);
      expect(csv.status).toBe(200);
      const peristiwa = csvTables(parseCsv(csv.body.toString('utf8'), ';')).get('Peristiwa')!;
      const col = (name: string) => peristiwa.header.indexOf(name);
      const row = (kind: string) => peristiwa.rows.find((r) => r[col('Jenis')] === kind)!;
      expect([row('grant_disbursed')[col('Tanggal')], row('grant_disbursed')[col('Judul')]]).toEqual(['10/03/2026', 'Termin 1 sebesar Rp 75.000.000 dicairkan']);
      expect(row('partnership_status')[col('Judul')]).toBe('Kemitraan dimulai');
      expect(row('plan_submitted')[col('Judul')]).toBe('Rencana program 2024 dikirim');
      expect(row('expense_report_accepted')[col('Judul')]).toBe('Laporan penggunaan dana diterima: belanja Rp 100.000.000');
      expect(row('mentoring_session')[col('Judul')]).toMatch(/^Kunjungan pendampingan tentang literasi \(\d+ menit\)$/);
      expect([row('competition_result')[col('Judul')], row('competition_result')[col('Rincian')]]).toEqual([
        'Lomba Inovasi 2025: Juara 1 kategori Literacy innovation (peringkat 1 dari 2)',
        'Karya "Pojok baca" (tingkat nasional); nilai rata-rata 85,5, skor ternormalisasi 0,707, 2 juri; hasil diumumkan 20 November 2025',
      ]);
      // ?locale=id decides over an English Accept-Language, for the file's labels and its events.
      const xlsx = await t.http.get(`${url}?format=xlsx&locale=id`).set('Authorization', w.principalS1.auth).set('Accept-Language', 'en').buffer(true).parse(binary);
      const rows = records((await xlsxSheets(xlsx.body)).sheets.get('Peristiwa')!);
      expect(rows.find((e) => e['Jenis'] === 'grant_awarded')?.['Judul']).toBe('Dana stimulus tahun 2024 sebesar Rp 100.000.000 diberikan');
      // And English stays English in both.
      const en = await t.http.get(`${url}?format=csv`).set('Authorization', w.principalS1.auth).set('Accept-Language', 'en').buffer(true).parse(binary);
      const enEvents = csvTables(parseCsv(en.body.toString('utf8'), ',')).get('Events')!;
      expect(enEvents.rows.find((r) => r[enEvents.header.indexOf('Kind')] === 'partnership_status')![enEvents.header.indexOf('Title')]).toBe('Partnership started');
    });
  });

  describe('charts', () => {
    const chart = (name: string, query: string, auth = w.csrA.auth) => get(`/api/v1/reports/portfolio/charts/${name}?programId=${w.programA}${query}`, auth);
    const svgSize = (svg: string) => {
      const m = svg.match(/^<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/);
      expect(m).not.toBeNull();
      return { width: Number(m![1]), height: Number(m![2]) };
    };

    it.each([
      ['grant-money-by-year', 'Grant money by year', ['Awarded', 'Disbursed', 'Accepted spending', 'Million rupiah', '2024', '2025', '2026']],
      ['cohort-by-year-province', 'Cohort size by year and province', ['Kalimantan Barat', 'Kalimantan Timur', 'Schools in the cohort']],
      ['mentoring-hours', 'Mentoring hours: done vs planned', ['Hours planned', 'Hours done', 'Hours']],
      ['competition-scores', 'Competition scores by year', ['Winner', 'Runner-up', 'Mean of the year']],
    ])('renders %s as SVG with its title and series', async (name, title, labels) => {
      const res = await chart(name, '&format=svg&locale=en');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      const svg = res.body.toString('utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg).toContain(title);
      for (const label of labels) expect(svg).toContain(label);
    });

    it('labels the charts in Bahasa Indonesia', async () => {
      const grants = (await chart('grant-money-by-year', '&locale=id')).body.toString('utf8');
      for (const label of ['Dana hibah per tahun', 'Diberikan', 'Dicairkan', 'Belanja diterima', 'Juta rupiah', 'Tahun program']) expect(grants).toContain(label);
      const mentoring = (await chart('mentoring-hours', '&locale=id')).body.toString('utf8');
      for (const label of ['Jam pendampingan: terlaksana vs direncanakan', 'Jam direncanakan', 'Jam terlaksana']) expect(mentoring).toContain(label);
      expect((await chart('competition-scores', '&locale=id')).body.toString('utf8')).toContain('Juara 1');
    });

    it('renders PNG at twice the size of the SVG, by format or Accept header', async () => {
      const svg = svgSize((await chart('grant-money-by-year', '')).body.toString('utf8'));
      const png = await chart('grant-money-by-year', '&format=png');
      expect(png.status).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(pngSize(png.body)).toEqual({ width: Math.round(svg.width * 2), height: Math.round(svg.height * 2) });
      const accepted = await t.http.get(`/api/v1/reports/portfolio/charts/cohort-by-year-province?programId=${w.programA}`).set('Authorization', w.csrA.auth).set('Accept', 'image/png').buffer(true).parse(binary);
      expect(accepted.headers['content-type']).toBe('image/png');
      expect(pngSize(accepted.body).width).toBeGreaterThan(600);
    });

    it('refuses unknown charts, other companies and other roles', async () => {
      const unknown = await chart('pie', '');
      expect(unknown.status).toBe(422);
      expect((await chart('mentoring-hours', '', w.csrB.auth)).status).toBe(404);
      expect((await chart('mentoring-hours', '', w.principalS1.auth)).status).toBe(403);
      expect((await t.http.get(`/api/v1/reports/portfolio/charts/mentoring-hours?programId=${w.programA}`)).status).toBe(401);
    });
  });
});
