import { createTestApp, TestApp } from '../support/app';
import { createOrganization, createUser, signedIn } from '../support/factories';
import {
  addParticipant,
  createTraining,
  insertPartnership,
  insertYear,
  mentoringWorld,
  MentoringWorld,
  ParticipantBody,
  SignedIn,
  TrainingBody,
  trainingBody,
} from '../support/mentoring-factories';

const BASE = '/api/v1/trainings';
const MISSING = '00000000-0000-4000-8000-00000000dead';

describe('trainings', () => {
  let t: TestApp;
  let admin: SignedIn;
  let judge: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
    judge = await signedIn(t.dataSource, t.http, 'judge');
  });
  afterAll(() => t.close());

  const audit = (entityId: string) =>
    t.dataSource.query(`SELECT action, actor_user_id AS "actorUserId", changes FROM audit_events WHERE entity_id = $1 ORDER BY id`, [entityId]) as Promise<
      Array<{ action: string; actorUserId: string; changes: Record<string, unknown> }>
    >;
  const get = (url: string, who: SignedIn) => t.http.get(url).set('Authorization', who.auth);
  const post = (url: string, who: SignedIn, body: Record<string, unknown> = {}) => t.http.post(url).set('Authorization', who.auth).send(body);
  const patch = (url: string, who: SignedIn, body: Record<string, unknown>) => t.http.patch(url).set('Authorization', who.auth).send(body);
  const put = (url: string, who: SignedIn, body: Record<string, unknown>) => t.http.put(url).set('Authorization', who.auth).send(body);
  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id);
  /** A user of the world's school (teachers sign in with the school's user role). */
  const teacher = (w: MentoringWorld, fullName: string) => signedIn(t.dataSource, t.http, 'principal', { organization: w.school, fullName });

  it('answers 401 without a token and 403 to a judge on every training endpoint', async () => {
    const w = await mentoringWorld(t);
    const tr = await createTraining(t, w.csr);
    const p = await addParticipant(t, w.csr, tr.id, { externalName: 'Ibu Nurhayati', role: 'parent' });
    const endpoints: Array<['get' | 'post' | 'patch' | 'put' | 'delete', string]> = [
      ['post', BASE],
      ['get', BASE],
      ['get', `${BASE}/${tr.id}`],
      ['patch', `${BASE}/${tr.id}`],
      ['get', `${BASE}/${tr.id}/evaluation`],
      ['get', `${BASE}/${tr.id}/participants`],
      ['post', `${BASE}/${tr.id}/participants`],
      ['post', `${BASE}/${tr.id}/nominations`],
      ['put', `${BASE}/${tr.id}/participants/me/responses`],
      ['patch', `${BASE}/${tr.id}/participants/${p.id}`],
      ['delete', `${BASE}/${tr.id}/participants/${p.id}`],
    ];
    for (const [method, url] of endpoints) {
      const anonymous = await t.http[method](url).send({});
      expect([method, url, anonymous.status]).toEqual([method, url, 401]);
      const forbidden = await t.http[method](url).set('Authorization', judge.auth).send({});
      expect([method, url, forbidden.status, forbidden.body.code]).toEqual([method, url, 403, 'forbidden']);
    }
    // Other organisations: 404 on the training's own endpoints, even for writes.
    const other = await mentoringWorld(t);
    expect((await t.http.delete(`${BASE}/${tr.id}/participants/${p.id}`).set('Authorization', other.csr.auth)).status).toBe(404);
    expect((await patch(`${BASE}/${tr.id}/participants/${p.id}`, other.facilitator, { version: 1, attended: true })).status).toBe(404);
    expect((await get(`${BASE}/${tr.id}/participants`, other.csr)).status).toBe(404);
    for (const who of [w.principal, w.officer]) expect((await patch(`${BASE}/${tr.id}`, who, { version: 1, title: 'x' })).status).toBe(403);
    expect((await t.http.delete(`${BASE}/${tr.id}/participants/${MISSING}`).set('Authorization', w.csr.auth)).status).toBe(404);
    expect((await t.http.delete(`${BASE}/${tr.id}/participants/${p.id}`).set('Authorization', w.principal.auth)).status).toBe(403);
  });

  describe('creating and changing', () => {
    it('creates a training organised by the CSR officer\'s company, with server ids for the questionnaire, and audits it', async () => {
      const w = await mentoringWorld(t);
      const res = await post(BASE, w.csr, trainingBody({ programYearId: w.yearId, facilitatorUserIds: [w.facilitator.user.id], quotaPerSchool: 3, scoreMin: 0, scoreMax: 10 }));
      expect(res.status).toBe(201);
      const body = res.body as TrainingBody;
      expect(body).toMatchObject({
        title: 'Pelatihan Nasional Literasi Kelas Awal',
        level: 'national',
        startsOn: '2026-07-14',
        endsOn: '2026-07-14',
        organiser: { id: w.company.id, name: w.company.name },
        programYear: { id: w.yearId, year: 2026, status: 'running', programId: w.programId },
        facilitators: [{ id: w.facilitator.user.id, fullName: 'Dewi Uji' }],
        topic: 'literacy',
        venue: 'Hotel Rattan Inn, Banjarmasin',
        online: false,
        scoreScale: { min: 0, max: 10 },
        quotaPerSchool: 3,
        participantCount: 0,
        attendedCount: 0,
        version: 1,
      });
      expect(body.questionnaire.map((q) => q.text)).toEqual(['The material is useful for my class.', 'The facilitator explained clearly.', 'I will use this in class next month.']);
      expect(new Set(body.questionnaire.map((q) => q.id)).size).toBe(3);
      expect((await audit(body.id))[0]).toMatchObject({ action: 'create', actorUserId: w.csr.user.id });

      const byFacilitator = await post(BASE, w.facilitator, trainingBody({ level: 'school', online: true, venue: undefined }));
      expect(byFacilitator.status).toBe(201);
      expect(byFacilitator.body).toMatchObject({ organiser: { id: w.facilitatorOrg.id }, online: true, venue: null, programYear: null, scoreScale: { min: 0, max: 100 } });
    });

    it('refuses inconsistent settings, unknown years and facilitators, and closed years', async () => {
      const w = await mentoringWorld(t);
      const field = async (extra: Record<string, unknown>, name: string, code: string, who: SignedIn = w.csr) => {
        const res = await post(BASE, who, trainingBody(extra));
        expect(res.status).toBe(422);
        expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toContainEqual([name, code]);
      };
      await field({ endsOn: '2026-07-13' }, 'endsOn', 'ends_before_start');
      await field({ venue: undefined }, 'venue', 'venue_or_online');
      await field({ scoreMin: 10, scoreMax: 10 }, 'scoreMax', 'scale_empty');
      await field({ level: 'regional', quotaPerSchool: 3 }, 'quotaPerSchool', 'national_only');
      await field({ quotaPerSchool: 0 }, 'quotaPerSchool', 'min');
      await field({ questionnaire: [] }, 'questionnaire', 'arrayMinSize');
      await field({ questionnaire: Array.from({ length: 21 }, (_, i) => ({ text: `Q${i}` })) }, 'questionnaire', 'arrayMaxSize');
      await field({ questionnaire: [{ text: '' }] }, 'questionnaire[0].text', 'isNotEmpty');
      await field({ questionnaire: [{ id: MISSING, text: 'x' }] }, 'questionnaire[0].id', 'new_item_id');
      await field({ level: 'global' }, 'level', 'isIn');
      await field({ startsOn: '2026-02-30' }, 'startsOn', 'isIso8601');
      await field({ facilitatorUserIds: [w.principal.user.id] }, 'facilitatorUserIds[0]', 'not_a_facilitator');
      const other = await mentoringWorld(t);
      await field({ programYearId: other.yearId }, 'programYearId', 'unknown_program_year');
      // A facilitator sees the years of programs their organisation works in.
      expect((await post(BASE, w.facilitator, trainingBody({ programYearId: w.yearId }))).status).toBe(201);
      await field({ programYearId: other.yearId }, 'programYearId', 'unknown_program_year', w.facilitator);
      const closed = await insertYear(t.dataSource, w.programId, 2019, 'closed');
      const res = await post(BASE, w.csr, trainingBody({ programYearId: closed }));
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('closed and read-only');
      const adminCreate = await post(BASE, admin, trainingBody());
      expect(adminCreate.status).toBe(422);
      expect(adminCreate.body.code).toBe('rule_violated');
    });

    it('answers 401 without a token, 403 to roles without the permission, 404 for others\' trainings', async () => {
      const w = await mentoringWorld(t);
      const tr = await createTraining(t, w.csr);
      expect((await t.http.post(BASE).send(trainingBody())).status).toBe(401);
      expect((await t.http.get(`${BASE}/${tr.id}`)).status).toBe(401);
      for (const who of [w.principal, w.officer, judge]) expect((await post(BASE, who, trainingBody())).status).toBe(403);
      for (const url of [BASE, `${BASE}/${tr.id}`, `${BASE}/${tr.id}/evaluation`, `${BASE}/${tr.id}/participants`]) expect((await get(url, judge)).status).toBe(403);
      expect((await put(`${BASE}/${tr.id}/participants/me/responses`, judge, {})).status).toBe(403);
      const other = await mentoringWorld(t);
      for (const who of [other.csr, other.facilitator, other.principal, other.officer, w.principal, w.facilitator]) {
        expect((await get(`${BASE}/${tr.id}`, who)).status).toBe(404);
      }
      expect((await get(`${BASE}/${tr.id}/evaluation`, other.csr)).status).toBe(404);
      expect((await patch(`${BASE}/${tr.id}`, other.csr, { version: 1, title: 'x' })).status).toBe(404);
      expect((await post(`${BASE}/${tr.id}/participants`, other.csr, { externalName: 'X', role: 'parent' })).status).toBe(404);
      expect((await post(`${BASE}/${tr.id}/nominations`, other.csr, { userId: other.principal.user.id })).status).toBe(404);
      expect((await get(`${BASE}/${MISSING}`, w.csr)).status).toBe(404);
      expect((await get(`${BASE}/not-a-uuid`, w.csr)).status).toBe(422);
      expect((await get(`${BASE}/${tr.id}`, admin)).status).toBe(200);
    });

    it('shows a training to the organiser, the program company, listed facilitators, and the schools and offices of its participants', async () => {
      const w = await mentoringWorld(t);
      const tr = await createTraining(t, w.facilitator, { programYearId: w.yearId, facilitatorUserIds: [w.facilitator2.user.id] });
      const sees = async (who: SignedIn) => (await get(`${BASE}/${tr.id}`, who)).status === 200;
      expect(await sees(w.facilitator)).toBe(true);
      expect(await sees(w.facilitator2)).toBe(true);
      expect(await sees(w.csr)).toBe(true);
      expect(await sees(w.principal)).toBe(false);
      expect(await sees(w.officer)).toBe(false);
      const listedFacilitator = await signedIn(t.dataSource, t.http, 'facilitator');
      expect(await sees(listedFacilitator)).toBe(false);
      await addParticipant(t, w.facilitator, tr.id, { externalName: 'Ibu Nurhayati', role: 'parent', schoolId: w.school.id });
      expect(await sees(w.principal)).toBe(true);
      expect(await sees(w.officer)).toBe(true);
      const far = await mentoringWorld(t, { regionCode: '31.71' });
      expect(await sees(far.officer)).toBe(false);
      // A teacher of another partner school of the program, far away: taking part is what lets them see it.
      const farSchool = await createOrganization(t.dataSource, 'school', { regionCode: '31.71' });
      await insertPartnership(t.dataSource, w.programId, w.company.id, farSchool.id);
      const participant = await signedIn(t.dataSource, t.http, 'principal', { organization: farSchool });
      expect(await sees(participant)).toBe(false);
      await addParticipant(t, w.facilitator, tr.id, { userId: participant.user.id, role: 'teacher' });
      expect(await sees(participant)).toBe(true);
      expect(ids(await get(`${BASE}?programYearId=${w.yearId}`, w.csr))).toEqual([tr.id]);
      expect(ids(await get(`${BASE}?level=school`, w.facilitator))).toEqual([]);
    });

    it('lets only the organiser change it, keeps answered questionnaire items and scores inside the scale', async () => {
      const w = await mentoringWorld(t);
      const tr = await createTraining(t, w.facilitator, { programYearId: w.yearId, quotaPerSchool: 3 });
      const notOrganiser = await patch(`${BASE}/${tr.id}`, w.csr, { version: 1, title: 'x' });
      expect(notOrganiser.status).toBe(422);
      expect(notOrganiser.body.detail).toContain('only the organiser');
      const colleague = await patch(`${BASE}/${tr.id}`, w.facilitator2, { version: 1, title: 'Pelatihan Literasi 2026' });
      expect(colleague.status).toBe(200);
      expect(colleague.body).toMatchObject({ title: 'Pelatihan Literasi 2026', version: 2 });
      expect((await patch(`${BASE}/${tr.id}`, w.facilitator, { version: 1, title: 'stale' })).status).toBe(409);

      const [q1, q2, q3] = tr.questionnaire;
      const p = await addParticipant(t, w.facilitator, tr.id, { externalName: 'Pak Darmawan', role: 'teacher', schoolId: w.school.id });
      await addParticipant(t, w.facilitator, tr.id, { externalName: 'Bu Rina', role: 'teacher', schoolId: w.school.id });
      expect((await patch(`${BASE}/${tr.id}/participants/${p.id}`, w.facilitator, { version: 1, preScore: 80, satisfaction: { [q2.id]: 4 } })).status).toBe(200);

      const dropAnswered = await patch(`${BASE}/${tr.id}`, w.facilitator, { version: 2, questionnaire: [{ id: q1.id, text: q1.text }, { id: q3.id, text: q3.text }] });
      expect(dropAnswered.status).toBe(422);
      expect(dropAnswered.body.errors[0]).toMatchObject({ field: 'questionnaire', code: 'item_has_answers' });
      const reworded = await patch(`${BASE}/${tr.id}`, w.facilitator, { version: 2, questionnaire: [{ id: q2.id, text: 'The facilitators explained clearly.' }, { text: 'New item' }] });
      expect(reworded.status).toBe(200);
      expect(reworded.body.questionnaire[0]).toEqual({ id: q2.id, text: 'The facilitators explained clearly.' });
      expect(reworded.body.questionnaire[1].id).not.toBe(q1.id);
      expect((await patch(`${BASE}/${tr.id}`, w.facilitator, { version: 3, questionnaire: [{ id: MISSING, text: 'x' }] })).body.errors[0]).toMatchObject({ field: 'questionnaire[0].id', code: 'unknown_item' });

      const shrink = await patch(`${BASE}/${tr.id}`, w.facilitator, { version: 3, scoreMax: 50 });
      expect(shrink.body.errors[0]).toMatchObject({ field: 'scoreMax', code: 'scores_outside' });
      expect((await patch(`${BASE}/${tr.id}`, w.facilitator, { version: 3, quotaPerSchool: 1 })).body.errors[0]).toMatchObject({ field: 'quotaPerSchool', code: 'below_taken' });
      expect((await patch(`${BASE}/${tr.id}`, w.facilitator, { version: 3, level: 'regional' })).body.errors[0]).toMatchObject({ field: 'quotaPerSchool', code: 'national_only' });
      const ok = await patch(`${BASE}/${tr.id}`, w.facilitator, { version: 3, level: 'regional', quotaPerSchool: null, scoreMax: 80 });
      expect(ok.body).toMatchObject({ level: 'regional', quotaPerSchool: null, scoreScale: { min: 0, max: 80 }, version: 4 });
      expect((await audit(tr.id)).map((l) => l.action)).toEqual(['create', 'update', 'update', 'update']);
    });

    it('pages the list latest first, and costs the same queries for limit=2 and limit=50', async () => {
      const w = await mentoringWorld(t);
      const made: string[] = [];
      for (let i = 1; i <= 5; i++) made.push((await createTraining(t, w.csr, { startsOn: `2026-0${i}-10`, endsOn: `2026-0${i}-11` })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: TrainingBody[]; nextCursor: string | null } } = await get(`${BASE}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, w.csr);
        seen.push(...page.body.items.map((x) => x.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...made].reverse());
      const cost = async (limit: number) => {
        const before = t.queries.count;
        expect((await get(`${BASE}?limit=${limit}`, w.csr)).status).toBe(200);
        return t.queries.count - before;
      };
      expect(await cost(2)).toBe(await cost(50));
    });
  });

  describe('participants and nominations', () => {
    it('adds users (their school follows them) and external people; refuses both, neither, strangers and repeats', async () => {
      const w = await mentoringWorld(t);
      const tr = await createTraining(t, w.csr);
      const user = await addParticipant(t, w.csr, tr.id, { userId: w.principal.user.id, role: 'principal', attended: true });
      expect(user).toMatchObject({ userId: w.principal.user.id, external: false, role: 'principal', school: { id: w.school.id, name: w.school.name }, attended: true, nominatedByUserId: null, version: 1 });
      const external = await addParticipant(t, w.csr, tr.id, { externalName: '  Ibu Nurhayati ', role: 'parent', schoolId: w.school.id });
      expect(external).toMatchObject({ userId: null, fullName: 'Ibu Nurhayati', external: true, school: { id: w.school.id }, attended: null });
      const facilitatorGuest = await addParticipant(t, w.csr, tr.id, { userId: w.facilitator.user.id, role: 'other' });
      expect(facilitatorGuest.school).toBeNull();
      const field = async (body: Record<string, unknown>, name: string, code: string) => {
        const res = await post(`${BASE}/${tr.id}/participants`, w.csr, body);
        expect(res.status).toBe(422);
        expect(res.body.errors[0]).toMatchObject({ field: name, code });
      };
      await field({ role: 'teacher' }, 'externalName', 'user_or_external');
      await field({ userId: w.officer.user.id, externalName: 'X', role: 'teacher' }, 'userId', 'user_or_external');
      await field({ userId: MISSING, role: 'teacher' }, 'userId', 'unknown_user');
      await field({ externalName: 'X', role: 'teacher', schoolId: w.company.id }, 'schoolId', 'not_a_school');
      await field({ userId: w.principal.user.id, role: 'teacher', schoolId: (await createOrganization(t.dataSource, 'school')).id }, 'schoolId', 'not_their_school');
      await field({ externalName: 'X', role: 'janitor' }, 'role', 'isIn');
      const twice = await post(`${BASE}/${tr.id}/participants`, w.csr, { userId: w.principal.user.id, role: 'principal' });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'participant_exists', existingId: user.id });
      expect((await post(`${BASE}/${tr.id}/participants`, w.principal, { externalName: 'X', role: 'teacher' })).status).toBe(403);
      expect((await audit(external.id))[0]).toMatchObject({ action: 'create', actorUserId: w.csr.user.id });
      expect((await get(`${BASE}/${tr.id}`, w.csr)).body).toMatchObject({ participantCount: 3, attendedCount: 1 });
    });

    it('enforces the quota per school under 10 concurrent nominations for a quota of 3: exactly 3 succeed', async () => {
      const w = await mentoringWorld(t);
      const tr = await createTraining(t, w.csr, { programYearId: w.yearId, quotaPerSchool: 3 });
      const teachers = await Promise.all(Array.from({ length: 10 }, (_, i) => createUser(t.dataSource, 'principal', { organization: w.school, fullName: `Guru ${i}` })));
      const results = await Promise.all(teachers.map((u) => post(`${BASE}/${tr.id}/nominations`, w.csr, { userId: u.id })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 201, 201, 422, 422, 422, 422, 422, 422, 422]);
      const refused = results.find((r) => r.status === 422);
      expect(refused?.body.detail).toContain('the quota of 3 participant(s) per school is full');
      expect(refused?.body.detail).toContain('3 of 3 places taken');
      const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM training_participants WHERE training_id = $1 AND school_id = $2`, [tr.id, w.school.id])) as Array<{ n: number }>;
      expect(n).toBe(3);
      const nominated = results.filter((r) => r.status === 201).map((r) => r.body as ParticipantBody);
      expect(nominated.every((p) => p.nominatedByUserId === w.csr.user.id && p.role === 'teacher' && p.school?.id === w.school.id)).toBe(true);

      // The organiser's own additions count against the same quota; removing one frees a place.
      const full = await post(`${BASE}/${tr.id}/participants`, w.csr, { externalName: 'Orang tua', role: 'parent', schoolId: w.school.id });
      expect(full.status).toBe(422);
      const removed = await t.http.delete(`${BASE}/${tr.id}/participants/${nominated[0].id}`).set('Authorization', w.csr.auth);
      expect(removed.status).toBe(204);
      expect((await audit(nominated[0].id)).map((l) => l.action)).toEqual(['create', 'delete']);
      const refusedTeacher = teachers.find((u) => !nominated.some((p) => p.userId === u.id)) as { id: string };
      expect((await post(`${BASE}/${tr.id}/nominations`, w.csr, { userId: refusedTeacher.id, role: 'principal' })).status).toBe(201);
      expect((await post(`${BASE}/${tr.id}/nominations`, w.csr, { userId: refusedTeacher.id })).status).toBe(409);

      // Another school has its own quota.
      const otherSchool = await createOrganization(t.dataSource, 'school');
      await insertPartnership(t.dataSource, w.programId, w.company.id, otherSchool.id);
      const otherTeacher = await createUser(t.dataSource, 'principal', { organization: otherSchool });
      expect((await post(`${BASE}/${tr.id}/nominations`, w.csr, { userId: otherTeacher.id })).status).toBe(201);
    });

    it('nominates only users of partner schools, by CSR officers of the organising or program company', async () => {
      const w = await mentoringWorld(t);
      const tr = await createTraining(t, w.facilitator, { programYearId: w.yearId, quotaPerSchool: 2 });
      const field = async (userId: string, code: string) => {
        const res = await post(`${BASE}/${tr.id}/nominations`, w.csr, { userId });
        expect(res.status).toBe(422);
        expect(res.body.errors[0]).toMatchObject({ field: 'userId', code });
      };
      await field(w.facilitator2.user.id, 'not_a_school_user');
      await field(MISSING, 'not_a_school_user');
      const judgeAtSchool = await createUser(t.dataSource, 'judge', { organization: w.school });
      await field(judgeAtSchool.id, 'not_a_school_user');
      const stranger = await createUser(t.dataSource, 'principal');
      await field(stranger.id, 'not_a_partner_school');
      expect((await post(`${BASE}/${tr.id}/nominations`, w.csr, { userId: w.principal.user.id })).status).toBe(201);
      for (const who of [w.facilitator, w.principal, w.officer, judge]) expect((await post(`${BASE}/${tr.id}/nominations`, who, { userId: w.principal.user.id })).status).toBe(403);
      expect((await post(`${BASE}/${tr.id}/nominations`, w.csr, { userId: 'x' })).status).toBe(422);
      const own = await createTraining(t, (await mentoringWorld(t)).csr);
      expect((await post(`${BASE}/${own.id}/nominations`, w.csr, { userId: w.principal.user.id })).status).toBe(404);
    });

    it('records attendance, scores within the scale and 1–5 answers; participants enter their own', async () => {
      const w = await mentoringWorld(t);
      const tr = await createTraining(t, w.csr, { scoreMin: 0, scoreMax: 100 });
      const [q1, q2] = tr.questionnaire;
      const p = await addParticipant(t, w.csr, tr.id, { userId: w.principal.user.id, role: 'principal' });
      const url = `${BASE}/${tr.id}/participants/${p.id}`;
      const res = await patch(url, w.csr, { version: 1, attended: true, preScore: 62.5, satisfaction: { [q1.id]: 5 } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ attended: true, preScore: 62.5, postScore: null, satisfaction: { [q1.id]: 5 }, version: 2 });
      const field = async (body: Record<string, unknown>, name: string, code: string) => {
        const r = await patch(url, w.csr, { version: 2, ...body });
        expect(r.status).toBe(422);
        expect(r.body.errors[0]).toMatchObject({ field: name, code });
      };
      await field({ postScore: 100.01 }, 'postScore', 'outside_scale');
      await field({ preScore: -1 }, 'preScore', 'outside_scale');
      await field({ preScore: 50.123 }, 'preScore', 'isNumber');
      await field({ satisfaction: { [q1.id]: 6 } }, `satisfaction.${q1.id}`, 'not_likert');
      await field({ satisfaction: { [q1.id]: 4.5 } }, `satisfaction.${q1.id}`, 'not_likert');
      await field({ satisfaction: { nope: 4 } }, 'satisfaction.nope', 'unknown_item');
      await field({ satisfaction: [4] }, 'satisfaction', 'isObject');
      expect((await patch(url, w.csr, { version: 1, attended: false })).status).toBe(409);
      expect((await patch(url, w.principal, { version: 2, attended: false })).status).toBe(403);
      expect((await patch(`${BASE}/${tr.id}/participants/${MISSING}`, w.csr, { version: 1, attended: false })).status).toBe(404);

      const mine = `${BASE}/${tr.id}/participants/me/responses`;
      const own = await put(mine, w.principal, { postScore: 88, satisfaction: { [q2.id]: 4, [q1.id]: null } });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: p.id, preScore: 62.5, postScore: 88, satisfaction: { [q2.id]: 4 }, version: 3 });
      expect(own.body.satisfaction[q1.id]).toBeUndefined();
      expect((await put(mine, w.principal, { postScore: 101 })).body.errors[0]).toMatchObject({ field: 'postScore', code: 'outside_scale' });
      expect((await put(mine, w.principal, { preScore: null })).body).toMatchObject({ preScore: null, postScore: 88 });
      const lines = await audit(p.id);
      expect(lines[lines.length - 1]).toMatchObject({ action: 'update', actorUserId: w.principal.user.id, changes: expect.objectContaining({ self: true }) });
      expect((await put(mine, w.facilitator, { postScore: 50 })).status).toBe(404);
      expect((await put(mine, w.officer, { postScore: 50 })).status).toBe(404);
    });

    it('lists participants: all to the organiser, only their own school to a principal, by name', async () => {
      const w = await mentoringWorld(t);
      const other = await mentoringWorld(t, { regionCode: '35.78' });
      const tr = await createTraining(t, w.csr);
      const mine = await addParticipant(t, w.csr, tr.id, { externalName: 'Andi (SDN Uji)', role: 'teacher', schoolId: w.school.id });
      const theirs = await addParticipant(t, w.csr, tr.id, { externalName: 'Budi (other school)', role: 'teacher', schoolId: other.school.id });
      expect(ids(await get(`${BASE}/${tr.id}/participants`, w.csr))).toEqual([mine.id, theirs.id]);
      expect(ids(await get(`${BASE}/${tr.id}/participants`, w.principal))).toEqual([mine.id]);
      expect(ids(await get(`${BASE}/${tr.id}/participants`, other.officer))).toEqual([theirs.id]);
      expect(ids(await get(`${BASE}/${tr.id}/participants?limit=1`, w.csr))).toEqual([mine.id]);
      expect((await get(`${BASE}/${tr.id}/participants`, w.facilitator)).status).toBe(404);
    });
  });

  describe('evaluation', () => {
    it('computes attendance, pre/post, gain and its spread, and satisfaction, overall and by role, as worked by hand', async () => {
      const w = await mentoringWorld(t);
      const tr = await createTraining(t, w.csr, {
        questionnaire: [{ text: 'The material was useful' }, { text: 'The facilitator explained clearly' }, { text: 'I will use this in class' }],
      });
      const [q1, q2, q3] = tr.questionnaire.map((q) => q.id);
      const [t1, t2, t3, t4] = await Promise.all(['Guru Satu', 'Guru Dua', 'Guru Tiga', 'Guru Empat'].map((n) => teacher(w, n)));
      const add = (body: Record<string, unknown>) => addParticipant(t, w.csr, tr.id, body);
      const record = async (p: ParticipantBody, body: Record<string, unknown>) => {
        const res = await patch(`${BASE}/${tr.id}/participants/${p.id}`, w.csr, { version: p.version, ...body });
        expect(res.status).toBe(200);
      };
      // P1 answers for themself; the organiser records the rest.
      const p1 = await add({ userId: t1.user.id, role: 'teacher', attended: true });
      expect((await put(`${BASE}/${tr.id}/participants/me/responses`, t1, { preScore: 40, postScore: 70, satisfaction: { [q1]: 5, [q2]: 4, [q3]: 3 } })).status).toBe(200);
      await record(await add({ userId: t2.user.id, role: 'teacher' }), { attended: true, preScore: 55, postScore: 75, satisfaction: { [q1]: 4, [q2]: 4, [q3]: 5 } });
      await record(await add({ userId: t3.user.id, role: 'teacher' }), { attended: true, preScore: 60, postScore: 60, satisfaction: { [q1]: 3, [q2]: 2, [q3]: 4 } });
      await record(await add({ userId: w.principal.user.id, role: 'principal' }), { attended: true, preScore: 70, postScore: 90, satisfaction: { [q1]: 5, [q2]: 5, [q3]: 5 } });
      await record(await add({ externalName: 'Ibu Nurhayati', role: 'parent', schoolId: w.school.id }), { attended: true, preScore: 30, postScore: 45.5, satisfaction: { [q1]: 4, [q2]: 3 } });
      await record(await add({ externalName: 'Bapak Rahman', role: 'parent', schoolId: w.school.id }), { attended: false, preScore: 35 });
      await add({ userId: t4.user.id, role: 'teacher' });
      expect(p1.attended).toBe(true);

      const res = await get(`${BASE}/${tr.id}/evaluation`, w.principal);
      expect(res.status).toBe(200);
      const item = (itemId: string, text: string, answers: number, mean: number | null, positive: number, positivePercent: number | null) => ({ itemId, text, answers, mean, positive, positivePercent });
      expect(res.body).toEqual({
        trainingId: tr.id,
        scoreScale: { min: 0, max: 100 },
        overall: {
          participants: 7,
          attended: 5,
          attendanceNotRecorded: 1,
          attendanceRatePercent: 71.43, // 5 / 7
          // pre: 40+55+60+70+30+35 = 290 / 6; post: 70+75+60+90+45.5 = 340.5 / 5; gains 30, 20, 0, 20, 15.5 = 85.5 / 5;
          // squared deviations from 17.1: 166.41 + 8.41 + 292.41 + 8.41 + 2.56 = 478.2; sd = √(478.2 / 4) = 10.9339…
          scores: { preCount: 6, meanPre: 48.33, postCount: 5, meanPost: 68.1, pairedCount: 5, meanGain: 17.1, gainSd: 10.93, improved: 4, unchanged: 1, declined: 0 },
          satisfaction: [
            item(q1, 'The material was useful', 5, 4.2, 4, 80), // 5 4 3 5 4
            item(q2, 'The facilitator explained clearly', 5, 3.6, 3, 60), // 4 4 2 5 3
            item(q3, 'I will use this in class', 4, 4.25, 3, 75), // 3 5 4 5
          ],
        },
        byRole: [
          {
            role: 'principal',
            participants: 1,
            attended: 1,
            attendanceNotRecorded: 0,
            attendanceRatePercent: 100,
            scores: { preCount: 1, meanPre: 70, postCount: 1, meanPost: 90, pairedCount: 1, meanGain: 20, gainSd: null, improved: 1, unchanged: 0, declined: 0 },
            satisfaction: [item(q1, 'The material was useful', 1, 5, 1, 100), item(q2, 'The facilitator explained clearly', 1, 5, 1, 100), item(q3, 'I will use this in class', 1, 5, 1, 100)],
          },
          {
            role: 'teacher',
            participants: 4,
            attended: 3,
            attendanceNotRecorded: 1,
            attendanceRatePercent: 75,
            // pre 155 / 3; post 205 / 3; gains 30, 20, 0: mean 50 / 3, sd = √((1600 + 100 + 2500) / 9 / 2) = 15.275…
            scores: { preCount: 3, meanPre: 51.67, postCount: 3, meanPost: 68.33, pairedCount: 3, meanGain: 16.67, gainSd: 15.28, improved: 2, unchanged: 1, declined: 0 },
            satisfaction: [item(q1, 'The material was useful', 3, 4, 2, 66.67), item(q2, 'The facilitator explained clearly', 3, 3.33, 2, 66.67), item(q3, 'I will use this in class', 3, 4, 2, 66.67)],
          },
          {
            role: 'parent',
            participants: 2,
            attended: 1,
            attendanceNotRecorded: 0,
            attendanceRatePercent: 50,
            scores: { preCount: 2, meanPre: 32.5, postCount: 1, meanPost: 45.5, pairedCount: 1, meanGain: 15.5, gainSd: null, improved: 1, unchanged: 0, declined: 0 },
            satisfaction: [item(q1, 'The material was useful', 1, 4, 1, 100), item(q2, 'The facilitator explained clearly', 1, 3, 0, 0), item(q3, 'I will use this in class', 0, null, 0, null)],
          },
        ],
      });
    });

    it('answers an empty evaluation for a training without participants', async () => {
      const w = await mentoringWorld(t);
      const tr = await createTraining(t, w.csr);
      const res = await get(`${BASE}/${tr.id}/evaluation`, w.csr);
      expect(res.body.overall).toMatchObject({ participants: 0, attendanceRatePercent: null, scores: { meanPre: null, meanGain: null, gainSd: null } });
      expect(res.body.overall.satisfaction.map((i: { answers: number; mean: number | null }) => [i.answers, i.mean])).toEqual([
        [0, null],
        [0, null],
        [0, null],
      ]);
      expect(res.body.byRole).toEqual([]);
    });
  });
});
