import { DEMO_PASSWORD, loadDemoData } from '../../src/demo/demo';
import { PLAN_DEMO_IDS, plansDemoStep } from '../../src/demo/demo-plans';
import { SeedRun } from '../../src/database/seed-run.entity';
import { createTestApp, TestApp } from '../support/app';
import { login } from '../support/factories';

const BASE = '/api/v1/plans';

describe('plans demo data', () => {
  let t: TestApp;
  const auth: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.dataSource);
    // Once demo.ts registers the step, loadDemoData has run it already.
    await t.dataSource.transaction(async (manager) => {
      if (await manager.findOne(SeedRun, { where: { name: plansDemoStep.name } })) return;
      await plansDemoStep.run(manager);
      await manager.insert(SeedRun, { name: plansDemoStep.name });
    });
    for (const [role, email] of [
      ['principal', 'principal@sdnpelambuan4.example'],
      ['csr', 'csr@trakindo.example'],
      ['facilitator', 'facilitator@edukasi101.example'],
      ['officer', 'officer@disdik-banjarmasin.example'],
    ]) {
      auth[role] = `Bearer ${(await login(t.http, email, DEMO_PASSWORD)).accessToken}`;
    }
  });
  afterAll(() => t.close());

  it("tells SDN Pelambuan 4's last three years to everyone involved", async () => {
    for (const who of ['principal', 'csr', 'facilitator', 'officer']) {
      const list = await t.http.get(BASE).set('Authorization', auth[who]);
      expect(list.status).toBe(200);
      expect(list.body.items.map((p: { id: string; status: string; programYear: { year: number } }) => [p.programYear.year, p.status, p.id])).toEqual([
        [2026, 'submitted', PLAN_DEMO_IDS.plan2026],
        [2025, 'in_progress', PLAN_DEMO_IDS.plan2025],
        [2024, 'completed', PLAN_DEMO_IDS.plan2024],
      ]);
    }
    const plan2024 = await t.http.get(`${BASE}/${PLAN_DEMO_IDS.plan2024}`).set('Authorization', auth.principal);
    expect(plan2024.body).toMatchObject({
      school: { name: 'SDN Pelambuan 4 Banjarmasin' },
      program: { name: 'Generasi Trakindo' },
      facilitator: { fullName: 'Dewi Lestari (Fasilitator, Edukasi 101)' },
      submittedLate: false,
      totals: { total: '24195000', byFundingSource: { stimulus_grant: '22200000', school_budget_bos: '1995000', other: '0' } },
    });
    expect(plan2024.body.content.programs[0].topic).toBe('literacy');
  });

  it('has the 2024 literacy plan completed with every indicator reported, and 2025 in progress', async () => {
    const done = await t.http.get(`${BASE}/${PLAN_DEMO_IDS.plan2024}/progress`).set('Authorization', auth.csr);
    expect(done.body.activities.map((a: { status: string }) => a.status)).toEqual(['done', 'done', 'done']);
    expect(done.body.indicators.map((i: { achievedValue: string; target: string }) => [i.target, i.achievedValue])).toEqual([
      ['75', '78'],
      ['150', '164'],
    ]);
    const running = await t.http.get(`${BASE}/${PLAN_DEMO_IDS.plan2025}/progress`).set('Authorization', auth.facilitator);
    expect(running.body.activities.map((a: { status: string }) => a.status)).toEqual(['done', 'in_progress', 'not_started']);
    expect(running.body.indicatorsReported).toBe(0);
    const versions = await t.http.get(`${BASE}/${PLAN_DEMO_IDS.plan2025}/versions`).set('Authorization', auth.principal);
    expect(versions.body.items.map((v: { number: number; outcome: string }) => [v.number, v.outcome])).toEqual([[1, 'approved']]);
  });

  it('has the 2026 mental-health plan in review after one round of changes, with threaded comments', async () => {
    const id = PLAN_DEMO_IDS.plan2026;
    const versions = await t.http.get(`${BASE}/${id}/versions`).set('Authorization', auth.csr);
    expect(versions.body.items.map((v: { number: number; outcome: string }) => [v.number, v.outcome])).toEqual([
      [1, 'changes_requested'],
      [2, 'pending'],
    ]);
    const diff = await t.http.get(`${BASE}/${id}/versions/2/diff`).set('Authorization', auth.csr);
    expect(diff.body.changes.map((c: { path: string; change: string }) => [c.path, c.change])).toEqual([
      ['content.programs[0].budgetLines[0].fundingSource', 'changed'],
      ['content.programs[0].indicators[0].target', 'changed'],
      ['content.programs[0].indicators[2]', 'added'],
    ]);
    const comments = await t.http.get(`${BASE}/${id}/comments`).set('Authorization', auth.principal);
    const threads = comments.body.items as Array<{ author: { role: string }; fieldPath: string | null; replies: Array<{ author: { role: string } }> }>;
    expect(threads.map((c) => [c.author.role, c.fieldPath, c.replies.map((r) => r.author.role)])).toEqual([
      ['facilitator', 'content.programs[0].indicators[0].target', ['principal']],
      ['csr_officer', null, []],
      ['facilitator', null, ['csr_officer']],
    ]);
    // The demo can go on: the CSR officer approves it.
    const approve = await t.http.post(`${BASE}/${id}/approve`).set('Authorization', auth.csr);
    expect(approve.status).toBe(200);
    expect(approve.body.status).toBe('approved');
    const pdf = await t.http.get(`${BASE}/${id}/export.pdf`).set('Authorization', auth.officer).set('Accept-Language', 'id');
    expect(pdf.status).toBe(200);
  });

  it('refuses to run without the programs step, saying what is missing', async () => {
    const bare = await createTestApp();
    try {
      await expect(bare.dataSource.transaction((manager) => plansDemoStep.run(manager))).rejects.toThrow(
        'demo:plans needs the partnership of SDN Pelambuan 4 with PT Trakindo Utama (Generasi Trakindo) from the programs step',
      );
    } finally {
      await bare.close();
    }
  });
});
