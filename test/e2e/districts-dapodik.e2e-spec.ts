import { createTestApp, TestApp } from '../support/app';
import { nextNpsn, signedIn } from '../support/factories';
import { postImport, schoolRow, schoolsByNpsn, toCsv } from '../support/import-helpers';

type Problem = { row: number | null; field: string | null; code: string; problem: string };

/** A school export of Dapodik as an office downloads it: Indonesian headers, Negeri/Swasta, Kemendagri codes down to kecamatan, columns Jalin does not keep. */
const DAPODIK_HEADER = ['No', 'NPSN', 'Nama Sekolah', 'Bentuk Pendidikan', 'Status Sekolah', 'Alamat', 'Kode Wilayah', 'Kecamatan', 'Kab./Kota', 'Jumlah Siswa', 'Jumlah Guru', 'Kepala Sekolah', 'Sinkron Terakhir'];

describe('districts (kecamatan) and Dapodik school exports', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  const get = (url: string) => t.http.get(url).set('Authorization', admin.auth);

  it('lists the districts of a regency/city, and a province still lists only its regencies/cities', async () => {
    const districts = await get('/api/v1/regions?regencyCode=63.71');
    expect(districts.status).toBe(200);
    expect(districts.body.items.map((r: { code: string; name: string }) => [r.code, r.name])).toEqual([
      ['63.71.01', 'Banjarmasin Selatan'],
      ['63.71.02', 'Banjarmasin Timur'],
      ['63.71.03', 'Banjarmasin Barat'],
      ['63.71.04', 'Banjarmasin Utara'],
      ['63.71.05', 'Banjarmasin Tengah'],
    ]);
    expect(districts.body.items[0]).toMatchObject({ level: 'district', provinceCode: '63', regencyCode: '63.71' });
    const regencies = await get('/api/v1/regions?provinceCode=63');
    expect(regencies.body.items.length).toBe(13);
    expect(regencies.body.items.every((r: { level: string }) => r.level === 'regency')).toBe(true);
    expect((await get('/api/v1/regions?regencyCode=6371')).status).toBe(422);
    expect((await get('/api/v1/regions')).body.items).toHaveLength(38);
  });

  it('imports a Dapodik export as it is: Indonesian headers, Negeri/Swasta and district codes, ignoring the columns Jalin does not keep', async () => {
    const [a, b] = [nextNpsn(), nextNpsn()];
    const lines = [
      DAPODIK_HEADER.join(';'),
      `1;${a};SD NEGERI PELAMBUAN UJI;SD;Negeri;Jl. Pelambuan;63.71.03;Kec. Banjarmasin Barat;Kota Banjarmasin;312;18;Hj. Aminah;2026-11-30 10:00`,
      `2;${b};SD ISLAM UJI;SD;Swasta;Jl. Kuin;63.71.04;Kec. Banjarmasin Utara;Kota Banjarmasin;150;9;H. Rahmat;2026-11-29 08:00`,
    ];
    const res = await postImport(t.http, admin.auth, `${lines.join('\r\n')}\r\n`, { filename: 'dapodik-banjarmasin.csv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ delimiter: ';', rows: 2, created: 2, problemCount: 0 });
    const stored = await schoolsByNpsn(t.dataSource, [a, b]);
    expect(stored.get(a)).toMatchObject({ name: 'SD NEGERI PELAMBUAN UJI', schoolLevel: 'SD', ownership: 'public', regionCode: '63.71', districtCode: '63.71.03', studentCount: 312, teacherCount: 18, principalName: 'Hj. Aminah' });
    expect(stored.get(b)).toMatchObject({ ownership: 'private', regionCode: '63.71', districtCode: '63.71.04' });

    // Offices find schools by kecamatan; the profile names it.
    const inBarat = await get('/api/v1/organizations?type=school&districtCode=63.71.03&limit=100');
    expect(inBarat.body.items.map((o: { npsn: string }) => o.npsn)).toContain(a);
    expect(inBarat.body.items.map((o: { npsn: string }) => o.npsn)).not.toContain(b);
    const profile = await get(`/api/v1/organizations/${stored.get(a)?.id}`);
    expect(profile.body).toMatchObject({ regionCode: '63.71', regionName: 'Kota Banjarmasin', districtCode: '63.71.03', districtName: 'Banjarmasin Barat' });

    // The same file again changes nothing.
    const again = await postImport(t.http, admin.auth, `${lines.join('\r\n')}\r\n`);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('places a school by the Kecamatan name when the export gives only the regency/city code, and names an unknown kecamatan', async () => {
    const [a, b, c] = [nextNpsn(), nextNpsn(), nextNpsn()];
    const line = (n: number, npsn: string, kecamatan: string) => `${n};${npsn};SD NEGERI UJI ${n};SD;Negeri;Jl. Uji;63.71;${kecamatan};Kota Banjarmasin;100;8;Kepala ${n};2026-11-30 10:00`;
    const file = (rows: string[]) => `${[DAPODIK_HEADER.join(';'), ...rows].join('\r\n')}\r\n`;
    const refused = await postImport(t.http, admin.auth, file([line(1, a, 'Kec. Banjarmasin Barat'), line(2, b, 'Banjarmasin Baratt')]));
    expect(refused.status).toBe(422);
    expect((refused.body.problems as Problem[]).map((p) => [p.row, p.field, p.code])).toEqual([[3, 'kecamatan', 'unknown_district_name']]);
    expect((refused.body.problems as Problem[])[0].problem).toContain('"banjarmasin baratt" is not a district (kecamatan) of 63.71');
    expect((await schoolsByNpsn(t.dataSource, [a, b])).size).toBe(0);

    const res = await postImport(t.http, admin.auth, file([line(1, a, 'Kec. Banjarmasin Barat'), line(2, b, 'KECAMATAN  banjarmasin   utara'), line(3, c, '')]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, created: 3, problemCount: 0 });
    const stored = await schoolsByNpsn(t.dataSource, [a, b, c]);
    expect([a, b, c].map((n) => stored.get(n)?.districtCode ?? null)).toEqual(['63.71.03', '63.71.04', null]);
  });

  it('names each district problem by row and column, and writes nothing', async () => {
    const columns = ['npsn', 'name', 'level', 'region_code', 'district_code'];
    const rows = [
      schoolRow({ region_code: '63.71', district_code: '63.72.01' }),
      schoolRow({ region_code: '63.71', district_code: '63.71.99' }),
      schoolRow({ region_code: '63.71.02', district_code: '63.71.03' }),
      schoolRow({ region_code: '637101' }),
      schoolRow({ region_code: '63.71', district_code: '63.71' }),
    ];
    const res = await postImport(t.http, admin.auth, toCsv(rows, { columns }));
    expect(res.status).toBe(422);
    const problems = (res.body.problems as Problem[]).map((p) => [p.row, p.field, p.code]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [2, 'district_code', 'district_outside_region'],
        [3, 'district_code', 'unknown_district'],
        [4, 'district_code', 'district_mismatch'],
        [5, 'region_code', 'invalid_region_code'],
        [6, 'district_code', 'invalid_district_code'],
      ]),
    );
    expect((res.body.problems as Problem[]).find((p) => p.row === 5)?.problem).toMatch(/Dapodik area code/);
    expect((await schoolsByNpsn(t.dataSource, rows.map((r) => String(r.npsn)))).size).toBe(0);
  });

  it('keeps a district while the school stays in its regency/city, and drops it when a file moves the school elsewhere', async () => {
    const row = schoolRow({ region_code: '63.71.05' });
    const columns = ['npsn', 'name', 'level', 'region_code'];
    expect((await postImport(t.http, admin.auth, toCsv([row], { columns }))).body.created).toBe(1);
    const npsn = String(row.npsn);
    expect((await schoolsByNpsn(t.dataSource, [npsn])).get(npsn)?.districtCode).toBe('63.71.05');
    // The regency only: the district inside it stays.
    expect((await postImport(t.http, admin.auth, toCsv([{ ...row, region_code: '63.71' }], { columns }))).body.unchanged).toBe(1);
    expect((await schoolsByNpsn(t.dataSource, [npsn])).get(npsn)?.districtCode).toBe('63.71.05');
    // Another regency/city: the old district cannot stay.
    const moved = await postImport(t.http, admin.auth, toCsv([{ ...row, region_code: '63.72' }], { columns }));
    expect(moved.body.updated).toBe(1);
    expect((await schoolsByNpsn(t.dataSource, [npsn])).get(npsn)).toMatchObject({ regionCode: '63.72', districtCode: null });
  });

  it('sets, checks and clears a school district through PATCH, and refuses it on other organisations', async () => {
    const created = await t.http
      .post('/api/v1/organizations')
      .set('Authorization', admin.auth)
      .send({ type: 'school', name: `SDN Kecamatan ${nextNpsn()}`, npsn: nextNpsn(), schoolLevel: 'SD', regionCode: '63.71', districtCode: '63.71.01' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ districtCode: '63.71.01', districtName: 'Banjarmasin Selatan' });
    const patch = (body: Record<string, unknown>) => t.http.patch(`/api/v1/organizations/${created.body.id}`).set('Authorization', admin.auth).send(body);
    const outside = await patch({ version: 1, districtCode: '63.72.01' });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0]).toMatchObject({ field: 'districtCode', code: 'district_outside_region' });
    expect((await patch({ version: 1, districtCode: '63.71.99' })).body.errors[0]).toMatchObject({ field: 'districtCode', code: 'unknown_district' });
    expect((await patch({ version: 1, districtCode: 'Banjarmasin Barat' })).body.errors[0]).toMatchObject({ field: 'districtCode' });
    // Moving the school to another regency/city without a district of it is refused, naming the district.
    expect((await patch({ version: 1, regionCode: '63.72' })).body.errors[0]).toMatchObject({ field: 'districtCode', code: 'district_outside_region' });
    const moved = await patch({ version: 1, regionCode: '63.72', districtCode: null });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ regionCode: '63.72', districtCode: null, districtName: null });
    const office = await t.http
      .post('/api/v1/organizations')
      .set('Authorization', admin.auth)
      .send({ type: 'education_office', name: `Dinas Uji ${nextNpsn()}`, officeLevel: 'regency', regionCode: '63.71', districtCode: '63.71.01' });
    expect(office.status).toBe(422);
    expect(office.body.errors[0]).toMatchObject({ field: 'districtCode', code: 'only_for_school' });
  });
});
