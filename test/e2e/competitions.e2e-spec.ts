import type request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import {
  addSchool,
  competitionBody,
  CompetitionBody,
  competitionWorld,
  CompetitionWorld,
  createCompetition,
  daysFromNow,
  fixNow,
  insertPlan,
  movePhase,
  realTime,
  SignedIn,
  submitEntry,
  WorldSchool,
} from '../support/competition-factories';
import { signedIn } from '../support/factories';
import { insertCohortYears } from '../support/program-factories';
import { tempDocumentsDir } from '../support/mou-factories';

const BASE = '/api/v1/competitions';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\n', 'latin1'), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);

/** Collects a binary response body as a Buffer. */
function binary(res: request.Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('competitions and entries', () => {
  let t: TestApp;
  let w: CompetitionWorld;
  let other: CompetitionWorld;
  let admin: SignedIn;
  let judge: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: tempDocumentsDir() } });
    w = await competitionWorld(t, { schools: 4 });
    other = await competitionWorld(t, { schools: 1 });
    admin = await signedIn(t.dataSource, t.http, 'admin');
    judge = await signedIn(t.dataSource, t.http, 'judge');
  });
  afterAll(() => t.close());
  afterEach(() => realTime());

  const as = (who: SignedIn | null) => ({
    get: (url: string) => (who ? t.http.get(url).set('Authorization', who.auth) : t.http.get(url)),
    post: (url: string, body?: object) => (who ? t.http.post(url).set('Authorization', who.auth) : t.http.post(url)).send(body),
    patch: (url: string, body?: object) => (who ? t.http.patch(url).set('Authorization', who.auth) : t.http.patch(url)).send(body),
    put: (url: string, body?: object) => (who ? t.http.put(url).set('Authorization', who.auth) : t.http.put(url)).send(body),
  });
  const audit = (entityType: string, entityId: string) =>
    t.dataSource.query('SELECT action, actor_user_id AS "actorUserId", changes FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', [entityType, entityId]) as Promise<
      Array<{ action: string; actorUserId: string; changes: Record<string, unknown> }>
    >;
  const ids = (res: request.Response) => (res.body.items as Array<{ id: string }>).map((i) => i.id);

  /** A judge on the panel, assigned to the entry, who scores it (A, B). */
  async function scoreEntry(competitionId: string, entryId: string, who: SignedIn, criteria: CompetitionBody['criteria'], a = 8, b = 4) {
    await as(w.csr).post(`${BASE}/${competitionId}/judges`, { userId: who.user.id });
    expect((await as(w.csr).post(`${BASE}/${competitionId}/assignments`, { judgeUserId: who.user.id, entryId })).status).toBe(201);
    const res = await as(who).put(`/api/v1/entries/${entryId}/scores`, { scores: [{ criterionId: criteria[0].id, score: a }, { criterionId: criteria[1].id, score: b }] });
    expect(res.status).toBe(200);
  }

  describe('POST /competitions', () => {
    it('creates a draft with its categories and weighted rubric, and audits it', async () => {
      const res = await as(w.csr).post(BASE, competitionBody(w, { title: 'Lomba Inovasi 2025', minJudgesPerEntry: 3 }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        program: { id: w.program.id, name: w.program.name },
        programYear: { id: w.year.id, year: 2025 },
        company: { id: w.company.id, name: w.company.name },
        title: 'Lomba Inovasi 2025',
        level: 'national',
        phase: 'draft',
        nextPhase: 'open',
        publishedAt: null,
        minJudgesPerEntry: 3,
        version: 1,
        categories: [
          { name: 'Literacy innovation', position: 1 },
          { name: 'Child-friendly school', position: 2 },
        ],
        criteria: [
          { name: 'A', description: 'Sixty percent.', weight: 60, maxScore: 10, position: 1 },
          { name: 'B', description: null, weight: 40, maxScore: 5, position: 2 },
        ],
      });
      expect(await audit('competition', res.body.id)).toEqual([expect.objectContaining({ action: 'create', actorUserId: w.csr.user.id })]);
    });

    it('refuses weights that do not add up to 100, naming criteria and the sum, and writes nothing', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM competitions');
      const res = await as(w.csr).post(BASE, competitionBody(w, { criteria: [{ name: 'A', weight: 60, maxScore: 10 }, { name: 'B', weight: 30.5, maxScore: 5 }] }));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'criteria', code: 'weights_must_total_100', message: 'the weights of the criteria add up to 90.5, but they must add up to 100 (they are percentages of the total score); add 9.5 to the weights' }]);
      const id = await as(w.csr).post(BASE, competitionBody(w, { criteria: [{ name: 'A', weight: 70, maxScore: 10 }, { name: 'B', weight: 40, maxScore: 5 }] })).set('Accept-Language', 'id');
      expect(id.body.errors[0].message).toContain('bobot kriteria berjumlah 110');
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM competitions')).toEqual(before);
    });

    it('accepts weights adding up to 100 within rounding (33.33 + 33.33 + 33.34)', async () => {
      const res = await as(w.csr).post(BASE, competitionBody(w, { criteria: [{ name: 'A', weight: 33.33, maxScore: 10 }, { name: 'B', weight: 33.33, maxScore: 10 }, { name: 'C', weight: 33.34, maxScore: 10 }] }));
      expect(res.status).toBe(201);
    });

    it('refuses bad categories, criteria, dates and a year of another company, field by field', async () => {
      const send = (overrides: Record<string, unknown>) => as(w.csr).post(BASE, competitionBody(w, overrides));
      const field = async (overrides: Record<string, unknown>) => {
        const res = await send(overrides);
        expect(res.status).toBe(422);
        return res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
      };
      expect(await field({ categories: Array.from({ length: 11 }, (_, i) => ({ name: `K${i}` })) })).toEqual(['categories:arrayMaxSize']);
      expect(await field({ categories: [] })).toEqual(['categories:arrayMinSize']);
      expect(await field({ categories: [{ name: 'Literasi' }, { name: ' literasi ' }] })).toEqual(['categories[1].name:duplicate_name']);
      expect(await field({ criteria: [] })).toEqual(['criteria:arrayMinSize']);
      expect(await field({ criteria: Array.from({ length: 21 }, (_, i) => ({ name: `C${i}`, weight: 5, maxScore: 10 })) })).toEqual(['criteria:arrayMaxSize']);
      expect(await field({ criteria: [{ name: 'A', weight: 0, maxScore: 10 }, { name: 'B', weight: 100, maxScore: 5 }] })).toEqual(['criteria[0].weight:min']);
      expect(await field({ criteria: [{ name: 'A', weight: 60, maxScore: 0 }, { name: 'B', weight: 40, maxScore: 5 }] })).toEqual(['criteria[0].maxScore:min']);
      expect(await field({ criteria: [{ name: 'A', weight: 60.125, maxScore: 10 }, { name: 'B', weight: 39.875, maxScore: 5 }] })).toContain('criteria[0].weight:isNumber');
      expect(await field({ entriesCloseAt: daysFromNow(-2) })).toEqual(['entriesCloseAt:close_before_open']);
      expect(await field({ judgingEndsAt: daysFromNow(0.5) })).toEqual(['judgingEndsAt:judging_before_close']);
      expect(await field({ entriesOpenAt: '2025-09-01' })).toEqual(['entriesOpenAt:matches']);
      expect(await field({ level: 'international' })).toEqual(['level:isIn']);
      expect(await field({ programYearId: other.year.id })).toEqual(['programYearId:unknown_program_year']);
    });

    it('needs a token (401), the manage permission (403) and a CSR officer, not an admin (422)', async () => {
      expect((await as(null).post(BASE, competitionBody(w))).status).toBe(401);
      expect((await as(w.schools[0].principal).post(BASE, competitionBody(w))).status).toBe(403);
      expect((await as(judge).post(BASE, competitionBody(w))).status).toBe(403);
      expect((await as(w.officer).post(BASE, competitionBody(w))).status).toBe(403);
      const byAdmin = await as(admin).post(BASE, competitionBody(w));
      expect(byAdmin.status).toBe(422);
      expect(byAdmin.body.detail).toContain('only a CSR officer of the company running the competition can create a competition');
    });
  });

  describe('GET /competitions', () => {
    let draft: CompetitionBody;
    let open: CompetitionBody;
    let otherOpen: CompetitionBody;
    beforeAll(async () => {
      draft = await createCompetition(t, w, { title: 'Draf' });
      open = await createCompetition(t, w, { title: 'Terbuka' }, 'open');
      otherOpen = await createCompetition(t, other, { title: 'Perusahaan lain' }, 'open');
      await as(w.csr).post(`${BASE}/${open.id}/judges`, { userId: judge.user.id });
    });

    it("shows a CSR officer their company's competitions only, newest first, paged", async () => {
      const all = await as(w.csr).get(`${BASE}?limit=100`);
      expect(ids(all)).toEqual(expect.arrayContaining([draft.id, open.id]));
      expect(ids(all)).not.toContain(otherOpen.id);
      const first = await as(w.csr).get(`${BASE}?limit=1`);
      expect(first.body.items).toHaveLength(1);
      const second = await as(w.csr).get(`${BASE}?limit=1&cursor=${first.body.nextCursor}`);
      expect(ids(second)).not.toEqual(ids(first));
      expect(ids(all).indexOf(ids(first)[0])).toBeLessThan(ids(all).indexOf(ids(second)[0]));
      expect(ids(await as(w.csr).get(`${BASE}?phase=draft&limit=100`))).toEqual(expect.not.arrayContaining([open.id]));
      expect((await as(w.csr).get(`${BASE}?cursor=bm90LWEtY3Vyc29y`)).body.errors[0]).toMatchObject({ field: 'cursor', code: 'invalid_cursor' });
    });

    it('shows schools, offices and facilitators the competitions of their programs once out of draft, and judges those they judge', async () => {
      const principal = ids(await as(w.schools[0].principal).get(`${BASE}?limit=100`));
      expect(principal).toContain(open.id);
      expect(principal).not.toContain(draft.id);
      expect(principal).not.toContain(otherOpen.id);
      const facilitator = ids(await as(w.facilitator).get(`${BASE}?limit=100`));
      expect(facilitator).toContain(open.id);
      expect(facilitator).not.toContain(draft.id);
      expect(facilitator).not.toContain(otherOpen.id);
      expect(ids(await as(w.officer).get(`${BASE}?limit=100`))).toEqual(expect.arrayContaining([open.id]));
      expect(ids(await as(w.officer).get(`${BASE}?limit=100`))).not.toContain(draft.id);
      expect(ids(await as(judge).get(`${BASE}?limit=100`))).toEqual([open.id]);
      expect(ids(await as(admin).get(`${BASE}?limit=100`))).toEqual(expect.arrayContaining([draft.id, open.id, otherOpen.id]));
    });

    it('answers 404 for a competition outside your scope, and 422 for an id that is not a UUID', async () => {
      expect((await as(other.csr).get(`${BASE}/${open.id}`)).status).toBe(404);
      expect((await as(w.schools[0].principal).get(`${BASE}/${draft.id}`)).status).toBe(404);
      expect((await as(other.schools[0].principal).get(`${BASE}/${open.id}`)).status).toBe(404);
      const mine = await as(w.schools[0].principal).get(`${BASE}/${open.id}`);
      expect(mine.status).toBe(200);
      expect(mine.body.criteria).toHaveLength(2);
      expect((await as(w.csr).get(`${BASE}/not-a-uuid`)).body.errors[0]).toMatchObject({ field: 'id', code: 'isUUID' });
      expect((await as(null).get(BASE)).status).toBe(401);
    });
  });

  describe('PATCH /competitions/{id}', () => {
    it('changes a draft with a version check, replacing categories and rubric, and audits it', async () => {
      const c = await createCompetition(t, w);
      const res = await as(w.csr).patch(`${BASE}/${c.id}`, {
        version: 1,
        title: 'Lomba baru',
        categories: [{ name: 'Disaster preparedness' }],
        criteria: [{ name: 'Only', weight: 100, maxScore: 20 }],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Lomba baru', version: 2, categories: [{ name: 'Disaster preparedness' }], criteria: [{ name: 'Only', weight: 100, maxScore: 20 }] });
      const stale = await as(w.csr).patch(`${BASE}/${c.id}`, { version: 1, title: 'Lagi' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      const weights = await as(w.csr).patch(`${BASE}/${c.id}`, { version: 2, criteria: [{ name: 'Only', weight: 99, maxScore: 20 }] });
      expect(weights.body.errors[0]).toMatchObject({ field: 'criteria', code: 'weights_must_total_100' });
      const lines = await audit('competition', c.id);
      expect(lines.map((l) => l.action)).toEqual(['create', 'update']);
      expect(lines[1].changes).toMatchObject({ title: { from: 'Lomba Inovasi Sekolah 2025', to: 'Lomba baru' }, categories: { to: ['Disaster preparedness'] } });
    });

    it('refuses changes once the competition is open, and another company (404)', async () => {
      const c = await createCompetition(t, w, {}, 'open');
      const res = await as(w.csr).patch(`${BASE}/${c.id}`, { version: c.version, title: 'Terlambat' });
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('the competition is in phase open');
      expect((await as(other.csr).patch(`${BASE}/${c.id}`, { version: c.version, title: 'x' })).status).toBe(404);
      expect((await as(w.schools[0].principal).patch(`${BASE}/${c.id}`, { version: c.version, title: 'x' })).status).toBe(403);
    });
  });

  describe('phases', () => {
    it('moves forward one phase at a time, each change audited; never back or skipping; publishing needs every entry scored', async () => {
      const c = await createCompetition(t, w, { title: 'Urutan fase', categories: [{ name: 'Satu' }] });
      const move = (phase: string) => as(w.csr).post(`${BASE}/${c.id}/phase`, { phase });
      const skip = await move('judging');
      expect(skip.status).toBe(422);
      expect(skip.body.detail).toBe('a competition moves one phase forward at a time (draft → open → judging → published → closed): from draft the only next phase is open, not judging');
      expect((await move('open')).body).toMatchObject({ phase: 'open', nextPhase: 'judging' });
      expect((await move('draft')).status).toBe(422);
      const entry = await submitEntry(t, w.schools[0], c.id, c.categories[0].id, { title: 'Karya urutan' });
      expect((await move('judging')).body.phase).toBe('judging');
      const unscored = await move('published');
      expect(unscored.status).toBe(422);
      expect(unscored.body.detail).toContain(`1 entry has no score yet, so no rank can be given: "Karya urutan" of ${w.schools[0].school.name} (Satu)`);
      await scoreEntry(c.id, entry.id, judge, c.criteria);
      const published = await move('published');
      expect(published.body).toMatchObject({ phase: 'published', nextPhase: 'closed' });
      expect(published.body.publishedAt).not.toBeNull();
      expect((await move('closed')).body).toMatchObject({ phase: 'closed', nextPhase: null });
      expect((await move('closed')).body.detail).toContain('the competition is closed, the last phase');
      const changes = (await audit('competition', c.id)).filter((l) => l.action === 'state_change').map((l) => l.changes.phase);
      expect(changes).toEqual([
        { from: 'draft', to: 'open' },
        { from: 'open', to: 'judging' },
        { from: 'judging', to: 'published' },
        { from: 'published', to: 'closed' },
      ]);
      const results = await t.dataSource.query('SELECT rank, award, judge_count AS "judgeCount" FROM competition_results WHERE competition_id = $1', [c.id]);
      expect(results).toEqual([{ rank: 1, award: 'winner', judgeCount: 1 }]);
    });

    it('opens only with a valid rubric, and only for the CSR officer of the company', async () => {
      const c = await createCompetition(t, w);
      await t.dataSource.query('UPDATE rubric_criteria SET weight = 30 WHERE competition_id = $1 AND name = $2', [c.id, 'B']);
      const res = await as(w.csr).post(`${BASE}/${c.id}/phase`, { phase: 'open' });
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('the competition cannot move to open yet: the weights of the criteria add up to 90');
      expect((await as(other.csr).post(`${BASE}/${c.id}/phase`, { phase: 'open' })).status).toBe(404);
      expect((await as(judge).post(`${BASE}/${c.id}/phase`, { phase: 'open' })).status).toBe(403);
      expect((await as(w.csr).post(`${BASE}/${c.id}/phase`, { phase: 'finished' })).body.errors[0]).toMatchObject({ field: 'phase', code: 'isIn' });
    });
  });

  describe('entries', () => {
    let c: CompetitionBody;
    beforeAll(async () => {
      c = await createCompetition(t, w, { title: 'Lomba karya' }, 'open');
    });
    const entriesUrl = () => `${BASE}/${c.id}/entries`;

    it('takes an entry pre-filled from a plan program of the school, and audits it', async () => {
      const s = w.schools[1];
      const programId = '2b9e1c4a-7d3f-4a8b-9c1e-5f6a7b8c9d0e';
      const planId = await insertPlan(t.dataSource, {
        schoolId: s.school.id,
        programYearId: w.year.id,
        partnershipId: s.partnership.id,
        createdBy: s.principal.user.id,
        content: { programs: [{ id: programId, topic: 'disaster_preparedness', name: 'Pojok Baca Siaga Bencana', goal: 'Setiap kelas berlatih evakuasi setiap bulan.', activities: [], budgetLines: [], indicators: [], risks: [] }] },
      });
      const res = await as(s.principal).post(entriesUrl(), { categoryId: c.categories[0].id, planId, planProgramId: programId, teamMembers: [{ name: 'Nurul Hidayah', role: 'Guru kelas 5' }] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        competitionId: c.id,
        category: { id: c.categories[0].id, name: 'Literacy innovation' },
        school: { id: s.school.id, name: s.school.name },
        title: 'Pojok Baca Siaga Bencana',
        summary: 'Setiap kelas berlatih evakuasi setiap bulan.',
        planId,
        planProgramId: programId,
        teamMembers: [{ name: 'Nurul Hidayah', role: 'Guru kelas 5' }],
        evidenceDocumentIds: [],
        evidence: [],
        submittedBy: { id: s.principal.user.id },
        version: 1,
      });
      expect(await audit('competition_entry', res.body.id)).toEqual([expect.objectContaining({ action: 'create', actorUserId: s.principal.user.id })]);
    });

    it('refuses a second entry in a category (409 naming it) but takes one in another category', async () => {
      const s = w.schools[2];
      const first = await submitEntry(t, s, c.id, c.categories[0].id);
      const again = await as(s.principal).post(entriesUrl(), { categoryId: c.categories[0].id, title: 'Lagi', summary: 'Lagi' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'entry_exists', existingId: first.id });
      expect(again.body.detail).toContain(`${s.school.name} already has an entry in the category Literacy innovation`);
      expect((await as(s.principal).post(entriesUrl(), { categoryId: c.categories[1].id, title: 'Sekolah ramah anak', summary: 'Ringkasan' })).status).toBe(201);
    });

    it('checks the category, the plan and the plan program, and needs a title and summary without one', async () => {
      const s = w.schools[3];
      const code = async (body: Record<string, unknown>) => {
        const res = await as(s.principal).post(entriesUrl(), { categoryId: c.categories[0].id, ...body });
        expect(res.status).toBe(422);
        return `${res.body.errors[0].field}:${res.body.errors[0].code}`;
      };
      const othersPlan = await insertPlan(t.dataSource, { schoolId: w.schools[0].school.id, programYearId: w.year.id, partnershipId: w.schools[0].partnership.id, createdBy: w.schools[0].principal.user.id });
      const oldPlan = await insertPlan(t.dataSource, { schoolId: s.school.id, programYearId: w.years[2024].id, partnershipId: s.partnership.id, createdBy: s.principal.user.id });
      const ownPlan = await insertPlan(t.dataSource, { schoolId: s.school.id, programYearId: w.year.id, partnershipId: s.partnership.id, createdBy: s.principal.user.id, content: { programs: [{ id: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b', topic: 'literacy', name: null, goal: null }] } });
      expect(await code({ categoryId: other.year.id, title: 'x', summary: 'y' })).toBe('categoryId:unknown_category');
      expect(await code({ title: 'x', summary: 'y', planId: othersPlan })).toBe('planId:not_the_school_plan');
      expect(await code({ title: 'x', summary: 'y', planId: oldPlan })).toBe('planId:not_the_school_plan');
      expect(await code({ title: 'x', summary: 'y', planProgramId: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b' })).toBe('planProgramId:needs_plan');
      expect(await code({ title: 'x', summary: 'y', planId: ownPlan, planProgramId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })).toBe('planProgramId:unknown_plan_program');
      expect(await code({ summary: 'y' })).toBe('title:required');
      // The plan program has no name: its topic names the entry; it has no goal: a summary is needed.
      expect(await code({ planId: ownPlan, planProgramId: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b' })).toBe('summary:required');
      const ok = await as(s.principal).post(entriesUrl(), { categoryId: c.categories[0].id, planId: ownPlan, planProgramId: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b', summary: 'Ringkasan sendiri' });
      expect(ok.body).toMatchObject({ title: 'Literacy', summary: 'Ringkasan sendiri' });
      expect(await code({ categoryId: c.categories[1].id, title: 'x', summary: 'y', teamMembers: [{ name: '', role: 'Guru' }] })).toBe('teamMembers[0].name:isNotEmpty');
    });

    it("takes entries only from the year's cohort: an active partnership, or the year among its cohort years", async () => {
      const ended = await addSchool(t, w.program, { name: 'SDN Berhenti' }, [{ to: 'active', on: '2020-02-10' }, { to: 'ended', on: '2024-06-30', reason: 'Selesai' }]);
      const refused = await as(ended.principal).post(entriesUrl(), { categoryId: c.categories[0].id, title: 'x', summary: 'y' });
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toContain(`SDN Berhenti is not in the 2025 cohort of ${w.program.name}`);
      const paused = await addSchool(t, w.program, { name: 'SDN Jeda' }, [{ to: 'active', on: '2020-02-10' }, { to: 'paused', on: '2025-01-10', reason: 'Renovasi' }]);
      await insertCohortYears(t.dataSource, paused.partnership.id, [w.year.id]);
      expect((await as(paused.principal).post(entriesUrl(), { categoryId: c.categories[0].id, title: 'x', summary: 'y' })).status).toBe(201);
      expect((await as(other.schools[0].principal).post(entriesUrl(), { categoryId: c.categories[0].id, title: 'x', summary: 'y' })).status).toBe(404);
    });

    it('refuses late entries and changes with 422 naming the deadline (by the Clock), and entries before opening', async () => {
      const late = await createCompetition(t, w, { entriesOpenAt: '2030-01-01T00:00:00+07:00', entriesCloseAt: '2030-01-31T23:59:59+07:00', judgingEndsAt: '2030-02-28T23:59:59+07:00' }, 'open');
      const s = w.schools[0];
      const send = () => as(s.principal).post(`${BASE}/${late.id}/entries`, { categoryId: late.categories[0].id, title: 'x', summary: 'y' });
      fixNow(t, '2029-12-31T16:59:59Z');
      expect((await send()).body.detail).toBe('entries open at 2029-12-31T17:00:00Z; submit between 2029-12-31T17:00:00Z and the deadline 2030-01-31T16:59:59Z');
      fixNow(t, '2030-01-31T16:59:59Z');
      const inTime = await send();
      expect(inTime.status).toBe(201);
      fixNow(t, '2030-01-31T17:00:00Z');
      const tooLate = await as(w.schools[1].principal).post(`${BASE}/${late.id}/entries`, { categoryId: late.categories[0].id, title: 'x', summary: 'y' });
      expect(tooLate.status).toBe(422);
      expect(tooLate.body.detail).toBe('the entry deadline was 2030-01-31T16:59:59Z: entries can no longer be submitted or changed');
      const change = await as(s.principal).patch(`/api/v1/entries/${inTime.body.id}`, { version: 1, title: 'Terlambat' });
      expect(change.status).toBe(422);
      expect(change.body.detail).toContain('the entry deadline was 2030-01-31T16:59:59Z');
      const upload = await t.http.post(`/api/v1/entries/${inTime.body.id}/evidence`).set('Authorization', s.principal.auth).attach('file', PDF, 'bukti.pdf');
      expect(upload.status).toBe(422);
      const inId = await send().set('Accept-Language', 'id');
      expect(inId.body.detail).toBe('batas waktu pendaftaran karya adalah 2030-01-31T16:59:59Z: karya tidak dapat lagi dikirim atau diubah');
    });

    it('refuses entries once judging has begun, even before the deadline, and in a draft', async () => {
      const judging = await createCompetition(t, w, {}, 'judging');
      const res = await as(w.schools[0].principal).post(`${BASE}/${judging.id}/entries`, { categoryId: judging.categories[0].id, title: 'x', summary: 'y' });
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('and the competition is now in phase judging');
      const draft = await createCompetition(t, w);
      expect((await as(w.schools[0].principal).post(`${BASE}/${draft.id}/entries`, { categoryId: draft.categories[0].id, title: 'x', summary: 'y' })).status).toBe(404);
    });

    it('lets the principal change their entry with a version check, unlink the plan, and audits it', async () => {
      const s = w.schools[0];
      const entry = await submitEntry(t, s, c.id, c.categories[1].id, { title: 'Awal' });
      const changed = await as(s.principal).patch(`/api/v1/entries/${entry.id}`, { version: 1, title: 'Ubah', teamMembers: [{ name: 'Bu Ani', role: 'Guru' }], planId: null });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ title: 'Ubah', version: 2, teamMembers: [{ name: 'Bu Ani', role: 'Guru' }], planId: null });
      const stale = await as(s.principal).patch(`/api/v1/entries/${entry.id}`, { version: 1, title: 'Basi' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await audit('competition_entry', entry.id)).map((l) => l.action)).toEqual(['create', 'update']);
      expect((await as(w.schools[1].principal).patch(`/api/v1/entries/${entry.id}`, { version: 2, title: 'x' })).status).toBe(404);
      expect((await as(w.csr).patch(`/api/v1/entries/${entry.id}`, { version: 2, title: 'x' })).status).toBe(403);
      const byAdmin = await as(admin).patch(`/api/v1/entries/${entry.id}`, { version: 2, title: 'x' });
      expect(byAdmin.status).toBe(422);
      expect(byAdmin.body.detail).toContain('only the principal of a partner school can change a competition entry');
    });

    it('stores evidence files through the documents service and streams them to those who see the entry', async () => {
      const s = w.schools[3];
      const entry = await submitEntry(t, s, c.id, c.categories[1].id);
      const up = await t.http.post(`/api/v1/entries/${entry.id}/evidence`).set('Authorization', s.principal.auth).attach('file', PDF, 'Foto kegiatan.pdf');
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ kind: 'evidence', filename: 'Foto kegiatan.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
      const detail = await as(w.csr).get(`/api/v1/entries/${entry.id}`);
      expect(detail.body).toMatchObject({ evidenceDocumentIds: [up.body.id], evidence: [{ id: up.body.id }], version: 1 });
      const file = await t.http.get(`/api/v1/entries/${entry.id}/evidence/${up.body.id}`).set('Authorization', w.csr.auth).buffer(true).parse(binary);
      expect(file.status).toBe(200);
      expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
      expect((await t.http.get(`/api/v1/entries/${entry.id}/evidence/${up.body.id}`).set('Authorization', other.csr.auth)).status).toBe(404);
      const notPdf = await t.http.post(`/api/v1/entries/${entry.id}/evidence`).set('Authorization', s.principal.auth).attach('file', Buffer.from('just text'), 'x.pdf');
      expect(notPdf.body.errors[0]).toMatchObject({ field: 'file', code: 'unsupported_content_type' });
      expect((await as(w.csr).get(`/api/v1/entries/${entry.id}`)).body.evidenceDocumentIds).toHaveLength(1);
      expect((await audit('competition_entry', entry.id)).map((l) => l.action)).toEqual(['create', 'update']);
    });

    it('shows the CSR officer every entry, a principal their own, a judge only assigned ones; others nothing (404)', async () => {
      const list = (who: SignedIn) => as(who).get(`${entriesUrl()}?limit=100`);
      const all = await list(w.csr);
      expect(all.body.items.length).toBeGreaterThanOrEqual(5);
      const positions = all.body.items.map((e: { category: { id: string } }) => c.categories.findIndex((k) => k.id === e.category.id));
      expect(positions).toEqual([...positions].sort());
      const own = await list(w.schools[2].principal);
      expect(new Set(own.body.items.map((e: { school: { id: string } }) => e.school.id))).toEqual(new Set([w.schools[2].school.id]));
      const someone = all.body.items[0] as { id: string };
      const panelJudge = await signedIn(t.dataSource, t.http, 'judge');
      await as(w.csr).post(`${BASE}/${c.id}/judges`, { userId: panelJudge.user.id });
      expect((await list(panelJudge)).body.items).toEqual([]);
      await as(w.csr).post(`${BASE}/${c.id}/assignments`, { judgeUserId: panelJudge.user.id, entryId: someone.id });
      expect(ids(await list(panelJudge))).toEqual([someone.id]);
      expect((await as(panelJudge).get(`/api/v1/entries/${all.body.items[1].id}`)).status).toBe(404);
      expect((await list(w.facilitator)).body.items).toEqual([]);
      expect((await as(w.facilitator).get(`/api/v1/entries/${someone.id}`)).status).toBe(404);
      expect((await list(w.officer)).body.items).toEqual([]);
      expect((await as(other.csr).get(`/api/v1/entries/${someone.id}`)).status).toBe(404);
      expect((await as(other.csr).get(`${entriesUrl()}`)).status).toBe(404);
      expect((await as(null).get(`/api/v1/entries/${someone.id}`)).status).toBe(401);
      const page = await as(w.csr).get(`${entriesUrl()}?limit=2`);
      const next = await as(w.csr).get(`${entriesUrl()}?limit=2&cursor=${page.body.nextCursor}`);
      expect(ids(next)[0]).toBe(all.body.items[2].id);
    });
  });

  describe('results: who sees them, when, and in the timeline', () => {
    let c: CompetitionBody;
    let far: WorldSchool;
    let scorer: SignedIn;
    beforeAll(async () => {
      c = await createCompetition(t, w, { title: 'Lomba hasil', categories: [{ name: 'Satu' }], minJudgesPerEntry: 1 }, 'open');
      far = await addSchool(t, w.program, { name: 'SDN Jauh Jakarta', regionCode: '31.71' });
      scorer = await signedIn(t.dataSource, t.http, 'judge', { fullName: 'Prof. Rahasia Juri' });
      const near = await submitEntry(t, w.schools[0], c.id, c.categories[0].id, { title: 'Karya dekat' });
      const away = await submitEntry(t, far, c.id, c.categories[0].id, { title: 'Karya jauh' });
      await movePhase(t, w.csr, c.id, 'judging');
      await scoreEntry(c.id, near.id, scorer, c.criteria, 10, 5);
      await as(w.csr).post(`${BASE}/${c.id}/assignments`, { judgeUserId: scorer.user.id, entryId: away.id });
      await as(scorer).put(`/api/v1/entries/${away.id}/scores`, { scores: [{ criterionId: c.criteria[0].id, score: 5 }, { criterionId: c.criteria[1].id, score: 2 }] });
    });
    const results = (who: SignedIn) => as(who).get(`${BASE}/${c.id}/results`);

    it('hides the results from everyone but the CSR officer until publication', async () => {
      const csr = await results(w.csr);
      expect(csr.status).toBe(422);
      expect(csr.body.detail).toContain('the results are not published yet (phase judging)');
      for (const who of [w.schools[0].principal, scorer, w.officer, w.facilitator, other.csr]) expect((await results(who)).status).toBe(404);
      expect((await as(w.schools[0].principal).get(`${BASE}/${c.id}/results/preview`)).status).toBe(403);
      expect((await as(scorer).get(`${BASE}/${c.id}/results/preview`)).status).toBe(403);
      expect((await as(null).get(`${BASE}/${c.id}/results`)).status).toBe(401);
    });

    it("after publication shows ranks and awards without judges' names: to the CSR officer, the panel, the program's schools, and offices for their jurisdiction", async () => {
      await movePhase(t, w.csr, c.id, 'published');
      const csr = await results(w.csr);
      expect(csr.status).toBe(200);
      expect(csr.body).toMatchObject({ competitionId: c.id, title: 'Lomba hasil', year: 2025 });
      expect(csr.body.categories[0].entries).toEqual([
        { rank: 1, award: 'winner', entry: { id: expect.any(String), name: 'Karya dekat' }, school: { id: w.schools[0].school.id, name: w.schools[0].school.name }, meanScore: 100, medianScore: 100, normalizedScore: 0.707, judgeCount: 1 },
        { rank: 2, award: 'runner_up', entry: { id: expect.any(String), name: 'Karya jauh' }, school: { id: far.school.id, name: 'SDN Jauh Jakarta' }, meanScore: 46, medianScore: 46, normalizedScore: -0.707, judgeCount: 1 },
      ]);
      expect(JSON.stringify(csr.body)).not.toContain('Rahasia');
      for (const who of [w.schools[1].principal, far.principal, scorer, admin]) expect((await results(who)).body.categories[0].entries).toHaveLength(2);
      const office = await results(w.officer);
      expect(office.body.categories[0].entries.map((e: { school: { name: string } }) => e.school.name)).toEqual([w.schools[0].school.name]);
      expect((await results(w.facilitator)).status).toBe(404);
      expect((await results(other.csr)).status).toBe(404);
      expect((await results(other.schools[0].principal)).status).toBe(404);
      expect((await as(w.csr).get(`${BASE}/${c.id}/results/preview`)).body.detail).toContain('the results are published');
      const officeEntries = await as(w.officer).get(`${BASE}/${c.id}/entries`);
      expect(officeEntries.body.items.map((e: { title: string }) => e.title)).toEqual(['Karya dekat']);
    });

    it("writes each school's result into its partnership timeline for the competition's year", async () => {
      const res = await as(w.csr).get(`/api/v1/partnerships/${w.schools[0].partnership.id}/timeline`);
      expect(res.status).toBe(200);
      const year = res.body.years.find((y: { year: number }) => y.year === 2025);
      const results = year.events.filter((e: { kind: string }) => e.kind === 'competition_result');
      // The school also won the one-entry competition of the phase test.
      expect(results.map((e: { title: string }) => e.title).sort()).toEqual(['Lomba hasil: winner in Satu (rank 1 of 2)', 'Urutan fase: winner in Satu (rank 1 of 1)']);
      const event = results.find((e: { title: string }) => e.title.startsWith('Lomba hasil'));
      expect(event.detail).toContain('Entry "Karya dekat" (national); mean score 100, normalised score 0.707, 1 judge; results published');
      expect(event.date <= '2025-12-31').toBe(true);
      const farTimeline = await as(w.csr).get(`/api/v1/partnerships/${far.partnership.id}/timeline`);
      const farEvents = farTimeline.body.years.find((y: { year: number }) => y.year === 2025).events.filter((e: { kind: string }) => e.kind === 'competition_result');
      expect(farEvents.map((e: { title: string }) => e.title)).toEqual(['Lomba hasil: runner-up in Satu (rank 2 of 2)']);
      // In Bahasa Indonesia, with the awards named as the portal names them.
      const inId = await as(w.csr).get(`/api/v1/partnerships/${far.partnership.id}/timeline`).set('Accept-Language', 'id');
      const idEvents = inId.body.years.find((y: { year: number }) => y.year === 2025).events.filter((e: { kind: string }) => e.kind === 'competition_result');
      expect(idEvents.map((e: { title: string }) => e.title)).toEqual(['Lomba hasil: Juara 2 kategori Satu (peringkat 2 dari 2)']);
      expect(idEvents[0].detail).toMatch(/^Karya ".+" \(tingkat nasional\); nilai rata-rata [\d,]+, skor ternormalisasi -?[\d,]+, 1 juri; hasil diumumkan \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$/);
    });
  });
});
