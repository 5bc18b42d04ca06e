import { createTestApp, TestApp } from '../support/app';
import { fixToday } from '../support/mou-factories';
import { reportWorld, ReportWorld } from '../support/report-dataset';

/**
 * The partnership health list: filters by reason, band and school, the orders, keyset pages and the
 * counts of the whole program, on the known dataset of test/support/report-dataset.ts. Program A on
 * 2026-07-15: S5 35 (plan_late, expense_report_overdue, no_contact_60_days, overdue_followups),
 * S2 40 (mou_lapsed, plan_late, expense_report_overdue), S1 70 (mou_expiring, overdue_followups,
 * falling_indicators); see reports.e2e-spec.ts for how each is worked out.
 */
describe('partnership health: filters, order and pages', () => {
  let t: TestApp;
  let w: ReportWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await reportWorld(t);
  });
  beforeEach(() => fixToday(t, '2026-07-15'));
  afterAll(() => t.close());

  type Row = { partnershipId: string; score: number; school: { name: string; npsn: string | null } };
  const get = (query: string, auth = w.csrA.auth) => t.http.get(`/api/v1/reports/portfolio/health?programId=${w.programA}${query}`).set('Authorization', auth);
  const ids = (body: { partnerships: Row[] }) => body.partnerships.map((p) => p.partnershipId);

  it('counts every live partnership by band and by reason, whatever the filter', async () => {
    for (const query of ['', '&reason=no_contact_60_days', '&band=watch&limit=1']) {
      const res = await get(query);
      expect(res.status).toBe(200);
      expect(res.body.counts).toEqual({
        partnerships: 3,
        byBand: { healthy: 0, watch: 1, at_risk: 2 },
        byReason: { mou_lapsed: 1, mou_expiring: 1, plan_late: 2, expense_report_overdue: 2, no_contact_60_days: 1, overdue_followups: 2, falling_indicators: 1 },
      });
    }
  });

  it('keeps the partnerships with a reason, or in a band', async () => {
    const { aS1, aS2, aS5 } = w.partnerships;
    const cases: Array<[string, string[]]> = [
      ['&reason=no_contact_60_days', [aS5]],
      ['&reason=plan_late', [aS5, aS2]],
      ['&reason=expense_report_overdue', [aS5, aS2]],
      ['&reason=mou_expiring', [aS1]],
      ['&band=at_risk', [aS5, aS2]],
      ['&band=healthy', []],
      ['&reason=plan_late&band=watch', []],
    ];
    for (const [query, expected] of cases) {
      const res = await get(query);
      expect([query, ids(res.body)]).toEqual([query, expected]);
      expect(res.body.matching).toBe(expected.length);
      expect(res.body.nextCursor).toBeNull();
    }
  });

  it('finds a school by part of its name or by its NPSN', async () => {
    const all = (await get('')).body.partnerships as Row[];
    const s1 = all.find((p) => p.partnershipId === w.partnerships.aS1)!;
    const word = s1.school.name.split(' ').slice(0, 3).join(' ').toUpperCase();
    const byName = await get(`&q=${encodeURIComponent(word)}`);
    expect(ids(byName.body)).toContain(w.partnerships.aS1);
    expect(byName.body.partnerships.every((p: Row) => p.school.name.toUpperCase().includes(word))).toBe(true);
    if (s1.school.npsn) expect(ids((await get(`&q=${s1.school.npsn}`)).body)).toEqual([w.partnerships.aS1]);
    expect((await get('&q=no-such-school')).body).toMatchObject({ matching: 0, partnerships: [] });
  });

  it('orders by score either way, or by school name', async () => {
    const { aS1, aS2, aS5 } = w.partnerships;
    expect(ids((await get('')).body)).toEqual([aS5, aS2, aS1]);
    expect(ids((await get('&sort=score')).body)).toEqual([aS5, aS2, aS1]);
    expect(ids((await get('&sort=-score')).body)).toEqual([aS1, aS2, aS5]);
    const byName = (await get('&sort=school')).body.partnerships as Row[];
    const names = byName.map((p) => p.school.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(ids((await get('&sort=-school')).body)).toEqual(ids({ partnerships: byName }).reverse());
  });

  it('pages with limit and cursor, in every order, each partnership once', async () => {
    for (const sort of ['score', '-score', 'school', '-school']) {
      const whole = ids((await get(`&sort=${sort}`)).body);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await get(`&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.partnerships.length).toBeLessThanOrEqual(2);
        expect(res.body.matching).toBe(3);
        seen.push(...ids(res.body));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 5);
      expect([sort, seen]).toEqual([sort, whole]);
      expect(pages).toBe(2);
    }
    // Without a limit a page holds at most 20.
    expect((await get('')).body.partnerships).toHaveLength(3);
  });

  it('refuses a cursor it did not give out, an unknown reason, band or order, and a page above 100', async () => {
    const fields = async (query: string) => {
      const res = await get(query);
      expect(res.status).toBe(422);
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await fields('&cursor=bm9wZQ')).toEqual(['cursor']);
    expect(await fields(`&cursor=${Buffer.from(JSON.stringify(['x', 'y', 'z'])).toString('base64url')}`)).toEqual(['cursor']);
    expect(await fields('&reason=sleepy')).toEqual(['reason']);
    expect(await fields('&band=green')).toEqual(['band']);
    expect(await fields('&sort=name')).toEqual(['sort']);
    expect(await fields('&limit=101')).toEqual(['limit']);
  });

  it('gives every matching partnership in a file, filtered and ordered alike', async () => {
    const res = await get('&reason=plan_late&sort=-score&format=csv&locale=en&limit=1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text.trim().split(/\r?\n/);
    // Title, header, then S2 (40) before S5 (35): the limit does not cut a file.
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain(',40,');
    expect(lines[3]).toContain(',35,');
  });

  it('keeps another company out', async () => {
    expect((await get('&reason=plan_late', w.csrB.auth)).status).toBe(404);
  });
});
