import { createTestApp, TestApp } from '../support/app';
import { createOrganization } from '../support/factories';
import { reportWorld, ReportWorld } from '../support/report-dataset';

/**
 * What a read costs in statements sent to PostgreSQL (each one a round trip), counted through the
 * DataSource's query logger: the session check of the signed-in caller included.
 */
describe('round trips of reads', () => {
  let t: TestApp;
  let w: ReportWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await reportWorld(t);
  });
  afterAll(() => t.close());

  /** The statements one GET issues, and its answer. */
  async function cost(path: string, auth: string): Promise<{ statements: number; body: any }> {
    const before = t.queries.count;
    const res = await t.http.get(path).set('Authorization', auth);
    expect(res.status).toBe(200);
    return { statements: t.queries.count - before, body: res.body };
  }

  describe('GET /partnerships/{id}/timeline', () => {
    it('answers in at most 3 statements with events from every source, and in as many with none', async () => {
      const full = await cost(`/api/v1/partnerships/${w.partnerships.aS1}/timeline`, w.principalS1.auth);
      const kinds = new Set<string>(full.body.years.flatMap((y: { events: Array<{ kind: string }> }) => y.events.map((e) => e.kind)));
      // Every kind of source answered: status history, MoUs, plans, grants, mentoring, competitions.
      for (const prefix of ['partnership_status', 'mou_', 'plan_', 'grant_', 'mentoring_session', 'competition_result']) {
        expect([...kinds].some((k) => k.startsWith(prefix))).toBe(true);
      }
      expect(full.statements).toBeLessThanOrEqual(3);

      // A partnership with no MoU, plan, grant, session or result costs the same.
      const school = await createOrganization(t.dataSource, 'school', { name: 'SDN Tanpa Catatan', regionCode: '61.71' });
      const [bare] = (await t.dataSource.query(
        `INSERT INTO partnerships (program_id, company_id, school_id, status) VALUES ($1, $2, $3, 'prospective') RETURNING id`,
        [w.programA, w.companyA.id, school.id],
      )) as Array<{ id: string }>;
      const empty = await cost(`/api/v1/partnerships/${bare.id}/timeline`, w.csrA.auth);
      expect(empty.body.years.flatMap((y: { events: unknown[] }) => y.events)).toEqual([]);
      expect(empty.statements).toBe(full.statements);
    });
  });

  describe('GET /organizations?type=school', () => {
    it('costs the same statements whatever the page size and however deep the cursor', async () => {
      const tag = Math.random().toString(36).slice(2, 7);
      for (let i = 0; i < 12; i++) await createOrganization(t.dataSource, 'school', { name: `SD Halaman ${tag} ${String(i).padStart(2, '0')}`, regionCode: '62.71' });
      const list = (query: string) => cost(`/api/v1/organizations?type=school&regionCode=62.71&q=${tag}&${query}`, w.admin.auth);

      const small = await list('limit=2');
      const large = await list('limit=50');
      expect(small.body.items).toHaveLength(2);
      expect(large.body.items).toHaveLength(12);
      expect(large.statements).toBe(small.statements);

      // Five pages deep through the cursor: each page costs what the first one did.
      let cursor: string = small.body.nextCursor;
      const seen: string[] = small.body.items.map((o: { name: string }) => o.name);
      for (let page = 2; page <= 5; page++) {
        const next = await list(`limit=2&cursor=${cursor}`);
        expect(next.statements).toBe(small.statements);
        seen.push(...next.body.items.map((o: { name: string }) => o.name));
        cursor = next.body.nextCursor;
      }
      expect(seen).toEqual(large.body.items.slice(0, 10).map((o: { name: string }) => o.name));
    });
  });
});
