import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoData } from '../../src/demo/demo';
import { checkGradeSplit } from '../../src/parent-engagement/parent-engagement.service';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';
import { pdfText } from '../support/pdf';
import { completeContent, planWorld } from '../support/plan-factories';
import { assign, fixToday, insertPartnership, insertPlan, insertProgram, insertSession, insertYear, mentoringWorld, MentoringWorld, releaseClock, SignedIn } from '../support/mentoring-factories';

const KINDS = '/api/v1/parent-engagement/kinds';
const ACTIVITIES = '/api/v1/parent-engagement/activities';
const MISSING = '00000000-0000-4000-8000-00000000dead';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000dIHDR fake png body')]);

describe('parent engagement', () => {
  let t: TestApp;
  let judge: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'jalin-parents-')), 'documents') } });
    judge = await signedIn(t.dataSource, t.http, 'judge');
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  beforeEach(() => fixToday(t, '2026-07-15'));
  afterEach(() => releaseClock());
  afterAll(() => t.close());

  const get = (url: string, who: SignedIn, lang = 'id') => t.http.get(url).set('Authorization', who.auth).set('Accept-Language', lang);
  const post = (url: string, who: SignedIn, body: Record<string, unknown> = {}) => t.http.post(url).set('Authorization', who.auth).send(body);
  const patch = (url: string, who: SignedIn, body: Record<string, unknown>) => t.http.patch(url).set('Authorization', who.auth).send(body);
  const fields = (res: { body: { errors?: Array<{ field: string; code: string }> } }) => (res.body.errors ?? []).map((e) => [e.field, e.code]);
  const parentingClass = (extra: Record<string, unknown> = {}) => ({
    kind: 'parenting_class',
    heldOn: '2026-03-14',
    parentsReached: 38,
    parentsByGrade: [
      { grade: 2, parents: 18 },
      { grade: 1, parents: 20 },
    ],
    teachersInvolved: 4,
    notes: 'Kelas parenting: mendampingi anak membaca di rumah.',
    ...extra,
  });
  const record = async (w: MentoringWorld, extra: Record<string, unknown> = {}) => {
    const res = await post(ACTIVITIES, w.principal, parentingClass(extra));
    if (res.status !== 201) throw new Error(`record failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; [k: string]: unknown };
  };

  it('lists the catalogue of kinds with names in both languages', async () => {
    const w = await mentoringWorld(t);
    const res = await get(KINDS, w.facilitator);
    expect(res.status).toBe(200);
    expect(res.body.map((k: { kind: string }) => k.kind)).toEqual([
      'parenting_class',
      'school_committee_meeting',
      'home_visit',
      'communication_book_check',
      'volunteering_day',
      'learning_at_home_guidance',
      'joint_decision_making',
      'community_collaboration',
    ]);
    expect(res.body[1].label).toEqual({ id: 'Rapat komite sekolah / POMG', en: 'School committee / parents’ association meeting' });
  });

  it('lets the principal record an activity with a grade split, stored in grade order, audited', async () => {
    const w = await mentoringWorld(t);
    const res = await post(ACTIVITIES, w.principal, parentingClass());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      school: { id: w.school.id },
      kind: 'parenting_class',
      heldOn: '2026-03-14',
      parentsReached: 38,
      parentsByGrade: [
        { grade: 1, parents: 20 },
        { grade: 2, parents: 18 },
      ],
      teachersInvolved: 4,
      planId: null,
      planProgramId: null,
      recordedBy: { id: w.principal.user.id },
      version: 1,
      evidence: [],
    });
    const [line] = (await t.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [res.body.id])) as Array<{ action: string }>;
    expect(line.action).toBe('create');
  });

  it('refuses a grade split that does not add up, a grade twice, a grade outside 1–6, a future date and an unknown kind, naming the field', async () => {
    const w = await mentoringWorld(t);
    const sum = await post(ACTIVITIES, w.principal, parentingClass({ parentsReached: 40 }));
    expect(sum.status).toBe(422);
    expect(fields(sum)).toEqual([['parentsByGrade', 'grade_split_does_not_add_up']]);
    expect(sum.body.errors[0].label).toBe('Parents by grade');
    const twice = await post(ACTIVITIES, w.principal, parentingClass({ parentsByGrade: [{ grade: 1, parents: 19 }, { grade: 1, parents: 19 }] }));
    expect(fields(twice)).toEqual([['parentsByGrade[1].grade', 'duplicate_grade']]);
    const seventh = await post(ACTIVITIES, w.principal, parentingClass({ parentsByGrade: [{ grade: 7, parents: 38 }] }));
    expect(fields(seventh)).toEqual([['parentsByGrade[0].grade', 'max']]);
    const future = await post(ACTIVITIES, w.principal, parentingClass({ heldOn: '2026-07-17' }));
    expect(fields(future)).toEqual([['heldOn', 'date_in_future']]);
    const kind = await post(ACTIVITIES, w.principal, parentingClass({ kind: 'arisan' }));
    expect(fields(kind)).toEqual([['kind', 'isIn']]);
    const negative = await post(ACTIVITIES, w.principal, parentingClass({ parentsReached: -1, parentsByGrade: null }));
    expect(fields(negative)).toEqual([['parentsReached', 'min']]);
    // The latest calendar in Indonesia (WIT) decides: the 16th is already today in Jayapura at 03:00 UTC on the 15th.
    expect((await post(ACTIVITIES, w.principal, parentingClass({ heldOn: '2026-07-15', parentsByGrade: null }))).status).toBe(201);
    // Without a split any count goes.
    expect((await post(ACTIVITIES, w.principal, parentingClass({ parentsByGrade: null, parentsReached: 7 }))).status).toBe(201);
  });

  it("links an activity to a program of the school's own plan only", async () => {
    const w = await mentoringWorld(t);
    const plan = await insertPlan(t.dataSource, w);
    const linked = await post(ACTIVITIES, w.principal, parentingClass({ planId: plan.planId, planProgramId: plan.programId }));
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ planId: plan.planId, planProgramId: plan.programId, planProgramName: 'Reading corners' });

    const other = await mentoringWorld(t);
    const foreignPlan = await insertPlan(t.dataSource, other);
    const foreign = await post(ACTIVITIES, w.principal, parentingClass({ planId: foreignPlan.planId, planProgramId: foreignPlan.programId }));
    expect(foreign.status).toBe(422);
    expect(fields(foreign)).toEqual([['planId', 'not_school_plan']]);
    const notInPlan = await post(ACTIVITIES, w.principal, parentingClass({ planId: plan.planId, planProgramId: MISSING }));
    expect(fields(notInPlan)).toEqual([['planProgramId', 'not_in_plan']]);
    const noPlan = await post(ACTIVITIES, w.principal, parentingClass({ planProgramId: plan.programId }));
    expect(fields(noPlan)).toEqual([['planProgramId', 'needs_plan']]);
  });

  it('lets the CSR officer, the assigned facilitator, the education office and the admin read; others get 404', async () => {
    const w = await mentoringWorld(t);
    const a = await record(w);
    // The facilitator sees the school once assigned to it.
    expect((await get(`${ACTIVITIES}/${a.id}`, w.facilitator)).status).toBe(404);
    await assign(t, w);
    for (const who of [w.principal, w.csr, w.facilitator, w.officer, admin]) {
      const one = await get(`${ACTIVITIES}/${a.id}`, who);
      expect(one.status).toBe(200);
      expect(one.body.kindLabel).toBe('Kelas parenting');
      const list = await get(`${ACTIVITIES}?schoolId=${w.school.id}`, who);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    }
    expect((await get(`${ACTIVITIES}/${a.id}`, w.csr, 'en')).body.kindLabel).toBe('Parenting class');
    const other = await mentoringWorld(t, { regionCode: '64.71' });
    for (const who of [other.principal, other.csr, other.facilitator, other.officer]) {
      expect((await get(`${ACTIVITIES}/${a.id}`, who)).status).toBe(404);
      expect((await get(`${ACTIVITIES}?schoolId=${w.school.id}`, who)).status).toBe(404);
      expect((await patch(`${ACTIVITIES}/${a.id}`, other.principal, { version: 1, parentsReached: 1 })).status).toBe(404);
    }
    expect((await get(`${ACTIVITIES}/${MISSING}`, w.principal)).status).toBe(404);
  });

  it('pages a school list newest first with keyset cursors, filtered by year and kind', async () => {
    const w = await mentoringWorld(t);
    const made = [];
    for (const [kind, heldOn] of [
      ['parenting_class', '2025-02-10'],
      ['home_visit', '2025-05-03'],
      ['school_committee_meeting', '2025-08-20'],
      ['parenting_class', '2026-01-12'],
      ['communication_book_check', '2026-03-02'],
    ]) {
      made.push(await record(w, { kind, heldOn, parentsByGrade: null }));
    }
    const first = await get(`${ACTIVITIES}?limit=2`, w.principal);
    expect(first.body.items.map((i: { heldOn: string }) => i.heldOn)).toEqual(['2026-03-02', '2026-01-12']);
    const second = await get(`${ACTIVITIES}?limit=2&cursor=${first.body.nextCursor}`, w.principal);
    expect(second.body.items.map((i: { heldOn: string }) => i.heldOn)).toEqual(['2025-08-20', '2025-05-03']);
    const third = await get(`${ACTIVITIES}?limit=2&cursor=${second.body.nextCursor}`, w.principal);
    expect(third.body.items.map((i: { heldOn: string }) => i.heldOn)).toEqual(['2025-02-10']);
    expect(third.body.nextCursor).toBeNull();
    const y2025 = await get(`${ACTIVITIES}?schoolId=${w.school.id}&year=2025`, w.csr);
    expect(y2025.body.items).toHaveLength(3);
    const classes = await get(`${ACTIVITIES}?schoolId=${w.school.id}&kind=parenting_class`, w.csr);
    expect(classes.body.items.map((i: { heldOn: string }) => i.heldOn)).toEqual(['2026-01-12', '2025-02-10']);
    expect(fields(await get(`${ACTIVITIES}?schoolId=${w.school.id}&kind=arisan`, w.csr))).toEqual([['kind', 'isIn']]);
    expect(fields(await get(`${ACTIVITIES}`, w.csr))).toEqual([['schoolId', 'school_required']]);
    expect(fields(await get(`${ACTIVITIES}?cursor=bogus`, w.principal))).toEqual([['cursor', 'invalid_cursor']]);
  });

  it('lets the principal change an activity with the version read; a stale version is 409', async () => {
    const w = await mentoringWorld(t);
    const a = await record(w);
    const changed = await patch(`${ACTIVITIES}/${a.id}`, w.principal, { version: 1, parentsReached: 40, parentsByGrade: [{ grade: 1, parents: 22 }, { grade: 2, parents: 18 }], kind: 'learning_at_home_guidance' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, parentsReached: 40, kind: 'learning_at_home_guidance' });
    const stale = await patch(`${ACTIVITIES}/${a.id}`, w.principal, { version: 1, notes: 'late' });
    expect(stale.status).toBe(409);
    // The stored split must still add up to a new count.
    const sum = await patch(`${ACTIVITIES}/${a.id}`, w.principal, { version: 2, parentsReached: 41 });
    expect(fields(sum)).toEqual([['parentsByGrade', 'grade_split_does_not_add_up']]);
    const dropped = await patch(`${ACTIVITIES}/${a.id}`, w.principal, { version: 2, parentsReached: 41, parentsByGrade: null });
    expect(dropped.body).toMatchObject({ version: 3, parentsReached: 41, parentsByGrade: null });
    expect(fields(await patch(`${ACTIVITIES}/${a.id}`, w.principal, { version: 3, heldOn: '2026-12-01' }))).toEqual([['heldOn', 'date_in_future']]);
    expect(fields(await patch(`${ACTIVITIES}/${a.id}`, w.principal, { parentsReached: 3 }))).toEqual([['version', 'isNotEmpty']]);
    // Admins read but do not write in a school's name.
    expect((await patch(`${ACTIVITIES}/${a.id}`, admin, { version: 3, notes: 'x' })).status).toBe(422);
  });

  it('stores evidence files of an activity and serves them to those who see it', async () => {
    const w = await mentoringWorld(t);
    const a = await record(w);
    const up = await t.http.post(`${ACTIVITIES}/${a.id}/evidence`).set('Authorization', w.principal.auth).attach('file', PNG, 'daftar-hadir.png');
    expect(up.status).toBe(201);
    expect(up.body.contentType).toBe('image/png');
    const one = await get(`${ACTIVITIES}/${a.id}`, w.csr);
    expect(one.body.evidence.map((d: { id: string }) => d.id)).toEqual([up.body.id]);
    const file = await get(`${ACTIVITIES}/${a.id}/evidence/${up.body.id}`, w.officer);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    const text = await t.http.post(`${ACTIVITIES}/${a.id}/evidence`).set('Authorization', w.principal.auth).attach('file', Buffer.from('plain text'), 'notes.txt');
    expect(fields(text)).toEqual([['file', 'unsupported_content_type']]);
    const other = await mentoringWorld(t);
    expect((await get(`${ACTIVITIES}/${a.id}/evidence/${up.body.id}`, other.csr)).status).toBe(404);
    expect((await t.http.post(`${ACTIVITIES}/${a.id}/evidence`).set('Authorization', other.principal.auth).attach('file', PNG, 'x.png')).status).toBe(404);
  });

  it('answers 401 without a token and 403 to roles without the permission', async () => {
    const w = await mentoringWorld(t);
    const a = await record(w);
    const endpoints: Array<['get' | 'post' | 'patch', string]> = [
      ['get', KINDS],
      ['post', ACTIVITIES],
      ['get', `${ACTIVITIES}?schoolId=${w.school.id}`],
      ['get', `${ACTIVITIES}/${a.id}`],
      ['patch', `${ACTIVITIES}/${a.id}`],
      ['post', `${ACTIVITIES}/${a.id}/evidence`],
      ['get', `${ACTIVITIES}/${a.id}/evidence/${MISSING}`],
    ];
    for (const [method, url] of endpoints) {
      expect((await t.http[method](url)).status).toBe(401);
      expect((await t.http[method](url).set('Authorization', judge.auth)).status).toBe(403);
    }
    for (const who of [w.csr, w.facilitator, w.officer]) {
      expect((await post(ACTIVITIES, who, parentingClass())).status).toBe(403);
      expect((await patch(`${ACTIVITIES}/${a.id}`, who, { version: 1 })).status).toBe(403);
    }
  });

  describe('parents reached', () => {
    /**
     * SDN Uji in program P (2025 and 2026 in its cohort), and in company Q's program too.
     * Activities: 2025: 30 + 25 = 55. 2026: 38 + 6 (P or no plan) + 10 (linked to Q's plan) = 54.
     * P's 2026 mentoring sessions: confirmed 5 + pending 7 = 12 (disputed 9 and Q's 11 do not count).
     * P's 2026 training: 2 parents from the school attended (one absent, one not yet marked, a teacher
     * and a parent of another school do not count).
     * So P, 2025: 55 + 0 + 0 = 55; 2026: 54 + 12 + 2 = 68.
     */
    it('adds activities, mentoring and training parents per school and year, in the portfolio and the school timeline', async () => {
      const ds = t.dataSource;
      const w = await mentoringWorld(t);
      const year2025 = await insertYear(ds, w.programId, 2025, 'closed');
      for (const y of [year2025, w.yearId]) await ds.query('INSERT INTO partnership_years (partnership_id, program_year_id) VALUES ($1, $2)', [w.partnershipId, y]);
      const q = await createOrganization(ds, 'company');
      const qProgram = await insertProgram(ds, q.id, [w.facilitatorOrg.id]);
      const qYear = await insertYear(ds, qProgram, 2026);
      const qPartnership = await insertPartnership(ds, qProgram, q.id, w.school.id);
      const qPlan = await insertPlan(ds, { school: w.school, yearId: qYear, partnershipId: qPartnership, principal: w.principal });

      await record(w, { kind: 'parenting_class', heldOn: '2025-02-10', parentsReached: 30, parentsByGrade: null });
      await record(w, { kind: 'school_committee_meeting', heldOn: '2025-08-20', parentsReached: 25, parentsByGrade: null });
      await record(w, {});
      await record(w, { kind: 'home_visit', heldOn: '2026-05-02', parentsReached: 6, parentsByGrade: null, teachersInvolved: 1 });
      await record(w, { kind: 'community_collaboration', heldOn: '2026-06-01', parentsReached: 10, parentsByGrade: null, planId: qPlan.planId, planProgramId: qPlan.programId });

      const a = await assign(t, w);
      const ref = { id: a.id, schoolId: w.school.id, createdBy: w.facilitator.user.id };
      const parents = async (sessionId: string, n: number | null) => ds.query(`UPDATE mentoring_sessions SET attendee_counts = $2 WHERE id = $1`, [sessionId, JSON.stringify(n === null ? { teachers: 10 } : { teachers: 10, parents: n })]);
      await parents(await insertSession(ds, ref, '2026-02-11', 'confirmed'), 5);
      await parents(await insertSession(ds, ref, '2026-03-11', 'pending'), 7);
      await parents(await insertSession(ds, ref, '2026-04-11', 'disputed'), 9);
      await parents(await insertSession(ds, ref, '2026-05-11', 'confirmed'), null);
      const [{ id: qAssignment }] = (await ds.query(
        `INSERT INTO mentoring_assignments (facilitator_user_id, facilitator_organization_id, school_id, program_year_id, partnership_id, assigned_by_user_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [w.facilitator.user.id, w.facilitatorOrg.id, w.school.id, qYear, qPartnership, w.facilitator.user.id],
      )) as Array<{ id: string }>;
      await parents(await insertSession(ds, { ...ref, id: qAssignment }, '2026-02-20', 'confirmed'), 11);

      const [{ id: training }] = (await ds.query(
        `INSERT INTO trainings (title, level, starts_on, ends_on, organiser_id, program_year_id, topic, created_by_user_id) VALUES ('Parenting', 'school', '2026-04-20', '2026-04-20', $1, $2, 'parenting', $3) RETURNING id`,
        [w.company.id, w.yearId, w.csr.user.id],
      )) as Array<{ id: string }>;
      const otherSchool = await createOrganization(ds, 'school');
      for (const [name, role, school, attended] of [
        ['Ibu Aisyah', 'parent', w.school.id, true],
        ['Bapak Rahman', 'parent', w.school.id, true],
        ['Ibu Nur', 'parent', w.school.id, false],
        ['Ibu Wati', 'parent', w.school.id, null],
        ['Pak Guru', 'teacher', w.school.id, true],
        ['Ibu Lain', 'parent', otherSchool.id, true],
      ] as const) {
        await ds.query(`INSERT INTO training_participants (training_id, external_name, role, school_id, attended) VALUES ($1, $2, $3, $4, $5)`, [training, name, role, school, attended]);
      }

      const report = await get(`/api/v1/reports/portfolio?programId=${w.programId}&year=2026`, w.csr);
      expect(report.status).toBe(200);
      expect(report.body.parentsReached).toEqual([
        { school: { id: w.school.id, name: w.school.name }, year: 2025, activities: 55, mentoring: 0, trainings: 0, total: 55 },
        { school: { id: w.school.id, name: w.school.name }, year: 2026, activities: 54, mentoring: 12, trainings: 2, total: 68 },
      ]);

      const timeline = await get(`/api/v1/schools/${w.school.id}/timeline`, w.principal);
      expect(timeline.status).toBe(200);
      const mine = timeline.body.partnerships.find((p: { partnershipId: string }) => p.partnershipId === w.partnershipId);
      const theirs = timeline.body.partnerships.find((p: { partnershipId: string }) => p.partnershipId === qPartnership);
      type TimelineYear = { year: number; parentsReached: unknown; events: Array<{ kind: string; title: string; date: string }> };
      const yearOf = (p: { years: TimelineYear[] }, y: number) => p.years.find((x) => x.year === y) as TimelineYear;
      expect(yearOf(mine, 2026).parentsReached).toEqual({ activities: 54, mentoring: 12, trainings: 2, total: 68 });
      expect(yearOf(mine, 2025).parentsReached).toEqual({ activities: 55, mentoring: 0, trainings: 0, total: 55 });
      // Q's 2026: the same activities, Q's one session with 11 parents, no training.
      expect(yearOf(theirs, 2026).parentsReached).toEqual({ activities: 54, mentoring: 11, trainings: 0, total: 65 });
      const events = (p: typeof mine, y: number) => yearOf(p, y).events.filter((e) => e.kind === 'parent_engagement').map((e) => [e.date, e.title]);
      expect(events(mine, 2026)).toEqual([
        ['2026-03-14', 'Kelas parenting: 38 orang tua, 4 guru'],
        ['2026-05-02', 'Kunjungan rumah: 6 orang tua, 1 guru'],
      ]);
      expect(events(theirs, 2026)).toEqual([
        ['2026-03-14', 'Kelas parenting: 38 orang tua, 4 guru'],
        ['2026-05-02', 'Kunjungan rumah: 6 orang tua, 1 guru'],
        ['2026-06-01', 'Kolaborasi dengan masyarakat: 10 orang tua, 4 guru'],
      ]);
      const english = await get(`/api/v1/partnerships/${w.partnershipId}/timeline`, w.csr, 'en');
      const titles = english.body.years.flatMap((y: { events: Array<{ kind: string; title: string }> }) => y.events).filter((e: { kind: string }) => e.kind === 'parent_engagement').map((e: { title: string }) => e.title);
      expect(titles).toEqual(['Parenting class: 30 parents, 4 teachers', 'School committee / parents’ association meeting: 25 parents, 4 teachers', 'Parenting class: 38 parents, 4 teachers', 'Home visit: 6 parents, 1 teacher']);
    });
  });

  describe('the plan template', () => {
    it('keeps an optional parent-engagement section, checked against the catalogue, with its targets, printed in the PDF', async () => {
      releaseClock();
      const w = await planWorld(t.dataSource, t.http);
      const send = (content: unknown) => t.http.post('/api/v1/plans').set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'Rencana 2026', content });
      const without = await send(completeContent());
      expect(without.status).toBe(201);
      expect(without.body.content).not.toHaveProperty('parentEngagement');

      const w2 = await planWorld(t.dataSource, t.http);
      const send2 = (content: unknown) => t.http.post('/api/v1/plans').set('Authorization', w2.principal.auth).send({ programYearId: w2.year.id, title: 'Rencana 2026', content });
      expect(fields(await send2({ ...completeContent(), parentEngagement: [{ kind: 'arisan' }] }))).toEqual([['content.parentEngagement[0].kind', 'isIn']]);
      expect(fields(await send2({ ...completeContent(), parentEngagement: [{ kind: 'home_visit', sessionsTarget: -1 }] }))).toEqual([['content.parentEngagement[0].sessionsTarget', 'min']]);
      const twice = await send2({ ...completeContent(), parentEngagement: [{ kind: 'home_visit' }, { kind: 'home_visit' }] });
      expect(fields(twice)).toEqual([['content.parentEngagement[1].kind', 'duplicate_parent_engagement_kind']]);
      expect(twice.body.errors[0].label).toBe('Kind of parent engagement');

      const made = await send2({
        ...completeContent(),
        parentEngagement: [
          { kind: 'parenting_class', sessionsTarget: 4, parentsTarget: 120, note: 'Satu kelas per triwulan' },
          { kind: 'home_visit', sessionsTarget: 20 },
        ],
      });
      expect(made.status).toBe(201);
      expect(made.body.content.parentEngagement).toEqual([
        { id: expect.any(String), kind: 'parenting_class', sessionsTarget: 4, parentsTarget: 120, note: 'Satu kelas per triwulan' },
        { id: expect.any(String), kind: 'home_visit', sessionsTarget: 20, parentsTarget: null, note: null },
      ]);
      const pdf = await t.http.get(`/api/v1/plans/${made.body.id}/export.pdf`).set('Authorization', w2.principal.auth).set('Accept-Language', 'id').buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      const text = pdfText(pdf.body as Buffer);
      expect(text).toContain('Pelibatan orang tua');
      expect(text).toContain('Kelas parenting');
      expect(text).toContain('Satu kelas per triwulan');
    });
  });

  describe('the demo', () => {
    it("records SDN Pelambuan 4's activities of 2024–2026 by the rules: splits add up, no future dates, links to programs of its own plans", async () => {
      const d = await createTestApp();
      try {
        await loadDemoData(d.dataSource);
        const rows = (await d.dataSource.query(
          `SELECT pe.id, pe.kind, CAST(pe.held_on AS text) AS "heldOn", pe.parents_reached AS "parentsReached", pe.parents_by_grade AS "parentsByGrade", pe.created_at AS "createdAt",
                  pe.plan_id AS "planId", pe.plan_program_id AS "planProgramId", pl.school_id AS "planSchoolId",
                  EXISTS (SELECT 1 FROM jsonb_array_elements(pl.content -> 'programs') e WHERE lower(e ->> 'id') = CAST(pe.plan_program_id AS text)) AS "programInPlan"
             FROM parent_engagement_activities pe LEFT JOIN plans pl ON pl.id = pe.plan_id
            WHERE pe.school_id = '00000000-0000-4000-8000-000000000201' ORDER BY pe.held_on`,
        )) as Array<{ id: string; kind: string; heldOn: string; parentsReached: number; parentsByGrade: Array<{ grade: number; parents: number }> | null; createdAt: Date; planId: string | null; planProgramId: string | null; planSchoolId: string | null; programInPlan: boolean | null }>;
        expect(new Set(rows.map((r) => r.heldOn.slice(0, 4)))).toEqual(new Set(['2024', '2025', '2026']));
        expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['parenting_class', 'school_committee_meeting', 'home_visit', 'communication_book_check', 'volunteering_day', 'learning_at_home_guidance']));
        const today = new Date().toISOString().slice(0, 10);
        for (const r of rows) {
          expect(`${r.id}: ${JSON.stringify(checkGradeSplit(r.parentsByGrade, r.parentsReached).errors)}`).toBe(`${r.id}: []`);
          expect(r.heldOn <= today).toBe(true);
          expect(r.createdAt.toISOString().slice(0, 10) >= r.heldOn).toBe(true);
          if (r.planId !== null) expect([r.id, r.planSchoolId, r.programInPlan]).toEqual([r.id, '00000000-0000-4000-8000-000000000201', true]);
        }
        const plans = (await d.dataSource.query(`SELECT id, content -> 'parentEngagement' AS section FROM plans WHERE school_id = '00000000-0000-4000-8000-000000000201' AND content ? 'parentEngagement' ORDER BY id`)) as Array<{ id: string; section: Array<{ kind: string }> }>;
        expect(plans.map((p) => p.section.length)).toEqual([4, 4]);
      } finally {
        await d.close();
      }
    });
  });
});
