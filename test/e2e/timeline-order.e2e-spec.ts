import { momentSql, sameDayMomentSql } from '../../src/partnerships/timeline/timeline-moment';
import { PartnershipTimelineSources } from '../../src/partnerships/timeline/timeline-source';
import type { TimelineSource } from '../../src/partnerships/timeline/timeline-source';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';
import { completeContent, planWorld, SignedIn } from '../support/plan-factories';
import { companyWithCsr, insertMou, insertPartnership, insertProgram, insertProgramYear } from '../support/program-factories';

type Event = { date: string; at: string | null; kind: string; title: string; detail: string | null; refId: string };
type Timeline = { years: Array<{ year: number; events: Event[] }> };

const events = (body: Timeline) => body.years.flatMap((y) => y.events);

// The partnership and school timelines tell events in the order they happened: by date, then by
// the moment the record holds, never by the order the sources were registered in; and a step a
// record took twice shows twice.
describe('timeline order', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /**
   * One day, 14 August 2025, told by three sources, inserted so that the sources' order (status
   * changes, then MoUs, then plans) is the opposite of what happened: the MoU signed at 08:00 WIB,
   * the plan submitted at 10:00, the partnership started at 14:00; and an older MoU that ran out
   * that day, known only to the day.
   */
  async function oneDay() {
    const { company, csr } = await companyWithCsr(t.dataSource, t.http);
    const program = await insertProgram(t.dataSource, company.id, { startYear: 2025 });
    const year = await insertProgramYear(t.dataSource, program.id, 2025, { status: 'running' });
    const school = await createOrganization(t.dataSource, 'school', { regionCode: '63.71' });
    const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: school });
    const p = await insertPartnership(t.dataSource, program, school, [
      { to: 'prospective', on: '2025-08-01' },
      { to: 'active', on: '2025-08-14' },
    ]);
    // Started through the API at 14:00 WIB on the day it is dated.
    await t.dataSource.query(`UPDATE partnership_events SET created_at = '2025-08-14T07:00:00Z' WHERE partnership_id = $1 AND to_status = 'active'`, [p.id]);
    const [started] = (await t.dataSource.query(`SELECT id FROM partnership_events WHERE partnership_id = $1 AND to_status = 'active'`, [p.id])) as Array<{ id: string }>;
    const tag = Math.random().toString(36).slice(2, 8);
    const both = (at: string) => [
      { organizationId: company.id, userId: csr.user.id, at },
      { organizationId: school.id, userId: principal.user.id, at },
    ];
    const older = await insertMou(t.dataSource, p, { number: `OLD-${tag}`, effectiveDate: '2024-08-15', expiryDate: '2025-08-14', status: 'expired', signedBy: both('2024-08-10T03:00:00Z') });
    const signed = await insertMou(t.dataSource, p, { number: `NEW-${tag}`, effectiveDate: '2025-08-15', expiryDate: '2027-08-14', status: 'active', signedBy: both('2025-08-14T01:00:00Z') });
    const [{ id: plan }] = (await t.dataSource.query(
      `INSERT INTO plans (school_id, program_year_id, partnership_id, title, status, submitted_at, created_by_user_id)
       VALUES ($1, $2, $3, 'Rencana program', 'submitted', '2025-08-14T03:00:00Z', $4) RETURNING id`,
      [school.id, year.id, p.id, principal.user.id],
    )) as Array<{ id: string }>;
    await t.dataSource.query(
      `INSERT INTO plan_versions (plan_id, number, revision, title, content, submitted_by_user_id, submitted_at) VALUES ($1, 1, 0, 'Rencana program', '{}', $2, '2025-08-14T03:00:00Z')`,
      [plan, principal.user.id],
    );
    return { csr, school, p, started: started.id, older, signed, plan, tag };
  }

  it('orders the events of one day by the moment they happened, the day-only ones last, each with its moment', async () => {
    const c = await oneDay();
    const res = await t.http.get(`/api/v1/partnerships/${c.p.id}/timeline`).set('Authorization', c.csr.auth);
    expect(res.status).toBe(200);
    const day = events(res.body as Timeline).filter((e) => e.date === '2025-08-14');
    expect(day.map((e) => [e.at, e.kind, e.title, e.refId])).toEqual([
      ['2025-08-14T01:00:00.000Z', 'mou_signed', `MoU NEW-${c.tag} signed`, c.signed.id],
      ['2025-08-14T03:00:00.000Z', 'plan_submitted', 'Plan 2025 submitted', c.plan],
      ['2025-08-14T07:00:00.000Z', 'partnership_status', 'Partnership started', c.started],
      [null, 'mou_expired', `MoU OLD-${c.tag} expired`, c.older.id],
    ]);
    // A status change recorded on a later day than it is dated is known only to its day.
    expect(events(res.body as Timeline).find((e) => e.date === '2025-08-01')).toMatchObject({ kind: 'partnership_status', at: null });
  });

  it('tells the school timeline in the same order', async () => {
    const c = await oneDay();
    const own = await t.http.get(`/api/v1/partnerships/${c.p.id}/timeline`).set('Authorization', c.csr.auth);
    const school = await t.http.get(`/api/v1/schools/${c.school.id}/timeline`).set('Authorization', c.csr.auth);
    expect(school.status).toBe(200);
    const mine = (school.body as { partnerships: Array<{ partnershipId: string } & Timeline> }).partnerships.find((x) => x.partnershipId === c.p.id)!;
    expect(events(mine).filter((e) => e.date === '2025-08-14').map((e) => e.kind)).toEqual(['mou_signed', 'plan_submitted', 'partnership_status', 'mou_expired']);
    expect(events(mine)).toEqual(events(own.body as Timeline));
  });

  it('keeps the order when the sources are registered in another order, ties broken by kind then record', async () => {
    const c = await oneDay();
    // Ended and its MoU terminated on one day, both known only to the day: the status change first, by kind.
    await t.dataSource.query(
      `INSERT INTO partnership_events (partnership_id, from_status, to_status, occurred_on, reason, created_at) VALUES ($1, 'active', 'ended', '2025-09-30', 'Moved', '2025-10-20T03:00:00Z')`,
      [c.p.id],
    );
    await t.dataSource.query(`UPDATE mous SET status = 'terminated', terminated_on = '2025-09-30', termination_reason = 'Ended' WHERE id = $1`, [c.signed.id]);
    const read = async () => {
      const res = await t.http.get(`/api/v1/partnerships/${c.p.id}/timeline`).set('Authorization', c.csr.auth);
      expect(res.status).toBe(200);
      return events(res.body as Timeline);
    };
    const before = await read();
    expect(before.filter((e) => e.date === '2025-09-30').map((e) => [e.at, e.kind])).toEqual([
      [null, 'partnership_status'],
      [null, 'mou_terminated'],
    ]);
    const sources = t.app.get(PartnershipTimelineSources).list() as TimelineSource[];
    const registered = [...sources];
    sources.reverse();
    try {
      expect(sources.map((s) => s.name)).not.toEqual(registered.map((s) => s.name));
      expect(await read()).toEqual(before);
    } finally {
      sources.splice(0, sources.length, ...registered);
    }
  });

  describe('a plan that took a step twice', () => {
    const post = (who: SignedIn, id: string, action: string, body?: Record<string, unknown>) => {
      const req = t.http.post(`/api/v1/plans/${id}/${action}`).set('Authorization', who.auth);
      return body === undefined ? req : req.send(body);
    };

    it('shows each submission and each approval, in the order they happened, at the moments the plan history holds', async () => {
      const w = await planWorld(t.dataSource, t.http);
      const created = await t.http
        .post('/api/v1/plans')
        .set('Authorization', w.principal.auth)
        .send({ programYearId: w.year.id, title: 'Rencana Program 2026', facilitatorUserId: w.facilitator.user.id, content: completeContent() });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      // Submitted, returned, resubmitted and approved; then revised, submitted and approved again.
      expect((await post(w.principal, id, 'submit')).status).toBe(200);
      expect((await post(w.facilitator, id, 'request-changes', { comment: 'Tambahkan indikator orang tua.' })).status).toBe(200);
      expect((await post(w.principal, id, 'submit')).status).toBe(200);
      expect((await post(w.csr, id, 'approve')).status).toBe(200);
      expect((await post(w.principal, id, 'revise')).status).toBe(200);
      expect((await post(w.principal, id, 'submit')).status).toBe(200);
      expect((await post(w.csr, id, 'approve')).status).toBe(200);

      const res = await t.http.get(`/api/v1/partnerships/${w.partnership.id}/timeline`).set('Authorization', w.csr.auth);
      expect(res.status).toBe(200);
      const steps = events(res.body as Timeline).filter((e) => e.refId === id);
      expect(steps.map((e) => [e.kind, e.title])).toEqual([
        ['plan_submitted', 'Plan 2026 submitted'],
        ['plan_submitted', 'Plan 2026 resubmitted'],
        ['plan_approved', 'Plan 2026 approved'],
        ['plan_submitted', 'Plan 2026 submitted (revision 1)'],
        ['plan_approved', 'Plan 2026 approved (revision 1)'],
      ]);
      // The moments are those of the three submitted versions and of the two approvals.
      const versions = (await t.dataSource.query(`SELECT ${momentSql('submitted_at')} AS at FROM plan_versions WHERE plan_id = $1 ORDER BY number`, [id])) as Array<{ at: string }>;
      const approvals = (await t.dataSource.query(
        `SELECT ${momentSql('occurred_at')} AS at FROM audit_events WHERE entity_type = 'plan' AND entity_id = $1 AND changes -> 'status' ->> 'to' = 'approved' ORDER BY id`,
        [id],
      )) as Array<{ at: string }>;
      expect(versions).toHaveLength(3);
      expect(steps.map((e) => e.at)).toEqual([versions[0].at, versions[1].at, approvals[0].at, versions[2].at, approvals[1].at]);

      const indonesian = await t.http.get(`/api/v1/partnerships/${w.partnership.id}/timeline`).set('Authorization', w.csr.auth).set('Accept-Language', 'id');
      expect(events(indonesian.body as Timeline).filter((e) => e.refId === id).map((e) => e.title)).toEqual([
        'Rencana program 2026 dikirim',
        'Rencana program 2026 dikirim ulang',
        'Rencana program 2026 disetujui',
        'Rencana program 2026 dikirim (revisi 1)',
        'Rencana program 2026 disetujui (revisi 1)',
      ]);
    });

    it('shows the current approval from the plan itself when the audit log has none', async () => {
      const w = await planWorld(t.dataSource, t.http);
      const [{ id }] = (await t.dataSource.query(
        `INSERT INTO plans (school_id, program_year_id, partnership_id, title, status, submitted_at, approved_at, created_by_user_id)
         VALUES ($1, $2, $3, 'Rencana lama', 'approved', '2026-02-02T02:00:00Z', '2026-02-09T04:00:00Z', $4) RETURNING id`,
        [w.school.id, w.year.id, w.partnership.id, w.principal.user.id],
      )) as Array<{ id: string }>;
      const res = await t.http.get(`/api/v1/partnerships/${w.partnership.id}/timeline`).set('Authorization', w.csr.auth);
      expect(events(res.body as Timeline).filter((e) => e.refId === id).map((e) => [e.date, e.at, e.kind])).toEqual([
        ['2026-02-02', '2026-02-02T02:00:00.000Z', 'plan_submitted'],
        ['2026-02-09', '2026-02-09T04:00:00.000Z', 'plan_approved'],
      ]);
    });
  });

  it('gives a record dated to a day the moment it was made only when it was made on that day, by any calendar in use', async () => {
    const moment = async (date: string, createdAt: string) => {
      const [row] = (await t.dataSource.query(`SELECT ${sameDayMomentSql('CAST($1 AS date)', 'CAST($2 AS timestamptz)')} AS at`, [date, createdAt])) as Array<{ at: string | null }>;
      return row.at;
    };
    // 00:00 of the day in eastern Indonesia (UTC+9) is the earliest moment of the day.
    expect(await moment('2025-08-14', '2025-08-13T15:00:00Z')).toBe('2025-08-13T15:00:00.000Z');
    expect(await moment('2025-08-14', '2025-08-13T14:59:59.999Z')).toBeNull();
    // The end of the day in UTC, the platform's own calendar, is the latest.
    expect(await moment('2025-08-14', '2025-08-14T23:59:59.999Z')).toBe('2025-08-14T23:59:59.999Z');
    expect(await moment('2025-08-14', '2025-08-15T00:00:00Z')).toBeNull();
    expect(await moment('2025-08-14', '2025-08-14T07:00:00.123456Z')).toBe('2025-08-14T07:00:00.123Z');
  });
});
