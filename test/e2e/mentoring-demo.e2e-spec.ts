import { DEMO_PASSWORD, loadDemoData } from '../../src/demo/demo';
import type { DemoStep } from '../../src/demo/demo-ids';
import { MENTORING_DEMO_IDS, mentoringDemoStep } from '../../src/demo/demo-mentoring';
import { PLAN_DEMO_IDS, plansDemoStep } from '../../src/demo/demo-plans';
import { SeedRun } from '../../src/database/seed-run.entity';
import { createTestApp, TestApp } from '../support/app';
import { login } from '../support/factories';
import { fixToday, releaseClock } from '../support/mentoring-factories';

describe('mentoring and training demo data', () => {
  let t: TestApp;
  const auth: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.dataSource);
    // Once demo.ts registers the steps, loadDemoData has run them already.
    for (const step of [plansDemoStep, mentoringDemoStep] as DemoStep[]) {
      await t.dataSource.transaction(async (manager) => {
        if (await manager.findOne(SeedRun, { where: { name: step.name } })) return;
        await step.run(manager);
        await manager.insert(SeedRun, { name: step.name });
      });
    }
    for (const [role, email] of [
      ['principal', 'principal@sdnpelambuan4.example'],
      ['csr', 'csr@trakindo.example'],
      ['facilitator', 'facilitator@edukasi101.example'],
      ['officer', 'officer@disdik-banjarmasin.example'],
    ]) {
      auth[role] = `Bearer ${(await login(t.http, email, DEMO_PASSWORD)).accessToken}`;
    }
  });
  afterEach(() => releaseClock());
  afterAll(() => t.close());

  it("tells a year of Edukasi 101's mentoring at SDN Pelambuan 4 to everyone involved", async () => {
    fixToday(t, '2026-11-24');
    for (const who of ['principal', 'csr', 'facilitator', 'officer']) {
      const res = await t.http.get('/api/v1/mentoring/assignments').set('Authorization', auth[who]);
      expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([MENTORING_DEMO_IDS.assignment]);
    }
    const a = (await t.http.get(`/api/v1/mentoring/assignments/${MENTORING_DEMO_IDS.assignment}`).set('Authorization', auth.csr)).body;
    expect(a).toMatchObject({
      school: { name: 'SDN Pelambuan 4 Banjarmasin' },
      facilitator: { fullName: 'Dewi Lestari (Fasilitator, Edukasi 101)' },
      facilitatorOrganization: { name: 'Edukasi 101' },
      programYear: { year: 2026, programName: 'Generasi Trakindo' },
      progress: {
        sessionsPlanned: 12,
        sessionsDone: 10,
        sessionsConfirmed: 9,
        sessionsPending: 1,
        sessionsDisputed: 1,
        lastContactOn: '2026-11-11',
        lastConfirmedOn: '2026-10-14',
        openActions: 2,
        overdueActions: 1,
        doneActions: 3,
        droppedActions: 1,
        noContactFlag: false,
      },
    });
    const sessions = (await t.http.get(`/api/v1/mentoring/sessions?assignmentId=${a.id}&limit=100`).set('Authorization', auth.principal)).body.items;
    expect(sessions.map((s: { confirmation: string }) => s.confirmation)).toEqual(['pending', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'disputed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed']);
    const workshop = sessions[sessions.length - 1];
    expect(workshop).toMatchObject({ heldOn: '2026-01-22', mode: 'workshop', durationMinutes: 720, planId: PLAN_DEMO_IDS.plan2026 });
    expect(workshop.planProgramId).not.toBeNull();
    const overdue = (await t.http.get('/api/v1/mentoring/actions?overdue=true').set('Authorization', auth.principal)).body.items;
    expect(overdue.map((x: { dueDate: string; ownerSide: string }) => [x.dueDate, x.ownerSide])).toEqual([['2026-09-30', 'school']]);
  });

  it('holds a national teacher training with 25 participants, at most 3 per school, and its evaluation', async () => {
    const tr = (await t.http.get(`/api/v1/trainings/${MENTORING_DEMO_IDS.training}`).set('Authorization', auth.principal)).body;
    expect(tr).toMatchObject({ level: 'national', organiser: { name: 'PT Trakindo Utama' }, quotaPerSchool: 3, participantCount: 25, attendedCount: 24 });
    expect(tr.questionnaire).toHaveLength(4);
    const perSchool = (await t.dataSource.query(`SELECT max(n)::int AS max, count(*)::int AS schools FROM (SELECT count(*) AS n FROM training_participants WHERE training_id = $1 GROUP BY school_id) x`, [tr.id])) as Array<{ max: number; schools: number }>;
    expect(perSchool[0]).toEqual({ max: 3, schools: 9 });
    const e = (await t.http.get(`/api/v1/trainings/${tr.id}/evaluation`).set('Authorization', auth.officer)).body;
    expect(e.overall).toMatchObject({ participants: 25, attended: 24, attendanceRatePercent: 96, scores: { preCount: 25, postCount: 24, pairedCount: 24, unchanged: 1, declined: 1, improved: 22 } });
    expect(e.overall.scores.meanGain).toBeGreaterThan(10);
    expect(e.overall.satisfaction.map((i: { answers: number }) => i.answers)).toEqual([24, 24, 24, 23]);
    expect(e.byRole.map((g: { role: string }) => g.role)).toEqual(['principal', 'teacher', 'parent']);
    expect(e.byRole.reduce((sum: number, g: { participants: number }) => sum + g.participants, 0)).toBe(25);
  });
});
