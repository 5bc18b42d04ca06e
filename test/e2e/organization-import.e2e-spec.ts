import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, nextNpsn, signedIn } from '../support/factories';
import { ALL_COLUMNS, CsvRow, postImport, schoolRow, schoolsByNpsn, toCsv } from '../support/import-helpers';

type Problem = { row: number | null; field: string | null; code: string; problem: string };

describe('school import (POST /organizations/import)', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  const npsnsOf = (rows: CsvRow[]) => rows.map((r) => String(r.npsn));
  const importEvents = (sha256: string) => t.dataSource.getRepository(AuditEvent).find({ where: { entityType: 'organization_import', entityId: sha256 } });

  it('creates every school of a valid file, stores its fields and writes one audit event', async () => {
    const rows = [
      schoolRow({ name: 'SDN Pelambuan 4 Uji', ownership: 'negeri', needs: 'literacy | school_health_unit' }),
      schoolRow({ level: 'mi', ownership: 'swasta', region_code: '63.72', needs: '' }),
      schoolRow({ level: 'SMK', ownership: 'private', student_count: 0, teacher_count: '', address: 'Jl. "Kayu Tangi", Banjarmasin' }),
    ];
    const csv = toCsv(rows);
    const res = await postImport(t.http, admin.auth, csv, { filename: 'sekolah.csv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, delimiter: ',', rows: 3, created: 3, updated: 0, unchanged: 0, problemCount: 0, problems: [], outcomesTruncated: false });
    expect(res.body.sha256).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(res.body.outcomes.map((o: { row: number; outcome: string }) => [o.row, o.outcome])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
    ]);

    const stored = await schoolsByNpsn(t.dataSource, npsnsOf(rows));
    expect(res.body.outcomes.map((o: { id: string }) => o.id)).toEqual(npsnsOf(rows).map((n) => stored.get(n)?.id));
    expect(stored.get(String(rows[0].npsn))).toMatchObject({
      type: 'school',
      name: 'SDN Pelambuan 4 Uji',
      schoolLevel: 'SD',
      ownership: 'public',
      regionCode: '63.71',
      studentCount: 240,
      teacherCount: 14,
      principalName: 'Ibu Uji, S.Pd.',
      needs: ['literacy', 'school_health_unit'],
      version: 1,
    });
    expect(stored.get(String(rows[1].npsn))).toMatchObject({ schoolLevel: 'MI', ownership: 'private', regionCode: '63.72', needs: [] });
    expect(stored.get(String(rows[2].npsn))).toMatchObject({ schoolLevel: 'SMK', studentCount: 0, teacherCount: null, address: 'Jl. "Kayu Tangi", Banjarmasin' });

    const events = await importEvents(res.body.sha256);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'import', actorUserId: admin.user.id });
    expect(events[0].changes).toMatchObject({ sha256: res.body.sha256, fileName: 'sekolah.csv', rows: 3, created: 3, updated: 0, unchanged: 0 });
  });

  it('imports the example file of the docs', async () => {
    const example = readFileSync(join(__dirname, '..', '..', 'docs', 'examples', 'schools-import.csv'));
    const res = await postImport(t.http, admin.auth, example, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 6, created: 6, problemCount: 0 });
  });

  it('reads a semicolon file with a byte-order mark, CRLF line ends and quoted cells', async () => {
    const rows = [schoolRow({ address: 'Jl. Pelambuan; Gg. 4\r\nBanjarmasin Barat' }), schoolRow({ name: 'SD "Teladan" Banjarmasin' })];
    const res = await postImport(t.http, admin.auth, toCsv(rows, { delimiter: ';', lineEnd: '\r\n', bom: true }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ delimiter: ';', rows: 2, created: 2 });
    const stored = await schoolsByNpsn(t.dataSource, npsnsOf(rows));
    expect(stored.get(String(rows[0].npsn))?.address).toBe('Jl. Pelambuan; Gg. 4\r\nBanjarmasin Barat');
    expect(stored.get(String(rows[1].npsn))?.name).toBe('SD "Teladan" Banjarmasin');
  });

  it('answers a dry run with the report and writes nothing', async () => {
    const existing = await createOrganization(t.dataSource, 'school', { name: 'SDN Lama' });
    const rows = [schoolRow(), schoolRow({ npsn: existing.npsn as string, name: 'SDN Baru' })];
    const res = await postImport(t.http, admin.auth, toCsv(rows), { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, rows: 2, created: 1, updated: 1, unchanged: 0 });
    expect(res.body.outcomes).toEqual([
      { row: 2, npsn: rows[0].npsn, outcome: 'created', id: null },
      { row: 3, npsn: existing.npsn, outcome: 'updated', id: existing.id },
    ]);
    const stored = await schoolsByNpsn(t.dataSource, npsnsOf(rows));
    expect(stored.has(String(rows[0].npsn))).toBe(false);
    expect(stored.get(existing.npsn as string)).toMatchObject({ name: 'SDN Lama', version: 1 });
    expect(await importEvents(res.body.sha256)).toHaveLength(0);
  });

  it('writes nothing when one row among 1,000 is bad, and names that row and field', async () => {
    const existing = await createOrganization(t.dataSource, 'school', { name: 'SDN Tetap' });
    const rows = Array.from({ length: 1000 }, () => schoolRow());
    rows[0] = schoolRow({ npsn: existing.npsn as string, name: 'SDN Berubah' });
    rows[736] = schoolRow({ level: 'TK' });
    const res = await postImport(t.http, admin.auth, toCsv(rows));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'import_failed', status: 422, dryRun: false, rows: 1000, problemCount: 1, problemsTruncated: false });
    expect(res.body.problems).toEqual([{ row: 738, field: 'level', code: 'invalid_level', problem: 'level must be one of SD, MI, SMP, MTs, SMA, MA, SMK, SLB; got "TK"' }]);
    const stored = await schoolsByNpsn(t.dataSource, npsnsOf(rows));
    expect(stored.size).toBe(1);
    expect(stored.get(existing.npsn as string)).toMatchObject({ name: 'SDN Tetap', version: 1 });
    expect(await importEvents(res.body.sha256)).toHaveLength(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    const rows = Array.from({ length: 20 }, () => schoolRow());
    const csv = toCsv(rows);
    const first = await postImport(t.http, admin.auth, csv);
    expect(first.body).toMatchObject({ created: 20, updated: 0, unchanged: 0 });
    const before = await schoolsByNpsn(t.dataSource, npsnsOf(rows));

    const again = await postImport(t.http, admin.auth, csv);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ rows: 20, created: 0, updated: 0, unchanged: 20 });
    expect(again.body.outcomes.map((o: { id: string }) => o.id)).toEqual(first.body.outcomes.map((o: { id: string }) => o.id));
    const after = await schoolsByNpsn(t.dataSource, npsnsOf(rows));
    expect(after.size).toBe(20);
    for (const [npsn, school] of after) {
      expect(school.version).toBe(1);
      expect(school.updatedAt).toEqual(before.get(npsn)?.updatedAt);
    }
  });

  it('updates a changed row by NPSN and leaves the columns the file does not have alone', async () => {
    const rows = [schoolRow(), schoolRow(), schoolRow()];
    await postImport(t.http, admin.auth, toCsv(rows)).expect(200);
    const changed = rows.map((r) => ({ ...r }));
    changed[1].name = 'SDN Pelambuan 4 Banjarmasin (baru)';
    changed[1].student_count = 251;
    const columns = ALL_COLUMNS.filter((c) => c !== 'principal_name' && c !== 'needs');
    const res = await postImport(t.http, admin.auth, toCsv(changed, { columns }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(res.body.outcomes[1]).toMatchObject({ row: 3, npsn: rows[1].npsn, outcome: 'updated' });
    const stored = await schoolsByNpsn(t.dataSource, npsnsOf(rows));
    expect(stored.get(String(rows[1].npsn))).toMatchObject({
      name: 'SDN Pelambuan 4 Banjarmasin (baru)',
      studentCount: 251,
      principalName: 'Ibu Uji, S.Pd.',
      needs: ['literacy', 'sanitation'],
      version: 2,
    });
    expect(stored.get(String(rows[0].npsn))?.version).toBe(1);
  });

  it('starts over when one of its new NPSNs is registered while it writes', async () => {
    const rows = [schoolRow(), schoolRow()];
    // Stands in for a concurrent POST /organizations: the first time the import inserts the second
    // school, a school with the same NPSN appears first (a sequence, unlike a table, survives the rollback).
    await t.dataSource.query(`CREATE SEQUENCE import_race_once`);
    await t.dataSource.query(`
      CREATE FUNCTION import_race() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.npsn = '${rows[1].npsn}' AND NEW.name <> 'Racer' AND nextval('import_race_once') = 1 THEN
          INSERT INTO organizations (type, name, npsn, school_level, region_code) VALUES ('school', 'Racer', NEW.npsn, 'SD', '63.71');
        END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(`CREATE TRIGGER import_race BEFORE INSERT ON organizations FOR EACH ROW EXECUTE FUNCTION import_race()`);
    try {
      const res = await postImport(t.http, admin.auth, toCsv(rows));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 2, updated: 0 });
      const [{ nextval }] = await t.dataSource.query(`SELECT nextval('import_race_once')::int AS nextval`);
      expect(nextval).toBe(3); // the trigger fired on the first attempt and on the retry
      const stored = await schoolsByNpsn(t.dataSource, npsnsOf(rows));
      expect([...stored.values()].map((s) => s.name)).toEqual(expect.arrayContaining([rows[0].name, rows[1].name]));
      expect(await importEvents(res.body.sha256)).toHaveLength(1);
    } finally {
      await t.dataSource.query(`DROP TRIGGER import_race ON organizations`);
      await t.dataSource.query(`DROP FUNCTION import_race()`);
      await t.dataSource.query(`DROP SEQUENCE import_race_once`);
    }
  });

  it('reports every problem of every row with its row number and column', async () => {
    const rows = [
      schoolRow(),
      schoolRow({ region_code: '63.99' }),
      schoolRow({ level: 'Sekolah Dasar', npsn: '3030412' }),
      schoolRow({ region_code: '63', name: '' }),
      schoolRow({ student_count: '-5', ownership: 'yayasan', needs: 'literacy|robotics' }),
    ];
    const res = await postImport(t.http, admin.auth, toCsv(rows));
    expect(res.status).toBe(422);
    expect(res.body.problemCount).toBe(8);
    expect(res.body.problems.map((p: Problem) => [p.row, p.field, p.code])).toEqual([
      [3, 'region_code', 'unknown_region'],
      [4, 'npsn', 'invalid_npsn'],
      [4, 'level', 'invalid_level'],
      [5, 'name', 'required'],
      [5, 'region_code', 'invalid_region_code'],
      [6, 'ownership', 'invalid_ownership'],
      [6, 'student_count', 'invalid_count'],
      [6, 'needs', 'unknown_topic'],
    ]);
    const byCode = (code: string) => res.body.problems.find((p: Problem) => p.code === code)?.problem;
    expect(byCode('unknown_region')).toBe('region_code 63.99 is not a known regency/city code');
    expect(byCode('invalid_npsn')).toContain('exactly 8 digits');
    expect(byCode('invalid_region_code')).toContain('that is a province code');
    expect(byCode('unknown_topic')).toContain('robotics');
    expect((await schoolsByNpsn(t.dataSource, npsnsOf(rows))).size).toBe(0);
  });

  it('lists the first 1,000 problems and row outcomes of a large file, with the totals', async () => {
    const bad = Array.from({ length: 1100 }, () => schoolRow({ level: 'TK' }));
    const refused = await postImport(t.http, admin.auth, toCsv(bad));
    expect(refused.body).toMatchObject({ rows: 1100, problemCount: 1100, problemsTruncated: true });
    expect(refused.body.problems).toHaveLength(1000);
    expect([refused.body.problems[0].row, refused.body.problems[999].row]).toEqual([2, 1001]);

    const good = Array.from({ length: 1001 }, () => schoolRow());
    const checked = await postImport(t.http, admin.auth, toCsv(good), { dryRun: true });
    expect(checked.body).toMatchObject({ rows: 1001, created: 1001, outcomesTruncated: true });
    expect(checked.body.outcomes).toHaveLength(1000);
  });

  it('refuses unknown columns and a missing required column on the header row', async () => {
    const rows = [schoolRow({ jarak_ke_kota: '12 km' })];
    const columns = [...ALL_COLUMNS.filter((c) => c !== 'level'), 'jarak_ke_kota'];
    const res = await postImport(t.http, admin.auth, toCsv(rows, { columns }));
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      expect.objectContaining({ row: 1, field: 'jarak_ke_kota', code: 'unknown_column', problem: expect.stringContaining('unknown column "jarak_ke_kota"') }),
      expect.objectContaining({ row: 1, field: 'level', code: 'missing_column' }),
    ]);
  });

  it('refuses a file that is not UTF-8, is empty, or has a quote that is never closed', async () => {
    const latin1 = await postImport(t.http, admin.auth, Buffer.from(toCsv([schoolRow({ name: 'SD Ñusantara' })]), 'latin1'));
    expect(latin1.status).toBe(422);
    expect(latin1.body.problems).toEqual([expect.objectContaining({ row: null, field: null, code: 'not_utf8' })]);
    const empty = await postImport(t.http, admin.auth, '');
    expect(empty.body.problems).toEqual([expect.objectContaining({ row: null, code: 'empty_file' })]);
    const headerOnly = await postImport(t.http, admin.auth, toCsv([]));
    expect(headerOnly.body.problems).toEqual([expect.objectContaining({ row: null, code: 'no_rows' })]);
    const open = `npsn,name,level,region_code\n${nextNpsn()},SDN Tertutup,SD,63.71\n${nextNpsn()},"SDN Terbuka,SD,63.71\n${nextNpsn()},SDN Lain,SD,63.71\n`;
    const unterminated = await postImport(t.http, admin.auth, open);
    expect(unterminated.status).toBe(422);
    expect(unterminated.body.problems).toEqual([expect.objectContaining({ row: 3, field: null, code: 'unterminated_quote' })]);
  });

  it('reads column names in any case, order and spacing', async () => {
    const row = schoolRow();
    const csv = `Region Code,NAME,npsn,Level\n${row.region_code},${row.name},${row.npsn},sd\n`;
    const res = await postImport(t.http, admin.auth, csv);
    expect(res.status).toBe(200);
    expect((await schoolsByNpsn(t.dataSource, [String(row.npsn)])).get(String(row.npsn))).toMatchObject({ name: row.name, schoolLevel: 'SD', regionCode: '63.71', needs: [] });
  });

  it('refuses an NPSN that appears twice in the file, on the later row', async () => {
    const first = schoolRow();
    const rows = [first, schoolRow(), schoolRow({ npsn: first.npsn })];
    const res = await postImport(t.http, admin.auth, toCsv(rows));
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      { row: 4, field: 'npsn', code: 'duplicate_npsn', problem: `npsn ${first.npsn} is already on row 2 of this file; keep one row per school` },
    ]);
  });

  it("lets an education officer import only inside the office's jurisdiction", async () => {
    const office = await createOrganization(t.dataSource, 'education_office', { officeLevel: 'regency', regionCode: '63.71' });
    const officer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: office });

    const inside = [schoolRow(), schoolRow()];
    expect((await postImport(t.http, officer.auth, toCsv(inside))).body).toMatchObject({ created: 2 });

    const outside = [schoolRow(), schoolRow({ region_code: '63.72' })];
    const refused = await postImport(t.http, officer.auth, toCsv(outside));
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([
      { row: 3, field: 'region_code', code: 'outside_jurisdiction', problem: "region_code 63.72 is outside your office's jurisdiction (regency/city 63.71)" },
    ]);
    expect((await schoolsByNpsn(t.dataSource, npsnsOf(outside))).size).toBe(0);

    // A school registered elsewhere cannot be pulled into the jurisdiction by its NPSN.
    const elsewhere = await createOrganization(t.dataSource, 'school', { regionCode: '64.71', name: 'SDN 012 Balikpapan Uji' });
    const takeover = await postImport(t.http, officer.auth, toCsv([schoolRow({ npsn: elsewhere.npsn as string })]));
    expect(takeover.status).toBe(422);
    expect(takeover.body.problems[0]).toMatchObject({ row: 2, field: 'npsn', code: 'school_outside_jurisdiction' });

    const province = await createOrganization(t.dataSource, 'education_office', { officeLevel: 'province', regionCode: '63' });
    const provincial = await signedIn(t.dataSource, t.http, 'education_officer', { organization: province });
    const acrossProvince = [schoolRow({ region_code: '63.72' }), schoolRow({ region_code: '63.01' })];
    expect((await postImport(t.http, provincial.auth, toCsv(acrossProvince))).body).toMatchObject({ created: 2 });
    const otherProvince = await postImport(t.http, provincial.auth, toCsv([schoolRow({ region_code: '64.71' })]));
    expect(otherProvince.body.problems[0]).toMatchObject({ row: 2, field: 'region_code', code: 'outside_jurisdiction' });
  });

  it('refuses a file over 20 MB with 413 payload_too_large', async () => {
    const header = `${ALL_COLUMNS.join(',')}\n`;
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 'x');
    big.write(header);
    const res = await postImport(t.http, admin.auth, big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(res.body.detail).toContain('20 MB');
  });

  it('asks for a file in the field "file"', async () => {
    const res = await t.http.post('/api/v1/organizations/import').set('Authorization', admin.auth).field('note', 'no file here');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'file', code: 'required' })] });
    const wrongField = await t.http.post('/api/v1/organizations/import').set('Authorization', admin.auth).attach('upload', Buffer.from('npsn\n'), 'a.csv');
    expect(wrongField.status).toBe(422);
    expect(wrongField.body.errors[0]).toMatchObject({ field: 'file', code: 'multipart_invalid' });
  });

  it('needs a token (401) and the import permission (403 for a principal)', async () => {
    const csv = toCsv([schoolRow()]);
    const anonymous = await postImport(t.http, null, csv);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
    const principal = await signedIn(t.dataSource, t.http, 'principal');
    const forbidden = await postImport(t.http, principal.auth, csv);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbidden');
  });

  it('documents the upload and its columns in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const op = doc.paths['/api/v1/organizations/import'].post;
    expect(Object.keys(op.requestBody.content)).toEqual(['multipart/form-data']);
    expect(op.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    for (const column of ALL_COLUMNS) expect(op.description).toContain(`| \`${column}\` |`);
    expect(op.parameters).toEqual([expect.objectContaining({ name: 'dryRun', in: 'query' })]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '413', '422']));
  });

  it('explains the problems in Bahasa Indonesia when asked', async () => {
    const rows = [schoolRow(), schoolRow({ region_code: '63.99', npsn: '1234' })];
    const res = await postImport(t.http, admin.auth, toCsv(rows), { lang: 'id-ID,id;q=0.9' });
    expect(res.status).toBe(422);
    expect(res.body.title).toBe('Berkas berisi baris yang perlu diperbaiki');
    expect(res.body.detail).toContain('Tidak ada yang diimpor');
    expect(res.body.problems).toEqual([
      expect.objectContaining({ row: 3, field: 'npsn', problem: expect.stringContaining('npsn harus tepat 8 digit') }),
      { row: 3, field: 'region_code', code: 'unknown_region', problem: 'region_code 63.99 bukan kode kabupaten/kota yang dikenal' },
    ]);
  });
});
