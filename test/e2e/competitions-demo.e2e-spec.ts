import { COMPETITION_2026_DEMO_IDS, competition2026DemoStep, entriesCloseDay } from '../../src/demo/demo-competition-2026';
import { COMPETITION_DEMO_IDS, competitionsDemoStep } from '../../src/demo/demo-competitions';
import { DEMO_IDS, DEMO_PASSWORD, loadDemoData } from '../../src/demo/demo';
import { PLAN_DEMO_IDS } from '../../src/demo/demo-plans';
import { PROGRAM_DEMO_IDS } from '../../src/demo/demo-programs';
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
    // Once demo.ts registers the steps, loadDemoData has run them already.
    for (const step of [competitionsDemoStep, competition2026DemoStep]) {
      await t.dataSource.transaction(async (manager) => {
        if (await manager.findOne(SeedRun, { where: { name: step.name } })) return;
        await step.run(manager);
        await manager.insert(SeedRun, { name: step.name });
      });
    }
  });
  afterAll(() => t.close());

  it("holds last year's national competition, published, with an entry from every school of the 2025 cohort, three judges each, none conflicted", async () => {
    const csr = await as('csr@trakindo.example');
    const c = await t.http.get(`${BASE}/${COMPETITION_DEMO_IDS.national2025}`).set('Authorization', csr);
    expect(c.body).toMatchObject({ level: 'national', phase: 'published', programYear: { id: PROGRAM_DEMO_IDS.year(2025), year: 2025 }, minJudgesPerEntry: 3 });
    expect(c.body.categories.map((k: { name: string }) => k.name)).toEqual(['Inovasi literasi', 'Sekolah ramah anak', 'Kesiapsiagaan bencana']);
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
    expect(own.body.items).toEqual([expect.objectContaining({ category: expect.objectContaining({ name: 'Sekolah ramah anak' }), school: expect.objectContaining({ id: DEMO_IDS.pelambuan4 }) })]);
    const timeline = await t.http.get(`/api/v1/partnerships/${PROGRAM_DEMO_IDS.partnershipOf(DEMO_IDS.pelambuan4)}/timeline`).set('Authorization', await as('csr@trakindo.example'));
    const y2025 = timeline.body.years.find((y: { year: number }) => y.year === 2025);
    expect(y2025.events.filter((e: { kind: string }) => e.kind === 'competition_result')).toEqual([
      expect.objectContaining({ date: '2025-12-10', title: expect.stringContaining('Lomba Inovasi Sekolah Nasional Generasi Trakindo 2025: ') }),
    ]);
  });

  it("holds this year's national competition open for entries, with last year's categories, rubric and panel, and no entry yet", async () => {
    const csr = await as('csr@trakindo.example');
    const id = COMPETITION_2026_DEMO_IDS.national2026;
    const c = await t.http.get(`${BASE}/${id}`).set('Authorization', csr);
    expect(c.body).toMatchObject({ level: 'national', phase: 'open', programYear: { id: PROGRAM_DEMO_IDS.year(2026), year: 2026 }, minJudgesPerEntry: 3, publishedAt: null });
    const last = (await t.http.get(`${BASE}/${COMPETITION_DEMO_IDS.national2025}`).set('Authorization', csr)).body;
    expect(c.body.categories).toEqual(last.categories.map((k: { name: string }, i: number) => ({ id: COMPETITION_2026_DEMO_IDS.category(i + 1), name: k.name, position: i + 1 })));
    const rubric = (criteria: Array<{ name: string; description: string | null; weight: number; maxScore: number }>) => criteria.map(({ name, description, weight, maxScore }) => ({ name, description, weight, maxScore }));
    expect(rubric(c.body.criteria)).toEqual(rubric(last.criteria));
    expect(c.body.criteria.map((k: { id: string }) => k.id)).toEqual(last.criteria.map((_: unknown, i: number) => COMPETITION_2026_DEMO_IDS.criterion(i + 1)));
    // Entries are open now and close no sooner than the demo calendar's deadline, nor within 60 days of loading.
    expect(Date.parse(c.body.entriesOpenAt)).toBeLessThan(Date.now());
    expect(Date.parse(c.body.entriesCloseAt)).toBeGreaterThanOrEqual(Date.parse('2026-12-31T23:59:59+07:00'));
    expect(Date.parse(c.body.entriesCloseAt)).toBeGreaterThan(Date.now() + 59 * 24 * 60 * 60 * 1000);
    expect(Date.parse(c.body.judgingEndsAt)).toBeGreaterThan(Date.parse(c.body.entriesCloseAt));
    const panel = async (competitionId: string) =>
      ((await t.http.get(`${BASE}/${competitionId}/judges`).set('Authorization', csr)).body.items as Array<{ userId: string; assignedEntries: number }>);
    const judges = await panel(id);
    expect(judges.map((j) => j.userId).sort()).toEqual((await panel(COMPETITION_DEMO_IDS.national2025)).map((j) => j.userId).sort());
    expect(judges.every((j) => j.assignedEntries === 0)).toBe(true);
    expect((await t.http.get(`${BASE}/${id}/entries`).set('Authorization', csr)).body.items).toEqual([]);

    // SDN Pelambuan 4's principal finds it open and can enter it from a program of the 2026 plan.
    const principal = await as('principal@sdnpelambuan4.example');
    const open = await t.http.get(`${BASE}?phase=open`).set('Authorization', principal);
    expect(open.body.items.map((k: { id: string }) => k.id)).toContain(id);
    const plan = (await t.http.get(`/api/v1/plans/${PLAN_DEMO_IDS.plan2026}`).set('Authorization', principal)).body;
    const program = plan.content.programs[0];
    const entry = await t.http
      .post(`${BASE}/${id}/entries`)
      .set('Authorization', principal)
      .send({ categoryId: COMPETITION_2026_DEMO_IDS.category(2), planId: plan.id, planProgramId: program.id });
    expect(entry.status).toBe(201);
    expect(entry.body).toMatchObject({ title: program.name, summary: program.goal, school: { id: DEMO_IDS.pelambuan4 }, category: { id: COMPETITION_2026_DEMO_IDS.category(2) } });
  });

  it('closes entries on the last day of 2026, or 60 days after loading when the demo is loaded later', () => {
    expect(entriesCloseDay(new Date('2026-03-01T10:00:00Z'))).toBe('2026-12-31');
    expect(entriesCloseDay(new Date('2026-11-01T10:00:00Z'))).toBe('2026-12-31');
    expect(entriesCloseDay(new Date('2026-12-05T10:00:00Z'))).toBe('2027-02-03');
  });
});
