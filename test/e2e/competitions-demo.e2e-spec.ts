import { COMPETITION_DEMO_IDS, competitionsDemoStep } from '../../src/database/seeds/demo-competitions';
import { DEMO_IDS, DEMO_PASSWORD, loadDemoData } from '../../src/database/seeds/demo';
import { PROGRAM_DEMO_IDS } from '../../src/database/seeds/demo-programs';
import { SeedRun } from '../../src/database/seed-run.entity';
import { createTestApp, TestApp } from '../support/app';
import { login } from '../support/factories';

const BASE = '/api/v1/competitions';

describe('competitions demo data', () => {
  let t: TestApp;
  const as = async (email: string) => `Bearer ${(await login(t.http, email, DEMO_PASSWORD)).accessToken}`;
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.dataSource);
    // Once demo.ts registers the step, loadDemoData has run it already.
    await t.dataSource.transaction(async (manager) => {
      if (await manager.findOne(SeedRun, { where: { name: competitionsDemoStep.name } })) return;
      await competitionsDemoStep.run(manager);
      await manager.insert(SeedRun, { name: competitionsDemoStep.name });
    });
  });
  afterAll(() => t.close());

  it("holds last year's national competition, published, with an entry from every school of the 2025 cohort, three judges each, none conflicted", async () => {
    const csr = await as('csr@trakindo.example');
    const c = await t.http.get(`${BASE}/${COMPETITION_DEMO_IDS.national2025}`).set('Authorization', csr);
    expect(c.body).toMatchObject({ level: 'national', phase: 'published', programYear: { id: PROGRAM_DEMO_IDS.year(2025), year: 2025 }, minJudgesPerEntry: 3 });
    expect(c.body.categories.map((k: { name: string }) => k.name)).toEqual(['Literacy innovation', 'Child-friendly school', 'Disaster preparedness']);
    expect(c.body.criteria.reduce((s: number, k: { weight: number }) => s + k.weight, 0)).toBe(100);
    const [{ entries, schools }] = await t.dataSource.query('SELECT count(*)::int AS entries, count(DISTINCT school_id)::int AS schools FROM competition_entries WHERE competition_id = $1', [c.body.id]);
    expect(entries).toBe(schools);
    expect(schools).toBeGreaterThanOrEqual(18);
    const panel = await t.http.get(`${BASE}/${c.body.id}/judges`).set('Authorization', csr);
    expect(panel.body.items).toHaveLength(5);
    expect(panel.body.items.every((j: { organization: { id: string }; assignedEntries: number; scoredEntries: number }) => j.organization.id === DEMO_IDS.ulm && j.assignedEntries === j.scoredEntries)).toBe(true);
    const perEntry = await t.dataSource.query('SELECT count(*)::int AS n FROM judge_assignments WHERE competition_id = $1 GROUP BY entry_id', [c.body.id]);
    expect(new Set(perEntry.map((r: { n: number }) => r.n))).toEqual(new Set([3]));
    expect((await t.http.get(`${BASE}/${c.body.id}/conflicts`).set('Authorization', csr)).body.items).toEqual([]);
    const [{ n: notInCohort }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM competition_entries e WHERE e.competition_id = $1 AND e.school_id IN ($2, $3)`,
      [c.body.id, DEMO_IDS.sungaiMiai5, DEMO_IDS.balikpapan012],
    );
    expect(notInCohort).toBe(0);
  });

  it('publishes a winner, runner-up and special mention per category, visible to judges, schools and the city office by jurisdiction', async () => {
    const judge2 = await as('judge2@ulm.example');
    const results = await t.http.get(`${BASE}/${COMPETITION_DEMO_IDS.national2025}/results`).set('Authorization', judge2);
    expect(results.status).toBe(200);
    for (const category of results.body.categories) {
      expect(category.entries.slice(0, 3).map((e: { award: string }) => e.award)).toEqual(['winner', 'runner_up', 'special_mention']);
      expect(category.entries.map((e: { rank: number }) => e.rank)).toEqual(category.entries.map((_: unknown, i: number) => i + 1));
    }
    const principal = await t.http.get(`${BASE}/${COMPETITION_DEMO_IDS.national2025}/results`).set('Authorization', await as('principal@sdnpelambuan4.example'));
    expect(principal.body.categories.flatMap((k: { entries: unknown[] }) => k.entries)).toHaveLength(results.body.categories.flatMap((k: { entries: unknown[] }) => k.entries).length);
    const office = await t.http.get(`${BASE}/${COMPETITION_DEMO_IDS.national2025}/results`).set('Authorization', await as('officer@disdik-banjarmasin.example'));
    expect(office.body.categories.flatMap((k: { entries: Array<{ school: { id: string } }> }) => k.entries.map((e) => e.school.id))).toEqual([DEMO_IDS.pelambuan4]);
    const own = await t.http.get(`${BASE}/${COMPETITION_DEMO_IDS.national2025}/entries`).set('Authorization', await as('principal@sdnpelambuan4.example'));
    expect(own.body.items).toEqual([expect.objectContaining({ category: expect.objectContaining({ name: 'Child-friendly school' }), school: expect.objectContaining({ id: DEMO_IDS.pelambuan4 }) })]);
    const timeline = await t.http.get(`/api/v1/partnerships/${PROGRAM_DEMO_IDS.partnershipOf(DEMO_IDS.pelambuan4)}/timeline`).set('Authorization', await as('csr@trakindo.example'));
    const y2025 = timeline.body.years.find((y: { year: number }) => y.year === 2025);
    expect(y2025.events.filter((e: { kind: string }) => e.kind === 'competition_result')).toEqual([
      expect.objectContaining({ date: '2025-12-10', title: expect.stringContaining('Lomba Inovasi Sekolah Nasional Generasi Trakindo 2025: ') }),
    ]);
  });
});
