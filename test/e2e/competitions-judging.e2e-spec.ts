import { createTestApp, TestApp } from '../support/app';
import {
  CompetitionBody,
  competitionWorld,
  CompetitionWorld,
  createCompetition,
  fixNow,
  insertMentoringAssignment,
  insertMentoringSession,
  insertPlan,
  insertPlanComment,
  movePhase,
  realTime,
  SignedIn,
  submitEntry,
} from '../support/competition-factories';
import { createUser, signedIn } from '../support/factories';
import { insertPartnership, insertProgram, insertProgramYear } from '../support/program-factories';

const BASE = '/api/v1/competitions';

describe('competition judging', () => {
  let t: TestApp;
  let w: CompetitionWorld;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    w = await competitionWorld(t, { schools: 5 });
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());
  afterEach(() => realTime());

  const as = (who: SignedIn | null) => ({
    get: (url: string) => (who ? t.http.get(url).set('Authorization', who.auth) : t.http.get(url)),
    post: (url: string, body?: object) => (who ? t.http.post(url).set('Authorization', who.auth) : t.http.post(url)).send(body),
    put: (url: string, body?: object) => (who ? t.http.put(url).set('Authorization', who.auth) : t.http.put(url)).send(body),
    delete: (url: string) => (who ? t.http.delete(url).set('Authorization', who.auth) : t.http.delete(url)),
  });
  const newJudge = (fullName?: string) => signedIn(t.dataSource, t.http, 'judge', fullName ? { fullName } : {});
  const addJudges = async (c: CompetitionBody, judges: SignedIn[]) => {
    for (const j of judges) expect((await as(w.csr).post(`${BASE}/${c.id}/judges`, { userId: j.user.id })).status).toBe(201);
  };
  const assign = (c: CompetitionBody, judge: SignedIn, entryId: string) => as(w.csr).post(`${BASE}/${c.id}/assignments`, { judgeUserId: judge.user.id, entryId });
  const sheet = (c: CompetitionBody, a: number, b: number) => ({ scores: [{ criterionId: c.criteria[0].id, score: a }, { criterionId: c.criteria[1].id, score: b, comment: 'Baik' }] });
  const score = (judge: SignedIn, entryId: string, c: CompetitionBody, a: number, b: number) => as(judge).put(`/api/v1/entries/${entryId}/scores`, sheet(c, a, b));

  /** A competition open for entries, with one entry per school given (category 0), optionally moved to judging. */
  async function withEntries(schools: number[], options: { judging?: boolean; overrides?: Record<string, unknown> } = {}) {
    const c = await createCompetition(t, w, { categories: [{ name: 'Literacy innovation' }, { name: 'Disaster preparedness' }], ...options.overrides }, 'open');
    const entries: string[] = [];
    for (const i of schools) entries.push((await submitEntry(t, w.schools[i], c.id, c.categories[0].id, { title: `Karya ${i}` })).id);
    if (options.judging) await movePhase(t, w.csr, c.id, 'judging');
    return { c, entries };
  }

  describe('the panel', () => {
    it('takes active users with the judge role of any organisation, once, and lists their workload', async () => {
      const { c, entries } = await withEntries([0]);
      const judge = await newJudge('Dr. Panel');
      const res = await as(w.csr).post(`${BASE}/${c.id}/judges`, { userId: judge.user.id });
      expect(res.status).toBe(201);
      expect(res.body.items).toEqual([expect.objectContaining({ userId: judge.user.id, fullName: 'Dr. Panel', email: judge.user.email, assignedEntries: 0, scoredEntries: 0 })]);
      const again = await as(w.csr).post(`${BASE}/${c.id}/judges`, { userId: judge.user.id });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('judge_on_panel');
      const notJudge = await as(w.csr).post(`${BASE}/${c.id}/judges`, { userId: w.facilitator.user.id });
      expect(notJudge.body.errors[0]).toMatchObject({ field: 'userId', code: 'not_a_judge' });
      expect(notJudge.body.errors[0].message).toContain('is a facilitator, not a judge');
      const disabled = await createUser(t.dataSource, 'judge', { disabledAt: new Date() });
      expect((await as(w.csr).post(`${BASE}/${c.id}/judges`, { userId: disabled.id })).body.errors[0].message).toContain('Test judge is disabled');
      await assign(c, judge, entries[0]);
      expect((await as(w.csr).get(`${BASE}/${c.id}/judges`)).body.items[0]).toMatchObject({ assignedEntries: 1, scoredEntries: 0 });
      const lines = await t.dataSource.query(`SELECT action FROM audit_events WHERE entity_type = 'competition_judge' AND entity_id = $1`, [c.id]);
      expect(lines).toEqual([{ action: 'create' }]);
    });

    it('takes a judge off the panel with their assignments and scores', async () => {
      const { c, entries } = await withEntries([0]);
      const judge = await newJudge();
      await addJudges(c, [judge]);
      await assign(c, judge, entries[0]);
      await movePhase(t, w.csr, c.id, 'judging');
      expect((await score(judge, entries[0], c, 5, 3)).status).toBe(200);
      expect((await as(w.csr).delete(`${BASE}/${c.id}/judges/${judge.user.id}`)).status).toBe(204);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM entry_scores WHERE entry_id = $1', [entries[0]])).toEqual([{ n: 0 }]);
      expect((await as(w.csr).get(`${BASE}/${c.id}/judges`)).body.items).toEqual([]);
      expect((await as(w.csr).delete(`${BASE}/${c.id}/judges/${judge.user.id}`)).status).toBe(404);
      expect((await as(judge).get(`/api/v1/entries/${entries[0]}`)).status).toBe(404);
    });

    it('is managed by the CSR officer of the company only', async () => {
      const { c } = await withEntries([]);
      const judge = await newJudge();
      expect((await as(null).post(`${BASE}/${c.id}/judges`, { userId: judge.user.id })).status).toBe(401);
      expect((await as(w.schools[0].principal).post(`${BASE}/${c.id}/judges`, { userId: judge.user.id })).status).toBe(403);
      expect((await as(judge).get(`${BASE}/${c.id}/judges`)).status).toBe(403);
      const otherCsr = await signedIn(t.dataSource, t.http, 'csr_officer');
      expect((await as(otherCsr).post(`${BASE}/${c.id}/judges`, { userId: judge.user.id })).status).toBe(404);
      expect((await as(admin).post(`${BASE}/${c.id}/judges`, { userId: judge.user.id })).status).toBe(422);
    });
  });

  describe('conflicts of interest', () => {
    let c: CompetitionBody;
    let entries: string[];
    let visitor: SignedIn;
    beforeAll(async () => {
      ({ c, entries } = await withEntries([0, 1, 2, 3, 4]));
    });
    const refusedWith = async (judge: SignedIn, entry: number) => {
      const res = await assign(c, judge, entries[entry]);
      expect(res.status).toBe(422);
      return res.body.errors as Array<{ field: string; code: string; message: string }>;
    };

    it('refuses a judge who belongs to the school', async () => {
      const insider = await signedIn(t.dataSource, t.http, 'judge', { organization: w.schools[0].school, fullName: 'Guru Juri' });
      await addJudges(c, [insider]);
      const errors = await refusedWith(insider, 0);
      expect(errors).toEqual([{ field: 'judgeUserId', code: 'conflict_belongs', message: `conflict of interest: Guru Juri belongs to ${w.schools[0].school.name}; assign another judge` }]);
      expect((await assign(c, insider, entries[1])).status).toBe(201);
    });

    it('refuses a judge who had a mentoring assignment for the school in the year or the year before, in any program', async () => {
      const s = w.schools[1];
      const mentor = await newJudge('Mentor Tahun Lalu');
      await insertMentoringAssignment(t.dataSource, { userId: mentor.user.id, organizationId: w.facilitatorOrg.id, schoolId: s.school.id, programYearId: w.years[2024].id, partnershipId: s.partnership.id, assignedBy: w.csr.user.id });
      const longAgo = await newJudge('Mentor Lama');
      await insertMentoringAssignment(t.dataSource, { userId: longAgo.user.id, organizationId: w.facilitatorOrg.id, schoolId: s.school.id, programYearId: w.years[2023].id, partnershipId: s.partnership.id, assignedBy: w.csr.user.id });
      const elsewhere = await newJudge('Mentor Program Lain');
      const otherProgram = await insertProgram(t.dataSource, w.company.id, { name: 'Program lain' });
      const otherYear = await insertProgramYear(t.dataSource, otherProgram.id, 2025);
      const otherPartnership = await insertPartnership(t.dataSource, otherProgram, s.school);
      await insertMentoringAssignment(t.dataSource, { userId: elsewhere.user.id, organizationId: w.facilitatorOrg.id, schoolId: s.school.id, programYearId: otherYear.id, partnershipId: otherPartnership.id, assignedBy: w.csr.user.id });
      await addJudges(c, [mentor, longAgo, elsewhere]);
      const errors = await refusedWith(mentor, 1);
      expect(errors).toEqual([
        { field: 'judgeUserId', code: 'conflict_mentored_assignment', message: `conflict of interest: Mentor Tahun Lalu was assigned to mentor ${s.school.name} in 2024 (mentoring in 2024 or 2025 counts); assign another judge` },
      ]);
      expect((await refusedWith(elsewhere, 1))[0].code).toBe('conflict_mentored_assignment');
      expect((await assign(c, longAgo, entries[1])).status).toBe(201);
    });

    it('refuses a judge who logged a mentoring session at the school', async () => {
      const s = w.schools[2];
      visitor = await newJudge('Pencatat Sesi');
      const assignment = await insertMentoringAssignment(t.dataSource, { userId: w.facilitator.user.id, organizationId: w.facilitatorOrg.id, schoolId: s.school.id, programYearId: w.year.id, partnershipId: s.partnership.id, assignedBy: w.csr.user.id });
      await insertMentoringSession(t.dataSource, { assignmentId: assignment, schoolId: s.school.id, createdBy: visitor.user.id });
      await addJudges(c, [visitor]);
      const errors = await refusedWith(visitor, 2);
      expect(errors.map((e) => e.code)).toEqual(['conflict_mentored_session']);
      expect(errors[0].message).toContain(`Pencatat Sesi logged mentoring sessions at ${s.school.name} in program year 2025`);
    });

    it('refuses a judge who reviews or reviewed a plan of the school as its facilitator, in any year', async () => {
      const s = w.schools[3];
      const reviewer = await newJudge('Penelaah Rencana');
      await insertPlan(t.dataSource, { schoolId: s.school.id, programYearId: w.years[2023].id, partnershipId: s.partnership.id, createdBy: s.principal.user.id, facilitatorUserId: reviewer.user.id });
      await addJudges(c, [reviewer]);
      const errors = await refusedWith(reviewer, 3);
      expect(errors.map((e) => e.code)).toEqual(['conflict_reviewed_plan']);
      expect(errors[0].message).toContain(`Penelaah Rencana is the facilitator reviewing the plan of ${s.school.name} for 2023`);
    });

    it('refuses a judge who commented on a plan of the school', async () => {
      const s = w.schools[4];
      const commenter = await newJudge('Pemberi Komentar');
      const plan = await insertPlan(t.dataSource, { schoolId: s.school.id, programYearId: w.year.id, partnershipId: s.partnership.id, createdBy: s.principal.user.id });
      await insertPlanComment(t.dataSource, plan, commenter.user.id);
      await addJudges(c, [commenter]);
      const errors = await refusedWith(commenter, 4);
      expect(errors.map((e) => e.code)).toEqual(['conflict_commented_plan']);
      const inId = await assign(c, commenter, entries[4]).set('Accept-Language', 'id');
      expect(inId.body.errors[0].message).toContain('Pemberi Komentar memberi komentar pada rencana');
    });

    it('lets a judge declare a conflict, which removes their assignments for the school and blocks new ones', async () => {
      const declarer = await newJudge('Juri Jujur');
      await addJudges(c, [declarer]);
      expect((await assign(c, declarer, entries[0])).status).toBe(201);
      const res = await as(declarer).post(`${BASE}/${c.id}/conflicts`, { schoolId: w.schools[0].school.id, reason: 'Adik saya mengajar di sekolah ini.' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ judge: { id: declarer.user.id, fullName: 'Juri Jujur' }, school: { id: w.schools[0].school.id }, reason: 'Adik saya mengajar di sekolah ini.', removedFromEntries: [{ id: entries[0], name: 'Karya 0' }] });
      expect((await as(declarer).get(`/api/v1/entries/${entries[0]}`)).status).toBe(404);
      const errors = await refusedWith(declarer, 0);
      expect(errors).toEqual([expect.objectContaining({ code: 'conflict_declared', message: expect.stringContaining('Juri Jujur declared a conflict of interest with') })]);
      const again = await as(declarer).post(`${BASE}/${c.id}/conflicts`, { schoolId: w.schools[0].school.id, reason: 'Lagi' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('conflict_already_declared');
      expect((await as(declarer).post(`${BASE}/${c.id}/conflicts`, { schoolId: w.company.id, reason: 'x' })).body.errors[0]).toMatchObject({ field: 'schoolId', code: 'not_a_school' });
      expect((await as(w.csr).post(`${BASE}/${c.id}/conflicts`, { schoolId: w.schools[0].school.id, reason: 'x' })).status).toBe(403);
      expect((await as(admin).post(`${BASE}/${c.id}/conflicts`, { schoolId: w.schools[0].school.id, reason: 'x' })).status).toBe(422);
      const outsider = await newJudge();
      expect((await as(outsider).post(`${BASE}/${c.id}/conflicts`, { schoolId: w.schools[0].school.id, reason: 'x' })).status).toBe(404);
      const lines = await t.dataSource.query(`SELECT action, entity_type AS "entityType" FROM audit_events WHERE actor_user_id = $1 AND entity_type <> 'auth_session' ORDER BY id`, [declarer.user.id]);
      expect(lines).toEqual([
        { action: 'create', entityType: 'conflict_declaration' },
        { action: 'delete', entityType: 'judge_assignment' },
      ]);
    });

    it('lists the conflicts of the panel with the schools that entered, and a judge their own', async () => {
      const all = await as(w.csr).get(`${BASE}/${c.id}/conflicts`);
      expect(all.status).toBe(200);
      const pairs = all.body.items.map((i: { judge: { fullName: string }; reasons: Array<{ code: string }> }) => `${i.judge.fullName}:${i.reasons.map((r) => r.code).join('+')}`);
      expect(pairs.sort()).toEqual(
        ['Guru Juri:belongs', 'Juri Jujur:declared', 'Mentor Program Lain:mentored_assignment', 'Mentor Tahun Lalu:mentored_assignment', 'Pemberi Komentar:commented_plan', 'Pencatat Sesi:mentored_session', 'Penelaah Rencana:reviewed_plan'].sort(),
      );
      const own = await as(visitor).get(`${BASE}/${c.id}/conflicts`);
      expect(own.body.items.map((i: { judge: { id: string }; reasons: Array<{ code: string }> }) => [i.judge.id, i.reasons[0].code])).toEqual([[visitor.user.id, 'mentored_session']]);
      expect((await as(w.schools[0].principal).get(`${BASE}/${c.id}/conflicts`)).status).toBe(404);
    });
  });

  describe('assignment by category', () => {
    it('gives every entry its judges, skipping conflicted pairs with the reasons and keeping the load even', async () => {
      const { c, entries } = await withEntries([0, 1, 2, 3]);
      const insider = await signedIn(t.dataSource, t.http, 'judge', { organization: w.schools[0].school, fullName: 'Orang Dalam' });
      const mentor = await newJudge('Mentor Sekolah 1');
      await insertMentoringAssignment(t.dataSource, { userId: mentor.user.id, organizationId: w.facilitatorOrg.id, schoolId: w.schools[1].school.id, programYearId: w.year.id, partnershipId: w.schools[1].partnership.id, assignedBy: w.csr.user.id });
      const clean1 = await newJudge('Juri Bersih 1');
      const clean2 = await newJudge('Juri Bersih 2');
      await addJudges(c, [insider, mentor, clean1, clean2]);
      const res = await as(w.csr).post(`${BASE}/${c.id}/assignments/by-category`, { categoryId: c.categories[0].id, judgesPerEntry: 2 });
      expect(res.status).toBe(200);
      const assigned = res.body.assigned as Array<{ entry: { id: string }; judge: { id: string; fullName: string } }>;
      expect(assigned).toHaveLength(8);
      expect(assigned.some((a) => a.entry.id === entries[0] && a.judge.id === insider.user.id)).toBe(false);
      expect(assigned.some((a) => a.entry.id === entries[1] && a.judge.id === mentor.user.id)).toBe(false);
      for (const e of entries) expect(assigned.filter((a) => a.entry.id === e)).toHaveLength(2);
      const load = new Map<string, number>();
      for (const a of assigned) load.set(a.judge.fullName, (load.get(a.judge.fullName) ?? 0) + 1);
      expect([...load.values()]).toEqual([2, 2, 2, 2]);
      expect(res.body.skipped).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ entry: { id: entries[0], name: 'Karya 0' }, judge: { id: insider.user.id, fullName: 'Orang Dalam' }, reasons: [{ code: 'belongs', reason: `Orang Dalam belongs to ${w.schools[0].school.name}` }] }),
          expect.objectContaining({ entry: { id: entries[1], name: 'Karya 1' }, judge: { id: mentor.user.id, fullName: 'Mentor Sekolah 1' }, reasons: [expect.objectContaining({ code: 'mentored_assignment' })] }),
        ]),
      );
      expect(res.body.unfilled).toEqual([]);
      const twice = await as(w.csr).post(`${BASE}/${c.id}/assignments/by-category`, { categoryId: c.categories[0].id, judgesPerEntry: 2 });
      expect(twice.body).toEqual({ assigned: [], skipped: [], unfilled: [] });
      const onlyInsider = await as(w.csr).post(`${BASE}/${c.id}/assignments/by-category`, { categoryId: c.categories[0].id, judgesPerEntry: 3, judgeUserIds: [insider.user.id] });
      // Only the insider to choose from: never for their own school's entry, which stays short.
      const third = onlyInsider.body.assigned as Array<{ entry: { id: string }; judge: { id: string } }>;
      expect(third.length).toBeGreaterThan(0);
      expect(third.every((a) => a.judge.id === insider.user.id && a.entry.id !== entries[0])).toBe(true);
      expect(onlyInsider.body.skipped).toEqual([expect.objectContaining({ entry: { id: entries[0], name: 'Karya 0' }, reasons: [expect.objectContaining({ code: 'belongs' })] })]);
      expect(onlyInsider.body.unfilled).toEqual(expect.arrayContaining([{ entry: { id: entries[0], name: 'Karya 0' }, school: { id: w.schools[0].school.id, name: w.schools[0].school.name }, wanted: 3, assigned: 2 }]));
      const audited = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'judge_assignment' AND changes->>'competitionId' = $1`, [c.id]);
      expect(audited).toEqual([{ n: 8 + third.length }]);
    });

    it('refuses judges off the panel, an unknown category and an empty panel', async () => {
      const { c } = await withEntries([0]);
      const stranger = await newJudge();
      const empty = await as(w.csr).post(`${BASE}/${c.id}/assignments/by-category`, { categoryId: c.categories[0].id, judgesPerEntry: 2 });
      expect(empty.body.detail).toContain('the panel has no judges yet');
      const off = await as(w.csr).post(`${BASE}/${c.id}/assignments/by-category`, { categoryId: c.categories[0].id, judgesPerEntry: 2, judgeUserIds: [stranger.user.id] });
      expect(off.body.errors[0]).toMatchObject({ field: 'judgeUserIds[0]', code: 'not_on_panel' });
      const unknown = await as(w.csr).post(`${BASE}/${c.id}/assignments/by-category`, { categoryId: w.year.id, judgesPerEntry: 2 });
      expect(unknown.body.errors[0]).toMatchObject({ field: 'categoryId', code: 'unknown_category' });
      expect((await as(w.csr).post(`${BASE}/${c.id}/assignments/by-category`, { categoryId: c.categories[0].id, judgesPerEntry: 0 })).body.errors[0]).toMatchObject({ field: 'judgesPerEntry', code: 'min' });
      expect((await as(stranger).post(`${BASE}/${c.id}/assignments/by-category`, { categoryId: c.categories[0].id, judgesPerEntry: 1 })).status).toBe(403);
    });

    it('lists all assignments for the CSR officer and a judge their own, and removes one with its scores', async () => {
      const { c, entries } = await withEntries([0, 1]);
      const j1 = await newJudge('Satu');
      const j2 = await newJudge('Dua');
      await addJudges(c, [j1, j2]);
      const a1 = await assign(c, j1, entries[0]);
      await assign(c, j2, entries[1]);
      expect((await assign(c, j1, entries[0])).body).toMatchObject({ code: 'assignment_exists', existingId: a1.body.id });
      expect((await as(w.csr).get(`${BASE}/${c.id}/assignments`)).body.items).toHaveLength(2);
      expect((await as(j1).get(`${BASE}/${c.id}/assignments`)).body.items.map((a: { id: string }) => a.id)).toEqual([a1.body.id]);
      expect((await as(w.schools[0].principal).get(`${BASE}/${c.id}/assignments`)).status).toBe(404);
      await movePhase(t, w.csr, c.id, 'judging');
      await score(j1, entries[0], c, 7, 3);
      expect((await as(w.csr).delete(`${BASE}/${c.id}/assignments/${a1.body.id}`)).status).toBe(204);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM entry_scores WHERE entry_id = $1', [entries[0]])).toEqual([{ n: 0 }]);
      expect((await as(w.csr).delete(`${BASE}/${c.id}/assignments/${a1.body.id}`)).status).toBe(404);
      const unknownEntry = await as(w.csr).post(`${BASE}/${c.id}/assignments`, { judgeUserId: j1.user.id, entryId: w.year.id });
      expect(unknownEntry.body.errors[0]).toMatchObject({ field: 'entryId', code: 'unknown_entry' });
      const offPanel = await as(w.csr).post(`${BASE}/${c.id}/assignments`, { judgeUserId: (await newJudge()).user.id, entryId: entries[0] });
      expect(offPanel.body.errors[0]).toMatchObject({ field: 'judgeUserId', code: 'not_on_panel' });
    });
  });

  describe('scores', () => {
    let c: CompetitionBody;
    let entries: string[];
    let j1: SignedIn;
    let j2: SignedIn;
    beforeAll(async () => {
      ({ c, entries } = await withEntries([0, 1, 2]));
      j1 = await newJudge('Juri Pertama');
      j2 = await newJudge('Juri Kedua');
      await addJudges(c, [j1, j2]);
      for (const e of entries) {
        await assign(c, j1, e);
        await assign(c, j2, e);
      }
    });

    it('takes no scores before judging starts', async () => {
      const res = await score(j1, entries[0], c, 5, 3);
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('judging has not started yet (phase open)');
      await movePhase(t, w.csr, c.id, 'judging');
    });

    it('takes whole numbers from 0 to the maximum of each criterion, every criterion once, and names each problem', async () => {
      const put = (scores: unknown[]) => as(j1).put(`/api/v1/entries/${entries[0]}/scores`, { scores });
      const [a, b] = c.criteria;
      const above = await put([{ criterionId: a.id, score: 11 }, { criterionId: b.id, score: 6 }]);
      expect(above.status).toBe(422);
      expect(above.body.errors).toEqual([
        { field: 'scores[0].score', code: 'above_max_score', message: 'scores[0].score 11 is above the maximum of "A": give a whole number from 0 to 10' },
        { field: 'scores[1].score', code: 'above_max_score', message: 'scores[1].score 6 is above the maximum of "B": give a whole number from 0 to 5' },
      ]);
      expect((await put([{ criterionId: a.id, score: -1 }, { criterionId: b.id, score: 2 }])).body.errors[0]).toMatchObject({ field: 'scores[0].score', code: 'min' });
      expect((await put([{ criterionId: a.id, score: 2.5 }, { criterionId: b.id, score: 2 }])).body.errors[0]).toMatchObject({ field: 'scores[0].score', code: 'isInt' });
      expect((await put([{ criterionId: a.id, score: 5 }])).body.errors[0]).toMatchObject({ field: 'scores', code: 'criteria_missing' });
      expect((await put([{ criterionId: a.id, score: 5 }, { criterionId: a.id, score: 5 }, { criterionId: b.id, score: 1 }])).body.errors[0]).toMatchObject({ field: 'scores[1].criterionId', code: 'duplicate_criterion' });
      expect((await put([{ criterionId: w.year.id, score: 5 }, { criterionId: b.id, score: 1 }])).body.errors[0]).toMatchObject({ field: 'scores[0].criterionId', code: 'unknown_criterion' });
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM entry_scores WHERE entry_id = $1', [entries[0]])).toEqual([{ n: 0 }]);
      const edges = await put([{ criterionId: a.id, score: 0 }, { criterionId: b.id, score: 5 }]);
      expect(edges.status).toBe(200);
      expect(edges.body).toMatchObject({ entryId: entries[0], judge: { id: j1.user.id, fullName: 'Juri Pertama' }, weightedTotal: 40, scores: [{ criterionName: 'A', score: 0, maxScore: 10, weight: 60 }, { criterionName: 'B', score: 5 }] });
    });

    it('replaces a sheet sent again, audited as create then update', async () => {
      expect((await score(j1, entries[1], c, 5, 3)).body.weightedTotal).toBe(54);
      expect((await score(j1, entries[1], c, 6, 3)).body.weightedTotal).toBe(60);
      const lines = await t.dataSource.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'entry_score' AND entity_id = $1 ORDER BY id`, [entries[1]]);
      expect(lines.map((l: { action: string }) => l.action)).toEqual(['create', 'update']);
      expect(lines[1].changes.scores).toEqual({ A: { from: 5, to: 6 } });
    });

    it('keeps judges blind to each other while judging: a judge sees only their own sheet, the CSR officer all with names', async () => {
      await score(j2, entries[1], c, 9, 4);
      const own1 = await as(j1).get(`/api/v1/entries/${entries[1]}/scores`);
      expect(own1.body.items).toHaveLength(1);
      expect(own1.body.items[0]).toMatchObject({ judge: { fullName: 'Juri Pertama' }, weightedTotal: 60 });
      const own2 = await as(j2).get(`/api/v1/entries/${entries[1]}/scores`);
      expect(own2.body.items.map((s: { judge: { fullName: string } }) => s.judge.fullName)).toEqual(['Juri Kedua']);
      expect(JSON.stringify(own2.body)).not.toContain('Juri Pertama');
      const all = await as(w.csr).get(`/api/v1/entries/${entries[1]}/scores`);
      expect(all.body.items.map((s: { judge: { fullName: string }; weightedTotal: number }) => [s.judge.fullName, s.weightedTotal])).toEqual([
        ['Juri Kedua', 86],
        ['Juri Pertama', 60],
      ]);
      for (const who of [w.schools[1].principal, w.officer, w.facilitator]) expect((await as(who).get(`/api/v1/entries/${entries[1]}/scores`)).status).toBe(404);
      expect((await as(j1).get(`${BASE}/${c.id}/results`)).status).toBe(404);
      expect((await as(j1).get(`${BASE}/${c.id}/results/preview`)).status).toBe(403);
      expect((await as(null).get(`/api/v1/entries/${entries[1]}/scores`)).status).toBe(401);
    });

    it('takes scores only from assigned, unconflicted judges', async () => {
      const stranger = await newJudge();
      expect((await score(stranger, entries[0], c, 5, 3)).status).toBe(404);
      expect((await as(w.csr).put(`/api/v1/entries/${entries[0]}/scores`, sheet(c, 5, 3))).status).toBe(403);
      expect((await as(w.schools[0].principal).put(`/api/v1/entries/${entries[0]}/scores`, sheet(c, 5, 3))).status).toBe(403);
      const plan = await insertPlan(t.dataSource, { schoolId: w.schools[2].school.id, programYearId: w.years[2024].id, partnershipId: w.schools[2].partnership.id, createdBy: w.schools[2].principal.user.id });
      await insertPlanComment(t.dataSource, plan, j2.user.id);
      const conflicted = await score(j2, entries[2], c, 5, 3);
      expect(conflicted.status).toBe(422);
      expect(conflicted.body.detail).toContain('you may not score this entry because of a conflict of interest: Juri Kedua commented on the plan of');
    });

    it('takes no scores after judging ends (by the Clock)', async () => {
      fixNow(t, new Date(Date.now() + 31 * 86_400_000).toISOString());
      const res = await score(j1, entries[2], c, 5, 3);
      expect(res.status).toBe(422);
      expect(res.body.detail).toMatch(/^judging ended at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z: scores can no longer change$/);
    });
  });

  describe('results', () => {
    /** The hand-computed case (see test/unit/competition-scoring.spec.ts): sheets (a, b) by judge and entry, total 6a + 8b. */
    const HAND: Array<Array<[number, number]>> = [
      [[10, 5], [4, 2], [9, 2], [5, 5]],
      [[7, 1], [10, 0], [9, 0], [8, 1]],
      [[9, 2], [8, 4], [6, 3], [5, 5]],
    ];
    let c: CompetitionBody;
    let entries: string[];
    let judges: SignedIn[];
    beforeAll(async () => {
      ({ c, entries } = await withEntries([0, 1, 2, 3], { judging: true, overrides: { minJudgesPerEntry: 3 } }));
      judges = [await newJudge('Hakim Murah'), await newJudge('Hakim Pelit'), await newJudge('Hakim Tengah')];
      await addJudges(c, judges);
      for (const e of entries) for (const j of judges) expect((await assign(c, j, e)).status).toBe(201);
      for (const [ji, row] of HAND.entries()) for (const [ei, [a, b]] of row.entries()) expect((await score(judges[ji], entries[ei], c, a, b)).status).toBe(200);
    });

    it('previews mean, median and normalised scores, ranks and flags, matching the hand-computed numbers', async () => {
      const res = await as(w.csr).get(`${BASE}/${c.id}/results/preview`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ competitionId: c.id, phase: 'judging', minJudgesPerEntry: 3, flaggedEntries: 2, unscoredEntries: 0 });
      const rows = res.body.categories[0].entries as Array<Record<string, unknown> & { entry: { name: string }; judges: Array<{ judge: { fullName: string }; total: number; z: number }> }>;
      expect(rows.map((r) => [r.entry.name, r.rank, r.award, r.meanScore, r.medianScore, r.normalizedScore, r.judgeCount, r.flags])).toEqual([
        ['Karya 1', 1, 'winner', 60, 60, 0.4, 3, ['high_disagreement']],
        ['Karya 3', 2, 'runner_up', 65.33, 70, 0.08, 3, []],
        ['Karya 0', 3, 'special_mention', 73.33, 70, 0.008, 3, ['high_disagreement']],
        ['Karya 2', 4, null, 61.33, 60, -0.488, 3, []],
      ]);
      expect(rows[2].judges.map((j) => [j.judge.fullName, j.total, j.z])).toEqual([
        ['Hakim Murah', 100, 1.225],
        ['Hakim Pelit', 50, -1.201],
        ['Hakim Tengah', 70, 0],
      ]);
      expect(rows[2]).toMatchObject({ range: 50, sampleStd: 25.17 });
      expect(res.body.categories[1]).toBeUndefined();
    });

    it('publishes the frozen results, ranked by normalised score, and freezes every score', async () => {
      const published = await movePhase(t, w.csr, c.id, 'published');
      expect(published.phase).toBe('published');
      const res = await as(w.schools[0].principal).get(`${BASE}/${c.id}/results`);
      expect(res.body.categories).toEqual([
        {
          id: c.categories[0].id,
          name: 'Literacy innovation',
          entries: [
            expect.objectContaining({ rank: 1, award: 'winner', entry: { id: entries[1], name: 'Karya 1' }, meanScore: 60, medianScore: 60, normalizedScore: 0.4, judgeCount: 3 }),
            expect.objectContaining({ rank: 2, award: 'runner_up', entry: { id: entries[3], name: 'Karya 3' }, meanScore: 65.33, medianScore: 70, normalizedScore: 0.08, judgeCount: 3 }),
            expect.objectContaining({ rank: 3, award: 'special_mention', entry: { id: entries[0], name: 'Karya 0' }, meanScore: 73.33, medianScore: 70, normalizedScore: 0.008, judgeCount: 3 }),
            expect.objectContaining({ rank: 4, award: null, entry: { id: entries[2], name: 'Karya 2' }, meanScore: 61.33, medianScore: 60, normalizedScore: -0.488, judgeCount: 3 }),
          ],
        },
      ]);
      expect(JSON.stringify(res.body)).not.toContain('Hakim');
      const stored = await t.dataSource.query('SELECT mean_score AS mean, median_score AS median, normalized_score AS z FROM competition_results WHERE entry_id = $1', [entries[0]]);
      expect(stored).toEqual([{ mean: '73.333', median: '70.000', z: '0.0079' }]);
      const before = await t.dataSource.query('SELECT entry_id, judge_user_id, criterion_id, score FROM entry_scores WHERE entry_id = ANY($1) ORDER BY 1, 2, 3', [entries]);
      const frozen = await score(judges[0], entries[0], c, 1, 1);
      expect(frozen.status).toBe(422);
      expect(frozen.body.detail).toMatch(/^the results were published on .+, which froze every score: scores can no longer change$/);
      expect((await assign(c, judges[0], entries[0])).body.detail).toContain('the results are published, so its judges, assignments and conflicts can no longer change');
      expect((await as(judges[1]).post(`${BASE}/${c.id}/conflicts`, { schoolId: w.schools[0].school.id, reason: 'x' })).status).toBe(422);
      expect((await as(w.csr).delete(`${BASE}/${c.id}/judges/${judges[0].user.id}`)).status).toBe(422);
      expect(await t.dataSource.query('SELECT entry_id, judge_user_id, criterion_id, score FROM entry_scores WHERE entry_id = ANY($1) ORDER BY 1, 2, 3', [entries])).toEqual(before);
      expect((await as(judges[0]).get(`/api/v1/entries/${entries[0]}/scores`)).body.items).toHaveLength(1);
      expect((await as(w.csr).get(`/api/v1/entries/${entries[0]}/scores`)).body.items).toHaveLength(3);
    });

    it('breaks a tie on the normalised score by the higher mean, then the earlier entry', async () => {
      const tie = await withEntries([0, 1, 2], { judging: true, overrides: { minJudgesPerEntry: 1 } });
      const [k1, k2, k3] = [await newJudge(), await newJudge(), await newJudge()];
      await addJudges(tie.c, [k1, k2, k3]);
      // One entry per judge: every z is 0, so the normalised scores tie.
      for (const [j, e, a, b] of [[k1, 0, 10, 0], [k2, 1, 10, 0], [k3, 2, 8, 4]] as Array<[SignedIn, number, number, number]>) {
        await assign(tie.c, j, tie.entries[e]);
        expect((await score(j, tie.entries[e], tie.c, a, b)).status).toBe(200);
      }
      await movePhase(t, w.csr, tie.c.id, 'published');
      const res = await as(w.csr).get(`${BASE}/${tie.c.id}/results`);
      expect(res.body.categories[0].entries.map((e: { entry: { name: string }; rank: number; meanScore: number; normalizedScore: number }) => [e.entry.name, e.rank, e.meanScore, e.normalizedScore])).toEqual([
        ['Karya 2', 1, 80, 0],
        ['Karya 0', 2, 60, 0],
        ['Karya 1', 3, 60, 0],
      ]);
    });

    it('leaves out and flags the scores of a judge who became conflicted with the school after scoring, and flags too few scores', async () => {
      const late = await withEntries([3, 4], { judging: true, overrides: { minJudgesPerEntry: 2 } });
      const [p1, p2] = [await newJudge('Penilai Satu'), await newJudge('Penilai Dua')];
      await addJudges(late.c, [p1, p2]);
      for (const e of late.entries) for (const j of [p1, p2]) await assign(late.c, j, e);
      for (const e of late.entries) {
        await score(p1, e, late.c, 8, 4);
        await score(p2, e, late.c, 7, 4);
      }
      const plan = await insertPlan(t.dataSource, { schoolId: w.schools[4].school.id, programYearId: w.years[2023].id, partnershipId: w.schools[4].partnership.id, createdBy: w.schools[4].principal.user.id, facilitatorUserId: p2.user.id });
      expect(plan).toBeTruthy();
      const res = await as(w.csr).get(`${BASE}/${late.c.id}/results/preview`);
      const rows = res.body.categories[0].entries as Array<{ entry: { name: string }; judgeCount: number; flags: string[]; excluded: Array<{ judge: { fullName: string }; reasons: Array<{ code: string }> }> }>;
      const affected = rows.find((r) => r.entry.name === 'Karya 4');
      expect(affected).toMatchObject({ judgeCount: 1, flags: ['too_few_scores', 'conflict_excluded'], excluded: [{ judge: { fullName: 'Penilai Dua' }, reasons: [{ code: 'reviewed_plan' }] }] });
      expect(rows.find((r) => r.entry.name === 'Karya 3')).toMatchObject({ judgeCount: 2, flags: [], excluded: [] });
      expect(res.body.flaggedEntries).toBe(1);
    });
  });
});
